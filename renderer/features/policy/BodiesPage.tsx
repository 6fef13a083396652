import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Table, Text, TextInput, Textarea } from '@mantine/core';
import { BODY_KINDS, LEVELS, type BodyKind, type Level } from '@shared/policy/contract';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { PolicyNav } from './PolicyNav';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Policy ▸ Bodies and committees: councils, chambers, parliaments and agencies with their responsibilities, and the committees officials sit on. */
export function BodiesPage() {
  const bodies = useRpcQuery('policy.bodies.list', {});
  const committees = useRpcQuery('policy.committees.list', { bodyId: null });
  const createBody = useRpcMutation('policy.bodies.create', { invalidates: ['policy.bodies.list'] });
  const createCommittee = useRpcMutation('policy.committees.create', { invalidates: ['policy.committees.list', 'policy.bodies.list'] });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BodyKind>('agency');
  const [level, setLevel] = useState<Level>('state');
  const [jurisdiction, setJurisdiction] = useState('');
  const [responsibilities, setResponsibilities] = useState('');
  const [committeeName, setCommitteeName] = useState('');
  const [committeeBody, setCommitteeBody] = useState<string | null>(null);
  return (
    <Page title="Bodies and committees" description="Councils, legislature chambers, parliaments and regulatory or administrative agencies, with what they are responsible for." nav={<PolicyNav />}>
      <Section title="Bodies and agencies">
        <Table aria-label="Bodies and agencies" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Responsibilities</Table.Th>
              <Table.Th>Officials</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(bodies.data ?? []).map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={600}>{b.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none">
                    {BODY_KINDS[b.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {LEVELS[b.level]}
                  {b.jurisdiction ? ` · ${b.jurisdiction}` : ''}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2}>
                    {b.responsibilities}
                  </Text>
                </Table.Td>
                <Table.Td>{b.officials}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" gap="xs">
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select label="Kind" data={options(BODY_KINDS)} value={kind} onChange={(v) => setKind((v ?? 'agency') as BodyKind)} allowDeselect={false} w={190} />
          <Select label="Level" data={options(LEVELS)} value={level} onChange={(v) => setLevel((v ?? 'state') as Level)} allowDeselect={false} w={170} />
          <TextInput label="Jurisdiction" value={jurisdiction} onChange={(e) => setJurisdiction(e.currentTarget.value)} />
        </Group>
        <Textarea label="Responsibilities" autosize minRows={1} value={responsibilities} onChange={(e) => setResponsibilities(e.currentTarget.value)} />
        <Button
          w="fit-content"
          loading={createBody.isPending}
          onClick={() =>
            void createBody
              .mutateAsync({ name, kind, level, jurisdiction, responsibilities, website: '', email: '', phone: '', notes: '' })
              .then(() => { setName(''); setResponsibilities(''); })
              .catch(() => undefined)
          }
        >
          Add body
        </Button>
        {createBody.error && <Alert color="red">{errorMessage(createBody.error)}</Alert>}
      </Section>
      <Section title="Committees">
        <Table aria-label="Committees" striped>
          <Table.Tbody>
            {(committees.data ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={600}>{c.name}</Table.Td>
                <Table.Td>{c.bodyName ?? ''}</Table.Td>
                <Table.Td>
                  {c.members} member{c.members === 1 ? '' : 's'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" gap="xs">
          <TextInput label="Committee" value={committeeName} onChange={(e) => setCommitteeName(e.currentTarget.value)} />
          <Select label="Of" clearable data={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={committeeBody} onChange={setCommitteeBody} w={240} />
          <Button loading={createCommittee.isPending} onClick={() => void createCommittee.mutateAsync({ name: committeeName, bodyId: committeeBody, description: '' }).then(() => setCommitteeName('')).catch(() => undefined)}>
            Add committee
          </Button>
        </Group>
        {createCommittee.error && <Alert color="red">{errorMessage(createCommittee.error)}</Alert>}
      </Section>
    </Page>
  );
}
