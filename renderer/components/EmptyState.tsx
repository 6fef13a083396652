import type { ReactNode } from 'react';
import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface EmptyStateProps {
  icon: Icon;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

/** A calm placeholder for "nothing here yet", always saying what to do next. */
export function EmptyState({ icon: IconComponent, title, children, action }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" py="md" ta="center">
        <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
          <IconComponent size={22} stroke={1.6} />
        </ThemeIcon>
        <Title order={3} fz="lg">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm" maw={460}>
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
