import { Button, Code, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { errorMessage } from '../api/errors';
import { CenteredScreen } from '../components/CenteredScreen';

/** Last line of defence: a screen that crashed explains itself instead of going blank. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <CenteredScreen>
      <Stack gap="md">
        <Title order={1} fz={24}>
          Something went wrong on this screen
        </Title>
        <Text c="dimmed">Everything you saved is safe in the workspace file. Reloading usually helps.</Text>
        <Code block>{errorMessage(error)}</Code>
        <div>
          <Button onClick={() => window.location.reload()}>Reload Coalition Desk</Button>
        </div>
      </Stack>
    </CenteredScreen>
  );
}
