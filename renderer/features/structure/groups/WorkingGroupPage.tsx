import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { GROUP_STATUSES, MEMBER_ROLES, memberInput, type GroupMember, type MemberRole } from '@shared/structure/contract';
import { notifyError, notifySuccess, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { EntityPicker } from '../../directory/EntityPicker';
import { GroupMeetings } from '../../meetings/GroupMeetings';
import { organizationHref, personHref } from '../../directory/reads';
import { focusFirstError, onSaveError } from '../formErrors';
import { FormButtons, RowActions } from '../parts';
import { STRUCTURE_READS } from '../reads';
import { StructureNav } from '../StructureNav';
import { STATUS_COLORS, WorkingGroupForm } from './WorkingGroupForm';

export const MEMBER_ROLE_OPTIONS = Object.entries(MEMBER_ROLES).map(([value, label]) => ({ value, label }));

/** One working group: what it works on, its members with their organizations, its meetings. */
export function WorkingGroupPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const group = useRpcQuery('structure.workingGroups.get', { id });
  const remove = useRpcMutation('structure.workingGroups.delete', { invalidates: STRUCTURE_READS });
  const [editing, setEditing] = useState(false);
  const [member, setMember] = useState<GroupMember | null>(null);

  if (group.isPending) return <Loading label="Loading the working group" />;
  if (group.isError) return <QueryError title="The working group could not be read" error={group.error} onRetry={() => void group.refetch()} />;
  const data = group.data;
  const current = data.members.filter((m) => m.leftOn === null);
  const former = data.members.filter((m) => m.leftOn !== null);

  function confirmDelete() {
    modals.openConfirmModal({
      title: `Delete the working group “${data.name}”?`,
      children: <Text size="sm">Its memberships go with it. To keep its history, set its status to Closed instead.</Text>,
      labels: { confirm: 'Delete group', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate({ id: data.id }, { onSuccess: () => void navigate('/structure/groups'), onError: (error) => notifyError('The working group was not deleted', error) }),
    });
  }

  return (
    <Page
      title={data.name}
      status={
        <Badge color={STATUS_COLORS[data.status]} variant="light" radius="sm" tt="none">
          {GROUP_STATUSES[data.status]}
        </Badge>
      }
      description={
        <>
          <Anchor component={Link} to="/structure/groups" size="sm">
            Working groups
          </Anchor>
          {data.focusIssueArea ? ` · Focus: ${data.focusIssueArea}` : ''}
          {data.description && <Text size="sm">{data.description}</Text>}
        </>
      }
      nav={<StructureNav />}
      actions={
        <>
          <Button variant="default" leftSection={<IconPencil size={15} />} onClick={() => setEditing(true)}>
            Edit group
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={confirmDelete}>
            Delete
          </Button>
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md" style={{ alignItems: 'start' }}>
        <Section title="Objectives" hint="The charter goals this group works toward, and its own objectives.">
          {data.goals.length > 0 ? (
            <List size="sm" spacing={4} aria-label="Charter goals">
              {data.goals.map((g) => (
                <List.Item key={g.id}>{g.title}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              No charter goal linked yet.
            </Text>
          )}
          {data.objectives && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {data.objectives}
            </Text>
          )}
        </Section>
        <div style={{ gridColumn: 'span 2' }}>
          <Section title={`Members (${current.length})`} hint="Leads first. Organizations are the members’ current affiliations.">
            <MembersTable members={current} onEdit={setMember} />
            {former.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  Former members
                </Text>
                <MembersTable members={former} onEdit={setMember} />
              </Stack>
            )}
            <AddMember workingGroupId={data.id} />
          </Section>
        </div>
      </SimpleGrid>
      {/* The group's meetings and open action items: the Meetings area's part of this page. */}
      <GroupMeetings workingGroupId={data.id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit “${data.name}”`} size="lg">
        {editing && <WorkingGroupForm group={data} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={member !== null} onClose={() => setMember(null)} title={member ? `${member.person.name} in ${data.name}` : ''}>
        {member && <MemberForm member={member} onDone={() => setMember(null)} />}
      </Modal>
    </Page>
  );
}

function MembersTable({ members, onEdit }: { members: GroupMember[]; onEdit: (member: GroupMember) => void }) {
  const remove = useRpcMutation('structure.workingGroups.removeMember', { invalidates: STRUCTURE_READS });
  if (members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody yet: add the people who work in this group.
      </Text>
    );
  }
  return (
    <Table striped verticalSpacing={4} aria-label="Members">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Organizations</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Joined</Table.Th>
          <Table.Th w={80} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Anchor component={Link} to={personHref(m.person.id)} size="sm">
                {m.person.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {m.organizations.length === 0 ? (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              ) : (
                m.organizations.map((o, index) => (
                  <span key={o.id}>
                    {index > 0 && ', '}
                    <Anchor component={Link} to={organizationHref(o.id)} size="sm">
                      {o.name}
                    </Anchor>
                  </span>
                ))
              )}
            </Table.Td>
            <Table.Td>
              {m.role === 'lead' ? (
                <Badge variant="light" radius="sm" tt="none">
                  Lead
                </Badge>
              ) : (
                <Text size="sm">Member</Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(m.joinedOn)}
                {m.leftOn ? ` – ${formatDate(m.leftOn)}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <RowActions
                what={`${m.person.name}’s membership`}
                onEdit={() => onEdit(m)}
                onDelete={() => remove.mutate({ id: m.id }, { onError: (error) => notifyError(`${m.person.name} was not removed`, error) })}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Add one person (the directory's bulk bar adds many) as lead or member. */
function AddMember({ workingGroupId }: { workingGroupId: string }) {
  const add = useRpcMutation('structure.workingGroups.addMembers', { invalidates: STRUCTURE_READS });
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<MemberRole>('member');
  return (
    <Group align="flex-end" gap="sm">
      <div style={{ flex: 1, minWidth: 220 }}>
        <EntityPicker entity="person" label="Add a person" value={person?.id ?? null} valueName={person?.name} onChange={(picked) => setPerson(picked)} />
      </div>
      <Select label="As" w={120} data={MEMBER_ROLE_OPTIONS} value={role} allowDeselect={false} onChange={(value) => setRole((value ?? 'member') as MemberRole)} />
      <Button
        leftSection={<IconUserPlus size={15} />}
        disabled={!person}
        loading={add.isPending}
        onClick={() =>
          person &&
          add.mutate(
            { workingGroupId, personIds: [person.id], role, joinedOn: today() },
            {
              onSuccess: (result) => {
                if (result.alreadyMembers > 0) notifySuccess(`${person.name} is already a member.`);
                setPerson(null);
              },
              onError: (error) => notifyError(`${person.name} was not added`, error),
            },
          )
        }
      >
        Add
      </Button>
    </Group>
  );
}

function MemberForm({ member, onDone }: { member: GroupMember; onDone: () => void }) {
  const update = useRpcMutation('structure.workingGroups.updateMember', { invalidates: STRUCTURE_READS });
  const form = useForm<{ role: MemberRole; joinedOn: string | null; leftOn: string | null }>({
    mode: 'controlled',
    initialValues: { role: member.role, joinedOn: member.joinedOn, leftOn: member.leftOn },
    validate: (values) => validateWithSchema(memberInput, values),
  });
  const submit = form.onSubmit(
    (values) =>
      update.mutate(
        { id: member.id, member: { role: values.role, joinedOn: values.joinedOn ?? '', leftOn: values.leftOn } },
        { onSuccess: onDone, onError: onSaveError(form, 'The membership was not saved', (path) => path.replace(/^member\./, '')) },
      ),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Edit membership">
      <Stack gap="sm">
        <Select label="Role" data={MEMBER_ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
        <Group grow align="flex-start">
          <IsoDateInput label="Joined" withAsterisk {...form.getInputProps('joinedOn')} />
          <IsoDateInput label="Left" clearable description="Set when they leave; they stay listed as a former member." {...form.getInputProps('leftOn')} />
        </Group>
        <FormButtons onCancel={onDone} submit="Save" loading={update.isPending} />
      </Stack>
    </form>
  );
}
