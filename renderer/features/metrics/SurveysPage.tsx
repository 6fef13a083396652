import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { MetricsNav } from './MetricsNav';
import { surveyHref } from './reads';

/** Metrics ▸ Surveys: the stakeholder-feedback surveys, their rounds and responses. */
export function SurveysPage() {
  const list = useRpcQuery('surveys.list', {});
  return (
    <Page
      fluid
      title="Metrics"
      description="Feedback from member organizations: short surveys run in rounds, compared over time."
      nav={<MetricsNav />}
      actions={
        <Button component={Link} to="/metrics/surveys/new" leftSection={<IconPlus size={16} />}>
          New survey
        </Button>
      }
    >
      <Section title="Surveys">
        {list.isPending ? (
          <Loading label="Loading the surveys" />
        ) : list.isError ? (
          <QueryError title="The surveys could not be read" error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No survey yet. Build one with rating, single-choice and text questions, then run it in rounds.
          </Text>
        ) : (
          <Table striped verticalSpacing={6} aria-label="Surveys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Survey</Table.Th>
                <Table.Th ta="right">Questions</Table.Th>
                <Table.Th ta="right">Rounds</Table.Th>
                <Table.Th ta="right">Responses</Table.Th>
                <Table.Th>Last run</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={surveyHref(s.id)} size="sm" fw={500}>
                      {s.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{s.questions}</Table.Td>
                  <Table.Td ta="right">{s.rounds}</Table.Td>
                  <Table.Td ta="right">{s.responses}</Table.Td>
                  <Table.Td>{s.lastRunOn ? formatDate(s.lastRunOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Page>
  );
}
