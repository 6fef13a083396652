import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconGitMerge } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Method } from '@shared/contract';
import type { OrganizationDetail, PersonDetail } from '@shared/directory/contract';
import {
  ORGANIZATION_MERGE_FIELDS,
  PERSON_MERGE_FIELDS,
  type DuplicatePair,
  type MergeSide,
  type OrganizationMergeField,
  type PersonMergeField,
} from '@shared/directory/duplicates';
import { BUDGET_BANDS, CONTACT_CHANNELS, CONTRIBUTIONS, TIERS } from '@shared/directory/enums';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { customColumnKey, formatCustomValue } from '../customFields/model';
import { labelOf, sectorLabel, stageLabel, typeLabel } from '../labels';
import { DIRECTORY_READS, organizationHref, personHref } from '../reads';

type Entity = 'organization' | 'person';
type Which = 'a' | 'b';

const MERGE_INVALIDATES = [...DIRECTORY_READS, 'duplicates.find'] as const satisfies readonly Method[];

const ORGANIZATION_LABELS: Record<OrganizationMergeField, string> = {
  name: 'Name',
  classification: 'Sector and type',
  stage: 'Stage',
  alignment: 'Alignment',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
  city: 'City',
  district: 'District',
  registrationNumber: 'Registration number',
  staffSize: 'Staff size',
  budgetBand: 'Budget band',
  notes: 'Notes',
};

const PERSON_LABELS: Record<PersonMergeField, string> = {
  name: 'Name',
  pronouns: 'Pronouns',
  title: 'Title',
  email: 'Email',
  phone: 'Phone',
  city: 'City',
  district: 'District',
  communityLeader: 'Community leader',
  consent: 'Consent to contact',
  notes: 'Notes',
};

/** A field as the dialog shows it: '' means empty. */
function organizationValue(org: OrganizationDetail, field: OrganizationMergeField): string {
  switch (field) {
    case 'classification':
      return `${sectorLabel(org.sector)} · ${typeLabel(org.type)}`;
    case 'stage':
      return `${stageLabel(org.stage)}${org.tier ? ` (${TIERS[org.tier]} tier)` : ''} since ${formatDate(org.stageChangedOn)}`;
    case 'alignment':
      return org.alignment.score === null ? org.alignment.note : `${org.alignment.score} / 5${org.alignment.note ? ` — ${org.alignment.note}` : ''}`;
    case 'staffSize':
      return org.staffSize === null ? '' : org.staffSize.toLocaleString('en');
    case 'budgetBand':
      return labelOf(BUDGET_BANDS, org.budgetBand);
    default:
      return org[field];
  }
}

function personValue(person: PersonDetail, field: PersonMergeField): string {
  switch (field) {
    case 'communityLeader':
      return person.communityLeader ? 'Yes' : '';
    case 'consent': {
      const c = person.consent;
      if (c.mayContact === null) return '';
      const channels = c.channels.map((ch) => CONTACT_CHANNELS[ch]).join(', ');
      return `${c.mayContact ? 'Agreed' : 'Refused'}${channels ? ` (${channels})` : ''}${c.recordedOn ? `, ${formatDate(c.recordedOn)}` : ''}`;
    }
    default:
      return person[field];
  }
}

/** Never empty, so the survivor's is the default even when it reads as "—". */
const ALWAYS_SET = new Set(['classification', 'stage']);

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

interface Loaded {
  fields: { key: string; label: string; values: Record<Which, string> }[];
  lists: { label: string; items: string[] }[];
  /** What the merged record brings: counts of its linked rows. */
  moves: { affiliations: number; interactions: number; relationships: number; stageChanges: number | null };
}

function organizationView(survivor: OrganizationDetail, merged: OrganizationDetail, records: Record<Which, OrganizationDetail>): Omit<Loaded, 'moves'> {
  return {
    fields: ORGANIZATION_MERGE_FIELDS.map((key) => ({
      key,
      label: ORGANIZATION_LABELS[key],
      values: { a: organizationValue(records.a, key), b: organizationValue(records.b, key) },
    })),
    lists: [
      // Both names for now; the name kept is taken out below, once the coordinator has chosen it.
      { label: 'Other names', items: union(survivor.otherNames, [survivor.name, merged.name], merged.otherNames) },
      { label: 'Issue areas', items: union(survivor.issueAreas, merged.issueAreas) },
      { label: 'Regions', items: union(survivor.regions, merged.regions) },
      { label: 'Populations', items: union(survivor.populations, merged.populations) },
      { label: 'Contributions', items: union(survivor.contributions, merged.contributions).map((c) => CONTRIBUTIONS[c as keyof typeof CONTRIBUTIONS]) },
      { label: 'Tags', items: union(survivor.tags, merged.tags) },
    ],
  };
}

