import { useState } from 'react';
import { Anchor, Badge, Button, Chip, Group, Modal, Table, Text } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@shared/campaigns/contract';
import { GOAL_CATEGORIES } from '@shared/taxonomy';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { AdvocacyNav } from './AdvocacyNav';
import { CampaignForm } from './CampaignForm';
import { formatNumber, STATUS_COLORS } from './labels';
import { campaignHref } from './reads';

/** Advocacy → Campaigns: every campaign with its goal, lead group, partners and what it has done, filtered by status. */
export function CampaignsPage() {
  const [statuses, setStatuses] = useState<CampaignStatus[]>([]);
  const campaigns = useRpcQuery('campaigns.list', { statuses });
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const add = (
    <Button leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
      New campaign
    </Button>
  );
  return (
    <Page fluid title="Advocacy" description="Joint campaigns: the ask, the partners, the messages and the pressure behind them." nav={<AdvocacyNav />} actions={add}>
      <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v)}>
        <Group gap="xs" role="group" aria-label="Filter by status">
          {Object.entries(CAMPAIGN_STATUSES).map(([value, label]) => (
            <Chip key={value} value={value} size="sm" variant="light">
              {label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {campaigns.isPending ? (
        <Loading label="Loading the campaigns" />
      ) : campaigns.isError ? (
        <QueryError title="The campaigns could not be read" error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.data.length === 0 ? (
        <EmptyState icon={IconSpeakerphone} title={statuses.length ? 'No campaign has that status' : 'No campaigns yet'}>
          A campaign joins partners behind one policy ask, with approved key messages, events, petitions and grassroots pressure.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} aria-label="Campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Goal</Table.Th>
              <Table.Th>Lead group</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th ta="right">Partners</Table.Th>
              <Table.Th ta="right">Messages approved</Table.Th>
              <Table.Th ta="right">Events</Table.Th>
              <Table.Th ta="right">Grassroots actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaigns.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td maw={360}>
                  <Anchor component={Link} to={campaignHref(c.id)} size="sm" fw={500}>
                    {c.name}
                  </Anchor>
                  {c.ask && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {c.ask}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[c.status]} variant="light" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
                    {CAMPAIGN_STATUSES[c.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.goal ? GOAL_CATEGORIES[c.goal.category] : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.leadWorkingGroup?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {c.startsOn || c.endsOn ? `${formatDate(c.startsOn) || '…'} – ${formatDate(c.endsOn) || '…'}` : '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{c.partnerCount}</Table.Td>
                <Table.Td ta="right">
                  {c.approvedMessageCount} of {c.messageCount}
                </Table.Td>
                <Table.Td ta="right">{c.eventCount}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.grassrootsTotal)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New campaign" size="lg">
        {adding && (
          <CampaignForm
            onDone={(id) => {
              setAdding(false);
              if (id) void navigate(campaignHref(id));
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
