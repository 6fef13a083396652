import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, SimpleGrid, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconList, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Method } from '@shared/contract';
import { directoryContract } from '@shared/directory/contract';
import type { VocabularyKind } from '@shared/directory/enums';
import { RpcError } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { DirectoryNav } from '../DirectoryNav';
import { filtersToSearch } from '../table/filterParams';

interface ListInfo {
  title: string;
  /** "the list of …" */
  plural: string;
  singular: string;
  hint: string;
  placeholder: string;
  /** The organizations table's filter for this list. */
  filter: 'issueArea' | 'population';
}

const LISTS: Record<VocabularyKind, ListInfo> = {
  issue_area: {
    title: 'Issue areas',
    plural: 'issue areas',
    singular: 'issue area',
    hint: 'What partners work on. Suggested in the organization form and the Issue areas filter.',
    placeholder: 'Transit equity',
    filter: 'issueArea',
  },
  population: {
    title: 'Populations',
    plural: 'populations',
    singular: 'population',
    hint: 'Who partners serve. Suggested in the organization form, the Populations filter and the representation targets.',
    placeholder: 'Older adults',
    filter: 'population',
  },
};

/** What a change to a list changes: the lists, their counts, and the representation figures (populations). */
const VOCABULARY_READS = ['vocabulary.list', 'vocabulary.usage', 'representation.summary'] as const satisfies readonly Method[];

const organizations = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'organization' : 'organizations'}`;

/** Directory → Lists: the editable issue areas and populations the forms and filters suggest. */
export function ListsPage() {
  return (
    <Page
      fluid
      title="Directory"
      description="The issue areas and populations the organization form and the table filters suggest. Removing a term only stops suggesting it: organizations that use it keep it."
      nav={<DirectoryNav />}
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <VocabularySection kind="issue_area" />
        <VocabularySection kind="population" />
      </SimpleGrid>
    </Page>
  );
}

function VocabularySection({ kind }: { kind: VocabularyKind }) {
  const info = LISTS[kind];
  const terms = useRpcQuery('vocabulary.list', { kind });
  const usage = useRpcQuery('vocabulary.usage', { kind });
  const remove = useRpcMutation('vocabulary.remove', { invalidates: VOCABULARY_READS });
  const add = useRpcMutation('vocabulary.add', { invalidates: VOCABULARY_READS });
  const counts = new Map((usage.data ?? []).map((u) => [u.value, u.organizations]));
  const listed = new Set(terms.data ?? []);
  // Terms organizations use that are not (or no longer) in the list: one click puts them back.
  const unlisted = (usage.data ?? []).filter((u) => !listed.has(u.value));

  function confirmRemove(term: string) {
    const used = counts.get(term) ?? 0;
    modals.openConfirmModal({
      title: `Remove “${term}” from the ${info.plural}?`,
      children: (
        <Text size="sm">
          The organization form and the filters will no longer suggest it.{' '}
          {used > 0
            ? `The ${organizations(used)} that use it keep it, and you can add it back at any time.`
            : 'No organization uses it.'}
        </Text>
      ),
      labels: { confirm: 'Remove term', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ kind, value: term }, { onError: (error) => notifyError(`“${term}” was not removed`, error) }),
    });
  }

  return (
    <Section title={info.title} hint={info.hint}>
      {terms.isPending ? (
        <Loading label={`Loading the ${info.plural}`} />
      ) : terms.isError ? (
        <QueryError title={`The ${info.plural} could not be read`} error={terms.error} onRetry={() => void terms.refetch()} />
      ) : terms.data.length === 0 ? (
        <EmptyState icon={IconList} title={`No ${info.plural} yet`}>
          Add the first one below; the organization form will suggest it.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing={4} aria-label={info.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th ta="right">Used by</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.data.map((term) => {
              const used = counts.get(term) ?? 0;
              return (
                <Table.Tr key={term}>
                  <Table.Td>
                    <Text size="sm">{term}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {usage.isSuccess &&
                      (used > 0 ? (
                        <Anchor component={Link} to={`/directory${filtersToSearch({ [info.filter]: [term] })}`} size="sm">
                          {organizations(used)}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          none
                        </Text>
                      ))}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove from the list">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${term}`} onClick={() => confirmRemove(term)}>
                        <IconTrash size={15} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <AddTermForm kind={kind} info={info} />
      {unlisted.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            In use but not in the list
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            Organizations have these {info.plural}; add one to have it suggested again.
          </Text>
          <Group gap={6}>
            {unlisted.map((u) => (
              <Button
                key={u.value}
                size="compact-xs"
                variant="default"
                leftSection={<IconPlus size={12} />}
                aria-label={`Add ${u.value} to the list`}
                loading={add.isPending && add.variables.value === u.value}
                onClick={() => add.mutate({ kind, value: u.value }, { onError: (error) => notifyError(`“${u.value}” was not added`, error) })}
              >
                {u.value} · {u.organizations.toLocaleString('en')}
              </Button>
            ))}
          </Group>
        </div>
      )}
    </Section>
  );
}

function AddTermForm({ kind, info }: { kind: VocabularyKind; info: ListInfo }) {
  const add = useRpcMutation('vocabulary.add', { invalidates: VOCABULARY_READS });
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const input = { kind, value };
    // The contract's own rules first (required, at most 100 characters), then the backend's (duplicates).
    const parsed = directoryContract['vocabulary.add'].input.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'This term cannot be added.');
      return;
    }
    add.mutate(input, {
      onSuccess: () => {
        setValue('');
        setError(null);
      },
      onError: (err) => {
        const field = (err instanceof RpcError ? err.issues : []).find((i) => i.path === 'value');
        if (field) setError(field.message);
        else notifyError(`“${value.trim()}” was not added`, err);
      },
    });
  }

  return (
    <form
      aria-label={`Add ${info.singular}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={`New ${info.singular}`}
          placeholder={info.placeholder}
          value={value}
          error={error}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={15} />} loading={add.isPending}>
          Add
        </Button>
      </Group>
    </form>
  );
}
