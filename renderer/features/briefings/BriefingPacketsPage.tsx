import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, List, MultiSelect, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconFileZip, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { BATCH_SCOPE_KINDS, BATCH_STATES, MAX_BATCH_OFFICIALS, batchTask, type BatchScope } from '@shared/briefings/contract';
import { call } from '../../api/client';
import { errorMessage, notifyError } from '../../api/errors';
import { useRpcQuery } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { today } from '../../components/format';
import { useProgress } from '../directory/import/useProgress';
import { localPageSize, saveDocument } from '../meetings/documents/saveFile';
import { ReportsNav } from '../reports/ReportsNav';

type ScopeKind = BatchScope['kind'];

/** The most officials the preview lists by name (the count is always whole). */
const PREVIEW_NAMES = 12;

/**
 * Briefing packets for many officials at once: a committee's members, a campaign's target
 * officials or a chosen list. The packets are made in the background (a progress bar, Cancel)
 * and saved as one ZIP of one PDF per official.
 */
export function BriefingPacketsPage() {
  const [kind, setKind] = useState<ScopeKind>('committee');
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [officialIds, setOfficialIds] = useState<string[]>([]);
  const [day, setDay] = useState<string | null>(today());
  const [paper, setPaper] = useState<'A4' | 'LETTER'>(localPageSize());
  const [job, setJob] = useState<{ jobId: string; total: number; fileName: string } | null>(null);

  const scope: BatchScope | null =
    kind === 'committee' ? (committeeId ? { kind, committeeId } : null) : kind === 'campaign' ? (campaignId ? { kind, campaignId } : null) : officialIds.length > 0 ? { kind, officialIds } : null;
  const preview = useRpcQuery('briefings.scope', { scope: scope ?? { kind: 'officials', officialIds: [] } }, { enabled: scope !== null });

  const start = useMutation({
    mutationFn: (input: { scope: BatchScope; day: string; pageSize: 'A4' | 'LETTER' }) => call('briefings.startBatch', input),
    onSuccess: setJob,
    onError: (error) => notifyError('The packets could not be started', error),
  });

  return (
    <Page
      title="Briefing packets"
      description="A packet for each official of a committee, of a campaign's targets or of a list you choose, made in the background and saved as one ZIP file with one PDF per official."
      nav={<ReportsNav />}
    >
      <Section title="Whose packets" hint="Stories are printed only where the storyteller's consent covers policymakers on the meeting day.">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value)}
          data={(Object.keys(BATCH_SCOPE_KINDS) as ScopeKind[]).map((value) => ({ value, label: BATCH_SCOPE_KINDS[value] }))}
          disabled={job !== null}
          aria-label="Whose packets"
        />
        {kind === 'committee' && <CommitteePicker value={committeeId} onChange={setCommitteeId} disabled={job !== null} />}
        {kind === 'campaign' && <CampaignPicker value={campaignId} onChange={setCampaignId} disabled={job !== null} />}
        {kind === 'officials' && <OfficialsPicker value={officialIds} onChange={setOfficialIds} disabled={job !== null} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
          <IsoDateInput label="Meeting day" value={day} onChange={setDay} required disabled={job !== null} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Paper
            </Text>
            <SegmentedControl
              value={paper}
              onChange={(value) => setPaper(value === 'LETTER' ? 'LETTER' : 'A4')}
              data={[
                { value: 'A4', label: 'A4' },
                { value: 'LETTER', label: 'Letter' },
              ]}
              disabled={job !== null}
            />
          </div>
        </SimpleGrid>
        {scope && preview.data && <ScopePreview officials={preview.data.officials} />}
        {preview.error && <Alert color="red">{errorMessage(preview.error)}</Alert>}
        {job === null && (
          <Group>
            <Button
              leftSection={<IconFileZip size={16} />}
              loading={start.isPending}
              disabled={!scope || !day || !preview.data || preview.data.officials.length === 0}
              onClick={() => scope && day && start.mutate({ scope, day, pageSize: paper })}
            >
              {preview.data && scope ? `Make ${preview.data.officials.length} ${preview.data.officials.length === 1 ? 'packet' : 'packets'}` : 'Make packets'}
            </Button>
          </Group>
        )}
      </Section>
      {job && <BatchProgress job={job} onDone={() => setJob(null)} />}
    </Page>
  );
}

