import { Group, Input, MultiSelect, NumberInput, TagsInput } from '@mantine/core';
import type { CustomField, CustomFieldEntity, CustomFilter } from '@shared/directory/customFields';
import { useRpcQuery } from '../../../api/queries';
import { IsoDateInput } from '../../../components/IsoDateInput';

/**
 * The custom fields' filters in a table's filter panel: choices and text by value (any of),
 * numbers and dates by range. Each field's filter is one entry of `filters.custom`.
 */
export function CustomFilterInputs({
  entity,
  value,
  onChange,
}: {
  entity: CustomFieldEntity;
  value: readonly CustomFilter[] | undefined;
  onChange: (value: CustomFilter[] | undefined) => void;
}) {
  const fields = useRpcQuery('customFields.list', { entity });
  const current = value ?? [];
  const known = new Set((fields.data ?? []).map((f) => f.id));

  function set(field: CustomField, next: Omit<CustomFilter, 'fieldId'> | null) {
    // Filters on fields that no longer exist are dropped with the next change.
    const others = current.filter((f) => f.fieldId !== field.id && known.has(f.fieldId));
    const empty = next === null || ((next.values?.length ?? 0) === 0 && next.from === undefined && next.to === undefined);
    const result = empty ? others : [...others, { fieldId: field.id, ...next }];
    onChange(result.length > 0 ? result : undefined);
  }

  return (
    <>
      {(fields.data ?? []).map((field) => {
        const filter = current.find((f) => f.fieldId === field.id);
        const common = { size: 'xs', clearable: true } as const;
        switch (field.kind) {
          case 'choice':
            return (
              <MultiSelect
                key={field.id}
                {...common}
                searchable
                label={field.label}
                data={field.choices}
                value={filter?.values ?? []}
                onChange={(values) => set(field, { values })}
              />
            );
          case 'text':
            return (
              <TagsInput
                key={field.id}
                {...common}
                label={field.label}
                placeholder="Type and press Enter"
                value={filter?.values ?? []}
                onChange={(values) => set(field, { values })}
              />
            );
          case 'number': {
            const bound = (v: string | number) => (typeof v === 'number' ? v : undefined);
            return (
              <Input.Wrapper key={field.id} size="xs" label={field.label}>
                <Group gap={6} grow wrap="nowrap">
                  <NumberInput
                    size="xs"
                    aria-label={`${field.label} from`}
                    placeholder="From"
                    value={typeof filter?.from === 'number' ? filter.from : ''}
                    onChange={(v) => set(field, { ...filter, from: bound(v) })}
                  />
                  <NumberInput
                    size="xs"
                    aria-label={`${field.label} to`}
                    placeholder="To"
                    value={typeof filter?.to === 'number' ? filter.to : ''}
                    onChange={(v) => set(field, { ...filter, to: bound(v) })}
                  />
                </Group>
              </Input.Wrapper>
            );
          }
          case 'date':
            return (
              <Input.Wrapper key={field.id} size="xs" label={field.label}>
                <Group gap={6} grow wrap="nowrap">
                  <IsoDateInput
                    {...common}
                    aria-label={`${field.label} from`}
                    placeholder="From"
                    value={typeof filter?.from === 'string' ? filter.from : null}
                    onChange={(v) => set(field, { ...filter, from: v ?? undefined })}
                  />
                  <IsoDateInput
                    {...common}
                    aria-label={`${field.label} to`}
                    placeholder="To"
                    value={typeof filter?.to === 'string' ? filter.to : null}
                    onChange={(v) => set(field, { ...filter, to: v ?? undefined })}
                  />
                </Group>
              </Input.Wrapper>
            );
        }
      })}
    </>
  );
}
