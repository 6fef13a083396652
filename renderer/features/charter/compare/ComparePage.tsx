import { Button, Group, Paper } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { CompareSide } from '@shared/charter/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { CompareResult } from './CompareResult';
import { defaultSides, parseSide } from './compareLink';
import { ComparePicker, type Sides } from './ComparePicker';

/** Charter → Compare: pick two sides, see what changed. */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const versions = useRpcQuery('charter.listVersions', {});

  if (versions.isError) return <QueryError title="The versions could not be read" error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data) return <Loading label="Loading versions" />;

  const list = versions.data;
  const defaults = defaultSides(list);
  const latest = list[0];
  if (!defaults || !latest) {
    return (
      <EmptyState
        icon={IconGitCompare}
        title="Nothing to compare yet"
        action={
          <Button component={Link} to="/charter" variant="light">
            Go to the draft
          </Button>
        }
      >
        Comparisons show what changed between adopted versions of the charter, or between a version and the draft. Adopt a first
        version to start.
      </EmptyState>
    );
  }

  const known = new Set<CompareSide>(['draft', ...list.map((v) => v.number)]);
  const pick = (name: 'from' | 'to'): CompareSide => {
    const side = parseSide(params.get(name));
    return side !== null && known.has(side) ? side : defaults[name];
  };
  const from = pick('from');
  const to = pick('to');
  const show = (next: Sides) => setParams({ from: String(next.from), to: String(next.to) }, { replace: true });
  const previous = list[1];

  return (
    <>
      <Paper withBorder p="md">
        <Group align="flex-end" justify="space-between" gap="sm">
          <ComparePicker versions={list} from={from} to={to} onChange={show} />
          <Group gap="xs">
            {previous && (
              <Button variant="subtle" onClick={() => show({ from: previous.number, to: latest.number })}>
                Latest vs previous
              </Button>
            )}
            <Button variant="subtle" onClick={() => show({ from: latest.number, to: 'draft' })}>
              Draft vs latest
            </Button>
          </Group>
        </Group>
      </Paper>
      <CompareResult from={from} to={to} />
    </>
  );
}