function personView(survivor: PersonDetail, merged: PersonDetail, records: Record<Which, PersonDetail>): Omit<Loaded, 'moves'> {
  return {
    fields: PERSON_MERGE_FIELDS.map((key) => ({ key, label: PERSON_LABELS[key], values: { a: personValue(records.a, key), b: personValue(records.b, key) } })),
    lists: [
      { label: 'Languages', items: union(survivor.languages, merged.languages) },
      { label: 'Tags', items: union(survivor.tags, merged.tags) },
    ],
  };
}

/**
 * The merge dialog: the two records side by side, one radio choice per field (the survivor's
 * value unless it is empty), list fields as their union, what will move, then a confirmation.
 */
export function MergeDialog({ entity, pair, onClose }: { entity: Entity; pair: DuplicatePair; onClose: () => void }) {
  // Once a merge starts, the record being merged away is not read again: the merge's refetches
  // would find it gone and swap the form (and its pending success handler) for an error.
  const [mergedId, setMergedId] = useState<string | null>(null);
  const reads = (id: string, kind: Entity) => ({ enabled: entity === kind && mergedId !== id });
  const orgA = useRpcQuery('organizations.get', { id: pair.a.id }, reads(pair.a.id, 'organization'));
  const orgB = useRpcQuery('organizations.get', { id: pair.b.id }, reads(pair.b.id, 'organization'));
  const personA = useRpcQuery('people.get', { id: pair.a.id }, reads(pair.a.id, 'person'));
  const personB = useRpcQuery('people.get', { id: pair.b.id }, reads(pair.b.id, 'person'));
  const queries = entity === 'organization' ? [orgA, orgB] : [personA, personB];
  const failed = queries.find((q) => q.isError);

  return (
    <Modal opened onClose={onClose} title={`Merge ${pair.a.name} and ${pair.b.name}`} size="xl">
      {failed?.error ? (
        <QueryError title="The records could not be read" error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      ) : entity === 'organization' && orgA.data && orgB.data ? (
        <MergeForm entity="organization" pair={pair} records={{ a: orgA.data, b: orgB.data }} onClose={onClose} onMerging={setMergedId} />
      ) : entity === 'person' && personA.data && personB.data ? (
        <MergeForm entity="person" pair={pair} records={{ a: personA.data, b: personB.data }} onClose={onClose} onMerging={setMergedId} />
      ) : (
        <Loading label="Loading both records" />
      )}
    </Modal>
  );
}

type FormProps = { pair: DuplicatePair; onClose: () => void; onMerging: (mergedId: string | null) => void } & (
  | { entity: 'organization'; records: Record<Which, OrganizationDetail> }
  | { entity: 'person'; records: Record<Which, PersonDetail> }
);

