import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title, useComputedColorScheme, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Stage } from '@shared/directory/enums';
import { REPRESENTATION_DIMENSIONS, type RepresentationDimension } from '@shared/directory/representation';
import { barData, drillDownHref, formatShare, members, type BarDatum, type Summary } from './model';

const ROW_HEIGHT = 30;

/** Chart colours per scheme: readable on white and on Mantine's dark background. */
function usePalette() {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return {
    none: dark ? theme.colors.indigo[4] : theme.colors.indigo[6],
    met: dark ? theme.colors.teal[4] : theme.colors.teal[7],
    unmet: dark ? theme.colors.red[4] : theme.colors.red[7],
    target: dark ? theme.colors.yellow[3] : theme.colors.dark[6],
    text: dark ? theme.colors.dark[0] : theme.colors.gray[8],
    grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
    tooltipBg: dark ? theme.colors.dark[6] : theme.white,
  };
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: BarDatum;
}

/** The target marker: a dashed line across the bar's band where the target lies, with a notch on top. */
function TargetMarker({ color }: { color: string }) {
  return function Marker(props: unknown) {
    const { x = 0, y = 0, width = 0, height = 0, payload } = props as ShapeProps;
    if (!payload || payload.targetCount === null) return <g />;
    const at = x + width;
    return (
      <g aria-hidden="true">
        <line x1={at} x2={at} y1={y - 3} y2={y + height + 3} stroke={color} strokeWidth={2} strokeDasharray="4 2" />
        <path d={`M${at - 4},${y - 7} L${at + 4},${y - 7} L${at},${y - 2} Z`} fill={color} />
      </g>
    );
  };
}

function StatusBadge({ row }: { row: BarDatum }) {
  if (row.status === 'met') {
    return (
      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
        Target met
      </Badge>
    );
  }
  if (row.status === 'unmet') {
    return (
      <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} />}>
        Below target · {row.gapText}
      </Badge>
    );
  }
  return null;
}

/**
 * One dimension of the dashboard: a horizontal bar chart of members per value (bars coloured by
 * target status, target lines where targets exist) and the same figures as a table of links, so
 * every number is readable without the chart and each value opens the filtered directory.
 */
export function RepresentationChart({ summary, dimension, stages }: { summary: Summary; dimension: RepresentationDimension; stages: readonly Stage[] }) {
  const palette = usePalette();
  const navigate = useNavigate();
  const data = barData(summary, dimension);
  const title = REPRESENTATION_DIMENSIONS[dimension];
  const unmet = data.filter((d) => d.status === 'unmet').length;
  const height = Math.max(1, data.length) * ROW_HEIGHT + 40;
  const max = Math.max(1, ...data.map((d) => Math.max(d.count, d.targetCount ?? 0)));
  const Marker = TargetMarker({ color: palette.target });
  const headingId = `representation-${dimension}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="md" id={headingId}>
            By {title.toLowerCase()}
          </Title>
          {unmet > 0 ? (
            <Text size="sm" c="red" fw={600}>
              {unmet} below target
            </Text>
          ) : null}
        </Group>
        {data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No organization lists a {title.toLowerCase()} yet.
          </Text>
        ) : (
          <div style={{ width: '100%', height }} className="representation-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 96, bottom: 4, left: 8 }} barCategoryGap={6}>
                <CartesianGrid horizontal={false} stroke={palette.grid} />
                <XAxis type="number" allowDecimals={false} domain={[0, Math.ceil(max * 1.05)]} tick={{ fill: palette.text, fontSize: 12 }} stroke={palette.grid} />
                <YAxis yAxisId="count" type="category" dataKey="label" width={210} tick={{ fill: palette.text, fontSize: 12 }} stroke={palette.grid} interval={0} />
                <YAxis yAxisId="target" type="category" dataKey="label" hide />
                <Tooltip
                  cursor={{ fill: palette.grid, fillOpacity: 0.4 }}
                  contentStyle={{ background: palette.tooltipBg, borderColor: palette.grid, color: palette.text }}
                  labelFormatter={(_label, payload) => (payload[0]?.payload as BarDatum | undefined)?.label ?? ''}
                  formatter={(_value, name, item) => {
                    const row = (item as { payload?: BarDatum }).payload;
                    if (!row) return [String(_value), String(name)];
                    if (name === 'target') return [row.targetText ?? '', 'Target'];
                    return [`${members(row.count)} (${formatShare(row.share)})`, 'Members'];
                  }}
                />
                <Bar
                  yAxisId="count"
                  dataKey="count"
                  name="count"
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={(entry: unknown) => {
                    const row = (entry as { payload?: BarDatum }).payload;
                    if (row) void navigate(drillDownHref(dimension, row.value, stages));
                  }}
                >
                  {data.map((row) => (
                    <Cell key={row.value} fill={palette[row.status]} />
                  ))}
                  <LabelList
                    dataKey="count"
                    position="right"
                    fill={palette.text}
                    fontSize={12}
                    formatter={(value: unknown) => {
                      const row = data.find((d) => d.count === value);
                      return row ? `${String(value)} · ${formatShare(row.share)}` : String(value);
                    }}
                  />
                </Bar>
                <Bar yAxisId="target" dataKey="targetCount" name="target" shape={Marker} isAnimationActive={false} legendType="none" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        {data.length > 0 && (
          <Table striped={false} verticalSpacing={4} fz="sm" aria-labelledby={headingId}>
            <VisuallyHidden component="caption">Members by {title.toLowerCase()}, with targets</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{title}</Table.Th>
                <Table.Th ta="right">Members</Table.Th>
                <Table.Th ta="right">Share</Table.Th>
                <Table.Th>Target</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((row) => (
                <Table.Tr key={row.value} data-status={row.status}>
                  <Table.Td>
                    <Anchor component={Link} to={drillDownHref(dimension, row.value, stages)} size="sm" aria-label={`Show the ${members(row.count)} in ${row.label}`}>
                      {row.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{row.count.toLocaleString('en')}</Table.Td>
                  <Table.Td ta="right">{formatShare(row.share)}</Table.Td>
                  <Table.Td>
                    {row.targetText ? (
                      <Group gap={6} wrap="wrap">
                        <Text size="xs" c="dimmed">
                          {row.targetText}
                        </Text>
                        <StatusBadge row={row} />
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
