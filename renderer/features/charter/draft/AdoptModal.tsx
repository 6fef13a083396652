import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { charterContract } from '@shared/charter/contract';
import type { Input } from '@shared/contract';
import { RpcError } from '../../../api/client';
import { errorMessage, issuesToErrors, validateWithSchema } from '../../../api/errors';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';

export type AdoptInput = Input<'charter.adopt'>;

/** What adopting led to: done, handed back to the editor, or a problem to show here. */
export type AdoptOutcome = { kind: 'adopted' } | { kind: 'back-to-editor' } | { kind: 'failed'; error: unknown };

interface AdoptModalProps {
  opened: boolean;
  onClose: () => void;
  nextNumber: number;
  /** Adoption date of the latest version: a new one cannot be earlier. */
  latestAdoptedOn: string | null;
  /** The editor has unsaved changes, which are saved before adopting. */
  unsaved: boolean;
  onAdopt: (input: AdoptInput) => Promise<AdoptOutcome>;
}

const MODAL_FIELDS = new Set(['adoptedOn', 'note']);

export function AdoptModal({ opened, onClose, ...props }: AdoptModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Adopt version ${props.nextNumber}`} size="md">
      {/* Mounted only while open, so every opening starts from today's date and no old error. */}
      {opened && <AdoptForm onClose={onClose} {...props} />}
    </Modal>
  );
}

function AdoptForm({ onClose, nextNumber, latestAdoptedOn, unsaved, onAdopt }: Omit<AdoptModalProps, 'opened'>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<AdoptInput>({
    mode: 'controlled',
    initialValues: { adoptedOn: today(), note: '' },
    validate: (values) => validateWithSchema(charterContract['charter.adopt'].input, values),
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setPending(true);
    const outcome = await onAdopt(values);
    setPending(false);
    if (outcome.kind !== 'failed') return onClose();
    const fieldErrors = outcome.error instanceof RpcError ? issuesToErrors(outcome.error.issues) : {};
    const here = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => MODAL_FIELDS.has(field)));
    if (Object.keys(here).length > 0) form.setErrors(here);
    else setProblem(errorMessage(outcome.error));
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Adopting freezes the current draft as version {nextNumber}. Earlier versions stay readable, and you can keep editing the draft
          afterwards.
        </Text>
        {unsaved && (
          <Alert color="blue" variant="light" p="sm">
            Your unsaved changes will be saved first.
          </Alert>
        )}
        <IsoDateInput
          label="Adoption date"
          description={latestAdoptedOn ? `On or after ${formatDate(latestAdoptedOn)}, when the latest version was adopted` : 'The day the coalition agreed to it'}
          {...form.getInputProps('adoptedOn')}
        />
        <Textarea
          label="Note"
          description="Optional: where and how it was adopted"
          placeholder="e.g. Adopted unanimously at the spring general assembly"
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('note')}
        />
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title="Not adopted">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Adopt version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
