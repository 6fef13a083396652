import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

/** Switches between light and dark; Mantine's color-scheme manager keeps the choice in localStorage. */
export function useThemeToggle(): { dark: boolean; toggle: () => void } {
  const { setColorScheme } = useMantineColorScheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return { dark, toggle: () => setColorScheme(dark ? 'light' : 'dark') };
}

export function ThemeToggle() {
  const { dark, toggle } = useThemeToggle();
  return (
    <Tooltip label={dark ? 'Switch to light theme' : 'Switch to dark theme'}>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Toggle theme" onClick={toggle}>
        {dark ? <IconSun size={18} stroke={1.6} /> : <IconMoon size={18} stroke={1.6} />}
      </ActionIcon>
    </Tooltip>
  );
}
