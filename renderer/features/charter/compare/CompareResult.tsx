import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconEqual } from '@tabler/icons-react';
import type { CharterDiff, CompareSide } from '@shared/charter/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { DiffText } from './DiffText';

function sideLabel(side: CompareSide): string {
  return side === 'draft' ? 'the current draft' : `version ${side}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What changed between two sides of the charter. */
export function CompareResult({ from, to }: { from: CompareSide; to: CompareSide }) {
  const diff = useRpcQuery('charter.compare', { from, to });
  if (diff.isError) return <QueryError title="The comparison could not be made" error={diff.error} onRetry={() => void diff.refetch()} />;
  if (!diff.data) return <Loading label="Comparing" />;
  const d = diff.data;

  if (d.identical) {
    return (
      <EmptyState icon={IconEqual} title="No differences">
        {capitalize(sideLabel(from))} and {sideLabel(to)} say exactly the same thing.
      </EmptyState>
    );
  }

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Changes from {sideLabel(from)} to {sideLabel(to)}. Added words are <ins className="diff-ins">underlined</ins>, removed words are{' '}
        <del className="diff-del">struck through</del>.
      </Text>
      <Section title="Mission">{d.mission ? <DiffText change={d.mission} /> : <NoChange />}</Section>
      <Section title="Vision">{d.vision ? <DiffText change={d.vision} /> : <NoChange />}</Section>
      <Section title="Values">
        <ValuesChange values={d.values} />
      </Section>
      <Section title="Shared goals">
        <GoalsChange goals={d.goals} />
      </Section>
    </Stack>
  );
}

function ValuesChange({ values }: { values: CharterDiff['values'] }) {
  if (values.added.length === 0 && values.removed.length === 0) return <NoChange />;
  return (
    <Stack gap="sm">
      {values.added.length > 0 && (
        <Group gap="xs" align="center">
          <Text size="sm" fw={500} w={80}>
            Added
          </Text>
          <Group component="ul" gap="xs" className="plain-list" aria-label="Values added">
            {values.added.map((value) => (
              <Badge component="li" key={value} color="green" variant="light" size="lg" radius="sm" tt="none">
                <ins className="diff-ins-plain">{value}</ins>
              </Badge>
            ))}
          </Group>
        </Group>
      )}
      {values.removed.length > 0 && (
        <Group gap="xs" align="center">
          <Text size="sm" fw={500} w={80}>
            Removed
          </Text>
          <Group component="ul" gap="xs" className="plain-list" aria-label="Values removed">
            {values.removed.map((value) => (
              <Badge component="li" key={value} color="red" variant="light" size="lg" radius="sm" tt="none">
                <del>{value}</del>
              </Badge>
            ))}
          </Group>
        </Group>
      )}
    </Stack>
  );
}

const KIND_BADGE = {
  added: { color: 'green', label: 'Added' },
  removed: { color: 'red', label: 'Removed' },
  changed: { color: 'yellow', label: 'Changed' },
} as const;

function GoalsChange({ goals }: { goals: CharterDiff['goals'] }) {
  if (goals.length === 0) return <NoChange />;
  return (
    <Stack gap="sm" component="ul" className="plain-list">
      {goals.map((goal) => (
        <Paper component="li" key={goal.id} withBorder p="md" radius="md">
          <Group gap="sm" mb={goal.fields.length > 0 ? 'sm' : 0}>
            <Badge color={KIND_BADGE[goal.kind].color} variant="light" radius="sm">
              {KIND_BADGE[goal.kind].label}
            </Badge>
            <Title order={3} fz="sm">
              {goal.kind === 'removed' ? <del>{goal.title}</del> : goal.title}
            </Title>
          </Group>
          {goal.fields.length > 0 && (
            <Table layout="fixed" verticalSpacing={6} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>Field</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {goal.fields.map((field) => (
                  <Table.Tr key={field.field}>
                    <Table.Td fw={500}>{field.field}</Table.Td>
                    <Table.Td>
                      <del className="diff-del">{field.before || '—'}</del>
                    </Table.Td>
                    <Table.Td>
                      <ins className="diff-ins">{field.after || '—'}</ins>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function NoChange() {
  return (
    <Text size="sm" c="dimmed">
      No change.
    </Text>
  );
}
