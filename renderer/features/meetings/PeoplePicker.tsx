import { useState } from 'react';
import { Loader, MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Picked } from '../directory/EntityPicker';
import { useRpcQuery } from '../../api/queries';

/** Pick any number of people by typing part of a name (directory.search, people only). */
export function PeoplePicker({ label, value, onChange, error }: { label: string; value: readonly Picked[]; onChange: (value: Picked[]) => void; error?: string | null }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useRpcQuery('directory.search', { query: debounced, limit: 20 }, { enabled: debounced.length > 0 });
  const found = (search.data ?? []).filter((r) => r.entity === 'person');
  const known = new Map(value.map((p) => [p.id, p]));
  const data = [
    ...value.map((p) => ({ value: p.id, label: p.name })),
    ...found.filter((r) => !known.has(r.id)).map((r) => ({ value: r.id, label: r.detail ? `${r.name} — ${r.detail}` : r.name })),
  ];
  return (
    <MultiSelect
      label={label}
      placeholder="Type to add people"
      searchable
      data={data}
      filter={({ options }) => options}
      value={value.map((p) => p.id)}
      searchValue={query}
      onSearchChange={setQuery}
      hidePickedOptions
      error={error}
      rightSection={search.isFetching ? <Loader size={14} /> : undefined}
      nothingFoundMessage={debounced ? 'No match' : 'Type part of a name'}
      onChange={(ids) => {
        onChange(
          ids.flatMap((id) => {
            const existing = known.get(id);
            const result = found.find((r) => r.id === id);
            return existing ? [existing] : result ? [{ entity: 'person' as const, id, name: result.name }] : [];
          }),
        );
        setQuery('');
      }}
    />
  );
}
