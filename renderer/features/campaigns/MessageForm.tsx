import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { messageInput, type KeyMessage, type MessageInput } from '@shared/campaigns/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { IsoDateInput } from '../../components/IsoDateInput';
import { focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons } from '../structure/parts';
import { AUDIENCE_OPTIONS } from './labels';
import { CAMPAIGN_READS } from './reads';

interface Values extends Omit<MessageInput, 'id' | 'campaignId' | 'talkingPoints'> {
  /** One talking point a line, in order. */
  points: string;
}

const toInput = (campaignId: string, { points, ...values }: Values): MessageInput => ({
  ...values,
  campaignId,
  talkingPoints: points
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
});
// A talking point's issue belongs to the one field that holds them all.
const mapPath = (path: string) => (path.startsWith('talkingPoints') ? 'points' : path);

/** Add or edit a key message: audience, headline, message, talking points in order, supporting facts. */
export function MessageForm({ campaignId, message, onDone }: { campaignId: string; message?: KeyMessage | undefined; onDone: () => void }) {
  const save = useRpcMutation('campaigns.messages.save', { invalidates: CAMPAIGN_READS });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      audience: message?.audience ?? 'policymakers',
      title: message?.title ?? '',
      message: message?.message ?? '',
      points: message?.talkingPoints.join('\n') ?? '',
      facts: message?.facts ?? [],
    },
    validate: (values) => validateWithSchema(messageInput, toInput(campaignId, values), mapPath),
  });
  const submit = form.onSubmit(
    (values) =>
      save.mutate({ ...(message ? { id: message.id } : {}), ...toInput(campaignId, values) }, { onSuccess: () => onDone(), onError: onSaveError(form, 'The key message was not saved', mapPath) }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={message ? 'Edit key message' : 'New key message'}>
      <Stack gap="sm">
        {message?.status === 'approved' && (
          <Text size="sm" c="orange">
            This message is approved. Changing what it says returns it to draft until it is approved again.
          </Text>
        )}
        <Group grow align="flex-start">
          <Select label="Audience" data={AUDIENCE_OPTIONS} allowDeselect={false} {...form.getInputProps('audience')} />
          <TextInput label="Headline" withAsterisk data-autofocus {...form.getInputProps('title')} />
        </Group>
        <Textarea label="Message" autosize minRows={2} maxRows={6} {...form.getInputProps('message')} />
        <Textarea label="Talking points" description="One a line, in the order they are said." autosize minRows={3} maxRows={10} {...form.getInputProps('points')} />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Supporting facts
          </Text>
          {form.values.facts.map((_, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput style={{ flex: 3 }} aria-label={`Fact ${index + 1}`} placeholder="Fact" {...form.getInputProps(`facts.${index}.text`)} />
              <TextInput style={{ flex: 2 }} aria-label={`Source of fact ${index + 1}`} placeholder="Source" {...form.getInputProps(`facts.${index}.source`)} />
              <IsoDateInput style={{ flex: 1 }} aria-label={`Date of fact ${index + 1}`} clearable {...form.getInputProps(`facts.${index}.on`)} />
              <ActionIcon variant="subtle" color="gray" mt={6} aria-label={`Remove fact ${index + 1}`} onClick={() => form.removeListItem('facts', index)}>
                <IconTrash size={15} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('facts', { text: '', source: '', on: null })}>
            Add a fact
          </Button>
        </Stack>
        <FormButtons onCancel={onDone} submit={message ? 'Save message' : 'Add message'} loading={save.isPending} />
      </Stack>
    </form>
  );
}
