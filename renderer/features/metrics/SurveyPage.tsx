import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { QUESTION_KINDS, surveyInput, type Round, type Survey, type SurveyInput } from '@shared/metrics/contract';
import { notifyError, showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { FormButtons, RowActions } from '../structure/parts';
import { MetricsNav } from './MetricsNav';
import { METRIC_READS, roundHref, surveyHref } from './reads';

const KIND_OPTIONS = Object.entries(QUESTION_KINDS).map(([value, label]) => ({ value, label }));

/** Metrics ▸ Surveys ▸ new: the builder for a new survey. */
export function NewSurveyPage() {
  return (
    <Page title="New survey" nav={<MetricsNav />}>
      <SurveyBuilder survey={null} />
    </Page>
  );
}

/** Metrics ▸ Surveys ▸ one survey: its questions (the builder) and its rounds. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const survey = useRpcQuery('surveys.get', { id });
  return (
    <Page fluid title={survey.data?.title ?? 'Survey'} description={survey.data?.description || undefined} nav={<MetricsNav />}>
      {survey.isPending ? (
        <Loading label="Loading the survey" />
      ) : survey.isError ? (
        <QueryError title="The survey could not be read" error={survey.error} onRetry={() => void survey.refetch()} />
      ) : (
        <Group align="flex-start" grow wrap="wrap" gap="md">
          <Stack miw={360}>
            <RoundsSection survey={survey.data} />
          </Stack>
          <Stack miw={420}>
            <Section title="Questions" hint="Answered questions keep their kind and the choices given; unanswered ones can change freely.">
              <SurveyBuilder survey={survey.data} />
            </Section>
          </Stack>
        </Group>
      )}
    </Page>
  );
}

type Draft = SurveyInput['questions'][number] & { key: string; answers: number };

function SurveyBuilder({ survey }: { survey: Survey | null }) {
  const navigate = useNavigate();
  const save = useRpcMutation('surveys.save', { invalidates: METRIC_READS });
  const remove = useRpcMutation('surveys.delete', { invalidates: METRIC_READS });
  const form = useForm<{ title: string; description: string; questions: Draft[] }>({
    initialValues: {
      title: survey?.title ?? '',
      description: survey?.description ?? '',
      questions: survey
        ? survey.questions.map((q) => ({ key: q.id, id: q.id, kind: q.kind, prompt: q.prompt, choices: q.choices, answers: q.answers }))
        : [{ key: 'q0', kind: 'rating', prompt: '', choices: [], answers: 0 }],
    },
    validate: (values) => validateWithSchema(surveyInput, toInput(values)),
  });
  const questions = form.values.questions;
  const move = (from: number, to: number) => form.reorderListItem('questions', { from, to });
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...(survey ? { id: survey.id } : {}), survey: toInput(values) },
          {
            onSuccess: (saved) => {
              if (!survey) void navigate(surveyHref(saved.id));
              else form.resetDirty();
            },
            onError: (error) => showSaveError(form, error, { title: 'The survey was not saved', mapPath: (p) => p.replace(/^survey\./, '') }),
          },
        ),
      )}
    >
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
        {questions.map((q, i) => (
          <Paper key={q.key} withBorder p="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  Question {i + 1}
                  {q.answers > 0 && (
                    <Badge ml="xs" size="xs" variant="light" tt="none">
                      {q.answers} answer{q.answers === 1 ? '' : 's'}
                    </Badge>
                  )}
                </Text>
                <Group gap={2}>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Move question ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <IconArrowUp size={15} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Move question ${i + 1} down`} disabled={i === questions.length - 1} onClick={() => move(i, i + 1)}>
                    <IconArrowDown size={15} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${i + 1}`} disabled={q.answers > 0} onClick={() => form.removeListItem('questions', i)}>
                    <IconTrash size={15} />
                  </ActionIcon>
                </Group>
              </Group>
              <Group grow align="flex-start">
                <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} disabled={q.answers > 0} {...form.getInputProps(`questions.${i}.kind`)} />
                <TextInput label="Question" required {...form.getInputProps(`questions.${i}.prompt`)} />
              </Group>
              {q.kind === 'choice' && <TagsInput label="Choices" description="Type a choice and press Enter." {...form.getInputProps(`questions.${i}.choices`)} />}
            </Stack>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('questions', { key: `q${Date.now()}`, kind: 'rating', prompt: '', choices: [], answers: 0 })}>
            Add question
          </Button>
          <Group gap="xs">
            {survey && (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate({ id: survey.id }, { onSuccess: () => void navigate('/metrics/surveys'), onError: (e) => notifyError('The survey was not deleted', e) })}
              >
                Delete survey
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {survey ? 'Save questions' : 'Create survey'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function toInput(values: { title: string; description: string; questions: Draft[] }): SurveyInput {
  return {
    title: values.title,
    description: values.description,
    questions: values.questions.map((q) => ({ ...(q.id ? { id: q.id } : {}), kind: q.kind, prompt: q.prompt, choices: q.kind === 'choice' ? q.choices : [] })),
  };
}

function RoundsSection({ survey }: { survey: Survey }) {
  const [editing, setEditing] = useState<Round | 'new' | null>(null);
  const remove = useRpcMutation('surveys.deleteRound', { invalidates: METRIC_READS });
  return (
    <Section title="Rounds" hint="Each round is the survey run at a date; open one to enter or import responses and read the results.">
      {survey.rounds.length === 0 ? (
        <Text size="sm" c="dimmed">
          No round yet.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Rounds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Round</Table.Th>
              <Table.Th>Run on</Table.Th>
              <Table.Th ta="right">Responses</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {survey.rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={roundHref(survey.id, r.id)} size="sm">
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.runOn)}</Table.Td>
                <Table.Td ta="right">{r.responses}</Table.Td>
                <Table.Td>
                  <RowActions what={r.name} onEdit={() => setEditing(r)} onDelete={() => remove.mutate({ id: r.id }, { onError: (e) => notifyError('The round was not deleted', e) })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add round
        </Button>
      </Group>
      {editing && <RoundForm surveyId={survey.id} round={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

function RoundForm({ surveyId, round, onClose }: { surveyId: string; round: Round | null; onClose: () => void }) {
  const save = useRpcMutation('surveys.saveRound', { invalidates: METRIC_READS });
  const form = useForm({ initialValues: { name: round?.name ?? '', runOn: round?.runOn ?? today() } });
  return (
    <Modal opened onClose={onClose} title={round ? `Edit ${round.name}` : 'New round'}>
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate({ ...(round ? { id: round.id } : {}), surveyId, ...values }, { onSuccess: onClose, onError: (error) => showSaveError(form, error, { title: 'The round was not saved' }) }),
        )}
      >
        <Stack gap="sm">
          <TextInput label="Name" placeholder="Spring 2026" required {...form.getInputProps('name')} />
          <IsoDateInput label="Run on" required {...form.getInputProps('runOn')} />
          <FormButtons onCancel={onClose} submit={round ? 'Save' : 'Add round'} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
