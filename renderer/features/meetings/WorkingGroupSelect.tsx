import { Select } from '@mantine/core';
import { useRpcQuery } from '../../api/queries';

/** Pick one working group (the structure area's list). */
export function WorkingGroupSelect({ value, onChange, label = 'Working group', error, placeholder = 'None', clearable = true }: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  error?: string | null;
  placeholder?: string;
  clearable?: boolean;
}) {
  const groups = useRpcQuery('structure.workingGroups.list', {});
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
      value={value}
      onChange={onChange}
      error={error}
      clearable={clearable}
      searchable
      nothingFoundMessage={groups.isFetched ? 'No working group has that name' : 'Loading…'}
    />
  );
}
