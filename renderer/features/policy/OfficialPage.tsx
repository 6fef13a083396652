import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Menu, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconEdit, IconMessagePlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { COMMITTEE_ROLES, LEVELS } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { BriefingPacketButton } from '../briefings/BriefingPacketButton';
import { StanceBadge } from './badges';
import { EngagementForm } from './EngagementForm';
import { EngagementList } from './EngagementList';
import { billHref } from './labels';
import { OfficialForm } from './OfficialForm';
import { PolicyNav } from './PolicyNav';
import { exportScorecard } from './saveExport';
import { ScorecardTable } from './ScorecardTable';
import { StanceForm } from './StanceForm';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** One official: contacts, staffers, committees, stances and their history, holders, district match, engagements, scorecard. */
export function OfficialPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const official = useRpcQuery('policy.officials.get', { id });
  const district = useRpcQuery('policy.officials.districtMatch', { id, limit: 8 });
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [engaging, setEngaging] = useState(false);
  const remove = useRpcMutation('policy.officials.delete', { invalidates: ['policy.officials.list'] });

  if (official.isError) return <QueryError title="This official could not be read" error={official.error} />;
  if (!official.data) return <Loading />;
  const o = official.data;
  const place = [o.district, o.jurisdiction].filter(Boolean).join(', ');
  return (
    <Page
      title={o.name}
      status={<Badge variant="light" tt="none">{LEVELS[o.level]}</Badge>}
      description={[o.title, o.bodyName, place, o.party].filter(Boolean).join(' · ')}
      nav={<PolicyNav />}
      actions={
        <Group gap="xs">
          <Button leftSection={<IconMessagePlus size={16} />} onClick={() => setEngaging(true)}>
            Record engagement
          </Button>
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <BriefingPacketButton officialId={id} />
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => {
              if (window.confirm(`Delete ${o.name} with their stances, actions and staffers? History can undo it.`)) void remove.mutateAsync({ id }).then(() => navigate('/policy'));
            }}
          >
            Delete
          </Button>
        </Group>
      }
    >
      {remove.error && <Alert color="red">{errorMessage(remove.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Office and contacts">
          <SimpleGrid cols={2} spacing="xs">
            <Field label="Email" value={o.email} />
            <Field label="Phone" value={o.phone} />
            <Field label="Office" value={o.officeAddress} />
            <Field label="Website" value={o.website} />
            <Field label="Term" value={o.termStart || o.termEnd ? `${o.termStart ?? '…'} to ${o.termEnd ?? '…'}` : null} />
            <Field label="Body" value={o.bodyName} />
          </SimpleGrid>
          {o.notes && <Text size="sm">{o.notes}</Text>}
        </Section>
        <Section title="Committees and staff">
          {o.committees.length === 0 ? (
            <Text size="sm" c="dimmed">
              No committees.
            </Text>
          ) : (
            <ul className="plain-list" aria-label="Committees">
              {o.committees.map((c) => (
                <li key={c.committeeId}>
                  <Text size="sm">
                    {c.name} <Badge size="xs" variant="light" tt="none">{COMMITTEE_ROLES[c.role]}</Badge>
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <ul className="plain-list" aria-label="Staffers">
            {o.staffers.map((s) => (
              <li key={s.id}>
                <Text size="sm">
                  <b>{s.name}</b>
                  {s.role ? `, ${s.role}` : ''}
                  {[s.email, s.phone].filter(Boolean).length > 0 ? ` · ${[s.email, s.phone].filter(Boolean).join(' · ')}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </Section>
      </SimpleGrid>

      <Section title="Where they stand" hint="The latest stance on each campaign and bill; every earlier one stays in the history below.">
        <Group justify="flex-end">
          {!recording && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)}>
              Record a stance
            </Button>
          )}
        </Group>
        {recording && <StanceForm officialId={id} onDone={() => setRecording(false)} />}
        {o.currentStances.length === 0 ? (
          <Text size="sm" c="dimmed">
            No stance recorded yet.
          </Text>
        ) : (
          <Table aria-label="Current stances">
            <Table.Tbody>
              {o.currentStances.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.billId ? (
                      <Anchor component={Link} to={billHref(s.billId)} size="sm">
                        {s.billLabel}
                      </Anchor>
                    ) : (
                      <Text size="sm">{s.campaignName}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StanceBadge stance={s.stance} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      since {s.statedOn}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {o.stanceHistory.length > o.currentStances.length && (
          <Stack gap={2} aria-label="Stance history">
            <Text size="xs" fw={600} c="dimmed">
              History
            </Text>
            {o.stanceHistory.map((s) => (
              <Text key={s.id} size="xs">
                {s.statedOn} · {s.campaignName ?? s.billLabel}: <b>{s.stance.replace('_', ' ')}</b>
                {s.evidence ? ` — ${s.evidence}` : ''}
                {s.recordedBy ? ` (recorded by ${s.recordedBy})` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Relationship holders" hint="Who in the coalition knows them best.">
          {o.holders.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody yet.
            </Text>
          ) : (
            <ul className="plain-list" aria-label="Relationship holders">
              {o.holders.map((h) => (
                <li key={h.id}>
                  <Text size="sm">
                    <Anchor component={Link} to={h.personId ? `/directory/people/${h.personId}` : `/directory/organizations/${h.organizationId ?? ''}`} size="sm">
                      {h.name}
                    </Anchor>
                    {h.isPrimary && (
                      <Badge size="xs" ml={6} variant="light" tt="none">
                        Primary
                      </Badge>
                    )}
                    {h.note ? ` — ${h.note}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="In their district" hint="Member organizations and people of the directory in the same district (any spelling).">
          {district.data && district.data.basis === 'none' && (
            <Text size="sm" c="dimmed">
              No district or jurisdiction to match.
            </Text>
          )}
          {district.data && district.data.basis !== 'none' && (
            <>
              <Text size="sm" fw={600}>
                {district.data.memberOrganizations.toLocaleString('en')} member organization{district.data.memberOrganizations === 1 ? '' : 's'} and {district.data.people.toLocaleString('en')}{' '}
                {district.data.people === 1 ? 'person' : 'people'} in {district.data.district || district.data.jurisdiction}
              </Text>
              <Text size="xs" c="dimmed">
                {[...district.data.organizationNames, ...district.data.personNames].map((n) => n.name).join(' · ')}
              </Text>
            </>
          )}
        </Section>
      </SimpleGrid>

      <Section title="Engagements" hint="Meetings, testimony, briefings, letters and visits, newest first.">
        <EngagementList engagements={o.engagements} label="Engagements" />
      </Section>

      <Section title="Scorecard" hint="Their stances and recorded actions on the coalition's bills.">
        <Group justify="flex-end">
          <Menu>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportScorecard(id, 'xlsx')}>Excel (.xlsx)</Menu.Item>
              <Menu.Item onClick={() => void exportScorecard(id, 'csv')}>CSV</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <ScorecardTable rows={o.scorecard} />
      </Section>

      {editing && <OfficialForm official={o} opened onClose={() => setEditing(false)} />}
      {engaging && <EngagementForm officialId={id} opened onClose={() => setEngaging(false)} />}
    </Page>
  );
}
