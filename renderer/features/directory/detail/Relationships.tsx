import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ORG_RELATIONSHIP_KINDS, PERSON_RELATIONSHIP_KINDS } from '@shared/directory/enums';
import { RpcError } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { EntityPicker, type Picked } from '../EntityPicker';
import { ORG_RELATIONSHIP_OPTIONS, PERSON_RELATIONSHIP_OPTIONS } from '../labels';
import { DIRECTORY_READS, organizationHref, personHref } from '../reads';
import type { Subject } from './Timeline';

export interface RelationshipItem {
  id: string;
  kind: string;
  direction: 'outgoing' | 'incoming';
  other: { id: string; name: string };
  note: string;
}

/** How a relationship reads from the other end ("X funds us" → "Funded by X"). */
const INCOMING: Record<string, string> = {
  partner_of: 'Partner of',
  funds: 'Funded by',
  member_of_network: 'Network of',
  parent_of: 'Chapter of',
  works_with: 'Works with',
  mentors: 'Mentored by',
  family: 'Family',
  introduced_by: 'Introduced',
};

function relationLabel(entity: Subject['entity'], r: RelationshipItem): string {
  if (r.direction === 'incoming') return INCOMING[r.kind] ?? r.kind;
  const labels: Record<string, string> = entity === 'organization' ? ORG_RELATIONSHIP_KINDS : PERSON_RELATIONSHIP_KINDS;
  return labels[r.kind] ?? r.kind;
}

/** Links between two organizations or two people. */
export function Relationships({ subject, relationships }: { subject: Subject; relationships: readonly RelationshipItem[] }) {
  const [adding, setAdding] = useState(false);
  const remove = useRpcMutation('relationships.delete', { invalidates: DIRECTORY_READS });
  const href = subject.entity === 'organization' ? organizationHref : personHref;

  function confirmRemove(r: RelationshipItem) {
    modals.openConfirmModal({
      title: 'Remove this relationship?',
      children: (
        <Text size="sm">
          “{relationLabel(subject.entity, r)} {r.other.name}” is removed from both records.
        </Text>
      ),
      labels: { confirm: 'Remove relationship', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate({ entity: subject.entity, id: r.id }, { onError: (error) => notifyError('The relationship was not removed', error) }),
    });
  }

  return (
    <Stack gap="sm">
      {relationships.length === 0 ? (
        <Text size="sm" c="dimmed">
          No relationships recorded.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Relationships">
          {relationships.map((r) => (
            <li key={r.id} className="row-list-item">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">
                    <Text span c="dimmed" size="sm">
                      {relationLabel(subject.entity, r)}{' '}
                    </Text>
                    <Anchor component={Link} to={href(r.other.id)} size="sm" fw={600}>
                      {r.other.name}
                    </Anchor>
                  </Text>
                  {r.note && (
                    <Text size="xs" c="dimmed">
                      {r.note}
                    </Text>
                  )}
                </div>
                <Tooltip label="Remove relationship">
                  <ActionIcon variant="subtle" color="gray" aria-label={`Remove relationship with ${r.other.name}`} onClick={() => confirmRemove(r)}>
                    <IconTrash size={15} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <RelationshipForm subject={subject} onDone={() => setAdding(false)} />
      ) : (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
            Add relationship
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RelationshipForm({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const options = subject.entity === 'organization' ? ORG_RELATIONSHIP_OPTIONS : PERSON_RELATIONSHIP_OPTIONS;
  const [kind, setKind] = useState<string | null>(options[0]?.value ?? null);
  const [other, setOther] = useState<Picked | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useRpcMutation('relationships.create', { invalidates: DIRECTORY_READS });

  function submit() {
    if (!other || !kind) {
      setError(subject.entity === 'organization' ? 'Choose the other organization.' : 'Choose the other person.');
      return;
    }
    const input =
      subject.entity === 'organization'
        ? { entity: 'organization' as const, kind: kind as keyof typeof ORG_RELATIONSHIP_KINDS, fromId: subject.id, toId: other.id, note }
        : { entity: 'person' as const, kind: kind as keyof typeof PERSON_RELATIONSHIP_KINDS, fromId: subject.id, toId: other.id, note };
    create.mutate(input, {
      onSuccess: onDone,
      onError: (e) => {
        const issue = e instanceof RpcError ? e.issues[0] : undefined;
        if (issue) setError(issue.message);
        else notifyError('The relationship was not added', e);
      },
    });
  }

  return (
    <Paper withBorder p="sm" component="form" aria-label="New relationship" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label="Relationship" data={options} value={kind} onChange={setKind} allowDeselect={false} />
          <EntityPicker
            entity={subject.entity}
            label={subject.entity === 'organization' ? 'Other organization' : 'Other person'}
            value={other?.id ?? null}
            valueName={other?.name}
            onChange={setOther}
            exclude={[subject.id]}
            error={error}
          />
        </SimpleGrid>
        <TextInput label="Relationship note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={create.isPending}>
            Add relationship
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
