import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, List, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Question, QuestionResult, Response, ResponseMapping, RoundResults, Survey } from '@shared/metrics/contract';
import { RpcError, call } from '../../api/client';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { EntityPicker } from '../directory/EntityPicker';
import { organizationHref } from '../directory/reads';
import { RowActions } from '../structure/parts';
import { ChartCard } from './ChartCard';
import { BarsChart } from './charts';
import { MetricsNav } from './MetricsNav';
import { METRIC_READS, surveyHref } from './reads';

/** Metrics ▸ Surveys ▸ a round: its results per question, its responses (entered or imported), and a comparison with another round. */
export function RoundPage() {
  const { id = '', roundId = '' } = useParams();
  const survey = useRpcQuery('surveys.get', { id });
  const round = survey.data?.rounds.find((r) => r.id === roundId);
  return (
    <Page
      fluid
      title={survey.data && round ? `${survey.data.title} · ${round.name}` : 'Survey round'}
      description={
        round && (
          <>
            Run on {formatDate(round.runOn)} · {round.responses} response{round.responses === 1 ? '' : 's'} ·{' '}
            <Anchor component={Link} to={surveyHref(id)} size="sm">
              the survey’s questions and rounds
            </Anchor>
          </>
        )
      }
      nav={<MetricsNav />}
    >
      {survey.isPending ? (
        <Loading label="Loading the round" />
      ) : survey.isError ? (
        <QueryError title="The survey could not be read" error={survey.error} onRetry={() => void survey.refetch()} />
      ) : !round ? (
        <Text c="dimmed">This round no longer exists.</Text>
      ) : (
        <Tabs defaultValue="results" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="results">Results</Tabs.Tab>
            <Tabs.Tab value="responses">Responses</Tabs.Tab>
            <Tabs.Tab value="compare">Compare rounds</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="results">
            <Results roundId={roundId} />
          </Tabs.Panel>
          <Tabs.Panel value="responses">
            <Responses survey={survey.data} roundId={roundId} />
          </Tabs.Panel>
          <Tabs.Panel value="compare">
            <Compare survey={survey.data} roundId={roundId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Page>
  );
}

function Results({ roundId }: { roundId: string }) {
  const results = useRpcQuery('surveys.results', { roundId });
  if (results.isPending) return <Loading label="Loading the results" />;
  if (results.isError) return <QueryError title="The results could not be read" error={results.error} onRetry={() => void results.refetch()} />;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {results.data.questions.map((q) => (
        <QuestionCard key={q.questionId} rounds={[results.data]} question={q.questionId} />
      ))}
    </SimpleGrid>
  );
}

function answeredOf(r: RoundResults, questionId: string): QuestionResult | undefined {
  return r.questions.find((q) => q.questionId === questionId);
}

/** One question's results for one round, or two side by side. */
function QuestionCard({ rounds, question }: { rounds: RoundResults[]; question: string }) {
  const first = rounds[0] ? answeredOf(rounds[0], question) : undefined;
  if (!first) return null;
  const label = rounds.map((r) => r.round.name).join(' vs ');
  const summary = rounds
    .map((r) => {
      const q = answeredOf(r, question);
      const avg = q?.average !== null && q?.average !== undefined ? `average ${q.average.toFixed(2)} of 5, ` : '';
      return `${rounds.length > 1 ? `${r.round.name}: ` : ''}${avg}${q?.answered ?? 0} answered`;
    })
    .join(' · ');
  if (first.kind === 'text') {
    return (
      <Paper withBorder p="md" component="section" aria-label={first.prompt}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {first.prompt}
          </Text>
          <Text size="xs" c="dimmed">
            {summary}
          </Text>
          <SimpleGrid cols={rounds.length}>
            {rounds.map((r) => (
              <Stack key={r.round.id} gap={4}>
                {rounds.length > 1 && <Badge variant="light" tt="none">{r.round.name}</Badge>}
                {(answeredOf(r, question)?.texts ?? []).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No answer.
                  </Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {answeredOf(r, question)?.texts.map((t) => (
                      <List.Item key={t.organizationId}>
                        “{t.text}” —{' '}
                        <Anchor component={Link} to={organizationHref(t.organizationId)} size="sm">
                          {t.organizationName}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
    );
  }
  const values = first.distribution.map((d) => d.value);
  const data = values.map((value) => ({
    label: first.kind === 'rating' ? `${value} ★` : value,
    ...Object.fromEntries(rounds.map((r, i) => [`r${i}`, answeredOf(r, question)?.distribution.find((d) => d.value === value)?.count ?? 0])),
  }));
  return (
    <ChartCard title={first.prompt} hint={summary} period={label}>
      <BarsChart label={`Answers to “${first.prompt}”`} data={data} series={rounds.map((r, i) => ({ key: `r${i}`, label: r.round.name }))} onPick={() => undefined} />
    </ChartCard>
  );
}

function Compare({ survey, roundId }: { survey: Survey; roundId: string }) {
  const others = survey.rounds.filter((r) => r.id !== roundId);
  const [other, setOther] = useState<string | null>(others.at(-1)?.id ?? null);
  const ordered = (() => {
    const a = survey.rounds.find((r) => r.id === roundId);
    const b = survey.rounds.find((r) => r.id === other);
    return a && b && b.runOn < a.runOn ? { first: b.id, second: a.id } : { first: roundId, second: other ?? '' };
  })();
  const compared = useRpcQuery('surveys.compare', ordered, { enabled: other !== null });
  if (others.length === 0) return <Text c="dimmed">This survey has one round; add another to compare.</Text>;
  return (
    <Stack>
      <Select label="Compare with" data={others.map((r) => ({ value: r.id, label: `${r.name} (${formatDate(r.runOn)})` }))} value={other} onChange={setOther} allowDeselect={false} maw={360} />
      {compared.isPending ? (
        <Loading label="Comparing" />
      ) : compared.isError ? (
        <QueryError title="The rounds could not be compared" error={compared.error} onRetry={() => void compared.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {compared.data.first.questions.map((q) => (
            <QuestionCard key={q.questionId} rounds={[compared.data.first, compared.data.second]} question={q.questionId} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Responses({ survey, roundId }: { survey: Survey; roundId: string }) {
  const responses = useRpcQuery('surveys.responses', { roundId });
  const remove = useRpcMutation('surveys.deleteResponse', { invalidates: METRIC_READS });
  const [editing, setEditing] = useState<Response | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const show = (q: Question, r: Response) => {
    const a = r.answers[q.id];
    return a === undefined ? '—' : q.kind === 'rating' ? `${a} ★` : String(a);
  };
  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add response
        </Button>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
          Import CSV or Excel…
        </Button>
      </Group>
      {responses.isPending ? (
        <Loading label="Loading the responses" />
      ) : responses.isError ? (
        <QueryError title="The responses could not be read" error={responses.error} onRetry={() => void responses.refetch()} />
      ) : responses.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No response yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={4} aria-label="Responses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                {survey.questions.map((q) => (
                  <Table.Th key={q.id} maw={220}>
                    <Text size="xs" fw={600} lineClamp={2}>
                      {q.prompt}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th w={70} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {responses.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={organizationHref(r.organizationId)} size="sm">
                      {r.organizationName}
                    </Anchor>
                  </Table.Td>
                  {survey.questions.map((q) => (
                    <Table.Td key={q.id}>
                      <Text size="sm" lineClamp={2}>
                        {show(q, r)}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <RowActions what={`${r.organizationName}’s response`} onEdit={() => setEditing(r)} onDelete={() => remove.mutate({ id: r.id }, { onError: (e) => notifyError('The response was not deleted', e) })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ResponseForm survey={survey} roundId={roundId} response={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportResponses survey={survey} roundId={roundId} onClose={() => setImporting(false)} />}
    </Stack>
  );
}

function ResponseForm({ survey, roundId, response, onClose }: { survey: Survey; roundId: string; response: Response | null; onClose: () => void }) {
  const save = useRpcMutation('surveys.saveResponse', { invalidates: METRIC_READS });
  const [organization, setOrganization] = useState<{ id: string; name: string } | null>(response ? { id: response.organizationId, name: response.organizationName } : null);
  const [answers, setAnswers] = useState<Record<string, number | string>>(response?.answers ?? {});
  const [error, setError] = useState<string | null>(null);
  const set = (qid: string, value: number | string | null) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === null || value === '') delete next[qid];
      else next[qid] = value;
      return next;
    });
  return (
    <Modal opened onClose={onClose} title={response ? `${response.organizationName}’s response` : 'New response'} size="lg">
      <Stack gap="sm">
        <EntityPicker entity="organization" label="Organization" value={organization?.id ?? null} valueName={organization?.name} onChange={(p) => setOrganization(p)} />
        {survey.questions.map((q) =>
          q.kind === 'rating' ? (
            <NumberInput key={q.id} label={q.prompt} description="1 to 5" min={1} max={5} allowDecimal={false} value={answers[q.id] ?? ''} onChange={(v) => set(q.id, typeof v === 'number' ? v : null)} />
          ) : q.kind === 'choice' ? (
            <Select key={q.id} label={q.prompt} data={q.choices} clearable value={(answers[q.id] as string | undefined) ?? null} onChange={(v) => set(q.id, v)} />
          ) : (
            <Textarea key={q.id} label={q.prompt} autosize minRows={2} value={String(answers[q.id] ?? '')} onChange={(e) => set(q.id, e.currentTarget.value)} />
          ),
        )}
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!organization}
            loading={save.isPending}
            onClick={() =>
              organization &&
              save.mutate({ ...(response ? { id: response.id } : {}), roundId, organizationId: organization.id, answers }, { onSuccess: onClose, onError: (e) => setError(e.message) })
            }
          >
            Save response
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function readBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

/** A CSV or Excel file of responses: its columns mapped to the organization and the questions, checked, then imported in one step. */
function ImportResponses({ survey, roundId, onClose }: { survey: Survey; roundId: string; onClose: () => void }) {
  const run = useRpcMutation('surveys.importResponses', { invalidates: METRIC_READS });
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<{ headers: string[]; rowCount: number } | null>(null);
  const [mapping, setMapping] = useState<ResponseMapping>({ organizationColumn: 0, columns: {} });
  const [problems, setProblems] = useState<string[]>([]);
  const columns = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: h }));
  const open = async (picked: File | null) => {
    setProblems([]);
    setPreview(null);
    if (!picked) return;
    try {
      const base64 = await readBase64(picked);
      setFile({ name: picked.name, base64 });
      const read = await call('surveys.previewImport', { roundId, fileName: picked.name, contentBase64: base64 });
      setPreview(read);
      if (read.mapping) setMapping(read.mapping);
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)]);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Import responses" size="lg">
      <Stack gap="sm">
        <FileInput label="File" placeholder="Choose a .csv or .xlsx file" accept=".csv,.txt,.xlsx" onChange={(f) => void open(f)} />
        {preview && (
          <>
            <Text size="sm">
              {preview.rowCount} row{preview.rowCount === 1 ? '' : 's'}. Choose the column naming each organization (its name as in the directory, or its email) and the column answering each question.
            </Text>
            <Select label="Organization" data={columns} value={String(mapping.organizationColumn)} onChange={(v) => v !== null && setMapping((m) => ({ ...m, organizationColumn: Number(v) }))} allowDeselect={false} />
            {survey.questions.map((q) => (
              <Select
                key={q.id}
                label={q.prompt}
                placeholder="Not imported"
                clearable
                data={columns}
                value={mapping.columns[q.id] === undefined ? null : String(mapping.columns[q.id])}
                onChange={(v) =>
                  setMapping((m) => {
                    const next = { ...m.columns };
                    if (v === null) delete next[q.id];
                    else next[q.id] = Number(v);
                    return { ...m, columns: next };
                  })
                }
              />
            ))}
          </>
        )}
        {problems.length > 0 && (
          <Alert color="red" variant="light" title="Nothing was imported">
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!file || !preview}
            loading={run.isPending}
            onClick={() =>
              file &&
              run.mutate(
                { roundId, fileName: file.name, contentBase64: file.base64, mapping },
                {
                  onSuccess: (r) => {
                    notifySuccess(`Imported ${r.created} new and ${r.updated} updated response${r.created + r.updated === 1 ? '' : 's'}.`);
                    onClose();
                  },
                  onError: (e) => setProblems(e instanceof RpcError && e.issues.length > 0 ? e.issues.map((i) => i.message) : [e.message]),
                },
              )
            }
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
