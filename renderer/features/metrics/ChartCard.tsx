import { useRef, type ReactNode } from 'react';
import { ActionIcon, Box, Group, Menu, Paper, Stack, Text, Title, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { notifyError } from '../../api/errors';
import { saveChart } from './chartExport';

/** Chart colours per scheme: readable on white and on Mantine's dark background. */
export function useChartPalette() {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const shade = dark ? 4 : 6;
  return {
    series: [theme.colors.indigo[shade], theme.colors.teal[shade], theme.colors.orange[shade], theme.colors.grape[shade], theme.colors.cyan[shade], theme.colors.lime[dark ? 4 : 7], theme.colors.pink[shade], theme.colors.yellow[dark ? 4 : 7]] as string[],
    target: dark ? theme.colors.yellow[3] : theme.colors.dark[6],
    text: dark ? theme.colors.dark[0] : theme.colors.gray[8],
    grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
    background: dark ? theme.colors.dark[7] : theme.white,
    tooltipBg: dark ? theme.colors.dark[6] : theme.white,
  };
}

/**
 * A dashboard panel holding one chart: its title, a hint ("click a bar for the records"), and a
 * menu that saves the chart as PNG or SVG.
 */
export function ChartCard({ title, hint, period, children, empty }: { title: string; hint?: string; period: string; children: ReactNode; empty?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const palette = useChartPalette();
  const save = (format: 'png' | 'svg') => {
    if (!ref.current) return;
    saveChart(ref.current, { title, period, format, background: palette.background }).catch((error: unknown) => notifyError('The chart could not be saved', error));
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} fz="md">
              {title}
            </Title>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
          </div>
          {!empty && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Save the chart “${title}”`}>
                  <IconDownload size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => save('png')}>Save as PNG…</Menu.Item>
                <Menu.Item onClick={() => save('svg')}>Save as SVG…</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {empty ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {empty}
          </Text>
        ) : (
          <Box ref={ref}>{children}</Box>
        )}
      </Stack>
    </Paper>
  );
}
