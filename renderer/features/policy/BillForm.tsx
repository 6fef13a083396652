import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { BILL_KINDS, BILL_STATUSES, LEVELS, POSITIONS, type Bill, type BillInput, type BillStatus } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function fromBill(b?: Bill): BillInput {
  if (!b) {
    return { identifier: '', title: '', kind: 'bill', jurisdiction: '', level: 'state', summary: '', committeeId: null, position: 'monitor', positionNote: '', url: '', sponsors: [], hearings: [], allocations: [], campaignIds: [] };
  }
  return {
    identifier: b.identifier, title: b.title, kind: b.kind, jurisdiction: b.jurisdiction, level: b.level, summary: b.summary, committeeId: b.committeeId, position: b.position,
    positionNote: b.positionNote, url: b.url,
    sponsors: b.sponsors.map((s) => ({ officialId: s.officialId, role: s.role })),
    hearings: b.hearings.map((h) => ({ id: h.id, heldOn: h.heldOn, committeeId: h.committeeId, note: h.note })),
    allocations: b.allocations.map((a) => ({ id: a.id, amount: a.amount, currency: a.currency, program: a.program, fiscalYear: a.fiscalYear, note: a.note })),
    campaignIds: b.campaigns.map((c) => c.id),
  };
}

/** Add or edit a bill or policy: sponsors, committee, hearings, the coalition's position, campaigns and funding allocations. */
export function BillForm({ bill, opened, onClose, onSaved }: { bill?: Bill; opened: boolean; onClose: () => void; onSaved?: (id: string) => void }) {
  const [value, setValue] = useState<BillInput>(() => fromBill(bill));
  const [status, setStatus] = useState<BillStatus>('introduced');
  const [changedOn, setChangedOn] = useState(new Date().toISOString().slice(0, 10));
  const officials = useRpcQuery('policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 500 });
  const committees = useRpcQuery('policy.committees.list', { bodyId: null });
  const campaigns = useRpcQuery('campaigns.list', {});
  const invalidates = ['policy.bills.list', 'policy.bills.get', 'policy.officials.get', 'policy.campaignTargets.get'] as const;
  const create = useRpcMutation('policy.bills.create', { invalidates });
  const update = useRpcMutation('policy.bills.update', { invalidates });
  const set = <K extends keyof BillInput>(key: K, next: BillInput[K]) => setValue((v) => ({ ...v, [key]: next }));
  const primary = value.sponsors.find((s) => s.role === 'primary')?.officialId ?? null;
  const co = value.sponsors.filter((s) => s.role === 'co').map((s) => s.officialId);
  const officialData = (officials.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }));
  const committeeData = (committees.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  async function save() {
    const saved = bill ? await update.mutateAsync({ id: bill.id, bill: value }) : await create.mutateAsync({ bill: value, status, changedOn, note: '' });
    onSaved?.(saved.id);
    onClose();
  }
  const error = create.error ?? update.error;
  return (
    <Modal opened={opened} onClose={onClose} title={bill ? `Edit ${bill.identifier}` : 'New bill or policy'} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <TextInput label="Identifier" required placeholder="AB 123" value={value.identifier} onChange={(e) => set('identifier', e.currentTarget.value)} />
          <Select label="Kind" data={options(BILL_KINDS)} value={value.kind} onChange={(v) => set('kind', (v ?? 'bill') as BillInput['kind'])} allowDeselect={false} />
          <Select label="Level" data={options(LEVELS)} value={value.level} onChange={(v) => set('level', (v ?? 'state') as BillInput['level'])} allowDeselect={false} />
        </SimpleGrid>
        <TextInput label="Title" required value={value.title} onChange={(e) => set('title', e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <TextInput label="Jurisdiction" value={value.jurisdiction} onChange={(e) => set('jurisdiction', e.currentTarget.value)} />
          <Select label="Committee" clearable data={committeeData} value={value.committeeId} onChange={(v) => set('committeeId', v)} />
          <Select label="Coalition position" data={options(POSITIONS)} value={value.position} onChange={(v) => set('position', (v ?? 'monitor') as BillInput['position'])} allowDeselect={false} />
          <TextInput label="Link" value={value.url} onChange={(e) => set('url', e.currentTarget.value)} />
          {!bill && <Select label="Status" data={options(BILL_STATUSES)} value={status} onChange={(v) => setStatus((v ?? 'introduced') as BillStatus)} allowDeselect={false} />}
          {!bill && <TextInput label="Status since" placeholder="YYYY-MM-DD" value={changedOn} onChange={(e) => setChangedOn(e.currentTarget.value)} />}
          <Select
            label="Primary sponsor"
            clearable
            searchable
            data={officialData}
            value={primary}
            onChange={(id) => set('sponsors', [...(id ? [{ officialId: id, role: 'primary' as const }] : []), ...value.sponsors.filter((s) => s.role === 'co' && s.officialId !== id)])}
          />
          <MultiSelect
            label="Co-sponsors"
            searchable
            data={officialData.filter((o) => o.value !== primary)}
            value={co}
            onChange={(ids) => set('sponsors', [...value.sponsors.filter((s) => s.role === 'primary'), ...ids.map((officialId) => ({ officialId, role: 'co' as const }))])}
          />
        </SimpleGrid>
        <MultiSelect label="Campaigns" data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={value.campaignIds} onChange={(ids) => set('campaignIds', ids)} />
        <Textarea label="Summary" autosize minRows={2} value={value.summary} onChange={(e) => set('summary', e.currentTarget.value)} />
        <Textarea label="Position note" autosize minRows={1} value={value.positionNote} onChange={(e) => set('positionNote', e.currentTarget.value)} />
        <Text size="sm" fw={500}>
          Hearings
        </Text>
        {value.hearings.map((h, index) => (
          <Group key={h.id ?? `new-${index}`} gap="xs" wrap="nowrap">
            <TextInput size="xs" aria-label={`Hearing ${index + 1} date`} placeholder="YYYY-MM-DD" value={h.heldOn} onChange={(e) => { const v = e.currentTarget.value; set('hearings', value.hearings.map((m, i) => (i === index ? { ...m, heldOn: v } : m))); }} />
            <Select size="xs" aria-label={`Hearing ${index + 1} committee`} clearable data={committeeData} value={h.committeeId} onChange={(v) => set('hearings', value.hearings.map((m, i) => (i === index ? { ...m, committeeId: v } : m)))} />
            <TextInput size="xs" aria-label={`Hearing ${index + 1} note`} placeholder="Note" value={h.note} onChange={(e) => { const v = e.currentTarget.value; set('hearings', value.hearings.map((m, i) => (i === index ? { ...m, note: v } : m))); }} />
            <ActionIcon variant="subtle" color="red" aria-label={`Remove hearing ${index + 1}`} onClick={() => set('hearings', value.hearings.filter((_, i) => i !== index))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set('hearings', [...value.hearings, { heldOn: '', committeeId: value.committeeId, note: '' }])}>
          Add a hearing
        </Button>
        <Text size="sm" fw={500}>
          Funding allocations
        </Text>
        {value.allocations.map((a, index) => (
          <Group key={a.id ?? `new-${index}`} gap="xs" wrap="nowrap">
            <NumberInput size="xs" aria-label={`Allocation ${index + 1} amount`} thousandSeparator="," min={0} value={a.amount} onChange={(v) => set('allocations', value.allocations.map((m, i) => (i === index ? { ...m, amount: Number(v) || 0 } : m)))} />
            <TextInput size="xs" w={70} aria-label={`Allocation ${index + 1} currency`} value={a.currency} onChange={(e) => { const v = e.currentTarget.value; set('allocations', value.allocations.map((m, i) => (i === index ? { ...m, currency: v } : m))); }} />
            <TextInput size="xs" aria-label={`Allocation ${index + 1} program`} placeholder="Program" value={a.program} onChange={(e) => { const v = e.currentTarget.value; set('allocations', value.allocations.map((m, i) => (i === index ? { ...m, program: v } : m))); }} />
            <TextInput size="xs" w={90} aria-label={`Allocation ${index + 1} fiscal year`} placeholder="FY" value={a.fiscalYear} onChange={(e) => { const v = e.currentTarget.value; set('allocations', value.allocations.map((m, i) => (i === index ? { ...m, fiscalYear: v } : m))); }} />
            <ActionIcon variant="subtle" color="red" aria-label={`Remove allocation ${index + 1}`} onClick={() => set('allocations', value.allocations.filter((_, i) => i !== index))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set('allocations', [...value.allocations, { amount: 0, currency: 'USD', program: '', fiscalYear: '', note: '' }])}>
          Add an allocation
        </Button>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={create.isPending || update.isPending} onClick={() => void save().catch(() => undefined)}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
