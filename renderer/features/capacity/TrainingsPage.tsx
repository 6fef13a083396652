import { useState } from 'react';
import { Anchor, Badge, Button, Modal, Rating, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { TRAINING_FORMATS, TRAINING_TOPICS } from '@shared/capacity/contract';
import { useRpcQuery } from '../../api/queries';
import { ListPager, LIST_PAGE } from '../../components/ListPager';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { formatMeetingTime } from '../meetings/time';
import { CapacityNav } from './CapacityNav';
import { trainingHref } from './reads';
import { TrainingForm } from './TrainingForm';

export function AverageRating({ average, ratings }: { average: number | null; ratings: number }) {
  if (average === null) return <Text size="sm" c="dimmed">No feedback</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Rating value={average} fractions={10} readOnly size="sm" aria-label={`Average rating ${average} of 5`} />
      <Text size="sm">
        {average.toFixed(1)} ({ratings})
      </Text>
    </Group>
  );
}

/** Trainings, newest first, with attendance and average rating, a page at a time. Each is also in the meetings calendar. */
export function TrainingsPage() {
  const [page, setPage] = useState(1);
  const list = useRpcQuery('trainings.list', { offset: (page - 1) * LIST_PAGE, limit: LIST_PAGE });
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Trainings"
      description="Skills trainings for member organizations, with attendance and feedback. Each training is also in the meetings calendar."
      nav={<CapacityNav />}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New training
        </Button>
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : (
        <>
          <Table striped verticalSpacing="sm" aria-label="Trainings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Training</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th ta="right">Attendees</Table.Th>
                <Table.Th>Feedback</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Anchor component={Link} to={trainingHref(t.id)} fw={500}>
                      {t.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {TRAINING_TOPICS[t.topic]}
                      {t.trainer ? ` · ${t.trainer.name}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatMeetingTime(t.startsAt, t.endsAt, t.timeZone)}</Text>
                    {t.status === 'cancelled' && (
                      <Badge size="xs" color="gray">
                        Cancelled
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{TRAINING_FORMATS[t.format]}</Table.Td>
                  <Table.Td ta="right">{t.attendees}</Table.Td>
                  <Table.Td>
                    <AverageRating average={t.averageRating} ratings={t.ratings} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListPager total={list.data.total} page={page} onChange={setPage} noun="trainings" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New training" size="xl">
        {adding && (
          <TrainingForm
            onDone={(id) => {
              setAdding(false);
              if (id) void navigate(trainingHref(id));
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
