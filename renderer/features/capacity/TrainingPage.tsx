import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Rating, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link, useNavigate, useParams } from 'react-router';
import { TRAINING_FORMATS, TRAINING_TOPICS, type Attendee, type TrainingDetail } from '@shared/capacity/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import type { Picked } from '../directory/EntityPicker';
import { organizationHref, personHref } from '../directory/reads';
import { PeoplePicker } from '../meetings/PeoplePicker';
import { meetingHref } from '../meetings/reads';
import { formatMeetingTime } from '../meetings/time';
import { FormButtons } from '../structure/parts';
import { CapacityNav } from './CapacityNav';
import { CAPACITY_READS } from './reads';
import { TrainingForm } from './TrainingForm';
import { AverageRating } from './TrainingsPage';

function AttendeesForm({ training, onDone }: { training: TrainingDetail; onDone: () => void }) {
  const save = useRpcMutation('trainings.setAttendees', { invalidates: CAPACITY_READS });
  const [people, setPeople] = useState<Picked[]>(training.attendeesList.map((a) => ({ entity: 'person', id: a.personId, name: a.name })));
  return (
    <form
      aria-label="Attendees"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ trainingId: training.id, personIds: people.map((p) => p.id) }, { onSuccess: onDone, onError: (e) => notifyError('The attendees were not saved', e) });
      }}
    >
      <Stack gap="sm">
        <PeoplePicker label="People who attended" value={people} onChange={setPeople} />
        <Text size="xs" c="dimmed">
          Each is recorded with the organization they were with on the training's day.
        </Text>
        <FormButtons onCancel={onDone} submit="Save attendees" loading={save.isPending} />
      </Stack>
    </form>
  );
}

function FeedbackForm({ training, attendee, onDone }: { training: TrainingDetail; attendee: Attendee; onDone: () => void }) {
  const save = useRpcMutation('trainings.saveFeedback', { invalidates: CAPACITY_READS });
  const [rating, setRating] = useState(attendee.rating ?? 0);
  const [comment, setComment] = useState(attendee.comment);
  return (
    <form
      aria-label={`Feedback from ${attendee.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { trainingId: training.id, personId: attendee.personId, rating: rating === 0 ? null : rating, comment },
          { onSuccess: onDone, onError: (e) => notifyError('The feedback was not saved', e) },
        );
      }}
    >
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Rating
          </Text>
          <SegmentedControl
            aria-label="Rating"
            data={[{ value: '0', label: 'None' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) }))]}
            value={String(rating)}
            onChange={(v) => setRating(Number(v))}
          />
        </Stack>
        <Textarea label="Comment" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        <FormButtons onCancel={onDone} submit="Save feedback" loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** One training: when and where, trainer, materials, attendees with their organizations, feedback and its average. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const training = useRpcQuery('trainings.get', { id });
  const remove = useRpcMutation('trainings.delete', { invalidates: CAPACITY_READS });
  const [editing, setEditing] = useState(false);
  const [attending, setAttending] = useState(false);
  const [feedback, setFeedback] = useState<Attendee | null>(null);
  if (training.isPending) return <Loading />;
  if (training.isError) return <QueryError title="This could not be loaded" error={training.error} />;
  const t = training.data;
  return (
    <Page
      title={t.title}
      status={
        <Group gap={6}>
          <Badge variant="light">{TRAINING_TOPICS[t.topic]}</Badge>
          <Badge variant="light" color="gray">
            {TRAINING_FORMATS[t.format]}
          </Badge>
          {t.status === 'cancelled' && <Badge color="gray">Cancelled</Badge>}
        </Group>
      }
      description={[formatMeetingTime(t.startsAt, t.endsAt, t.timeZone), t.location || null, t.trainer ? `Trainer: ${t.trainer.name}` : null].filter(Boolean).join(' · ')}
      nav={<CapacityNav />}
      actions={
        <>
          <Button variant="default" component={Link} to={meetingHref(t.meetingId)}>
            In the calendar
          </Button>
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() =>
              modals.openConfirmModal({
                title: `Delete ${t.title}?`,
                children: <Text size="sm">Its attendance, feedback and calendar meeting are deleted too (History can undo it).</Text>,
                labels: { confirm: 'Delete', cancel: 'Cancel' },
                confirmProps: { color: 'red' },
                onConfirm: () => remove.mutate({ id: t.id }, { onSuccess: () => void navigate('/capacity'), onError: (e) => notifyError('The training was not deleted', e) }),
              })
            }
          >
            Delete
          </Button>
        </>
      }
    >
      <Section title={`Attendees (${t.attendees})`} hint="With the organization each was with at the time, and their feedback.">
        <Group justify="space-between">
          <AverageRating average={t.averageRating} ratings={t.ratings} />
          <Button variant="light" onClick={() => setAttending(true)}>
            Edit attendees
          </Button>
        </Group>
        {t.attendeesList.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody recorded yet.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Attendees and feedback">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Rating</Table.Th>
                <Table.Th>Comment</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.attendeesList.map((a) => (
                <Table.Tr key={a.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={personHref(a.personId)}>
                      {a.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {a.organization ? (
                      <Anchor component={Link} to={organizationHref(a.organization.id)}>
                        {a.organization.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{a.rating === null ? <Text size="sm" c="dimmed">—</Text> : <Rating value={a.rating} readOnly size="sm" aria-label={`${a.rating} of 5`} />}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.comment}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setFeedback(a)} aria-label={`Feedback from ${a.name}`}>
                      Feedback
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {(t.description || t.materials.length > 0) && (
        <Section title="About and materials">
          {t.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t.description}
            </Text>
          )}
          {t.materials.map((m) => (
            <Text size="sm" key={`${m.title}${m.reference}`}>
              {m.title}
              {m.reference && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  — {m.reference}
                </Text>
              )}
            </Text>
          ))}
        </Section>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit training" size="xl">
        {editing && <TrainingForm training={t} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={attending} onClose={() => setAttending(false)} title="Attendees" size="lg">
        {attending && <AttendeesForm training={t} onDone={() => setAttending(false)} />}
      </Modal>
      <Modal opened={feedback !== null} onClose={() => setFeedback(null)} title={feedback ? `Feedback from ${feedback.name}` : ''}>
        {feedback && <FeedbackForm training={t} attendee={feedback} onDone={() => setFeedback(null)} />}
      </Modal>
    </Page>
  );
}
