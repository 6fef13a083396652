import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArmchair, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ENDING_SOON_DAYS, TERM_ROLES, type SeatStatus } from '@shared/structure/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate, today } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { organizationHref, personHref } from '../../directory/reads';
import { seatHref } from '../reads';
import { StructureNav } from '../StructureNav';
import { SeatForm } from './SeatForm';
import { TermForm } from './TermForm';

/** Structure → Steering committee: who holds each seat today, vacancies and terms ending soon. */
export function CommitteePage() {
  const day = today();
  const overview = useRpcQuery('structure.overview', { today: day });
  const [adding, setAdding] = useState(false);
  const [holderFor, setHolderFor] = useState<SeatStatus | null>(null);

  return (
    <Page
      fluid
      title="Structure"
      description="Who governs the coalition: the steering committee, working groups, members joining and the charter they endorse."
      nav={<StructureNav />}
      actions={
        <Button leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
          Add seat
        </Button>
      }
    >
      {overview.isPending ? (
        <Loading label="Loading the steering committee" />
      ) : overview.isError ? (
        <QueryError title="The steering committee could not be read" error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.seats.length === 0 ? (
        <EmptyState icon={IconArmchair} title="No steering committee seats yet" action={<Button onClick={() => setAdding(true)}>Add the first seat</Button>}>
          Add a seat for each place on the committee (a sector or community seat can require its holder’s organization to match), then give each seat its holder.
        </EmptyState>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={`Vacancies (${overview.data.vacancies.length})`} hint={`Seats nobody holds on ${formatDate(day)}.`}>
              {overview.data.vacancies.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Every seat has a holder.
                </Text>
              ) : (
                <List spacing={4} size="sm" aria-label="Vacant seats">
                  {overview.data.vacancies.map((seat) => (
                    <List.Item key={seat.id}>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={seatHref(seat.id)} size="sm">
                          {seat.name}
                        </Anchor>
                        {seat.next && (
                          <Text size="xs" c="dimmed">
                            {seat.next.person?.name ?? seat.next.organization?.name} from {formatDate(seat.next.startDate)}
                          </Text>
                        )}
                        <Button size="compact-xs" variant="light" ml="auto" onClick={() => setHolderFor(seat)}>
                          Assign holder
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            <Section title={`Terms ending within ${ENDING_SOON_DAYS} days (${overview.data.endingSoon.length})`} hint="Time to prepare a renewal or an election.">
              {overview.data.endingSoon.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No term ends before {formatDate(dayjs(day).add(ENDING_SOON_DAYS, 'day').format('YYYY-MM-DD'))}.
                </Text>
              ) : (
                <List spacing={4} size="sm" aria-label="Terms ending soon">
                  {overview.data.endingSoon.map((seat) => (
                    <List.Item key={seat.id}>
                      <Anchor component={Link} to={seatHref(seat.id)} size="sm">
                        {seat.name}
                      </Anchor>
                      <Text span size="sm">
                        {' '}
                        — {seat.current?.person?.name ?? seat.current?.organization?.name}, ends {formatDate(seat.current?.endDate)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          </SimpleGrid>
          <Section title="The committee today" hint={`Holders on ${formatDate(day)}. Open a seat for its past and coming terms.`}>
            <CommitteeTable seats={overview.data.seats} onAssign={setHolderFor} />
          </Section>
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New seat">
        {adding && <SeatForm onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={holderFor !== null} onClose={() => setHolderFor(null)} title={holderFor ? `Holder of ${holderFor.name}` : ''}>
        {holderFor && <TermForm seat={holderFor} onDone={() => setHolderFor(null)} />}
      </Modal>
    </Page>
  );
}

function CommitteeTable({ seats, onAssign }: { seats: SeatStatus[]; onAssign: (seat: SeatStatus) => void }) {
  return (
    <Table striped highlightOnHover verticalSpacing={6} aria-label="Steering committee">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Seat</Table.Th>
          <Table.Th>Holder</Table.Th>
          <Table.Th>Organization</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Term ends</Table.Th>
          <Table.Th>Requirement</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {seats.map((seat) => {
          const term = seat.current;
          return (
            <Table.Tr key={seat.id}>
              <Table.Td>
                <Anchor component={Link} to={seatHref(seat.id)} size="sm" fw={500}>
                  {seat.name}
                </Anchor>
              </Table.Td>
              {term ? (
                <>
                  <Table.Td>
                    {term.person ? (
                      <Anchor component={Link} to={personHref(term.person.id)} size="sm">
                        {term.person.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {term.organization ? (
                      <Anchor component={Link} to={organizationHref(term.organization.id)} size="sm">
                        {term.organization.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Personal capacity
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{TERM_ROLES[term.role]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{term.endDate ? formatDate(term.endDate) : 'Open-ended'}</Text>
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4}>
                  <Group gap="xs">
                    <Badge color="orange" variant="light" radius="sm" tt="none">
                      Vacant
                    </Badge>
                    <Button size="compact-xs" variant="subtle" onClick={() => onAssign(seat)}>
                      Assign holder
                    </Button>
                  </Group>
                </Table.Td>
              )}
              <Table.Td>
                <RequirementCell seat={seat} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function RequirementCell({ seat }: { seat: SeatStatus }) {
  if (!seat.requirement) {
    return (
      <Text size="sm" c="dimmed">
        Open seat
      </Text>
    );
  }
  const met = seat.current?.meetsRequirement;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{seat.requirement.label}</Text>
      {met === false && (
        <Tooltip label="The holder’s organization does not meet this seat’s requirement">
          <Badge color="red" variant="light" radius="sm" tt="none" leftSection={<IconAlertTriangle size={12} />}>
            Not met
          </Badge>
        </Tooltip>
      )}
      {met === true && (
        <Badge color="teal" variant="light" radius="sm" tt="none">
          Met
        </Badge>
      )}
    </Group>
  );
}
