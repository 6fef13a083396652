import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { OFFICIAL_ACTIONS, SPONSOR_ROLES, type ScorecardRow } from '@shared/policy/contract';
import { PositionBadge, StanceBadge, StatusBadge } from './badges';
import { billHref } from './labels';

/** Scorecard rows: bill, status, the coalition's position, the official's stance, sponsorship, actions, and whether they were with the coalition. */
export function ScorecardTable({ rows }: { rows: readonly ScorecardRow[] }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No stance, sponsorship or recorded action on a bill yet.
      </Text>
    );
  }
  return (
    <Table aria-label="Scorecard" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Bill</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Coalition</Table.Th>
          <Table.Th>Stance</Table.Th>
          <Table.Th>Actions</Table.Th>
          <Table.Th>With us</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.officialId}-${r.billId}`}>
            <Table.Td>
              <Anchor component={Link} to={billHref(r.billId)} size="sm" fw={600}>
                {r.identifier}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {r.billTitle}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={r.billStatus} />
            </Table.Td>
            <Table.Td>
              <PositionBadge position={r.position} />
            </Table.Td>
            <Table.Td>
              <StanceBadge stance={r.stance} />
            </Table.Td>
            <Table.Td>
              <Text size="xs">
                {[r.sponsor ? SPONSOR_ROLES[r.sponsor] : null, ...r.actions.map((a) => `${OFFICIAL_ACTIONS[a.action]} ${a.actedOn}`)].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {r.aligned === null ? (
                <Text size="xs" c="dimmed">
                  —
                </Text>
              ) : (
                <Badge color={r.aligned ? 'teal' : 'red'} variant="light" tt="none">
                  {r.aligned ? 'Yes' : 'No'}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
