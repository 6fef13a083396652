import { Group, Text } from '@mantine/core';
import { formatMoney, type MoneyByCurrency } from '@shared/resources/money';

/** An amount in minor units, formatted for its currency. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency);
}

/** Totals per currency, side by side and never added ("$1,200.00 · €300.00"). */
export function MoneyList({ totals, empty = '—' }: { totals: MoneyByCurrency; empty?: string }) {
  if (totals.length === 0) return <Text span c="dimmed">{empty}</Text>;
  return (
    <Group gap={8} component="span" wrap="wrap">
      {totals.map((t) => (
        <Text span key={t.currency}>
          {formatMoney(t.minor, t.currency)}
        </Text>
      ))}
    </Group>
  );
}
