import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { TERM_ROLES, type Term } from '@shared/structure/contract';
import { notifyError } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate, today } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { personHref, organizationHref } from '../../directory/reads';
import { RowActions } from '../parts';
import { STRUCTURE_READS } from '../reads';
import { StructureNav } from '../StructureNav';
import { SeatForm } from './SeatForm';
import { TermForm } from './TermForm';

/** One seat: its requirement and every term, past, current and coming. */
export function SeatPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const seat = useRpcQuery('structure.seats.get', { id });
  const removeSeat = useRpcMutation('structure.seats.delete', { invalidates: STRUCTURE_READS });
  const removeTerm = useRpcMutation('structure.terms.delete', { invalidates: STRUCTURE_READS });
  const [editingSeat, setEditingSeat] = useState(false);
  const [term, setTerm] = useState<Term | 'new' | null>(null);
  const day = today();

  if (seat.isPending) return <Loading label="Loading the seat" />;
  if (seat.isError) return <QueryError title="The seat could not be read" error={seat.error} onRetry={() => void seat.refetch()} />;
  const data = seat.data;

  function confirmDeleteSeat() {
    modals.openConfirmModal({
      title: `Delete the seat “${data.name}”?`,
      children: <Text size="sm">Its {data.terms.length === 1 ? 'term goes' : `${data.terms.length} terms go`} with it. Undo in the history brings them back.</Text>,
      labels: { confirm: 'Delete seat', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        removeSeat.mutate({ id: data.id }, { onSuccess: () => void navigate('/structure'), onError: (error) => notifyError('The seat was not deleted', error) }),
    });
  }

  return (
    <Page
      title={data.name}
      description={
        <>
          <Anchor component={Link} to="/structure" size="sm">
            Steering committee
          </Anchor>
          {' · '}
          {data.requirement ? `For an organization ${data.requirement.kind === 'sector' ? 'of the sector' : 'serving'} “${data.requirement.label}”` : 'Open to any member'}
          {data.termMonths ? ` · ${data.termMonths}-month terms` : ''}
        </>
      }
      nav={<StructureNav />}
      actions={
        <>
          <Button variant="default" leftSection={<IconPencil size={15} />} onClick={() => setEditingSeat(true)}>
            Edit seat
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={confirmDeleteSeat}>
            Delete
          </Button>
        </>
      }
    >
      <Section title="Terms" hint="One holder at a time; a term is current from its first to its last day.">
        {data.terms.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody has held this seat yet.
          </Text>
        ) : (
          <Table striped verticalSpacing={6} aria-label="Terms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Holder</Table.Th>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.terms.map((t) => {
                const current = t.startDate <= day && (t.endDate === null || t.endDate >= day);
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Group gap="xs">
                        {t.person ? (
                          <Anchor component={Link} to={personHref(t.person.id)} size="sm">
                            {t.person.name}
                          </Anchor>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                        {current && (
                          <Badge size="xs" variant="light" color="teal" tt="none">
                            Current
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {t.organization ? (
                        <Group gap={6}>
                          <Anchor component={Link} to={organizationHref(t.organization.id)} size="sm">
                            {t.organization.name}
                          </Anchor>
                          {!t.meetsRequirement && (
                            <Badge size="xs" color="red" variant="light" tt="none">
                              Requirement not met
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Personal capacity
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{TERM_ROLES[t.role]}</Table.Td>
                    <Table.Td>{formatDate(t.startDate)}</Table.Td>
                    <Table.Td>{t.endDate ? formatDate(t.endDate) : 'Open-ended'}</Table.Td>
                    <Table.Td>
                      <RowActions
                        what={`the term from ${t.startDate}`}
                        onEdit={() => setTerm(t)}
                        onDelete={() => removeTerm.mutate({ id: t.id }, { onError: (error) => notifyError('The term was not deleted', error) })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button variant="default" leftSection={<IconPlus size={15} />} onClick={() => setTerm('new')}>
            Add term
          </Button>
        </Group>
      </Section>
      <Modal opened={editingSeat} onClose={() => setEditingSeat(false)} title={`Edit “${data.name}”`}>
        {editingSeat && <SeatForm seat={data} onDone={() => setEditingSeat(false)} />}
      </Modal>
      <Modal opened={term !== null} onClose={() => setTerm(null)} title={term === 'new' ? `New term on ${data.name}` : 'Edit term'}>
        {term !== null && <TermForm seat={data} term={term === 'new' ? undefined : term} onDone={() => setTerm(null)} />}
      </Modal>
    </Page>
  );
}
