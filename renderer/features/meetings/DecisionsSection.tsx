import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGavel } from '@tabler/icons-react';
import { DECISION_KINDS, decisionInput, type Decision, type DecisionInput, type MeetingDetail } from '@shared/meetings/contract';
import { showSaveError, validateWithSchema } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { Section } from '../../components/Section';
import { DECISION_KIND_OPTIONS } from './labels';
import { MEETING_READS } from './reads';

/** Decisions with their votes; quorum and the result come from the backend and the coalition's decision rules. */
export function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const [editing, setEditing] = useState<Decision | 'new' | null>(null);
  const { quorum } = meeting;
  return (
    <Section
      title="Decisions"
      hint={
        quorum.basis === 'steering'
          ? `Quorum: ${quorum.present} of ${quorum.of} steering seats present (${quorum.needed} needed).`
          : `Quorum: ${quorum.present} of ${quorum.of} invitees present (${quorum.needed} needed).`
      }
    >
      {meeting.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions recorded.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Decisions">
          {meeting.decisions.map((d) => (
            <li key={d.id} className="row-list-item">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {d.text}
                  </Text>
                  {d.motion && (
                    <Text size="xs" c="dimmed">
                      Motion: {d.motion}
                    </Text>
                  )}
                  <Text size="xs">
                    {DECISION_KINDS[d.kind]} · {d.votesFor} for, {d.votesAgainst} against, {d.votesAbstain} abstaining
                  </Text>
                </Stack>
                <Group gap={6} wrap="nowrap">
                  {!d.quorumMet && (
                    <Badge color="orange" variant="light" tt="none">
                      No quorum
                    </Badge>
                  )}
                  <Badge color={d.passed ? 'teal' : 'red'} variant="light" tt="none">
                    {d.passed ? 'Passed' : 'Failed'}
                  </Badge>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(d)} aria-label={`Edit decision ${d.text}`}>
                    Edit
                  </Button>
                </Group>
              </Group>
            </li>
          ))}
        </ul>
      )}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconGavel size={14} />} onClick={() => setEditing('new')}>
          Record a decision
        </Button>
      </Group>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Record a decision' : 'Edit decision'} size="lg">
        {editing !== null && <DecisionForm meeting={meeting} decision={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

type Values = Omit<DecisionInput, 'votesFor' | 'votesAgainst' | 'votesAbstain'> & { votesFor: number | string; votesAgainst: number | string; votesAbstain: number | string };

const asNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number.NaN);

function DecisionForm({ meeting, decision, onDone }: { meeting: MeetingDetail; decision: Decision | null; onDone: () => void }) {
  const save = useRpcMutation('decisions.save', { invalidates: MEETING_READS });
  const toInput = (v: Values): DecisionInput => ({ ...v, votesFor: asNumber(v.votesFor), votesAgainst: asNumber(v.votesAgainst), votesAbstain: asNumber(v.votesAbstain) });
  const form = useForm<Values>({
    initialValues: decision
      ? { id: decision.id, meetingId: meeting.id, text: decision.text, motion: decision.motion, kind: decision.kind, votesFor: decision.votesFor, votesAgainst: decision.votesAgainst, votesAbstain: decision.votesAbstain }
      : { meetingId: meeting.id, text: '', motion: '', kind: 'ordinary', votesFor: 0, votesAgainst: 0, votesAbstain: 0 },
    validate: (v) => validateWithSchema(decisionInput, toInput(v)),
  });
  const present = meeting.invitees.filter((i) => i.attendance === 'present').length;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        save.mutate(toInput(v), { onSuccess: onDone, onError: (error) => showSaveError(form, error, { title: 'The decision was not saved', hasField: (f) => f in v }) }),
      )}
    >
      <Stack gap="sm">
        <Textarea label="Decision" description="What was decided, as it should read in the minutes." withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('text')} />
        <Textarea label="Motion" autosize minRows={1} {...form.getInputProps('motion')} />
        <Select label="Kind" data={DECISION_KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
        <SimpleGrid cols={3}>
          <NumberInput label="Votes for" min={0} allowDecimal={false} {...form.getInputProps('votesFor')} />
          <NumberInput label="Against" min={0} allowDecimal={false} {...form.getInputProps('votesAgainst')} />
          <NumberInput label="Abstaining" min={0} allowDecimal={false} {...form.getInputProps('votesAbstain')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {present} {present === 1 ? 'person is' : 'people are'} marked present. Quorum and the result are worked out from the coalition's decision rules when you save.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
