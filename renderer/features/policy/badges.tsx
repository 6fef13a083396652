import { Badge } from '@mantine/core';
import { BILL_STATUSES, POSITIONS, STANCES, type BillStatus, type Position, type Stance } from '@shared/policy/contract';
import { POSITION_COLORS, STANCE_COLORS, STATUS_COLORS } from './labels';

export function StanceBadge({ stance }: { stance: Stance | null }) {
  if (!stance) return <Badge variant="outline" color="gray" tt="none">No stance</Badge>;
  return (
    <Badge color={STANCE_COLORS[stance]} variant="light" tt="none">
      {STANCES[stance]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: BillStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none">
      {BILL_STATUSES[status]}
    </Badge>
  );
}

export function PositionBadge({ position }: { position: Position }) {
  return (
    <Badge color={POSITION_COLORS[position]} variant="dot" tt="none">
      {POSITIONS[position]}
    </Badge>
  );
}
