import type { ReactNode } from 'react';
import { Box, Center } from '@mantine/core';

/** A full-window screen with its content centered (welcome, workspace problems). */
export function CenteredScreen({ children, width = 560 }: { children: ReactNode; width?: number }) {
  return (
    <Box component="main" className="centered-screen">
      <Center mih="100vh" p="xl">
        <Box w="100%" maw={width}>
          {children}
        </Box>
      </Center>
    </Box>
  );
}
