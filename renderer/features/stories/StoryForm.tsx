import { Alert, Button, Checkbox, Divider, Group, Paper, Radio, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useNavigate } from 'react-router';
import { CONSENT_METHOD_VALUES, CONSENT_METHODS, CONSENT_USE_VALUES, CONSENT_USES, verdictsFor, type ConsentUse } from '@shared/stories/consent';
import { storyInput, type Story, type StoryInput } from '@shared/stories/contract';
import { validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { EntityPicker } from '../directory/EntityPicker';
import { errorText, focusFirstError, onSaveError } from '../structure/formErrors';
import { STORY_READS, storyHref } from './reads';
import { VerdictList } from './Verdict';

export const emptyStory = (): StoryInput => ({
  title: '',
  text: '',
  anonymizedText: '',
  storytellerPersonId: null,
  issueArea: '',
  district: '',
  campaignId: null,
  consent: { given: false, uses: [], givenOn: null, method: null, recordedBy: '', expiresOn: null, withdrawnOn: null, withdrawalNote: '', anonymize: false },
});

function inputOf(story: Story): StoryInput {
  return {
    title: story.title,
    text: story.text,
    anonymizedText: story.anonymizedText,
    storytellerPersonId: story.storytellerPersonId,
    issueArea: story.issueArea,
    district: story.district,
    campaignId: story.campaignId,
    consent: story.consent,
  };
}

const stripStory = (path: string) => path.replace(/^story\./, '');

/** The story form with its consent form; creates or changes the story, then opens its page. */
export function StoryForm({ story, onCancel }: { story?: Story; onCancel: () => void }) {
  const navigate = useNavigate();
  const day = today();
  const create = useRpcMutation('stories.create', { invalidates: STORY_READS });
  const update = useRpcMutation('stories.update', { invalidates: STORY_READS });
  const campaigns = useRpcQuery('campaigns.list', { statuses: [] });
  const facets = useRpcQuery('stories.facets', {});
  const form = useForm<StoryInput>({
    mode: 'controlled',
    initialValues: story ? inputOf(story) : emptyStory(),
    validate: (values) => validateWithSchema(storyInput, values),
  });
  const submit = form.onSubmit((values) => {
    // A new story opens its page; an edited one closes the form on its page.
    const done = { onSuccess: (saved: Story) => (story ? onCancel() : void navigate(storyHref(saved.id))), onError: onSaveError(form, 'The story was not saved', stripStory) };
    if (story) update.mutate({ id: story.id, story: values, today: day }, done);
    else create.mutate({ story: values, today: day }, done);
  }, focusFirstError(form));
  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <form onSubmit={submit} noValidate aria-label={story ? 'Edit story' : 'New story'}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
          <Stack gap="sm">
            <Title order={2} fz="md">
              The story
            </Title>
            <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
            <EntityPicker
              entity="person"
              label="Storyteller"
              description="Leave empty for an anonymous storyteller: only the anonymized version can then be used."
              placeholder="Anonymous"
              value={form.values.storytellerPersonId}
              valueName={story?.storytellerName ?? undefined}
              onChange={(picked) => form.setFieldValue('storytellerPersonId', picked?.id ?? null)}
              error={errorText(form, 'storytellerPersonId')}
            />
            <Textarea label="Story" withAsterisk autosize minRows={5} maxRows={14} {...form.getInputProps('text')} />
            <Textarea
              label="Anonymized version"
              description="Without names or details that identify the storyteller. Used wherever consent asks for it."
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('anonymizedText')}
            />
            <Group grow align="flex-start">
              <Select
                label="Issue area"
                searchable
                clearable
                data={facets.data?.issueAreas ?? []}
                value={form.values.issueArea || null}
                onChange={(v) => form.setFieldValue('issueArea', v ?? '')}
                error={errorText(form, 'issueArea')}
              />
              <TextInput label="District" placeholder="District 4" {...form.getInputProps('district')} />
            </Group>
            <Select label="Campaign" clearable searchable data={campaignOptions} {...form.getInputProps('campaignId')} />
          </Stack>
          <ConsentFields form={form} day={day} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {story ? 'Save story' : 'Add story'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The consent form: plain questions, and the verdict for each use today as it is filled in. */
export function ConsentFields({ form, day }: { form: UseFormReturnType<StoryInput>; day: string }) {
  const consent = form.values.consent;
  const verdicts = verdictsFor(consent, day, { anonymous: form.values.storytellerPersonId === null, anonymizedText: form.values.anonymizedText });
  const toggleUse = (use: ConsentUse, on: boolean) =>
    form.setFieldValue('consent.uses', on ? CONSENT_USE_VALUES.filter((u) => u === use || consent.uses.includes(u)) : consent.uses.filter((u) => u !== use));
  return (
    <Paper withBorder p="md" component="fieldset" aria-label="Consent" style={{ margin: 0 }}>
      <Stack gap="sm">
        <Title order={2} fz="md">
          Consent
        </Title>
        <Radio.Group
          label="Did the storyteller give consent to use this story?"
          value={consent.given ? 'yes' : 'no'}
          onChange={(v) => form.setFieldValue('consent.given', v === 'yes')}
        >
          <Group mt={4}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No, or not yet" />
          </Group>
        </Radio.Group>
        <Checkbox.Group label="For which uses?" value={consent.uses} error={errorText(form, 'consent.uses')}>
          <Group mt={4} gap="md">
            {CONSENT_USE_VALUES.map((use) => (
              <Checkbox key={use} value={use} label={CONSENT_USES[use]} onChange={(e) => toggleUse(use, e.currentTarget.checked)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <IsoDateInput label="Given on" clearable {...form.getInputProps('consent.givenOn')} />
          <Select
            label="How"
            placeholder="Choose"
            data={CONSENT_METHOD_VALUES.map((m) => ({ value: m, label: CONSENT_METHODS[m] }))}
            {...form.getInputProps('consent.method')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Recorded by" placeholder="Your name" {...form.getInputProps('consent.recordedBy')} />
          <IsoDateInput label="Expires on" description="The last day it may be used. Empty: no expiry." clearable {...form.getInputProps('consent.expiresOn')} />
        </Group>
        <Switch
          label="Use only the anonymized version (no name)"
          checked={consent.anonymize}
          onChange={(e) => form.setFieldValue('consent.anonymize', e.currentTarget.checked)}
        />
        <Divider label="Withdrawal" labelPosition="left" />
        <Group grow align="flex-start">
          <IsoDateInput label="Withdrawn on" description="From this day on the story is not used." clearable {...form.getInputProps('consent.withdrawnOn')} />
          <TextInput label="Withdrawal note" {...form.getInputProps('consent.withdrawalNote')} />
        </Group>
        <Alert variant="light" color={CONSENT_USE_VALUES.some((u) => verdicts[u].allowed) ? 'teal' : 'gray'} p="sm">
          <VerdictList verdicts={verdicts} day={day} />
        </Alert>
        <Text size="xs" c="dimmed">
          Documents the app prepares (briefing packets, impact reports) apply the same rule on their own day.
        </Text>
      </Stack>
    </Paper>
  );
}
