import { CUSTOM_FIELD_KINDS, type CustomField, type CustomFieldEntity, type CustomValues } from '@shared/directory/customFields';

// Custom fields in the renderer: how values read, and the table's column keys for them.

/** The table column key of a custom field (short enough for a saved view's column list). */
export const customColumnKey = (fieldId: string) => `cf:${fieldId}`;
export const customColumnField = (key: string): string | null => (key.startsWith('cf:') ? key.slice(3) : null);

export const ENTITY_PLURAL: Record<CustomFieldEntity, string> = { organization: 'organizations', person: 'people' };

export const countRecords = (entity: CustomFieldEntity, n: number) =>
  `${n.toLocaleString('en')} ${entity === 'organization' ? (n === 1 ? 'organization' : 'organizations') : n === 1 ? 'person' : 'people'}`;

export const KIND_OPTIONS = Object.entries(CUSTOM_FIELD_KINDS).map(([value, label]) => ({ value, label }));

/** A value as the pages and the table show it ('' when there is none). */
export function formatCustomValue(field: Pick<CustomField, 'kind'>, value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  if (field.kind === 'number' && typeof value === 'number') return value.toLocaleString('en', { maximumFractionDigits: 6 });
  return String(value);
}

/** The form's model of custom values: '' while empty. */
export type CustomFormValues = Record<string, string | number>;

export function toCustomFormValues(fields: readonly CustomField[], values: CustomValues | undefined): CustomFormValues {
  return Object.fromEntries(fields.map((f) => [f.id, values?.[f.id] ?? '']));
}

/**
 * What the contract receives: every field the form shows, set or cleared (null). Fields the form
 * does not know (defined after it opened) are left out, so they keep their values.
 */
export function toCustomInput(values: CustomFormValues): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(values).map(([id, v]) => [id, v === '' ? null : v]));
}
