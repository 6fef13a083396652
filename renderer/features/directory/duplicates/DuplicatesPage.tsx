import { useState } from 'react';
import { Anchor, Badge, Button, Group, Pagination, Paper, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCopyCheck, IconGitMerge } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DuplicatePair, DuplicateReason } from '@shared/directory/duplicates';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { organizationHref, personHref } from '../reads';
import { MergeDialog } from './MergeDialog';
import { DirectoryNav } from '../DirectoryNav';

const PAGE_SIZE = 25;

export const REASON_LABELS: Record<DuplicateReason, string> = {
  name: 'Same name',
  email: 'Same email',
  website: 'Same website',
  phone: 'Same phone',
};
const REASON_COLORS: Record<DuplicateReason, string> = { name: 'blue', email: 'grape', website: 'teal', phone: 'orange' };

type Entity = 'organization' | 'person';

/** Directory → Duplicates: likely duplicate pairs, and a merge dialog for each. */
export function DuplicatesPage() {
  const [entity, setEntity] = useState<Entity>('organization');
  const [page, setPage] = useState(1);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const found = useRpcQuery('duplicates.find', { entity, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const total = found.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = entity === 'organization' ? organizationHref : personHref;

  return (
    <Page
      fluid
      title="Directory"
      description="Likely duplicate partners: the same name (ignoring case, accents, punctuation and words like Inc. or Coalition), email, website or phone. Merge a pair to keep one record with everything from both."
      nav={
        <DirectoryNav />
      }
    >
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Find duplicates among"
          value={entity}
          onChange={(value) => {
            setEntity(value);
            setPage(1);
          }}
          data={[
            { value: 'organization', label: 'Organizations' },
            { value: 'person', label: 'People' },
          ]}
        />
        {found.data && (
          <Text size="sm" c="dimmed" role="status">
            {total === 1 ? '1 likely pair' : `${total.toLocaleString('en')} likely pairs`}
          </Text>
        )}
      </Group>

      {found.isError ? (
        <QueryError title="Duplicates could not be found" error={found.error} onRetry={() => void found.refetch()} />
      ) : !found.data ? (
        <Loading label="Looking for duplicates" />
      ) : total === 0 ? (
        <EmptyState icon={IconCopyCheck} title={entity === 'organization' ? 'No likely duplicate organizations' : 'No likely duplicate people'}>
          No two records share a name, email, {entity === 'organization' ? 'website ' : ''}or phone number.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" aria-label="Likely duplicates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Possible duplicate</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th ta="right">Likelihood</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.data.pairs.map((pair) => (
                  <Table.Tr key={`${pair.a.id}-${pair.b.id}`}>
                    {[pair.a, pair.b].map((side) => (
                      <Table.Td key={side.id}>
                        <Anchor component={Link} to={href(side.id)} size="sm" fw={500}>
                          {side.name}
                        </Anchor>
                        {side.detail && (
                          <Text size="xs" c="dimmed">
                            {side.detail}
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap={4}>
                        {pair.reasons.map((reason) => (
                          <Badge key={reason} color={REASON_COLORS[reason]} variant="light" size="sm" radius="sm" tt="none">
                            {REASON_LABELS[reason]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{pair.score}%</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconGitMerge size={14} />}
                        aria-label={`Review and merge ${pair.a.name} and ${pair.b.name}`}
                        onClick={() => setMerging(pair)}
                      >
                        Review and merge
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {pages > 1 && (
            <Group justify="center">
              <Pagination total={pages} value={page} onChange={setPage} aria-label="Pages of duplicates" getControlProps={(control) => ({ 'aria-label': `${control} page` })} />
            </Group>
          )}
        </Stack>
      )}

      {merging && <MergeDialog entity={entity} pair={merging} onClose={() => setMerging(null)} />}
    </Page>
  );
}
