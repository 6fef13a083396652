import { ActionIcon, Anchor, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconGitCompare, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { VersionSummary } from '@shared/charter/contract';
import { useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { call } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { compareLink, defaultSides } from '../compare/compareLink';
import { ComparePicker, type Sides } from '../compare/ComparePicker';
import { useCharterExport } from '../useCharterExport';

/** Charter → Versions: every adopted version, newest first. */
export function VersionsPage() {
  const versions = useRpcQuery('charter.listVersions', {});
  const { exportCharter } = useCharterExport();

  if (versions.isError) return <QueryError title="The versions could not be read" error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data) return <Loading label="Loading versions" />;

  const list = versions.data;
  const latest = list[0];
  if (!latest) {
    return (
      <EmptyState
        icon={IconHistory}
        title="No version adopted yet"
        action={
          <Button component={Link} to="/charter" variant="light">
            Go to the draft
          </Button>
        }
      >
        When the coalition agrees on the charter, adopt the draft: it is frozen as version 1 with its date, and stays readable here
        while you keep editing.
      </EmptyState>
    );
  }

  async function exportVersion(number: number) {
    try {
      const version = await call('charter.getVersion', { number });
      await exportCharter({ edition: number, adoptedOn: version.adoptedOn, note: version.note, content: version.content });
    } catch (error) {
      notifyError(`Version ${number} was not exported`, error);
    }
  }

  return (
    <>
      <CompareCard versions={list} />
      <Text size="sm" c="dimmed">
        {list.length === 1 ? 'One adopted version.' : `${list.length} adopted versions, newest first.`} Adopted versions never change.
      </Text>
      <Paper withBorder>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>Version</Table.Th>
              <Table.Th w={150}>Adopted</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th w={100}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((version) => (
              <Table.Tr key={version.number}>
                <Table.Td>
                  <Anchor component={Link} to={`/charter/versions/${version.number}`} fw={600}>
                    Version {version.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(version.adoptedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={version.note ? undefined : 'dimmed'} lineClamp={2}>
                    {version.note || 'No note'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    {version.number > 1 && (
                      <Tooltip label="Compare with the previous version">
                        <ActionIcon
                          component={Link}
                          to={compareLink(version.number - 1, version.number)}
                          variant="subtle"
                          color="gray"
                          aria-label={`Compare version ${version.number} with version ${version.number - 1}`}
                        >
                          <IconGitCompare size={16} stroke={1.7} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Tooltip label="Export as Markdown">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Export version ${version.number} as Markdown`}
                        onClick={() => void exportVersion(version.number)}
                      >
                        <IconDownload size={16} stroke={1.7} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}

/** Pick two sides and open the comparison; defaults to latest against previous. */
function CompareCard({ versions }: { versions: readonly VersionSummary[] }) {
  const navigate = useNavigate();
  const [sides, setSides] = useState<Sides | null>(() => defaultSides(versions));
  const latest = versions[0];
  if (!sides || !latest) return null;
  return (
    <Paper withBorder p="md">
      <Group align="flex-end" justify="space-between" gap="sm">
        <ComparePicker versions={versions} {...sides} onChange={setSides} />
        <Group gap="xs">
          <Button leftSection={<IconGitCompare size={16} />} onClick={() => void navigate(compareLink(sides.from, sides.to))}>
            Compare
          </Button>
          <Button variant="default" onClick={() => void navigate(compareLink(latest.number, 'draft'))}>
            Compare draft with latest
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
