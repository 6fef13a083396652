import { Stack } from '@mantine/core';
import { useRpcQuery } from '../../../api/queries';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { ProfileCard } from '../../profile/ProfileCard';
import { CharterEditor } from './CharterEditor';

/** Charter → Draft: the coalition profile, then the draft editor. */
export function CharterDraftPage() {
  const workspace = useRpcQuery('workspace.info', {});
  const profile = useRpcQuery('profile.get', {});
  const draft = useRpcQuery('charter.getDraft', {});

  if (draft.isError) return <QueryError title="The charter draft could not be read" error={draft.error} onRetry={() => void draft.refetch()} />;
  if (!draft.data || !profile.data || !workspace.data) return <Loading label="Loading the charter" />;
  return (
    <Stack gap="lg">
      <ProfileCard profile={profile.data} />
      {/* Another workspace is another charter: start the editor afresh. */}
      <CharterEditor key={workspace.data.path} draft={draft.data} />
    </Stack>
  );
}
