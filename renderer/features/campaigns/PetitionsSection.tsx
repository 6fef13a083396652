import { useState } from 'react';
import { Anchor, Button, Modal, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { PetitionSummary } from '@shared/campaigns/contract';
import { formatDate } from '../../components/format';
import { Section } from '../../components/Section';
import { PetitionForm } from './PetitionForm';
import { PetitionProgress } from './PetitionProgress';
import { petitionHref } from './reads';

export function PetitionsSection({ campaignId, petitions }: { campaignId: string; petitions: PetitionSummary[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <Section title="Petitions" hint="Signature counts over time and progress toward the goal.">
      {petitions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No petitions yet.
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label="Petitions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Petition</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th w="30%">Progress</Table.Th>
              <Table.Th>Delivered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {petitions.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={petitionHref(p.id)} size="sm" fw={500}>
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{[p.targetOfficial?.name, p.targetText].filter(Boolean).join(' — ')}</Text>
                </Table.Td>
                <Table.Td>
                  <PetitionProgress signatures={p.signatures} goal={p.goal} progress={p.progress} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.deliveredOn ? formatDate(p.deliveredOn) : 'Not yet'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
        Start a petition
      </Button>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New petition" size="lg">
        {adding && <PetitionForm campaignId={campaignId} onDone={() => setAdding(false)} />}
      </Modal>
    </Section>
  );
}
