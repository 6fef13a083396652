import type { ReactNode } from 'react';
import { Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

interface PageProps {
  title: string;
  description?: ReactNode;
  /** Status shown next to the title (a badge). */
  status?: ReactNode;
  /** Buttons at the right of the header. */
  actions?: ReactNode;
  /** Navigation under the header (section links). */
  nav?: ReactNode;
  /** Wide screens (tables) use the whole window width. */
  fluid?: boolean;
  children: ReactNode;
}

/** The frame of every screen: a header with title, status and description, then the content. */
export function Page({ title, description, status, actions, nav, fluid = false, children }: PageProps) {
  // The window title names the screen (the OS task switcher shows it).
  useDocumentTitle(`${title} · Coalition Desk`);
  return (
    <Container size={fluid ? undefined : 'lg'} fluid={fluid} px="xl" py={fluid ? 'lg' : 'xl'}>
      <Stack gap={fluid ? 'md' : 'lg'}>
        <Box>
          <Group justify="space-between" align="flex-start" gap="md" wrap="nowrap">
            <Stack gap={6} style={{ minWidth: 0 }}>
              <Group gap="sm" align="center">
                <Title order={1} fz={26}>
                  {title}
                </Title>
                {status}
              </Group>
              {description && (
                <Text c="dimmed" size="sm" maw={640} component="div">
                  {description}
                </Text>
              )}
            </Stack>
            {actions && (
              <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                {actions}
              </Group>
            )}
          </Group>
          {nav && <Box mt="md">{nav}</Box>}
        </Box>
        {children}
      </Stack>
    </Container>
  );
}
