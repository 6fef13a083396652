import { Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { ListItemControls } from '../../../components/ListItemControls';
import { CATEGORY_OPTIONS } from '../categories';
import type { DraftForm } from '../draftForm';
import { IsoDateInput } from '../../../components/IsoDateInput';

interface GoalCardProps {
  form: DraftForm;
  index: number;
  /** Focus the title when the goal was just added. */
  autoFocus: boolean;
}

/** One shared goal: a fieldset named "Goal N" holding its category, text and optional target. */
export function GoalCard({ form, index, autoFocus }: GoalCardProps) {
  const goals = form.values.goals;
  const goal = goals[index];
  if (!goal) return null;
  const path = `goals.${index}` as const;

  return (
    <Fieldset legend={`Goal ${index + 1}`} className="goal-card" variant="default">
      <Group className="goal-card-controls">
        <ListItemControls
          noun="goal"
          index={index}
          count={goals.length}
          onMove={(from, to) => form.reorderListItem('goals', { from, to })}
          onRemove={(i) => form.removeListItem('goals', i)}
        />
      </Group>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Select
            label="Category"
            data={CATEGORY_OPTIONS}
            allowDeselect={false}
            w={210}
            style={{ flexShrink: 0 }}
            {...form.getInputProps(`${path}.category`)}
          />
          <TextInput
            label="Title"
            placeholder="e.g. Expand Medicaid mental-health coverage"
            autoFocus={autoFocus}
            style={{ flexGrow: 1 }}
            {...form.getInputProps(`${path}.title`)}
          />
        </Group>
        <Textarea
          label="Description"
          placeholder="What success looks like and why it matters to the coalition"
          autosize
          minRows={2}
          maxRows={10}
          {...form.getInputProps(`${path}.description`)}
        />
        <Checkbox
          label="Measurable target"
          description="A number to check progress against, such as bills enacted or people reached"
          {...form.getInputProps(`${path}.measurable`, { type: 'checkbox' })}
        />
        {goal.measurable && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <TextInput label="Target metric" placeholder="People reached" {...form.getInputProps(`${path}.target.metric`)} />
            <NumberInput label="Target value" placeholder="40,000" min={0} thousandSeparator="," {...form.getInputProps(`${path}.target.value`)} />
            <TextInput label="Unit" placeholder="people" {...form.getInputProps(`${path}.target.unit`)} />
            <IsoDateInput
              label="Due date"
              clearable
              {...form.getInputProps(`${path}.target.dueOn`)}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
