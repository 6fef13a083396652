import { Badge, Group, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { ChangeEntry } from '@shared/history/contract';
import { useRpcQuery } from '../../../api/queries';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';

const HIDDEN = new Set(['id', 'created_at', 'updated_at']);

function humanize(column: string): string {
  const words = column.replace(/_json$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The columns an update changed, in words ("Stage, Tags"). */
export function changedFields(entry: ChangeEntry): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(humanize);
}

const ACTION = { create: { label: 'Created', color: 'teal' }, update: { label: 'Changed', color: 'blue' }, delete: { label: 'Deleted', color: 'red' } } as const;

/** What changed on one record and when, newest first, from the workspace's change log. */
export function HistoryList({ entity, entityId }: { entity: 'organizations' | 'people'; entityId: string }) {
  const history = useRpcQuery('history.list', { entity, entityId, limit: 50 });
  if (history.isError) return <QueryError title="The change history could not be read" error={history.error} />;
  if (!history.data) return <Loading label="Loading change history" />;
  if (history.data.length === 0) return <Text size="sm" c="dimmed">No changes recorded.</Text>;
  return (
    <Stack gap={8} component="ol" className="plain-list" aria-label="Change history">
      {history.data.map((entry) => {
        const fields = entry.action === 'update' ? changedFields(entry) : [];
        const action = ACTION[entry.action];
        return (
          <li key={entry.seq}>
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="light" color={action.color} radius="sm" tt="none" miw={62}>
                {action.label}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" lh={1.35}>
                  {entry.action === 'update' ? (fields.length > 0 ? fields.join(', ') : 'Details') : entry.action === 'create' ? 'Added to the directory' : 'Removed'}
                </Text>
                <Text size="xs" c="dimmed" title={entry.at}>
                  {dayjs(entry.at).format('D MMM YYYY, HH:mm')}
                  {entry.actor && ` · ${entry.actor}`}
                </Text>
                {entry.summary && (
                  <Text size="xs" c="dimmed" lh={1.35}>
                    {entry.summary}
                  </Text>
                )}
              </div>
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}
