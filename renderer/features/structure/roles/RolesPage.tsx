import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { COALITION_ROLES, decisionRulesInput, roleInput, type CoalitionRole, type CoalitionRoleKind, type DecisionRules } from '@shared/structure/contract';
import { notifyError, notifySuccess, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { EntityPicker } from '../../directory/EntityPicker';
import { personHref } from '../../directory/reads';
import { errorText, focusFirstError, onSaveError } from '../formErrors';
import { FormButtons, RowActions } from '../parts';
import { STRUCTURE_READS } from '../reads';
import { StructureNav } from '../StructureNav';

const ROLE_OPTIONS = Object.entries(COALITION_ROLES).map(([value, label]) => ({ value, label }));

/** Structure → Roles & rules: the coordinator and other coalition roles, and the decision rules meetings apply. */
export function RolesPage() {
  return (
    <Page fluid title="Structure" description="Who holds the coalition’s roles, and the rules it decides by." nav={<StructureNav />}>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md" style={{ alignItems: 'start' }}>
        <div style={{ gridColumn: 'span 2' }}>
          <RolesSection />
        </div>
        <RulesSection />
      </SimpleGrid>
    </Page>
  );
}

function RolesSection() {
  const roles = useRpcQuery('structure.roles.list', { today: today() });
  const remove = useRpcMutation('structure.roles.delete', { invalidates: STRUCTURE_READS });
  const [editing, setEditing] = useState<CoalitionRole | 'new' | null>(null);
  return (
    <Section title="Coalition roles" hint="The coordinator, secretary, spokesperson… with their dates; current ones first.">
      {roles.isPending ? (
        <Loading label="Loading the roles" />
      ) : roles.isError ? (
        <QueryError title="The roles could not be read" error={roles.error} onRetry={() => void roles.refetch()} />
      ) : roles.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No role assigned yet.
        </Text>
      ) : (
        <Table striped verticalSpacing={4} aria-label="Coalition roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Person</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.data.map((r) => (
              <Table.Tr key={r.id} style={r.current ? undefined : { opacity: 0.65 }}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {r.title || COALITION_ROLES[r.role]}
                    </Text>
                    {r.current && (
                      <Badge size="xs" color="teal" variant="light" tt="none">
                        Current
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={personHref(r.person.id)} size="sm">
                    {r.person.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.startDate)}</Table.Td>
                <Table.Td>{r.endDate ? formatDate(r.endDate) : '—'}</Table.Td>
                <Table.Td>
                  <RowActions
                    what={`${r.person.name}’s role`}
                    onEdit={() => setEditing(r)}
                    onDelete={() => remove.mutate({ id: r.id }, { onError: (error) => notifyError('The role was not deleted', error) })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={15} />} onClick={() => setEditing('new')}>
          Assign a role
        </Button>
      </Group>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Assign a role' : 'Edit role'}>
        {editing !== null && <RoleForm role={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

interface RoleValues {
  role: CoalitionRoleKind;
  title: string;
  personId: string | null;
  startDate: string | null;
  endDate: string | null;
}

function RoleForm({ role, onDone }: { role?: CoalitionRole | undefined; onDone: () => void }) {
  const save = useRpcMutation('structure.roles.save', { invalidates: STRUCTURE_READS });
  const form = useForm<RoleValues>({
    mode: 'controlled',
    initialValues: { role: role?.role ?? 'coordinator', title: role?.title ?? '', personId: role?.person.id ?? null, startDate: role?.startDate ?? today(), endDate: role?.endDate ?? null },
    validate: (values) => ({
      ...validateWithSchema(roleInput, toInput(values)),
      ...(values.personId ? {} : { personId: 'Choose who holds the role.' }),
    }),
  });
  const toInput = (v: RoleValues) => ({ ...(role ? { id: role.id } : {}), ...v, personId: v.personId ?? '', startDate: v.startDate ?? '' });
  const submit = form.onSubmit(
    (values) => save.mutate(toInput(values), { onSuccess: onDone, onError: onSaveError(form, 'The role was not saved') }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={role ? 'Edit role' : 'New role'}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
          <TextInput label="Title" withAsterisk={form.values.role === 'other'} placeholder="Media spokesperson" {...form.getInputProps('title')} />
        </Group>
        <EntityPicker
          entity="person"
          label="Person"
          value={form.values.personId}
          valueName={role?.person.name}
          onChange={(picked) => form.setFieldValue('personId', picked?.id ?? null)}
          error={errorText(form, 'personId')}
        />
        <Group grow align="flex-start">
          <IsoDateInput label="From" withAsterisk {...form.getInputProps('startDate')} />
          <IsoDateInput label="To" clearable description="Empty: still holds it" {...form.getInputProps('endDate')} />
        </Group>
        <FormButtons onCancel={onDone} submit={role ? 'Save role' : 'Assign role'} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function RulesSection() {
  const rules = useRpcQuery('structure.rules.get', {});
  return (
    <Section title="Decision rules" hint="Meetings check decisions against these: quorum of the steering seats, and the majority a motion needs.">
      {rules.isPending ? (
        <Loading label="Loading the decision rules" />
      ) : rules.isError ? (
        <QueryError title="The decision rules could not be read" error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <RulesForm rules={rules.data} />
      )}
    </Section>
  );
}

type RulesValues = { quorum: number | string; ordinary: number | string; charter: number | string };
/** Shares are edited as percentages (two decimals: 66.67 for two thirds). */
const percent = (share: number) => Math.round(share * 10_000) / 100;
const toShares = (v: RulesValues) => ({ quorumShare: Number(v.quorum) / 100, ordinaryMajority: Number(v.ordinary) / 100, charterMajority: Number(v.charter) / 100 });
const RULE_FIELDS: Record<string, keyof RulesValues> = { quorumShare: 'quorum', ordinaryMajority: 'ordinary', charterMajority: 'charter' };
const rulePath = (path: string) => RULE_FIELDS[path] ?? path;

export function RulesForm({ rules }: { rules: DecisionRules }) {
  const save = useRpcMutation('structure.rules.save', { invalidates: STRUCTURE_READS });
  const form = useForm<RulesValues>({
    mode: 'controlled',
    initialValues: { quorum: percent(rules.quorumShare), ordinary: percent(rules.ordinaryMajority), charter: percent(rules.charterMajority) },
    validate: (values) => validateWithSchema(decisionRulesInput, toShares(values), rulePath),
  });
  const submit = form.onSubmit(
    (values) =>
      save.mutate(toShares(values), {
        onSuccess: () => {
          form.resetDirty();
          notifySuccess('The decision rules were saved.');
        },
        onError: onSaveError(form, 'The decision rules were not saved', rulePath),
      }),
    focusFirstError(form),
  );
  const field = (label: string, description: string, key: keyof RulesValues) => (
    <NumberInput label={label} description={description} suffix=" %" min={0} max={100} decimalScale={2} {...form.getInputProps(key)} />
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Decision rules">
      <Stack gap="sm">
        {field('Quorum', 'Share of the steering seats that must be present.', 'quorum')}
        {field('Ordinary majority', 'A motion passes with at least this share of the votes cast, and more for than against.', 'ordinary')}
        {field('Charter majority', 'The same, for changes to the charter.', 'charter')}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
