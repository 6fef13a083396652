import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconGitCompare, IconHistory, IconPencil, IconSearch, IconSunMoon } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { AREAS } from './areas';
import { useThemeToggle } from './ThemeToggle';

const iconProps = { size: 18, stroke: 1.6 } as const;

/** Ctrl/Cmd+K: jump to any area or run a common action from the keyboard. */
export function CommandPalette() {
  const navigate = useNavigate();
  const theme = useThemeToggle();
  const go = (path: string) => () => void navigate(path);

  const actions: SpotlightActionGroupData[] = [
    {
      group: 'Go to',
      actions: AREAS.map(
        (area): SpotlightActionData => ({
          id: `go:${area.path}`,
          label: area.label,
          description: area.built ? area.summary : `Coming soon — ${area.summary}`,
          leftSection: <area.icon {...iconProps} />,
          onClick: go(area.path),
        }),
      ),
    },
    {
      group: 'Charter',
      actions: [
        {
          id: 'charter:edit',
          label: 'Edit charter',
          description: 'Mission, vision, values and shared goals',
          leftSection: <IconPencil {...iconProps} />,
          onClick: go('/charter'),
        },
        {
          id: 'charter:versions',
          label: 'Charter versions',
          description: 'Every adopted version',
          leftSection: <IconHistory {...iconProps} />,
          onClick: go('/charter/versions'),
        },
        {
          id: 'charter:compare',
          label: 'Compare versions',
          description: 'What changed between two versions',
          leftSection: <IconGitCompare {...iconProps} />,
          onClick: go('/charter/compare'),
        },
      ],
    },
    {
      group: 'Preferences',
      actions: [
        {
          id: 'theme:toggle',
          label: 'Toggle theme',
          description: theme.dark ? 'Switch to the light theme' : 'Switch to the dark theme',
          leftSection: <IconSunMoon {...iconProps} />,
          onClick: theme.toggle,
        },
      ],
    },
  ];

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      nothingFound="Nothing matches. Try an area name, like “Charter” or “Meetings”."
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} />,
        placeholder: 'Jump to an area or run a command…',
        'aria-label': 'Search commands',
      }}
    />
  );
}
