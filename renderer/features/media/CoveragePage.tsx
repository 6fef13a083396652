import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { coverageInput, OUTREACH_KINDS, TONE_VALUES, TONES, type CoverageEntry, type CoverageInput, type Tone } from '@shared/media/contract';
import { notifyError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons, RowActions } from '../structure/parts';
import { MediaNav } from './MediaNav';
import { MEDIA_READS } from './reads';

const TONE_COLORS: Record<Tone, string> = { positive: 'teal', neutral: 'gray', negative: 'red' };
const n = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US'));

/** Media ▸ Coverage: a campaign's coverage log — its published outreach and the earned coverage. */
export function CoveragePage() {
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [editing, setEditing] = useState<CoverageEntry | 'new' | null>(null);
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const log = useRpcQuery('media.coverage.list', campaignId ? { campaignId } : {});
  const remove = useRpcMutation('media.coverage.delete', { invalidates: MEDIA_READS });
  return (
    <Page
      fluid
      title="Coverage log"
      description="What the coalition published and the coverage it earned, by campaign."
      nav={<MediaNav />}
      actions={
        <Button leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
          Log coverage
        </Button>
      }
    >
      <Select label="Campaign" placeholder="All campaigns" clearable searchable data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} w={300} />
      {log.isPending ? (
        <Loading label="Loading the coverage log" />
      ) : log.isError ? (
        <QueryError title="The coverage log could not be read" error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label="Pieces" value={n(log.data.totals.items)} />
            <Stat label="Reach" value={n(log.data.totals.reach)} />
            <Stat label="Engagement (our posts)" value={n(log.data.totals.engagement)} />
            <Stat label="Tone" value={`${log.data.totals.tone.positive} positive · ${log.data.totals.tone.neutral} neutral · ${log.data.totals.tone.negative} negative`} />
          </SimpleGrid>
          <Section title="Earned coverage">
            <Table striped verticalSpacing={4} aria-label="Earned coverage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Headline</Table.Th>
                  <Table.Th>Outlet</Table.Th>
                  <Table.Th>Campaign</Table.Th>
                  <Table.Th>Tone</Table.Th>
                  <Table.Th ta="right">Reach</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.coverage.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDate(c.publishedOn)}</Table.Td>
                    <Table.Td>{c.link ? <Anchor href={c.link} target="_blank" size="sm">{c.headline}</Anchor> : c.headline}</Table.Td>
                    <Table.Td>{c.outletName}</Table.Td>
                    <Table.Td>{c.campaignName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={TONE_COLORS[c.tone]} tt="none">
                        {TONES[c.tone]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{n(c.reach)}</Table.Td>
                    <Table.Td>
                      <RowActions what={c.headline} onEdit={() => setEditing(c)} onDelete={() => remove.mutate({ id: c.id }, { onError: (e) => notifyError('The entry was not deleted', e) })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {log.data.coverage.length === 0 && <Text size="sm" c="dimmed">No earned coverage logged.</Text>}
          </Section>
          <Section title="Published outreach">
            <Table striped verticalSpacing={4} aria-label="Published outreach">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Outlet</Table.Th>
                  <Table.Th ta="right">Reach</Table.Th>
                  <Table.Th ta="right">Engagement</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.published.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{formatDate(i.date)}</Table.Td>
                    <Table.Td>{i.title}</Table.Td>
                    <Table.Td>{OUTREACH_KINDS[i.kind]}</Table.Td>
                    <Table.Td>{i.outletName ?? '—'}</Table.Td>
                    <Table.Td ta="right">{n(i.reach)}</Table.Td>
                    <Table.Td ta="right">{n(i.engagement)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {log.data.published.length === 0 && <Text size="sm" c="dimmed">Nothing published yet.</Text>}
          </Section>
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Log coverage' : 'Edit coverage'} size="lg">
        {editing !== null && <CoverageForm entry={editing === 'new' ? undefined : editing} campaignId={campaignId} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

const stripEntry = (path: string) => path.replace(/^entry\./, '');

function CoverageForm({ entry, campaignId, onDone }: { entry?: CoverageEntry; campaignId: string | null; onDone: () => void }) {
  const save = useRpcMutation('media.coverage.save', { invalidates: MEDIA_READS });
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const outlets = useRpcQuery('media.outlets.list', {});
  const form = useForm<CoverageInput>({
    mode: 'controlled',
    initialValues: entry
      ? { campaignId: entry.campaignId, outletId: entry.outletId, outletName: entry.outletId ? '' : entry.outletName, headline: entry.headline, link: entry.link, publishedOn: entry.publishedOn, reach: entry.reach, tone: entry.tone, notes: entry.notes }
      : { campaignId, outletId: null, outletName: '', headline: '', link: '', publishedOn: today(), reach: null, tone: 'neutral', notes: '' },
    validate: (values) => validateWithSchema(coverageInput, values),
  });
  const submit = form.onSubmit(
    (values) => save.mutate({ ...(entry ? { id: entry.id } : {}), entry: values }, { onSuccess: onDone, onError: onSaveError(form, 'The coverage was not saved', stripEntry) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Coverage">
      <Stack gap="sm">
        <TextInput label="Headline" withAsterisk {...form.getInputProps('headline')} />
        <Group grow align="flex-start">
          <Select label="Outlet" clearable searchable data={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))} {...form.getInputProps('outletId')} />
          <TextInput label="…or the outlet’s name" disabled={form.values.outletId !== null} {...form.getInputProps('outletName')} />
        </Group>
        <Select label="Campaign" clearable searchable data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('campaignId')} />
        <Group grow align="flex-start">
          <IsoDateInput label="Date" withAsterisk {...form.getInputProps('publishedOn')} />
          <NumberInput label="Reach" min={0} thousandSeparator="," value={form.values.reach ?? ''} onChange={(v) => form.setFieldValue('reach', v === '' ? null : Number(v))} error={errorText(form, 'reach')} />
          <Select label="Tone" allowDeselect={false} data={TONE_VALUES.map((t) => ({ value: t, label: TONES[t] }))} {...form.getInputProps('tone')} />
        </Group>
        <TextInput label="Link" placeholder="https://" {...form.getInputProps('link')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <FormButtons onCancel={onDone} submit={entry ? 'Save' : 'Log coverage'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