function CommitteePicker({ value, onChange, disabled }: { value: string | null; onChange: (id: string | null) => void; disabled: boolean }) {
  const committees = useRpcQuery('policy.committees.list', { bodyId: null });
  return (
    <Select
      label="Committee"
      placeholder={committees.isLoading ? 'Loading…' : 'Choose a committee'}
      searchable
      maw={520}
      value={value}
      onChange={onChange}
      disabled={disabled}
      nothingFoundMessage="No committee by that name"
      data={(committees.data ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.bodyName ? ` · ${c.bodyName}` : ''} (${c.members} ${c.members === 1 ? 'member' : 'members'})` }))}
    />
  );
}

function CampaignPicker({ value, onChange, disabled }: { value: string | null; onChange: (id: string | null) => void; disabled: boolean }) {
  const campaigns = useRpcQuery('campaigns.list', {});
  return (
    <Select
      label="Campaign"
      description="Its target officials get a packet each."
      placeholder={campaigns.isLoading ? 'Loading…' : 'Choose a campaign'}
      searchable
      maw={520}
      value={value}
      onChange={onChange}
      disabled={disabled}
      nothingFoundMessage="No campaign by that name"
      data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

function OfficialsPicker({ value, onChange, disabled }: { value: string[]; onChange: (ids: string[]) => void; disabled: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const found = useRpcQuery('policy.officials.list', { filters: { search: debounced, level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 50 });
  // Chosen officials keep their names while the search shows others.
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const data = useMemo(() => {
    const options = new Map(chosen);
    for (const o of found.data?.rows ?? []) options.set(o.id, `${o.name}${o.district ? ` (${o.district})` : ''}`);
    return [...options].map(([id, label]) => ({ value: id, label }));
  }, [chosen, found.data]);
  const choose = (ids: string[]) => {
    const labels = new Map(data.map((o) => [o.value, o.label]));
    setChosen(new Map(ids.map((id) => [id, labels.get(id) ?? id])));
    onChange(ids);
  };
  return (
    <MultiSelect
      label="Officials"
      description={`Search by name, district or jurisdiction; up to ${MAX_BATCH_OFFICIALS.toLocaleString('en')}.`}
      placeholder={value.length === 0 ? 'Type a name' : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={value}
      onChange={choose}
      disabled={disabled}
      maxValues={MAX_BATCH_OFFICIALS}
      nothingFoundMessage={found.isLoading ? 'Searching…' : 'No official matches'}
      data={data}
      clearable
    />
  );
}

function ScopePreview({ officials }: { officials: { id: string; name: string; title: string; district: string }[] }) {
  if (officials.length === 0) return <Alert color="yellow">Nobody is in this list yet: there is no packet to make.</Alert>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {officials.length} {officials.length === 1 ? 'official' : 'officials'}
      </Text>
      <Table withTableBorder striped fz="sm" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Official</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>District</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {officials.slice(0, PREVIEW_NAMES).map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{o.title}</Table.Td>
              <Table.Td>{o.district}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {officials.length > PREVIEW_NAMES && (
        <Text size="sm" c="dimmed">
          and {officials.length - PREVIEW_NAMES} more
        </Text>
      )}
    </Stack>
  );
}

function BatchProgress({ job, onDone }: { job: { jobId: string; total: number; fileName: string }; onDone: () => void }) {
  // The status is polled too: it is what says the batch is over (events may be missed while the window reloads).
  const status = useQuery({
    queryKey: ['briefings.batchStatus', job.jobId],
    queryFn: () => call('briefings.batchStatus', { jobId: job.jobId }),
    refetchInterval: (query) => ((query.state.data?.state ?? 'rendering') === 'rendering' ? 1000 : false),
  });
  const state = status.data?.state ?? 'rendering';
  const event = useProgress(batchTask(job.jobId), state === 'rendering');
  const done = Math.max(event?.done ?? 0, status.data?.done ?? 0);

  const cancel = useMutation({ mutationFn: () => call('briefings.cancelBatch', { jobId: job.jobId }), onSuccess: () => void status.refetch() });
  const save = useMutation({
    mutationFn: async () => {
      const file = await call('briefings.batchResult', { jobId: job.jobId });
      await saveDocument(file, `${file.packets} briefing ${file.packets === 1 ? 'packet' : 'packets'}`);
    },
    onError: (error) => notifyError('The packets could not be saved', error),
  });

  return (
    <Section title="Packets" hint={job.fileName}>
      <Group gap="sm">
        <Badge color={state === 'done' ? 'green' : state === 'rendering' ? 'blue' : state === 'cancelled' ? 'gray' : 'red'} variant="light">
          {BATCH_STATES[state]}
        </Badge>
        <Text size="sm">
          {done.toLocaleString('en')} of {job.total.toLocaleString('en')} packets
          {state === 'rendering' && event?.message && event.message !== 'Starting' ? ` · last: ${event.message}` : ''}
        </Text>
      </Group>
      <Progress value={job.total > 0 ? (100 * done) / job.total : 0} animated={state === 'rendering'} aria-label="Briefing packets progress" />
      {status.data && status.data.failed.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} title={`${status.data.failed.length} packets could not be made; the others are in the ZIP`}>
          <List size="sm">
            {status.data.failed.map((f) => (
              <List.Item key={f.officialName}>
                {f.officialName}: {f.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {state === 'failed' && <Alert color="red">{status.data?.error}</Alert>}
      <Group>
        {state === 'rendering' && (
          <Button variant="default" color="red" leftSection={<IconPlayerStop size={16} />} loading={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel
          </Button>
        )}
        {state === 'done' && (
          <Button leftSection={<IconDownload size={16} />} loading={save.isPending} onClick={() => save.mutate()}>
            Save ZIP
          </Button>
        )}
        {state !== 'rendering' && (
          <Button variant="default" onClick={onDone}>
            {state === 'done' ? 'Make other packets' : 'Start again'}
          </Button>
        )}
      </Group>
    </Section>
  );
}
