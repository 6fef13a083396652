import type { ReactNode } from 'react';
import { Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

interface PageProps {
  title: string;
  description?: ReactNode;
  /** Status shown next to the title (a badge). */
  status?: ReactNode;
  /** Navigation under the header (section links). */
  nav?: ReactNode;
  children: ReactNode;
}

/** The frame of every screen: a header with title, status and description, then the content. */
export function Page({ title, description, status, nav, children }: PageProps) {
  // The window title names the screen (the OS task switcher shows it).
  useDocumentTitle(`${title} · Coalition Desk`);
  return (
    <Container size="lg" px="xl" py="xl">
      <Stack gap="lg">
        <Box>
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Title order={1} fz={26}>
                {title}
              </Title>
              {status}
            </Group>
            {description && (
              <Text c="dimmed" size="sm" maw={640}>
                {description}
              </Text>
            )}
          </Stack>
          {nav && <Box mt="md">{nav}</Box>}
        </Box>
        {children}
      </Stack>
    </Container>
  );
}
