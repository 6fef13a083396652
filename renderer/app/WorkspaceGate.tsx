import { Outlet } from 'react-router';
import { useRpcQuery } from '../api/queries';
import { CenteredScreen } from '../components/CenteredScreen';
import { Loading } from '../components/Loading';
import { QueryError } from '../components/QueryError';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { isDamagedWorkspace, RecoveryScreen } from '../features/workspace/RecoveryScreen';
import { WorkspaceErrorPage } from '../features/workspace/WorkspaceErrorPage';
import { AppLayout } from './AppLayout';

/**
 * Decides what the window shows: a damaged workspace gets the recovery screen, a workspace that
 * cannot be opened otherwise is explained, a coalition
 * not set up yet gets the welcome screen, everything else gets the app.
 */
export function WorkspaceGate() {
  const info = useRpcQuery('workspace.info', {});
  const profile = useRpcQuery('profile.get', {}, { enabled: info.isSuccess });

  // A damaged file gets the recovery screen (its backups); other problems are explained.
  if (info.isError && isDamagedWorkspace(info.error)) return <RecoveryScreen error={info.error} onRetry={() => void info.refetch()} />;
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
