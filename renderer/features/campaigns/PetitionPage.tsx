import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Petition } from '@shared/campaigns/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { RowActions } from '../structure/parts';
import { AdvocacyNav } from './AdvocacyNav';
import { PetitionForm } from './PetitionForm';
import { PetitionProgress } from './PetitionProgress';
import { CAMPAIGN_READS, campaignHref } from './reads';

/** A petition: its target and goal, the signature count over time as a chart, and the dated counts. */
export function PetitionPage() {
  const { id = '' } = useParams();
  const petition = useRpcQuery('campaigns.petitions.get', { id });
  const remove = useRpcMutation('campaigns.petitions.delete', { invalidates: CAMPAIGN_READS });
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  if (petition.isPending) return <Loading label="Loading the petition" />;
  if (petition.isError) return <QueryError title="The petition could not be read" error={petition.error} onRetry={() => void petition.refetch()} />;
  const p = petition.data;
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${p.title}?`,
      children: <Text size="sm">The petition and its signature counts go. Undo is in History.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: p.id }, { onSuccess: () => void navigate(campaignHref(p.campaign.id)), onError: (e) => notifyError('The petition was not deleted', e) }),
    });
  const actions = (
    <>
      <Button variant="default" leftSection={<IconPencil size={15} />} onClick={() => setEditing(true)}>
        Edit
      </Button>
      <Button variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={confirmDelete}>
        Delete
      </Button>
    </>
  );
  const status = (
    <Badge color={p.deliveredOn ? 'green' : 'blue'} variant="light" radius="sm" tt="none" size="lg">
      {p.deliveredOn ? `Delivered ${formatDate(p.deliveredOn)}` : 'Collecting'}
    </Badge>
  );
  return (
    <Page title={p.title} status={status} description={p.description || undefined} nav={<AdvocacyNav />} actions={actions}>
      <Section title="Overview">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <div>
            <Text size="xs" c="dimmed">
              Campaign
            </Text>
            <Anchor component={Link} to={campaignHref(p.campaign.id)} size="sm">
              {p.campaign.name}
            </Anchor>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Addressed to
            </Text>
            <Text size="sm">{[p.targetOfficial?.name, p.targetText].filter(Boolean).join(' — ')}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Launched
            </Text>
            <Text size="sm">{formatDate(p.launchedOn) || '—'}</Text>
          </div>
          <PetitionProgress signatures={p.signatures} goal={p.goal} progress={p.progress} />
        </SimpleGrid>
      </Section>
      <Section title="Signatures over time">
        <SignatureChart petition={p} />
        <CountsTable petition={p} />
      </Section>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${p.title}`} size="lg">
        {editing && <PetitionForm campaignId={p.campaign.id} petition={p} onDone={() => setEditing(false)} />}
      </Modal>
    </Page>
  );
}

function SignatureChart({ petition }: { petition: Petition }) {
  if (petition.counts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Record a count to see the signatures grow.
      </Text>
    );
  }
  const data = petition.counts.map((c) => ({ on: c.on, signatures: c.signatures }));
  const top = Math.max(petition.goal, ...data.map((d) => d.signatures));
  return (
    <div style={{ width: '100%', height: 280 }} aria-label="Signature count chart" role="img">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 10, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis dataKey="on" tickFormatter={(v: string) => formatDate(v)} fontSize={12} />
          <YAxis domain={[0, Math.ceil(top * 1.1)]} tickFormatter={(v: number) => v.toLocaleString('en-US')} fontSize={12} width={64} />
          <Tooltip formatter={(v) => [Number(v).toLocaleString('en-US'), 'Signatures']} labelFormatter={(v) => (typeof v === 'string' ? formatDate(v) : '')} />
          <ReferenceLine y={petition.goal} stroke="var(--mantine-color-green-6)" strokeDasharray="6 4" label={{ value: `Goal ${petition.goal.toLocaleString('en-US')}`, position: 'insideTopLeft', fontSize: 12 }} />
          <Line type="monotone" dataKey="signatures" stroke="var(--mantine-color-blue-6)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function CountsTable({ petition }: { petition: Petition }) {
  const record = useRpcMutation('campaigns.petitions.recordCount', { invalidates: CAMPAIGN_READS });
  const remove = useRpcMutation('campaigns.petitions.removeCount', { invalidates: CAMPAIGN_READS });
  const [on, setOn] = useState<string | null>(today());
  const [signatures, setSignatures] = useState<number | string>('');
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <IsoDateInput label="Day" value={on} onChange={(v) => setOn(v)} w={160} />
        <NumberInput label="Signatures so far" min={0} allowDecimal={false} thousandSeparator="," value={signatures} onChange={setSignatures} w={180} />
        <Button
          disabled={!on || signatures === ''}
          loading={record.isPending}
          onClick={() =>
            on &&
            record.mutate({ petitionId: petition.id, on, signatures: Number(signatures) }, { onSuccess: () => setSignatures(''), onError: (e) => notifyError('The count was not recorded', e) })
          }
        >
          Record count
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        A second count on the same day replaces the first.
      </Text>
      {petition.counts.length > 0 && (
        <Table verticalSpacing={2} aria-label="Signature counts" maw={420}>
          <Table.Tbody>
            {[...petition.counts].reverse().map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDate(c.on)}</Table.Td>
                <Table.Td ta="right">{c.signatures.toLocaleString('en-US')}</Table.Td>
                <Table.Td w={50}>
                  <RowActions what={`the count of ${formatDate(c.on)}`} onDelete={() => remove.mutate({ id: c.id }, { onError: (e) => notifyError('The count was not removed', e) })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
