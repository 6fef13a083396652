import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AGGREGATIONS, metricInput, type Metric, type MetricInput } from '@shared/metrics/contract';
import { showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { FormButtons } from '../structure/parts';
import { METRIC_READS } from './reads';

const AGGREGATION_OPTIONS = Object.entries(AGGREGATIONS).map(([value, label]) => ({ value, label }));

/** Adds an entered metric, or changes one (a derived metric: its name, description and goal). */
export function MetricForm({ metric, onClose, onSaved }: { metric: Metric | null; onClose: () => void; onSaved?: (saved: Metric) => void }) {
  const charter = useRpcQuery('charter.getDraft', {});
  const save = useRpcMutation('metrics.save', { invalidates: METRIC_READS });
  const derived = metric?.kind === 'derived';
  const form = useForm<MetricInput>({
    initialValues: metric
      ? { name: metric.name, unit: metric.unit, description: metric.description, aggregation: metric.aggregation, goalId: metric.goalId }
      : { name: '', unit: '', description: '', aggregation: 'sum', goalId: null },
    validate: (values) => validateWithSchema(metricInput, values),
  });
  const goals = (charter.data?.goals ?? []).map((g) => ({ value: g.id, label: g.title }));
  return (
    <Modal opened onClose={onClose} title={metric ? `Edit ${metric.name}` : 'New metric'} size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(
            { ...(metric ? { id: metric.id } : {}), metric: values },
            {
              onSuccess: (saved) => {
                onSaved?.(saved);
                onClose();
              },
              onError: (error) => showSaveError(form, error, { title: 'The metric was not saved', mapPath: (p) => p.replace(/^metric\./, '') }),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <TextInput label="Name" required {...form.getInputProps('name')} />
          {!derived && <TextInput label="Unit" description="What is counted: visits, people, %, posts…" {...form.getInputProps('unit')} />}
          {!derived && (
            <Select label="A quarter or a year is" data={AGGREGATION_OPTIONS} allowDeselect={false} {...form.getInputProps('aggregation')} />
          )}
          <Select label="Charter goal it measures" placeholder="None" clearable data={goals} {...form.getInputProps('goalId')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <FormButtons onCancel={onClose} submit={metric ? 'Save' : 'Add metric'} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
