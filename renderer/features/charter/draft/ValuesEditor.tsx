import { useState, type KeyboardEvent } from 'react';
import { Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { MAX_VALUES } from '@shared/charter/contract';
import { ListItemControls } from '../../../components/ListItemControls';
import { newValue, type DraftForm } from '../draftForm';

/** The charter's values as an editable, ordered list. */
export function ValuesEditor({ form }: { form: DraftForm }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const values = form.values.values;

  function add() {
    const value = text.trim();
    const problemWith = !value
      ? 'Type a value first.'
      : values.some((v) => v.text.trim().toLowerCase() === value.toLowerCase())
        ? `“${value}” is already listed.`
        : values.length >= MAX_VALUES
          ? `A charter lists at most ${MAX_VALUES} values.`
          : null;
    setProblem(problemWith);
    if (problemWith) return;
    form.insertListItem('values', newValue(value));
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the value instead of submitting the whole charter.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  }

  return (
    <Stack gap="xs">
      {values.length === 0 && (
        <Text size="sm" c="dimmed">
          No values yet. List the principles every member organization signs up to — for example “Equity” or “Community voice”.
        </Text>
      )}
      {values.map((item, index) => (
        <Group key={item.key} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput aria-label={`Value ${index + 1}`} style={{ flexGrow: 1 }} {...form.getInputProps(`values.${index}.text`)} />
          <ListItemControls
            noun="value"
            index={index}
            count={values.length}
            onMove={(from, to) => form.reorderListItem('values', { from, to })}
            onRemove={(i) => form.removeListItem('values', i)}
          />
        </Group>
      ))}
      {typeof form.errors.values === 'string' && (
        <Text size="sm" c="red">
          {form.errors.values}
        </Text>
      )}
      <TextInput
        label="New value"
        placeholder="e.g. Solidarity"
        mt={values.length > 0 ? 'xs' : 0}
        value={text}
        error={problem}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Box style={{ flexGrow: 1 }}>{input}</Box>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add}>
              Add value
            </Button>
          </Group>
        )}
      />
    </Stack>
  );
}
