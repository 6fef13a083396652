import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { STANCES, type Stance } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';

/** Record a stance of one official on a campaign or a bill (a new row of the history). */
export function StanceForm({ officialId, onDone }: { officialId: string; onDone: () => void }) {
  const [subject, setSubject] = useState<string | null>(null);
  const [stance, setStance] = useState<Stance>('undecided');
  const [statedOn, setStatedOn] = useState(new Date().toISOString().slice(0, 10));
  const [evidence, setEvidence] = useState('');
  const bills = useRpcQuery('policy.bills.list', { filters: { search: '', status: null, position: null, level: null }, offset: 0, limit: 500 });
  const campaigns = useRpcQuery('campaigns.list', {});
  const record = useRpcMutation('policy.stances.record', { invalidates: ['policy.officials.get', 'policy.bills.get', 'policy.scorecard', 'policy.campaignTargets.get'] });
  const data = [
    { group: 'Campaigns', items: (campaigns.data ?? []).map((c) => ({ value: `c:${c.id}`, label: c.name })) },
    { group: 'Bills', items: (bills.data?.rows ?? []).map((b) => ({ value: `b:${b.id}`, label: `${b.identifier} ${b.title}` })) },
  ];
  async function save() {
    const [kind, id] = (subject ?? ':').split(':');
    await record.mutateAsync({ officialId, campaignId: kind === 'c' ? (id ?? null) : null, billId: kind === 'b' ? (id ?? null) : null, stance, statedOn, evidence, recordedBy: '' });
    onDone();
  }
  return (
    <Stack gap="xs">
      <Group grow align="flex-end">
        <Select label="On" placeholder="A campaign or a bill" data={data} value={subject} onChange={setSubject} searchable />
        <Select label="Stance" data={Object.entries(STANCES).map(([value, label]) => ({ value, label }))} value={stance} onChange={(v) => setStance((v ?? 'undecided') as Stance)} allowDeselect={false} />
        <TextInput label="Date" placeholder="YYYY-MM-DD" value={statedOn} onChange={(e) => setStatedOn(e.currentTarget.value)} />
      </Group>
      <Textarea label="Evidence" placeholder="What they said or did, and where" autosize minRows={1} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
      {record.error && (
        <Alert color="red" role="alert">
          {errorMessage(record.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button loading={record.isPending} onClick={() => void save().catch(() => undefined)}>
          Record stance
        </Button>
      </Group>
    </Stack>
  );
}
