import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { settingsContract } from '@shared/settings/contract';
import { errorMessage, notifySuccess, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';

/**
 * "Changes are recorded as …" with a way to choose the name: a setting of this computer (the
 * account may be "admin" or shared), applied to the changes made from now on.
 */
export function RecordedAs() {
  const actor = useRpcQuery('settings.actor', {});
  const save = useRpcMutation('settings.setActor', { invalidates: ['settings.actor'] });
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ReactNode>(null);
  if (!actor.data) return null;
  const { name: current, fromSystem, chosen } = actor.data;

  function open() {
    setName(chosen ? current : '');
    setError(null);
    setEditing(true);
  }

  function submit() {
    const problem = validateWithSchema(settingsContract['settings.setActor'].input, { name })['name'];
    if (problem) {
      setError(problem);
      return;
    }
    save.mutate(
      { name },
      {
        onSuccess: (result) => {
          setEditing(false);
          notifySuccess(`Changes you make from now on are recorded as ${result.name}.`, 'Name saved');
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    );
  }

  return (
    <>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Changes made on this computer are recorded as <strong>{current || 'an unnamed user'}</strong>
          {chosen ? '' : ' (the computer’s user name)'}.
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={open}>
          Change
        </Button>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Your name in the history">
        <Stack gap="sm">
          <TextInput
            label="Your name"
            description={`Recorded with every change you make from now on, on this computer. Leave it empty to use the computer’s user name${fromSystem ? ` (${fromSystem})` : ''}.`}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button loading={save.isPending} onClick={submit}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
