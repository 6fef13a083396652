import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CAMPAIGN_STATUSES } from '@shared/campaigns/contract';
import { GOAL_CATEGORIES } from '@shared/taxonomy';
import { notifyError } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { CampaignTargets } from '../policy/CampaignTargets';
import { workingGroupHref } from '../structure/reads';
import { AdvocacyNav } from './AdvocacyNav';
import { CampaignForm } from './CampaignForm';
import { EventForm } from './EventForm';
import { EventsTable } from './EventsTable';
import { GrassrootsTotalsView } from './GrassrootsTotalsView';
import { STATUS_COLORS } from './labels';
import { MessagesSection } from './MessagesSection';
import { PartnersSection } from './PartnersSection';
import { PetitionsSection } from './PetitionsSection';
import { CAMPAIGN_READS } from './reads';
import { CampaignTimeline } from './Timeline';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** One campaign: overview, partners, targets, key messages, events, petitions, grassroots totals and the timeline. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useRpcQuery('campaigns.get', { id });
  const remove = useRpcMutation('campaigns.delete', { invalidates: CAMPAIGN_READS });
  const [editing, setEditing] = useState(false);
  const [addingEvent, setAddingEvent] = useState(false);
  const navigate = useNavigate();
  if (campaign.isPending) return <Loading label="Loading the campaign" />;
  if (campaign.isError) return <QueryError title="The campaign could not be read" error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: <Text size="sm">Its partners and key messages go with it. A campaign with events, petitions or grassroots counts is kept until they are moved or deleted.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: c.id }, { onSuccess: () => void navigate('/advocacy'), onError: (e) => notifyError('The campaign was not deleted', e) }),
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
    <Badge color={STATUS_COLORS[c.status]} variant="light" radius="sm" tt="none" size="lg">
      {CAMPAIGN_STATUSES[c.status]}
    </Badge>
  );
  return (
    <Page title={c.name} status={status} description={c.ask || undefined} nav={<AdvocacyNav />} actions={actions}>
      <Section title="Overview">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Fact label="Charter goal">
            {c.goal ? (
              <>
                {c.goal.title}{' '}
                <Badge variant="outline" size="xs" radius="sm" tt="none">
                  {GOAL_CATEGORIES[c.goal.category]}
                </Badge>
              </>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label="Lead working group">
            {c.leadWorkingGroup ? (
              <Anchor component={Link} to={workingGroupHref(c.leadWorkingGroup.id)} size="sm">
                {c.leadWorkingGroup.name}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label="Dates">{c.startsOn || c.endsOn ? `${formatDate(c.startsOn) || '…'} – ${formatDate(c.endsOn) || '…'}` : '—'}</Fact>
          <Fact label="Status history">{c.statusHistory.map((h) => `${CAMPAIGN_STATUSES[h.status]} ${formatDate(h.on)}`).join(' → ') || '—'}</Fact>
        </SimpleGrid>
        {c.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.notes}
          </Text>
        )}
      </Section>
      <PartnersSection campaignId={c.id} participants={c.participants} />
      <Section title="Targets" hint="The bills and officials this campaign works on, with each official’s stance.">
        <CampaignTargets campaignId={c.id} />
      </Section>
      <MessagesSection campaignId={c.id} messages={c.messages} />
      <Section title="Public events" hint="Each event is on the meeting calendar too.">
        {c.events.length > 0 ? (
          <EventsTable events={c.events} showCampaign={false} />
        ) : (
          <Text size="sm" c="dimmed">
            No events yet.
          </Text>
        )}
        <Button variant="light" w="fit-content" leftSection={<IconPlus size={15} />} onClick={() => setAddingEvent(true)}>
          Add event
        </Button>
      </Section>
      <PetitionsSection campaignId={c.id} petitions={c.petitions} />
      <Section title="Grassroots" hint="Letters, calls, emails, signatures and visits reported by partners, as totals.">
        <GrassrootsTotalsView totals={c.grassroots} />
        <Group>
          <Button component={Link} to={`/advocacy/grassroots?campaign=${c.id}`} variant="light" w="fit-content" leftSection={<IconPlus size={15} />}>
            Record grassroots actions
          </Button>
        </Group>
      </Section>
      <Section title="Timeline" hint="Everything linked to the campaign, newest first.">
        <Stack gap="xs">
          <CampaignTimeline campaignId={c.id} />
        </Stack>
      </Section>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${c.name}`} size="lg">
        {editing && <CampaignForm campaign={c} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={addingEvent} onClose={() => setAddingEvent(false)} title="New public event" size="xl">
        {addingEvent && <EventForm campaignId={c.id} onDone={() => setAddingEvent(false)} />}
      </Modal>
    </Page>
  );
}
