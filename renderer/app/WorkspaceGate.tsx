import { Outlet } from 'react-router';
import { useRpcQuery } from '../api/queries';
import { CenteredScreen } from '../components/CenteredScreen';
import { Loading } from '../components/Loading';
import { QueryError } from '../components/QueryError';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { WorkspaceErrorPage } from '../features/workspace/WorkspaceErrorPage';
import { AppLayout } from './AppLayout';

/**
 * Decides what the window shows: a workspace that cannot be opened is explained, a coalition
 * not set up yet gets the welcome screen, everything else gets the app.
 */
export function WorkspaceGate() {
  const info = useRpcQuery('workspace.info', {});
  const profile = useRpcQuery('profile.get', {}, { enabled: info.isSuccess });

  if (info.isError) return <WorkspaceErrorPage error={info.error} onRetry={() => void info.refetch()} />;
  if (profile.isError) {
    return (
      <CenteredScreen>
        <QueryError title="The coalition profile could not be read" error={profile.error} onRetry={() => void profile.refetch()} />
      </CenteredScreen>
    );
  }
  if (!info.data || profile.data === undefined) return <Loading label="Opening workspace" fullPage />;
  if (profile.data === null) return <WelcomeScreen />;
  return (
    <AppLayout workspace={info.data} profile={profile.data}>
      <Outlet />
    </AppLayout>
  );
}
