import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTACT_CHANNELS } from '@shared/directory/enums';
import type { PersonDetail } from '@shared/directory/contract';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { LabelList } from '../badges';
import { Affiliations } from '../detail/Affiliations';
import { BackLink, DetailActions, DetailColumns, MissingRecord } from '../detail/DetailLayout';
import { CustomFieldSection } from '../customFields/CustomFieldSection';
import { FieldList } from '../detail/FieldList';
import { HistoryList } from '../detail/HistoryList';
import { Relationships } from '../detail/Relationships';
import { Timeline, type Subject } from '../detail/Timeline';
import { MeetingReferences } from '../../meetings/MeetingReferences';
import { MEETING_READS } from '../../meetings/reads';
import { DIRECTORY_READS, organizationHref } from '../reads';
import { PersonFormModal } from './PersonForm';

/** /directory/people/:id */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = useRpcQuery('people.get', { id });
  if (person.isError) {
    if (person.error.code === 'not_found' || person.error.code === 'validation') return <MissingRecord what="person" back="/directory/people" />;
    return <QueryError title="The person could not be read" error={person.error} onRetry={() => void person.refetch()} />;
  }
  if (!person.data) return <Loading label="Loading person" />;
  return <PersonView person={person.data} />;
}

function ConsentBadge({ mayContact }: { mayContact: boolean | null }) {
  if (mayContact === null) {
    return (
      <Badge variant="light" color="gray" size="lg" radius="sm" tt="none">
        Contact consent unknown
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={mayContact ? 'teal' : 'red'} size="lg" radius="sm" tt="none">
      {mayContact ? 'May be contacted' : 'Do not contact'}
    </Badge>
  );
}

function PersonView({ person }: { person: PersonDetail }) {
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  // The person's invitations and action items change with them.
  const remove = useRpcMutation('people.delete', { invalidates: [...DIRECTORY_READS, ...MEETING_READS] });
  const subject: Subject = { entity: 'person', id: person.id, name: person.name };
  const primary = person.affiliations.find((a) => a.primary) ?? person.affiliations[0];
  const consent = person.consent;

  return (
    <Page
      title={person.name}
      status={<ConsentBadge mayContact={consent.mayContact} />}
      description={
        <Stack gap={8}>
          <BackLink to="/directory/people" label="People" />
          <Group gap={8}>
            {person.pronouns && <Text size="sm" c="dimmed">({person.pronouns})</Text>}
            {(person.title || primary) && (
              <Text size="sm">
                {person.title}
                {person.title && primary ? ' at ' : ''}
                {primary && (
                  <Anchor component={Link} to={organizationHref(primary.organization.id)} size="sm">
                    {primary.organization.name}
                  </Anchor>
                )}
              </Text>
            )}
            {person.communityLeader && (
              <Badge variant="light" color="grape" size="sm" radius="sm" tt="none">
                Community leader
              </Badge>
            )}
          </Group>
        </Stack>
      }
      actions={
        <DetailActions
          what="person"
          name={person.name}
          onEdit={edit.open}
          deleting={remove.isPending}
          consequence="Their affiliations, relationships and places in interactions are removed with them."
          references={<MeetingReferences personId={person.id} />}
          onDelete={() =>
            remove.mutate(
              { id: person.id },
              {
                onSuccess: () => {
                  notifySuccess(`${person.name} was deleted.`);
                  void navigate('/directory/people');
                },
                onError: (error) => notifyError('The person was not deleted', error),
              },
            )
          }
        />
      }
    >
      <DetailColumns
        main={
          <>
            <Section title="Profile">
              <FieldList
                items={[
                  { label: 'Email', value: person.email ? <Anchor href={`mailto:${person.email}`} size="sm">{person.email}</Anchor> : '' },
                  { label: 'Phone', value: person.phone },
                  { label: 'Pronouns', value: person.pronouns },
                  { label: 'Title', value: person.title },
                  { label: 'City', value: person.city },
                  { label: 'District', value: person.district },
                  { label: 'Languages', value: person.languages.join(', ') },
                  { label: 'Community leader', value: person.communityLeader ? 'Yes' : 'No' },
                  { label: 'Last contacted', value: formatDate(person.lastContactedOn) },
                  { label: 'Tags', value: person.tags.length ? <LabelList items={person.tags} max={10} /> : '' },
                  { label: 'Notes', value: person.notes, wide: true },
                ]}
              />
            </Section>
            <CustomFieldSection entity="person" values={person.custom} />
            <Section title="Organizations" hint="Where this person works or volunteers.">
              <Affiliations subject={subject} affiliations={person.affiliations} />
            </Section>
            <Section title="Timeline" hint="Calls, emails, meetings, events and notes.">
              <Timeline subject={subject} />
            </Section>
          </>
        }
        side={
          <>
            <Section title="Contact consent">
              <FieldList
                items={[
                  { label: 'May contact', value: consent.mayContact === null ? 'Unknown — not asked yet' : consent.mayContact ? 'Yes' : 'No' },
                  { label: 'Channels', value: consent.channels.map((c) => CONTACT_CHANNELS[c]).join(', ') },
                  { label: 'Recorded on', value: formatDate(consent.recordedOn) },
                  { label: 'Recorded by', value: consent.recordedBy },
                ]}
              />
            </Section>
            <Section title="Relationships">
              <Relationships subject={subject} relationships={person.relationships} />
            </Section>
            <Section title="Change history">
              <HistoryList entity="people" entityId={person.id} />
            </Section>
          </>
        }
      />
      <PersonFormModal
        opened={editing}
        onClose={edit.close}
        person={person}
        onSaved={(saved) => {
          edit.close();
          notifySuccess(`${saved.name} was saved.`);
        }}
      />
    </Page>
  );
}
