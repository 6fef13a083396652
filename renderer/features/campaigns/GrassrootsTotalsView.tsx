import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { ACTION_KIND_VALUES, ACTION_KINDS, type GrassrootsTotals } from '@shared/campaigns/contract';

function Breakdown({ title, rows }: { title: string; rows: { key: string; label: string; total: number }[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      ) : (
        <Table verticalSpacing={2} aria-label={title}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <Text size="sm">{r.label}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{r.total.toLocaleString('en-US')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Grassroots totals by kind, official and district (and campaign when asked), in `columns` columns on a wide window. */
export function GrassrootsTotalsView({ totals, byCampaign = false, columns = 3 }: { totals: GrassrootsTotals; byCampaign?: boolean; columns?: number }) {
  return (
    <SimpleGrid cols={{ base: 1, md: columns }} spacing="lg">
      <Breakdown
        title={`By kind (${totals.total.toLocaleString('en-US')} in all)`}
        rows={ACTION_KIND_VALUES.map((k) => ({ key: k, label: ACTION_KINDS[k], total: totals.byKind[k] }))}
      />
      {byCampaign && <Breakdown title="By campaign" rows={totals.byCampaign.map((c) => ({ key: c.id, label: c.name, total: c.total }))} />}
      <Breakdown title="By target official" rows={totals.byOfficial.map((o) => ({ key: o.id ?? 'none', label: o.name, total: o.total }))} />
      <Breakdown title="By district" rows={totals.byDistrict.map((d) => ({ key: d.district, label: d.district || 'No district', total: d.total }))} />
    </SimpleGrid>
  );
}
