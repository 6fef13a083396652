import { Alert, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { RpcError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { CenteredScreen } from '../../components/CenteredScreen';
import { useWorkspaceSwitch } from './useWorkspaceSwitch';

/**
 * Shown instead of the app when the workspace cannot be opened (a file from a newer version,
 * a damaged or foreign file): what happened, and a way to keep working.
 */
export function WorkspaceErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const openSample = useWorkspaceSwitch('workspace.openSample');
  const isWorkspaceProblem = error instanceof RpcError && error.code === 'workspace';

  return (
    <CenteredScreen width={600}>
      <Stack gap="lg">
        <ThemeIcon size={52} radius="xl" variant="light" color="orange" aria-hidden>
          <IconDatabaseOff size={26} stroke={1.6} />
        </ThemeIcon>
        <Stack gap="xs">
          <Title order={1} fz={26}>
            {isWorkspaceProblem ? 'This workspace cannot be opened' : 'Coalition Desk could not start'}
          </Title>
          <Text c="dimmed">
            {isWorkspaceProblem
              ? 'Coalition Desk keeps each coalition in one workspace file. The file it tried to open could not be used, and it was left as it was.'
              : 'The data service did not answer as expected. Your workspace file was not changed.'}
          </Text>
        </Stack>
        <Alert color="orange" variant="light" title="What happened" role="alert">
          {errorMessage(error)}
        </Alert>
        <Text size="sm" c="dimmed">
          You can explore the sample coalition in the meantime; it lives in its own file and does not touch yours.
        </Text>
        <Group>
          <Button onClick={() => openSample.mutate()} loading={openSample.isPending}>
            Explore sample coalition
          </Button>
          <Button variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      </Stack>
    </CenteredScreen>
  );
}
