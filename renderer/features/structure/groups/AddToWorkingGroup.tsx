import { useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import type { MemberRole } from '@shared/structure/contract';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { today } from '../../../components/format';
import { STRUCTURE_READS } from '../reads';
import { MEMBER_ROLE_OPTIONS } from './WorkingGroupPage';

/** The people table's bulk action: add the selected people to a working group in one step. */
export function AddToWorkingGroup({ selected, onDone }: { selected: ReadonlySet<string>; onDone: () => void }) {
  const groups = useRpcQuery('structure.workingGroups.list', {});
  const add = useRpcMutation('structure.workingGroups.addMembers', { invalidates: STRUCTURE_READS });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole>('member');
  const options = (groups.data ?? []).filter((g) => g.status !== 'closed').map((g) => ({ value: g.id, label: g.name }));
  const name = options.find((o) => o.value === groupId)?.label ?? '';

  function run() {
    if (!groupId) return;
    add.mutate(
      { workingGroupId: groupId, personIds: [...selected], role, joinedOn: today() },
      {
        onSuccess: ({ added, alreadyMembers }) => {
          const already = alreadyMembers > 0 ? ` (${alreadyMembers} already in it)` : '';
          notifySuccess(`${added} ${added === 1 ? 'person' : 'people'} added to ${name}${already}.`);
          setGroupId(null);
          onDone();
        },
        onError: (error) => notifyError(`The selected people were not added to ${name}`, error),
      },
    );
  }

  return (
    <Group gap={6} wrap="nowrap">
      <Select
        size="xs"
        w={190}
        aria-label="Working group"
        placeholder="Add to working group…"
        data={options}
        value={groupId}
        onChange={setGroupId}
        nothingFoundMessage="No open working group"
        searchable
      />
      <Select size="xs" w={100} aria-label="Role in the group" data={MEMBER_ROLE_OPTIONS} value={role} allowDeselect={false} onChange={(value) => setRole((value ?? 'member') as MemberRole)} />
      <Button size="xs" disabled={!groupId} loading={add.isPending} onClick={run}>
        Add to group
      </Button>
    </Group>
  );
}
