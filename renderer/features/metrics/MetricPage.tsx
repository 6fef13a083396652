import { useState } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { GRAINS, type Grain, type Metric } from '@shared/metrics/contract';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { RowActions } from '../structure/parts';
import { ChartCard } from './ChartCard';
import { TargetChart } from './charts';
import { DrillDrawer, type Drill } from './DrillDrawer';
import { MetricForm } from './MetricForm';
import { MetricsNav } from './MetricsNav';
import { initialPeriod, periodRange, periodTitle, type PeriodChoice } from './period';
import { PeriodSelector } from './PeriodSelector';
import { formatMoney, formatValue, METRIC_READS } from './reads';

const GRAIN_OPTIONS = Object.entries(GRAINS).map(([value, label]) => ({ value, label }));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Metrics ▸ Catalogue ▸ one metric: its series against targets, the records behind each point, entered values and targets. */
export function MetricPage() {
  const { id = '' } = useParams();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialPeriod(today()));
  const [grain, setGrain] = useState<Grain>('month');
  const { from, to } = periodRange(choice);
  const read = useRpcQuery('metrics.get', { id, from, to, grain });
  const [drill, setDrill] = useState<Drill | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const metric = read.data?.metric;
  return (
    <Page
      fluid
      title={metric?.name ?? 'Metric'}
      description={metric?.description || undefined}
      nav={<MetricsNav />}
      actions={
        metric && (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
            {metric.kind === 'entered' && (
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )}
          </>
        )
      }
    >
      {read.isPending ? (
        <Loading label="Loading the metric" />
      ) : read.isError ? (
        <QueryError title="The metric could not be read" error={read.error} onRetry={() => void read.refetch()} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <PeriodSelector value={choice} onChange={setChoice} />
            <SegmentedControl size="xs" data={GRAIN_OPTIONS} value={grain} onChange={(g) => setGrain(g as Grain)} aria-label="Points per" />
          </Group>
          <Text size="sm">
            {periodTitle(choice)}:{' '}
            <Text span fw={700}>
              {read.data.metric.additive || read.data.total.parts.length === 0 ? formatValue(read.data.total.value, read.data.metric.unit) : read.data.total.parts.map((p) => formatMoney(p.value, p.key)).join(' · ')}
            </Text>
            {read.data.metric.goalTitle && ` · measures the goal “${read.data.metric.goalTitle}”`}
            {!read.data.metric.available && ' · its area is not built yet, so there are no records to count.'}
          </Text>
          <ChartCard title={`${read.data.metric.name} over time`} hint="Bars are the actual values, the dashed line the targets. Click a bar for the records behind it." period={periodTitle(choice)}>
            <TargetChart
              label={`${read.data.metric.name} against its targets`}
              data={read.data.series.map((p) => ({ label: p.label, actual: p.value, target: p.target }))}
              onPick={(i) => {
                const p = read.data.series[i];
                if (p) setDrill({ metricId: id, title: `${read.data.metric.name}, ${p.label}`, from: p.from, to: p.to });
              }}
            />
          </ChartCard>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            {read.data.metric.kind === 'entered' && <ValuesSection key={from.slice(0, 4)} metric={read.data.metric} year={from.slice(0, 4)} values={read.data.values} />}
            <TargetsSection metric={read.data.metric} targets={read.data.targets} />
          </SimpleGrid>
        </Stack>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
      {editing && metric && <MetricForm metric={metric} onClose={() => setEditing(false)} />}
      {deleting && metric && <DeleteMetric metric={metric} onClose={() => setDeleting(false)} />}
    </Page>
  );
}

function DeleteMetric({ metric, onClose }: { metric: Metric; onClose: () => void }) {
  const remove = useRpcMutation('metrics.delete', { invalidates: METRIC_READS });
  const navigate = useNavigate();
  return (
    <Modal opened onClose={onClose} title={`Delete ${metric.name}?`}>
      <Stack>
        <Text size="sm">Its {metric.values} values and {metric.targets} targets go with it. History can undo this.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: metric.id }, { onSuccess: () => void navigate('/metrics/catalogue'), onError: (e) => notifyError('The metric was not deleted', e) })}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The twelve months of a year, entered at once; an emptied month is cleared. */
function ValuesSection({ metric, year, values }: { metric: Metric; year: string; values: readonly { month: string; value: number }[] }) {
  const stored = Object.fromEntries(values.filter((v) => v.month.startsWith(year)).map((v) => [v.month, v.value]));
  const [draft, setDraft] = useState<Record<string, number | ''>>({});
  const save = useRpcMutation('metrics.setValues', { invalidates: METRIC_READS });
  const months = MONTHS.map((label, i) => ({ label, month: `${year}-${String(i + 1).padStart(2, '0')}` }));
  const changed = Object.entries(draft).filter(([month, value]) => (value === '' ? stored[month] !== undefined : stored[month] !== value));
  return (
    <Section title={`Values in ${year}`} hint={`One value per month, in ${metric.unit || 'the metric’s unit'}. Empty a month to clear it.`}>
      <SimpleGrid cols={{ base: 3, sm: 4, md: 6 }} spacing="xs">
        {months.map(({ label, month }) => (
          <NumberInput
            key={month}
            size="xs"
            label={label}
            aria-label={`Value for ${label} ${year}`}
            value={draft[month] ?? stored[month] ?? ''}
            onChange={(v) => setDraft((d) => ({ ...d, [month]: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))}
            thousandSeparator=","
            decimalScale={2}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          disabled={changed.length === 0}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { metricId: metric.id, values: changed.map(([month, value]) => ({ month, value: value === '' ? null : value })) },
              {
                onSuccess: (r) => {
                  setDraft({});
                  notifySuccess(`Saved ${r.changed} month${r.changed === 1 ? '' : 's'}.`);
                },
                onError: (e) => notifyError('The values were not saved', e) },
            )
          }
        >
          Save values
        </Button>
      </Group>
    </Section>
  );
}

function TargetsSection({ metric, targets }: { metric: Metric; targets: readonly { period: string; value: number }[] }) {
  const save = useRpcMutation('metrics.setTargets', { invalidates: METRIC_READS });
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const set = (p: string, v: number | null, done?: () => void) =>
    save.mutate(
      { metricId: metric.id, targets: [{ period: p, value: v }] },
      {
        onSuccess: () => done?.(),
        onError: (e) => {
          setError(e.message);
          notifyError('The target was not saved', e);
        },
      },
    );
  return (
    <Section title="Targets" hint="A target for a year (2026), a quarter (2026-Q2) or a month (2026-05); the charts compare whole periods with them.">
      {targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          No target yet.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Targets">
          <Table.Tbody>
            {targets.map((t) => (
              <Table.Tr key={t.period}>
                <Table.Td>{t.period}</Table.Td>
                <Table.Td ta="right">{formatValue(t.value, metric.additive ? metric.unit : '')}</Table.Td>
                <Table.Td w={60}>
                  <RowActions what={`the target for ${t.period}`} onDelete={() => set(t.period, null)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <TextInput size="xs" label="Period" placeholder="2026-Q2" value={period} error={error} onChange={(e) => setPeriod(e.currentTarget.value.trim())} w={120} />
        <NumberInput size="xs" label="Target" value={value} onChange={(v) => setValue(typeof v === 'number' ? v : '')} thousandSeparator="," w={140} />
        <Button
          size="xs"
          disabled={!period || value === ''}
          loading={save.isPending}
          onClick={() =>
            value !== '' &&
            set(period, value, () => {
              setPeriod('');
              setValue('');
              setError(null);
            })
          }
        >
          Set target
        </Button>
      </Group>
    </Section>
  );
}
