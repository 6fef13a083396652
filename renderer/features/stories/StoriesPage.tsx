import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconQuote } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CONSENT_USE_VALUES, CONSENT_USES, type ConsentUse } from '@shared/stories/consent';
import { useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { personHref } from '../directory/reads';
import { MediaNav } from '../media/MediaNav';
import { storyHref } from './reads';
import { StoryForm } from './StoryForm';
import { VerdictBadges, VerdictList } from './Verdict';

const USE_OPTIONS = CONSENT_USE_VALUES.map((use) => ({ value: use, label: `Usable for ${CONSENT_USES[use].toLowerCase()}` }));

/** Media ▸ Stories: filters (campaign, district, issue area, usable for…) and each story's verdict per use today. */
export function StoriesPage() {
  const day = today();
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [issueArea, setIssueArea] = useState<string | null>(null);
  const [usableFor, setUsableFor] = useState<ConsentUse | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const facets = useRpcQuery('stories.facets', {});
  const stories = useRpcQuery('stories.list', {
    today: day,
    ...(campaignId ? { campaignId } : {}),
    ...(district ? { district } : {}),
    ...(issueArea ? { issueArea } : {}),
    ...(usableFor ? { usableFor } : {}),
    ...(debounced ? { search: debounced } : {}),
    limit: 500,
  });
  return (
    <Page
      fluid
      title="Stories"
      description="Stories and testimonials with their consent. Each badge says whether the story may be used for that purpose today; hover a struck-out one for the reason."
      nav={<MediaNav />}
      actions={
        <Button component={Link} to="/media/stories/new" leftSection={<IconPlus size={15} />}>
          Add story
        </Button>
      }
    >
      <Group gap="sm" align="flex-end">
        <TextInput label="Search" placeholder="Title or text" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={200} />
        <Select label="Usable for" placeholder="Any use" clearable data={USE_OPTIONS} value={usableFor} onChange={(v) => setUsableFor(v)} w={230} />
        <Select label="Campaign" placeholder="All campaigns" clearable searchable data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} w={230} />
        <Select label="District" placeholder="All districts" clearable searchable data={facets.data?.districts ?? []} value={district} onChange={setDistrict} w={170} />
        <Select label="Issue area" placeholder="All issue areas" clearable searchable data={facets.data?.issueAreas ?? []} value={issueArea} onChange={setIssueArea} w={200} />
      </Group>
      {stories.isPending ? (
        <Loading label="Loading the stories" />
      ) : stories.isError ? (
        <QueryError title="The stories could not be read" error={stories.error} onRetry={() => void stories.refetch()} />
      ) : stories.data.rows.length === 0 ? (
        <EmptyState icon={IconQuote} title={usableFor ? `No story may be used for ${CONSENT_USES[usableFor].toLowerCase()} today` : 'No stories yet'}>
          {usableFor ? 'Consent decides: check the stories’ consent, or clear the filter.' : 'Add a story with its consent to use it in briefings and reports.'}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} aria-label="Stories">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Story</Table.Th>
              <Table.Th>Storyteller</Table.Th>
              <Table.Th>District</Table.Th>
              <Table.Th>Issue area</Table.Th>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Consent today</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stories.data.rows.map((s) => (
              <Table.Tr key={s.id} data-story={s.title}>
                <Table.Td>
                  <Anchor component={Link} to={storyHref(s.id)} size="sm" fw={500}>
                    {s.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={s.storytellerName ? undefined : 'dimmed'}>
                    {s.storytellerName ?? 'Anonymous'}
                  </Text>
                </Table.Td>
                <Table.Td>{s.district || '—'}</Table.Td>
                <Table.Td>{s.issueArea || '—'}</Table.Td>
                <Table.Td>{s.campaignName ?? '—'}</Table.Td>
                <Table.Td>
                  <VerdictBadges verdicts={s.verdicts} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}

export function NewStoryPage() {
  const navigate = useNavigate();
  return (
    <Page fluid title="New story" description="The story, who told it, and what they agreed it may be used for." nav={<MediaNav />}>
      <StoryForm onCancel={() => void navigate('/media/stories')} />
    </Page>
  );
}

/** One story: its text, consent, the verdict for each use today, and the consent history. */
export function StoryPage() {
  const { id = '' } = useParams();
  const day = today();
  const [editing, setEditing] = useState(false);
  const story = useRpcQuery('stories.get', { id, today: day });
  if (story.isPending) return <Loading label="Loading the story" />;
  if (story.isError) return <QueryError title="The story could not be read" error={story.error} onRetry={() => void story.refetch()} />;
  const s = story.data;
  return (
    <Page
      fluid
      title={s.title}
      nav={<MediaNav />}
      description={
        <>
          {s.storytellerPersonId ? (
            <Anchor component={Link} to={personHref(s.storytellerPersonId)} size="sm">
              {s.storytellerName}
            </Anchor>
          ) : (
            'Anonymous storyteller'
          )}
          {s.district ? ` · ${s.district}` : ''}
          {s.issueArea ? ` · ${s.issueArea}` : ''}
          {s.campaignName ? ` · ${s.campaignName}` : ''}
        </>
      }
      actions={
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit story and consent
          </Button>
        )
      }
    >
      {editing ? (
        <StoryForm story={s} onCancel={() => setEditing(false)} />
      ) : (
        <Stack gap="md">
          <Section title="Consent today">
            <VerdictList verdicts={s.verdicts} day={day} />
          </Section>
          <Section title="Story">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.text}
            </Text>
          </Section>
          <Section title="Anonymized version">
            <Text size="sm" c={s.anonymizedText ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {s.anonymizedText || 'None yet. Stories told anonymously, or whose consent asks for it, cannot be used without one.'}
            </Text>
          </Section>
          <Section title="Consent history" hint="Every change to the consent, newest first.">
            <Table verticalSpacing={4} aria-label="Consent history">
              <Table.Tbody>
                {s.consentHistory.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td w={170}>
                      <Text size="sm">{formatDate(h.changedAt.slice(0, 10))}</Text>
                      {h.actor && (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {h.actor}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{h.summary}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </Stack>
      )}
    </Page>
  );
}
