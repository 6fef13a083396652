import { useState } from 'react';
import { Loader, MultiSelect, Select, type MantineSize, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SearchResult } from '@shared/directory/contract';
import { useRpcQuery } from '../../api/queries';

export interface Picked {
  entity: SearchResult['entity'];
  id: string;
  name: string;
}

type Kind = SearchResult['entity'] | 'any';

/** directory.search as you type (debounced), narrowed to one kind of record. */
function useDirectorySearch(query: string, entity: Kind, limit = 20) {
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useRpcQuery('directory.search', { query: debounced, limit }, { enabled: debounced.length > 0 });
  const results = (search.data ?? []).filter((r) => entity === 'any' || r.entity === entity);
  return { results, loading: search.isFetching, searched: debounced.length > 0 };
}

const keyOf = (p: { entity: string; id: string }) => `${p.entity}:${p.id}`;
// The backend already matched accent-insensitively; the list shows its answers as they are.
const noFilter: OptionsFilter = ({ options }) => options;
const optionLabel = (r: SearchResult) => (r.detail ? `${r.name} — ${r.detail}` : r.name);

interface EntityPickerProps {
  entity: SearchResult['entity'];
  label: string;
  value: string | null;
  /** The picked record's name, when the caller knows it. */
  valueName?: string;
  onChange: (picked: Picked | null) => void;
  /** Records that may not be picked (the page's own record). */
  exclude?: readonly string[];
  placeholder?: string;
  error?: string | null;
  size?: MantineSize;
  description?: string;
}

/** Pick one organization or person by typing part of a name. */
export function EntityPicker({ entity, label, value, valueName, onChange, exclude = [], placeholder, error, size, description }: EntityPickerProps) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Picked | null>(null);
  const { results, loading, searched } = useDirectorySearch(query, entity);
  // A value set from outside (a saved view) is named by reading the record.
  const needsName = value !== null && picked?.id !== value && !valueName;
  const org = useRpcQuery('organizations.get', { id: value ?? '' }, { enabled: needsName && entity === 'organization' });
  const person = useRpcQuery('people.get', { id: value ?? '' }, { enabled: needsName && entity === 'person' });
  const currentName = picked?.id === value ? picked.name : (valueName ?? org.data?.name ?? person.data?.name);

  const data = results.filter((r) => !exclude.includes(r.id)).map((r) => ({ value: r.id, label: optionLabel(r) }));
  if (value && currentName && !data.some((d) => d.value === value)) data.unshift({ value, label: currentName });

  return (
    <Select
      size={size}
      label={label}
      description={description}
      placeholder={placeholder ?? `Type to search ${entity === 'organization' ? 'organizations' : 'people'}`}
      searchable
      clearable
      value={value}
      data={data}
      filter={noFilter}
      searchValue={query}
      onSearchChange={setQuery}
      error={error}
      rightSection={loading ? <Loader size={14} /> : undefined}
      nothingFoundMessage={searched ? 'No match' : 'Type part of a name'}
      onChange={(id) => {
        if (!id) {
          setPicked(null);
          onChange(null);
          return;
        }
        const result = results.find((r) => r.id === id);
        const next = result ? { entity: result.entity, id: result.id, name: result.name } : value === id && currentName ? { entity, id, name: currentName } : null;
        setPicked(next);
        onChange(next);
      }}
    />
  );
}

interface ParticipantPickerProps {
  label: string;
  value: readonly Picked[];
  onChange: (value: Picked[]) => void;
  /** Records always included and not removable (the page's own record). */
  fixed?: readonly Picked[];
  error?: string | null;
  description?: string;
}

/** Pick any number of organizations and people (the participants of an interaction). */
export function ParticipantPicker({ label, value, onChange, fixed = [], error, description }: ParticipantPickerProps) {
  const [query, setQuery] = useState('');
  const { results, loading, searched } = useDirectorySearch(query, 'any');
  const chosen = [...fixed, ...value];
  const known = new Map(chosen.map((p) => [keyOf(p), p]));
  const data = [
    ...chosen.map((p) => ({ value: keyOf(p), label: p.name, disabled: fixed.some((f) => keyOf(f) === keyOf(p)) })),
    ...results.filter((r) => !known.has(keyOf(r))).map((r) => ({ value: keyOf(r), label: optionLabel(r) })),
  ];
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder="Type to add people or organizations"
      searchable
      data={data}
      filter={noFilter}
      value={chosen.map(keyOf)}
      searchValue={query}
      onSearchChange={setQuery}
      error={error}
      hidePickedOptions
      rightSection={loading ? <Loader size={14} /> : undefined}
      nothingFoundMessage={searched ? 'No match' : 'Type part of a name'}
      onChange={(keys) => {
        const next: Picked[] = [];
        for (const key of keys) {
          if (fixed.some((f) => keyOf(f) === key)) continue;
          const existing = known.get(key);
          const found = results.find((r) => keyOf(r) === key);
          if (existing) next.push(existing);
          else if (found) next.push({ entity: found.entity, id: found.id, name: found.name });
        }
        onChange(next);
        setQuery('');
      }}
    />
  );
}
