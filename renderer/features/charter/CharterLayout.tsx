import { Outlet } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { Page } from '../../components/Page';
import { SubNav } from '../../components/SubNav';
import { DraftStatusBadge } from './DraftStatusBadge';

const SECTIONS = [
  { to: '/charter', label: 'Draft', end: true },
  { to: '/charter/versions', label: 'Versions', end: false },
  { to: '/charter/compare', label: 'Compare', end: false },
] as const;

/** The Charter area: its header, status, and the Draft / Versions / Compare sections. */
export function CharterLayout() {
  const draft = useRpcQuery('charter.getDraft', {});
  return (
    <Page
      title="Charter"
      status={draft.data && <DraftStatusBadge draft={draft.data} />}
      description="What the coalition stands for and works toward together. Edit the draft, then adopt it as a version members can endorse."
      nav={
        <SubNav label="Charter sections" links={SECTIONS} />
      }
    >
      <Outlet />
    </Page>
  );
}
