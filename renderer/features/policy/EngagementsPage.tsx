import { useState } from 'react';
import { Button, Checkbox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRpcQuery } from '../../api/queries';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { EngagementForm } from './EngagementForm';
import { EngagementList } from './EngagementList';
import { PolicyNav } from './PolicyNav';

/** Policy ▸ Engagements: every meeting, testimony, briefing, letter and visit, or only those with open follow-ups. */
export function EngagementsPage() {
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useRpcQuery('policy.engagements.list', { officialId: null, billId: null, campaignId: null, openFollowUps: open, offset: 0, limit: 200 });
  return (
    <Page
      title="Engagements"
      description="Meetings with officials and their staff, testimony at hearings, briefings, letters and site visits. A meeting also appears in the meeting planner."
      nav={<PolicyNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          Record engagement
        </Button>
      }
    >
      <Checkbox label="Only open follow-ups" checked={open} onChange={(e) => setOpen(e.currentTarget.checked)} />
      {list.isError && <QueryError title="The engagements could not be read" error={list.error} />}
      {list.data && (
        <Section title={`${list.data.total.toLocaleString('en')} engagement${list.data.total === 1 ? '' : 's'}`}>
          <EngagementList engagements={list.data.rows} label="Engagements" />
        </Section>
      )}
      {adding && <EngagementForm opened onClose={() => setAdding(false)} />}
    </Page>
  );
}
