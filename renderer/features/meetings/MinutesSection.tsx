import { useState } from 'react';
import { Button, Group, Tabs, Text, Textarea, Typography } from '@mantine/core';
import Markdown from 'react-markdown';
import type { MeetingDetail } from '@shared/meetings/contract';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { Section } from '../../components/Section';
import { MEETING_READS } from './reads';

/** Markdown as text only: raw HTML in minutes is dropped, never rendered. */
function MinutesPreview({ markdown }: { markdown: string }) {
  return (
    <Typography fz="sm">
      <Markdown skipHtml>{markdown}</Markdown>
    </Typography>
  );
}

export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const save = useRpcMutation('meetings.saveMinutes', { invalidates: MEETING_READS });
  // The text being written; null while it is the saved minutes.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? meeting.minutesMd;
  const changed = draft !== null && draft !== meeting.minutesMd;
  return (
    <Section title="Minutes" hint="Markdown: # headings, - lists, **bold**.">
      <Tabs defaultValue={meeting.minutesMd ? 'preview' : 'write'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="sm">
          <Textarea aria-label="Minutes (markdown)" autosize minRows={6} maxRows={24} value={text} onChange={(e) => setDraft(e.currentTarget.value)} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="sm">
          {text.trim() ? <MinutesPreview markdown={text} /> : <Text size="sm" c="dimmed">No minutes yet.</Text>}
        </Tabs.Panel>
      </Tabs>
      <Group justify="flex-end" gap="xs">
        {changed && (
          <Button variant="default" size="xs" onClick={() => setDraft(null)}>
            Discard changes
          </Button>
        )}
        <Button
          size="xs"
          disabled={!changed}
          loading={save.isPending}
          onClick={() => save.mutate({ id: meeting.id, minutesMd: text }, { onSuccess: () => { setDraft(null); notifySuccess('Minutes saved.'); }, onError: (e) => notifyError('The minutes were not saved', e) })}
        >
          Save minutes
        </Button>
      </Group>
    </Section>
  );
}
