import { useEffect, useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { subscribe } from '../api/client';
import { colorSchemeManager, theme } from './theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Local data changes only through this window: mutations and workspace switches
        // invalidate exactly what they change, so nothing goes stale on its own.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        // An RPC error is an answer, not a network hiccup: retrying gives the same answer.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}

/** A different workspace means different data everywhere: refetch every query. */
function WorkspaceEvents() {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'workspace-changed') void client.invalidateQueries();
      }),
    [client],
  );
  return null;
}

export type MantineEnv = 'default' | 'test';

export function AppProviders({ env, children }: { env: MantineEnv; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    // "auto" follows the system theme until the coordinator picks one with the toggle.
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto" env={env}>
      <QueryClientProvider client={queryClient}>
        <WorkspaceEvents />
        <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }}>
          {/* Top right: the bottom of the window holds the editor's save bar. */}
          <Notifications position="top-right" limit={4} />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
