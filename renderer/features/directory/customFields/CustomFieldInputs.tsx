import { Divider, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CustomField } from '@shared/directory/customFields';
import { IsoDateInput } from '../../../components/IsoDateInput';

/**
 * The "Custom fields" part of an organization or person form: one input per field, of its kind.
 * The form keeps the values under `custom.<fieldId>` ('' while empty).
 */
export function CustomFieldInputs<V extends { custom: Record<string, string | number> }>({
  form,
  fields,
}: {
  form: UseFormReturnType<V>;
  fields: readonly CustomField[];
}) {
  if (fields.length === 0) return null;
  return (
    <>
      <Divider label="Custom fields" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        {fields.map((field) => {
          const path = `custom.${field.id}`;
          const props = form.getInputProps(path);
          const value = form.values.custom[field.id] ?? '';
          switch (field.kind) {
            case 'number':
              return <NumberInput key={field.id} label={field.label} {...props} value={value} />;
            case 'date':
              return (
                <IsoDateInput
                  key={field.id}
                  label={field.label}
                  clearable
                  {...props}
                  value={value === '' ? null : String(value)}
                  onChange={(v) => form.setFieldValue(path, (v ?? '') as never)}
                />
              );
            case 'choice':
              return (
                <Select
                  key={field.id}
                  label={field.label}
                  clearable
                  searchable={field.choices.length > 8}
                  data={[...new Set([...field.choices, ...(value === '' ? [] : [String(value)])])]}
                  {...props}
                  value={value === '' ? null : String(value)}
                  onChange={(v) => form.setFieldValue(path, (v ?? '') as never)}
                />
              );
            case 'text':
              return <TextInput key={field.id} label={field.label} {...props} value={String(value)} />;
          }
        })}
      </SimpleGrid>
    </>
  );
}
