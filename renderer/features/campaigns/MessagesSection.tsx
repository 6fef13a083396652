import { useState } from 'react';
import { Badge, Button, Card, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { AUDIENCES, type KeyMessage } from '@shared/campaigns/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Section } from '../../components/Section';
import { RowActions } from '../structure/parts';
import { MessageForm } from './MessageForm';
import { CAMPAIGN_READS } from './reads';

/** Key messages by audience: talking points, facts, and the approval that lets them into documents. */
export function MessagesSection({ campaignId, messages }: { campaignId: string; messages: KeyMessage[] }) {
  const [editing, setEditing] = useState<KeyMessage | 'new' | null>(null);
  const [approving, setApproving] = useState<KeyMessage | null>(null);
  const remove = useRpcMutation('campaigns.messages.delete', { invalidates: CAMPAIGN_READS });
  const reopen = useRpcMutation('campaigns.messages.reopen', { invalidates: CAMPAIGN_READS });
  const confirmDelete = (m: KeyMessage) =>
    modals.openConfirmModal({
      title: `Delete “${m.title}”?`,
      children: <Text size="sm">The key message and its talking points go. Undo is in History.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: m.id }, { onError: (e) => notifyError('The key message was not deleted', e) }),
    });
  return (
    <Section title="Key messages" hint="Only approved messages flow into briefing packets and reports.">
      {messages.length === 0 && (
        <Text size="sm" c="dimmed">
          No key messages yet: one per audience keeps every partner saying the same thing.
        </Text>
      )}
      {messages.map((m) => (
        <Card key={m.id} withBorder padding="md" radius="sm" aria-label={`Key message ${m.title}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Badge variant="outline" radius="sm" tt="none">
                  {AUDIENCES[m.audience]}
                </Badge>
                <Badge color={m.status === 'approved' ? 'green' : 'gray'} variant="light" radius="sm" tt="none">
                  {m.status === 'approved' ? 'Approved' : 'Draft'}
                </Badge>
                <Text fw={600} size="sm">
                  {m.title}
                </Text>
              </Group>
              {m.message && <Text size="sm">{m.message}</Text>}
              {m.status === 'approved' && (
                <Text size="xs" c="dimmed">
                  Approved by {m.approvedBy} on {formatDate(m.approvedAt?.slice(0, 10))}
                </Text>
              )}
            </Stack>
            <Group gap={4} wrap="nowrap">
              {m.status === 'draft' ? (
                <Button size="xs" variant="light" color="green" leftSection={<IconCheck size={14} />} onClick={() => setApproving(m)}>
                  Approve
                </Button>
              ) : (
                <Button size="xs" variant="subtle" color="gray" onClick={() => reopen.mutate({ id: m.id }, { onError: (e) => notifyError('The message was not returned to draft', e) })}>
                  Back to draft
                </Button>
              )}
              <RowActions what={m.title} onEdit={() => setEditing(m)} onDelete={() => confirmDelete(m)} />
            </Group>
          </Group>
          {m.talkingPoints.length > 0 && (
            <List type="ordered" size="sm" mt="xs" spacing={2}>
              {m.talkingPoints.map((point, i) => (
                <List.Item key={i}>{point}</List.Item>
              ))}
            </List>
          )}
          {m.facts.length > 0 && (
            <Stack gap={2} mt="xs">
              {m.facts.map((f, i) => (
                <Text key={i} size="xs" c="dimmed">
                  {f.text}
                  {f.source && ` — ${f.source}`}
                  {f.on && `, ${formatDate(f.on)}`}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      ))}
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
        Add key message
      </Button>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New key message' : 'Edit key message'} size="xl">
        {editing !== null && <MessageForm campaignId={campaignId} message={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={approving !== null} onClose={() => setApproving(null)} title="Approve key message">
        {approving && <ApproveForm message={approving} onDone={() => setApproving(null)} />}
      </Modal>
    </Section>
  );
}

function ApproveForm({ message, onDone }: { message: KeyMessage; onDone: () => void }) {
  const [by, setBy] = useState('');
  const approve = useRpcMutation('campaigns.messages.approve', { invalidates: CAMPAIGN_READS });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        approve.mutate({ id: message.id, approvedBy: by.trim() }, { onSuccess: onDone, onError: (err) => notifyError('The message was not approved', err) });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">“{message.title}” will be used in documents as it is now.</Text>
        <TextInput label="Approved by" description="Leave empty to record the approval as yours." value={by} onChange={(e) => setBy(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="green" loading={approve.isPending}>
            Approve
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
