import { useState } from 'react';
import { Button, Group, Pagination, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { ActionItemModal, ActionItemsTable } from './ActionItems';
import { MeetingsNav } from './MeetingsNav';
import { MePicker, useMe } from './useMe';

type View = 'mine' | 'overdue' | 'open';
const PAGE = 50;

/** Action items across all meetings: mine, overdue (relative to today), or every open one. */
export function ActionItemsPage() {
  const [view, setView] = useState<View>('overdue');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [me] = useMe();
  // Read once per visit: "overdue" is relative to the renderer's today (tests move the clock).
  const [day] = useState(today);
  const filters =
    view === 'mine' ? { ownerPersonId: me?.id ?? '', openOnly: true } : view === 'overdue' ? { overdueOn: day } : { openOnly: true };
  const items = useRpcQuery('actionItems.list', { ...filters, offset: (page - 1) * PAGE, limit: PAGE }, { enabled: view !== 'mine' || me !== null });
  const total = items.data?.total ?? 0;

  return (
    <Page
      title="Action items"
      nav={<MeetingsNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New action item
        </Button>
      }
    >
      <Group justify="space-between" align="flex-end">
        <SegmentedControl<View>
          aria-label="Which action items"
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          data={[
            { value: 'overdue', label: 'Overdue' },
            { value: 'mine', label: 'My action items' },
            { value: 'open', label: 'All open' },
          ]}
        />
        {view === 'mine' && (
          <MePicker />
        )}
      </Group>
      <Section title={view === 'overdue' ? 'Overdue' : view === 'mine' ? (me ? `${me.name}'s open items` : 'My action items') : 'Open action items'}>
        {items.isError && <QueryError title="The action items could not be loaded" error={items.error} onRetry={() => void items.refetch()} />}
        {view === 'mine' && !me ? (
          <Text size="sm" c="dimmed">
            Choose who you are to see your action items.
          </Text>
        ) : (
          items.data && (
            <>
              <Text size="sm" c="dimmed">
                {total === 0 ? (view === 'overdue' ? 'Nothing is overdue.' : 'No open action items.') : `${total} action item${total === 1 ? '' : 's'}`}
              </Text>
              <ActionItemsTable items={items.data.rows} today={day} label={view === 'overdue' ? 'Overdue action items' : 'Action items'} />
              {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
            </>
          )
        )}
      </Section>
      <ActionItemModal opened={adding} onClose={() => setAdding(false)} item={null} meetingId={null} />
    </Page>
  );
}
