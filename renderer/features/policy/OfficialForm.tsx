import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { COMMITTEE_ROLES, LEVELS, type CommitteeRole, type Official, type OfficialInput } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';


function blank(): OfficialInput {
  return {
    name: '', title: '', level: 'local', bodyId: null, district: '', jurisdiction: '', party: '', email: '', phone: '', officeAddress: '', website: '',
    termStart: null, termEnd: null, notes: '', committees: [], staffers: [],
  };
}

function fromOfficial(o: Official): OfficialInput {
  return {
    name: o.name, title: o.title, level: o.level, bodyId: o.bodyId, district: o.district, jurisdiction: o.jurisdiction, party: o.party, email: o.email, phone: o.phone,
    officeAddress: o.officeAddress, website: o.website, termStart: o.termStart, termEnd: o.termEnd, notes: o.notes,
    committees: o.committees.map((c) => ({ committeeId: c.committeeId, role: c.role })),
    staffers: o.staffers.map((s) => ({ id: s.id, name: s.name, role: s.role, email: s.email, phone: s.phone })),
  };
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Add or edit an official: contacts, term, body, committees (with roles) and staffers. */
export function OfficialForm({ official, opened, onClose, onSaved }: { official?: Official; opened: boolean; onClose: () => void; onSaved?: (id: string) => void }) {
  const [value, setValue] = useState<OfficialInput>(() => (official ? fromOfficial(official) : blank()));
  const bodies = useRpcQuery('policy.bodies.list', {});
  const committees = useRpcQuery('policy.committees.list', { bodyId: null });
  const invalidates = ['policy.officials.list', 'policy.officials.get', 'policy.officials.parties', 'policy.bodies.list', 'policy.committees.list'] as const;
  const create = useRpcMutation('policy.officials.create', { invalidates });
  const update = useRpcMutation('policy.officials.update', { invalidates });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const set = <K extends keyof OfficialInput>(key: K, next: OfficialInput[K]) => setValue((v) => ({ ...v, [key]: next }));
  const committeeNames = new Map((committees.data ?? []).map((c) => [c.id, c.name]));

  async function save() {
    const saved = official ? await update.mutateAsync({ id: official.id, official: value }) : await create.mutateAsync(value);
    onSaved?.(saved.id);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={official ? `Edit ${official.name}` : 'New official'} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name" required value={value.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
          <TextInput label="Title" placeholder="Council Member, Senator…" value={value.title} onChange={(e) => set('title', e.currentTarget.value)} />
          <Select label="Level" data={options(LEVELS)} value={value.level} onChange={(v) => set('level', (v ?? 'local') as OfficialInput['level'])} allowDeselect={false} />
          <Select
            label="Body"
            placeholder="City council, chamber, agency…"
            clearable
            data={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={value.bodyId}
            onChange={(v) => set('bodyId', v)}
          />
          <TextInput label="District" placeholder="District 4" value={value.district} onChange={(e) => set('district', e.currentTarget.value)} />
          <TextInput label="Jurisdiction" placeholder="City, county or state" value={value.jurisdiction} onChange={(e) => set('jurisdiction', e.currentTarget.value)} />
          <TextInput label="Party" value={value.party} onChange={(e) => set('party', e.currentTarget.value)} />
          <TextInput label="Email" value={value.email} onChange={(e) => set('email', e.currentTarget.value)} />
          <TextInput label="Phone" value={value.phone} onChange={(e) => set('phone', e.currentTarget.value)} />
          <TextInput label="Website" value={value.website} onChange={(e) => set('website', e.currentTarget.value)} />
          <TextInput label="Term start" placeholder="YYYY-MM-DD" value={value.termStart ?? ''} onChange={(e) => set('termStart', e.currentTarget.value || null)} />
          <TextInput label="Term end" placeholder="YYYY-MM-DD" value={value.termEnd ?? ''} onChange={(e) => set('termEnd', e.currentTarget.value || null)} />
        </SimpleGrid>
        <TextInput label="Office address" value={value.officeAddress} onChange={(e) => set('officeAddress', e.currentTarget.value)} />
        <MultiSelect
          label="Committees"
          data={(committees.data ?? []).map((c) => ({ value: c.id, label: c.bodyName ? `${c.name} (${c.bodyName})` : c.name }))}
          value={value.committees.map((c) => c.committeeId)}
          onChange={(ids) => set('committees', ids.map((committeeId) => value.committees.find((c) => c.committeeId === committeeId) ?? { committeeId, role: 'member' }))}
          searchable
        />
        {value.committees.map((c, index) => (
          <Group key={c.committeeId} gap="xs">
            <Text size="sm" w={220} truncate>
              {committeeNames.get(c.committeeId) ?? 'Committee'}
            </Text>
            <Select
              size="xs"
              aria-label={`Role on ${committeeNames.get(c.committeeId) ?? 'the committee'}`}
              data={options(COMMITTEE_ROLES)}
              value={c.role}
              allowDeselect={false}
              onChange={(role) => set('committees', value.committees.map((m, i) => (i === index ? { ...m, role: (role ?? 'member') as CommitteeRole } : m)))}
            />
          </Group>
        ))}
        <Text size="sm" fw={500}>
          Staffers
        </Text>
        {value.staffers.map((s, index) => (
          <Group key={s.id ?? `new-${index}`} gap="xs" wrap="nowrap">
            {(['name', 'role', 'email', 'phone'] as const).map((field) => (
              <TextInput
                key={field}
                size="xs"
                placeholder={field[0]?.toUpperCase() + field.slice(1)}
                aria-label={`Staffer ${index + 1} ${field}`}
                value={s[field]}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  set('staffers', value.staffers.map((m, i) => (i === index ? { ...m, [field]: text } : m)));
                }}
              />
            ))}
            <ActionIcon variant="subtle" color="red" aria-label={`Remove staffer ${index + 1}`} onClick={() => set('staffers', value.staffers.filter((_, i) => i !== index))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set('staffers', [...value.staffers, { name: '', role: '', email: '', phone: '' }])}>
          Add a staffer
        </Button>
        <Textarea label="Notes" autosize minRows={2} value={value.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving} onClick={() => void save().catch(() => undefined)}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
