import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCash, IconPlus } from '@tabler/icons-react';
import { IconPigMoney } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTRIBUTOR_TYPES, FUNDRAISING_PURPOSES, type Contribution } from '@shared/resources/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { campaignHref } from '../campaigns/reads';
import { organizationHref, personHref } from '../directory/reads';
import { RowActions } from '../structure/parts';
import { ContributionForm, PaymentForm } from './ContributionForm';
import { FundraisingForm } from './FundraisingForm';
import { GoalBar, percent } from './FundraisingPage';
import { money } from './Money';
import { RESOURCE_READS } from './reads';
import { ResourcesNav } from './ResourcesNav';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={600}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

function ContributorName({ c }: { c: Contribution }) {
  const { organizationId, personId, name } = c.contributor;
  if (organizationId) return <Anchor component={Link} to={organizationHref(organizationId)}>{name}</Anchor>;
  if (personId) return <Anchor component={Link} to={personHref(personId)}>{name}</Anchor>;
  return <Text span>{name || 'Unknown'}</Text>;
}

/** One fundraising campaign: progress toward the goal, other-currency money apart, pledges and their payments. */
export function FundraisingCampaignPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const campaign = useRpcQuery('fundraising.get', { id });
  const remove = useRpcMutation('fundraising.delete', { invalidates: RESOURCE_READS });
  const removeContribution = useRpcMutation('contributions.delete', { invalidates: RESOURCE_READS });
  const removePayment = useRpcMutation('contributions.deletePayment', { invalidates: RESOURCE_READS });
  const [editing, setEditing] = useState(false);
  const [pledge, setPledge] = useState<Contribution | 'new' | null>(null);
  const [paying, setPaying] = useState<Contribution | null>(null);

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError title="This could not be loaded" error={campaign.error} />;
  const c = campaign.data;
  const p = c.progress;

  return (
    <Page
      title={c.name}
      status={<Badge variant="light">{FUNDRAISING_PURPOSES[c.purpose]}</Badge>}
      description={
        <>
          {[c.lead ? `Led by ${c.lead.name}` : null, [formatDate(c.startsOn), formatDate(c.endsOn)].filter(Boolean).join(' – ') || null].filter(Boolean).join(' · ')}
          {c.campaignId && (
            <>
              {c.lead || c.startsOn || c.endsOn ? ' · ' : ''}
              For the advocacy campaign{' '}
              <Anchor component={Link} to={campaignHref(c.campaignId)} inherit>
                {c.campaignName}
              </Anchor>
            </>
          )}
        </>
      }
      nav={<ResourcesNav />}
      actions={
        <>
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() =>
              modals.openConfirmModal({
                title: `Delete ${c.name}?`,
                children: <Text size="sm">Its {c.contributions} contributions and their payments are deleted too (History can undo it).</Text>,
                labels: { confirm: 'Delete', cancel: 'Cancel' },
                confirmProps: { color: 'red' },
                onConfirm: () => remove.mutate({ id: c.id }, { onSuccess: () => void navigate('/resources'), onError: (e) => notifyError('The campaign was not deleted', e) }),
              })
            }
          >
            Delete
          </Button>
        </>
      }
    >
      <Section title="Progress toward the goal" hint={`Counted in ${c.currency} only.`}>
        <GoalBar row={c} />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Goal" value={money(p.goalMinor, p.currency)} />
          <Figure label="Pledged" value={money(p.pledgedMinor, p.currency)} hint={`${percent(p.pledgedMinor, p.goalMinor)}% of the goal`} />
          <Figure label="Received" value={money(p.receivedMinor, p.currency)} hint={`${percent(p.receivedMinor, p.goalMinor)}% of the goal; ${money(p.restrictedReceivedMinor, p.currency)} restricted`} />
          <Figure label="Outstanding" value={money(p.outstandingMinor, p.currency)} hint="Pledged, not yet received" />
        </SimpleGrid>
        {c.otherCurrencies.length > 0 && (
          <Alert color="yellow" variant="light" title="Contributions in other currencies are not counted toward the goal">
            {c.otherCurrencies.map((o) => (
              <Text size="sm" key={o.currency}>
                {o.contributions} in {o.currency}: {money(o.pledgedMinor, o.currency)} pledged, {money(o.receivedMinor, o.currency)} received, {money(o.outstandingMinor, o.currency)} outstanding.
              </Text>
            ))}
            <Text size="sm" c="dimmed">
              Currencies are never added together or converted.
            </Text>
          </Alert>
        )}
      </Section>
      <Section title="Pledges and contributions">
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPledge('new')}>
            Record contribution
          </Button>
        </Group>
        {c.contributionsList.length === 0 ? (
          <EmptyState icon={IconPigMoney} title="No contributions yet">Record a pledge, then its payments as they arrive.</EmptyState>
        ) : (
          <Table verticalSpacing="xs" aria-label="Contributions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Contributor</Table.Th>
                <Table.Th>Pledged on</Table.Th>
                <Table.Th ta="right">Pledged</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
                <Table.Th ta="right">Outstanding</Table.Th>
                <Table.Th>Payments</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.contributionsList.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <ContributorName c={row} />
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {CONTRIBUTOR_TYPES[row.contributorType]}
                      </Text>
                      {row.restricted && (
                        <Badge size="xs" variant="light" color="grape" title={row.restrictionNote}>
                          Restricted: {row.restrictionNote}
                        </Badge>
                      )}
                      {!row.countsTowardGoal && (
                        <Badge size="xs" variant="light" color="yellow">
                          {row.currency} · not counted toward the goal
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(row.pledgedOn)}</Table.Td>
                  <Table.Td ta="right">{money(row.pledgedMinor, row.currency)}</Table.Td>
                  <Table.Td ta="right">{money(row.receivedMinor, row.currency)}</Table.Td>
                  <Table.Td ta="right">{money(row.outstandingMinor, row.currency)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {row.payments.map((pay) => (
                        <Group key={pay.id} gap={4} wrap="nowrap">
                          <Text size="xs">
                            {formatDate(pay.receivedOn)}: {money(pay.amountMinor, row.currency)}
                            {pay.note ? ` (${pay.note})` : ''}
                          </Text>
                          <RowActions what={`payment of ${formatDate(pay.receivedOn)}`} onDelete={() => removePayment.mutate({ id: pay.id }, { onError: (e) => notifyError('The payment was not removed', e) })} />
                        </Group>
                      ))}
                      {row.outstandingMinor > 0 && (
                        <Button size="compact-xs" variant="light" leftSection={<IconCash size={12} />} onClick={() => setPaying(row)} aria-label={`Record payment from ${row.contributor.name}`}>
                          Record payment
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      what={`${row.contributor.name}’s contribution`}
                      onEdit={() => setPledge(row)}
                      onDelete={() => removeContribution.mutate({ id: row.id }, { onError: (e) => notifyError('The contribution was not deleted', e) })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {c.notes && (
        <Section title="Notes">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.notes}
          </Text>
        </Section>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit fundraising campaign" size="lg">
        <FundraisingForm campaign={c} onDone={() => setEditing(false)} />
      </Modal>
      <Modal opened={pledge !== null} onClose={() => setPledge(null)} title={pledge === 'new' ? 'Record contribution' : 'Edit contribution'} size="lg">
        {pledge !== null && <ContributionForm campaignId={c.id} currency={c.currency} {...(pledge === 'new' ? {} : { contribution: pledge })} onDone={() => setPledge(null)} />}
      </Modal>
      <Modal opened={paying !== null} onClose={() => setPaying(null)} title={paying ? `Payment from ${paying.contributor.name}` : ''}>
        {paying && <PaymentForm contribution={paying} onDone={() => setPaying(null)} />}
      </Modal>
    </Page>
  );
}