function MergeForm(props: FormProps) {
  const { pair, onClose, onMerging } = props;
  const navigate = useNavigate();
  const [survivorSide, setSurvivorSide] = useState<Which>('a');
  const mergedSide: Which = survivorSide === 'a' ? 'b' : 'a';
  const [choices, setChoices] = useState<Record<string, Which>>({});
  const [confirming, setConfirming] = useState(false);
  const merge = useRpcMutation('duplicates.merge', { invalidates: MERGE_INVALIDATES });
  const customFields = useRpcQuery('customFields.list', { entity: props.entity });

  const base: Loaded =
    props.entity === 'organization'
      ? {
          ...organizationView(props.records[survivorSide], props.records[mergedSide], props.records),
          moves: {
            affiliations: props.records[mergedSide].affiliations.length,
            interactions: props.records[mergedSide].interactionCount,
            relationships: props.records[mergedSide].relationships.length,
            stageChanges: props.records[mergedSide].stageHistory.length,
          },
        }
      : {
          ...personView(props.records[survivorSide], props.records[mergedSide], props.records),
          moves: {
            affiliations: props.records[mergedSide].affiliations.length,
            interactions: props.records[mergedSide].interactionCount,
            relationships: props.records[mergedSide].relationships.length,
            stageChanges: null,
          },
        };
  // Custom fields either record has a value in, chosen like the built-in fields (keys 'cf:<id>').
  const customRows = (customFields.data ?? [])
    .filter((f) => props.records.a.custom[f.id] !== undefined || props.records.b.custom[f.id] !== undefined)
    .map((f) => ({
      key: customColumnKey(f.id),
      label: f.label,
      values: { a: formatCustomValue(f, props.records.a.custom[f.id]), b: formatCustomValue(f, props.records.b.custom[f.id]) },
    }));
  const view: Loaded = { ...base, fields: [...base.fields, ...customRows] };
  const names: Record<Which, string> = { a: props.records.a.name, b: props.records.b.name };

  /** The side a field keeps: the coordinator's choice, else the survivor's unless it is empty. */
  const chosen = (field: Loaded['fields'][number]): Which =>
    choices[field.key] ?? (!ALWAYS_SET.has(field.key) && field.values[survivorSide] === '' && field.values[mergedSide] !== '' ? mergedSide : survivorSide);

  // The name not kept becomes another name (as the backend does); the kept one is not repeated there.
  const nameField = view.fields.find((f) => f.key === 'name');
  const keptName = nameField ? nameField.values[chosen(nameField)] : '';
  const lists = view.lists.map((list) => (list.label === 'Other names' ? { ...list, items: list.items.filter((n) => n !== keptName) } : list));

  function submit() {
    const fields: Record<string, MergeSide> = {};
    const custom: Record<string, MergeSide> = {};
    for (const field of view.fields) {
      const side = chosen(field) === survivorSide ? 'survivor' : 'merged';
      if (field.key.startsWith('cf:')) custom[field.key.slice(3)] = side;
      else fields[field.key] = side;
    }
    const survivorId = pair[survivorSide].id;
    const input = { survivorId, mergedId: pair[mergedSide].id, fields, custom };
    onMerging(input.mergedId);
    merge.mutate(props.entity === 'organization' ? { entity: 'organization', ...input } : { entity: 'person', ...input }, {
      onSuccess: (result) => {
        notifySuccess(`${names[mergedSide]} was merged into ${result.survivor.name}.`);
        onClose();
        void navigate(props.entity === 'organization' ? organizationHref(survivorId) : personHref(survivorId));
      },
      onError: (error) => {
        onMerging(null);
        setConfirming(false);
        notifyError('The records were not merged', error);
      },
    });
  }

  const moves = view.moves;
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

  return (
    <Stack gap="md">
      <Radio.Group
        label="Keep"
        description="The record that stays; the other is merged into it and then deleted."
        value={survivorSide}
        onChange={(value) => {
          setSurvivorSide(value);
          setChoices({});
          setConfirming(false);
        }}
      >
        <Group mt={6}>
          <Radio value="a" label={names.a} />
          <Radio value="b" label={names.b} />
        </Group>
      </Radio.Group>

      <Table aria-label="Fields to keep" layout="fixed" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Field</Table.Th>
            <Table.Th>{names.a}</Table.Th>
            <Table.Th>{names.b}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.fields.map((field) => {
            const same = field.values.a === field.values.b;
            return (
              <Table.Tr key={field.key}>
                <Table.Td>
                  <Text size="sm" fw={500} id={`merge-field-${field.key}`}>
                    {field.label}
                  </Text>
                </Table.Td>
                {same ? (
                  <Table.Td colSpan={2}>
                    <Text size="sm" c={field.values.a ? undefined : 'dimmed'}>
                      {field.values.a || '—'}
                    </Text>
                  </Table.Td>
                ) : (
                  (['a', 'b'] as const).map((which) => (
                    <Table.Td key={which}>
                      <Radio
                        name={`merge-${field.key}`}
                        value={which}
                        checked={chosen(field) === which}
                        onChange={() => setChoices((c) => ({ ...c, [field.key]: which }))}
                        aria-label={`${field.label}: keep ${names[which]}’s value`}
                        label={<Text size="sm" c={field.values[which] ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>{field.values[which] || '— (empty)'}</Text>}
                      />
                    </Table.Td>
                  ))
                )}
              </Table.Tr>
            );
          })}
          {lists.map((list) => (
            <Table.Tr key={list.label}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {list.label}
                </Text>
              </Table.Td>
              <Table.Td colSpan={2}>
                <Text size="sm" c={list.items.length ? undefined : 'dimmed'}>
                  {list.items.length ? list.items.join(', ') : '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  Both records’ {list.label.toLowerCase()}, combined
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Alert variant="light" color="blue" title={`Moves from ${names[mergedSide]} to ${names[survivorSide]}`} aria-label="What will move">
        <Text size="sm">
          {count(moves.affiliations, 'affiliation', 'affiliations')}, {count(moves.interactions, 'interaction', 'interactions')},{' '}
          {count(moves.relationships, 'relationship', 'relationships')}
          {moves.stageChanges === null ? '' : ` and ${count(moves.stageChanges, 'stage change', 'stage changes')}`}. Links the kept record already has are not
          repeated. {names[mergedSide]} is then deleted; its full record stays in the change history.
        </Text>
      </Alert>

      {confirming ? (
        <Alert variant="light" color="red" icon={<IconAlertTriangle size={18} />} title={`Merge ${names[mergedSide]} into ${names[survivorSide]}?`} role="alertdialog">
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={merge.isPending}>
              Back
            </Button>
            <Button color="red" leftSection={<IconGitMerge size={16} />} loading={merge.isPending} onClick={submit}>
              Confirm merge
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button leftSection={<IconGitMerge size={16} />} onClick={() => setConfirming(true)}>
            Merge
          </Button>
        </Group>
      )}
    </Stack>
  );
}
