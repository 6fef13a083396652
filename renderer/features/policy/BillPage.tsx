import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Select, SimpleGrid, Stepper, Table, Text, TextInput } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { BILL_KINDS, BILL_STATUSES, LEVELS, OFFICIAL_ACTIONS, SPONSOR_ROLES, type BillStatus, type OfficialAction } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { PositionBadge, StanceBadge, StatusBadge } from './badges';
import { BillForm } from './BillForm';
import { EngagementList } from './EngagementList';
import { officialHref, PIPELINE } from './labels';
import { PolicyNav } from './PolicyNav';

const money = (amount: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

/** One bill: its status pipeline with the dated history, sponsors, hearings, position, funding, campaigns, stances and votes. */
export function BillPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const bill = useRpcQuery('policy.bills.get', { id });
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<BillStatus | null>(null);
  const [changedOn, setChangedOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [actionOfficial, setActionOfficial] = useState<string | null>(null);
  const [action, setAction] = useState<OfficialAction>('voted_yes');
  const [actedOn, setActedOn] = useState(new Date().toISOString().slice(0, 10));
  const officials = useRpcQuery('policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 500 });
  const invalidates = ['policy.bills.get', 'policy.bills.list', 'policy.officials.get', 'policy.scorecard'] as const;
  const setBillStatus = useRpcMutation('policy.bills.setStatus', { invalidates });
  const record = useRpcMutation('policy.actions.record', { invalidates });
  const remove = useRpcMutation('policy.bills.delete', { invalidates: ['policy.bills.list'] });

  if (bill.isError) return <QueryError title="This bill could not be read" error={bill.error} />;
  if (!bill.data) return <Loading />;
  const b = bill.data;
  const step = PIPELINE.indexOf(b.status);
  const total = b.allocations.reduce((sum, a) => sum + a.amount, 0);
  return (
    <Page
      title={`${b.identifier} · ${b.title}`}
      status={<StatusBadge status={b.status} />}
      description={[BILL_KINDS[b.kind], LEVELS[b.level], b.jurisdiction, b.committeeName ? `${b.committeeName} committee` : null].filter(Boolean).join(' · ')}
      nav={<PolicyNav />}
      actions={
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => {
              if (window.confirm(`Delete ${b.identifier} with its history? History can undo it.`)) void remove.mutateAsync({ id }).then(() => navigate('/policy/bills'));
            }}
          >
            Delete
          </Button>
        </Group>
      }
    >
      <Section title="Status" hint="Every change is kept with its date; the status is the latest.">
        <Stepper active={step === -1 ? PIPELINE.length : step} size="xs" color={b.status === 'vetoed' || b.status === 'dead' ? 'red' : undefined} aria-label="Status pipeline">
          {PIPELINE.map((s) => (
            <Stepper.Step key={s} label={BILL_STATUSES[s]} description={b.statusHistory.find((h) => h.status === s)?.changedOn ?? ''} />
          ))}
        </Stepper>
        {(b.status === 'vetoed' || b.status === 'dead') && (
          <Alert color="red" variant="light">
            {BILL_STATUSES[b.status]} on {b.statusOn}
          </Alert>
        )}
        <Table aria-label="Status history">
          <Table.Tbody>
            {b.statusHistory.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td w={120}>{h.changedOn}</Table.Td>
                <Table.Td>
                  <StatusBadge status={h.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {[h.note, h.recordedBy ? `recorded by ${h.recordedBy}` : ''].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" gap="xs">
          <Select label="New status" placeholder="Choose" data={Object.entries(BILL_STATUSES).map(([value, label]) => ({ value, label }))} value={status} onChange={(v) => setStatus(v as BillStatus | null)} w={200} />
          <TextInput label="On" value={changedOn} onChange={(e) => setChangedOn(e.currentTarget.value)} w={130} />
          <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button
            disabled={!status}
            loading={setBillStatus.isPending}
            onClick={() => status && void setBillStatus.mutateAsync({ id, status, changedOn, note }).then(() => { setStatus(null); setNote(''); }).catch(() => undefined)}
          >
            Record status
          </Button>
        </Group>
        {setBillStatus.error && <Alert color="red">{errorMessage(setBillStatus.error)}</Alert>}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="The coalition's position">
          <PositionBadge position={b.position} />
          {b.positionNote && <Text size="sm">{b.positionNote}</Text>}
          {b.summary && (
            <Text size="sm" c="dimmed">
              {b.summary}
            </Text>
          )}
          <Text size="xs" fw={600}>
            Campaigns
          </Text>
          <Text size="sm">{b.campaigns.map((c) => c.name).join(' · ') || 'None'}</Text>
        </Section>
        <Section title="Sponsors and hearings">
          <ul className="plain-list" aria-label="Sponsors">
            {b.sponsors.map((s) => (
              <li key={s.officialId}>
                <Anchor component={Link} to={officialHref(s.officialId)} size="sm">
                  {s.name}
                </Anchor>{' '}
                <Badge size="xs" variant="light" tt="none">
                  {SPONSOR_ROLES[s.role]}
                </Badge>
              </li>
            ))}
          </ul>
          {b.hearings.map((h) => (
            <Text key={h.id} size="sm">
              Hearing {h.heldOn}
              {h.committeeName ? `, ${h.committeeName}` : ''}
              {h.note ? ` — ${h.note}` : ''}
            </Text>
          ))}
        </Section>
      </SimpleGrid>

      <Section title="Funding allocations" hint="Budget lines this bill or policy funds.">
        {b.allocations.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <Table aria-label="Funding allocations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Program</Table.Th>
                <Table.Th>Fiscal year</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.allocations.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.program}</Table.Td>
                  <Table.Td>{a.fiscalYear}</Table.Td>
                  <Table.Td ta="right">{money(a.amount, a.currency)}</Table.Td>
                </Table.Tr>
              ))}
              {new Set(b.allocations.map((a) => a.currency)).size === 1 && b.allocations.length > 1 && (
                <Table.Tr>
                  <Table.Td fw={600}>Total</Table.Td>
                  <Table.Td />
                  <Table.Td ta="right" fw={600}>
                    {money(total, b.allocations[0]?.currency ?? 'USD')}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Stances on this bill">
          {b.stances.length === 0 && (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          )}
          {b.stances.map((s) => (
            <Group key={s.id} gap="xs">
              <Text size="xs" c="dimmed" w={80}>
                {s.statedOn}
              </Text>
              <Anchor component={Link} to={officialHref(s.officialId)} size="sm">
                {s.officialName}
              </Anchor>
              <StanceBadge stance={s.stance} />
            </Group>
          ))}
        </Section>
        <Section title="Votes and actions">
          {b.actions.map((a) => (
            <Text key={a.id} size="sm">
              {a.actedOn} · {a.officialName}: {OFFICIAL_ACTIONS[a.action]}
            </Text>
          ))}
          <Group align="flex-end" gap="xs">
            <Select label="Official" searchable data={(officials.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }))} value={actionOfficial} onChange={setActionOfficial} w={200} />
            <Select label="Action" data={Object.entries(OFFICIAL_ACTIONS).map(([value, label]) => ({ value, label }))} value={action} onChange={(v) => setAction((v ?? 'voted_yes') as OfficialAction)} allowDeselect={false} w={150} />
            <TextInput label="On" value={actedOn} onChange={(e) => setActedOn(e.currentTarget.value)} w={120} />
            <Button disabled={!actionOfficial} loading={record.isPending} onClick={() => actionOfficial && void record.mutateAsync({ officialId: actionOfficial, billId: id, action, actedOn, note: '' }).catch(() => undefined)}>
              Record
            </Button>
          </Group>
          {record.error && <Alert color="red">{errorMessage(record.error)}</Alert>}
        </Section>
      </SimpleGrid>

      <Section title="Engagements about this bill">
        <EngagementList engagements={b.engagements} label="Engagements" />
      </Section>
      {editing && <BillForm bill={b} opened onClose={() => setEditing(false)} />}
    </Page>
  );
}
