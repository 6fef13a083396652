import { OFFICIAL_IMPORT_FIELDS } from '@shared/policy/importFields';
import {
  ORGANIZATION_IMPORT_FIELDS,
  PERSON_IMPORT_FIELDS,
  customTarget,
  type ImportEntity,
} from '@shared/directory/imports';

/** The fields a column can fill, key → label, for the entity being imported. */
export function importFields(entity: ImportEntity): Record<string, string> {
  return entity === 'organization' ? ORGANIZATION_IMPORT_FIELDS : entity === 'person' ? PERSON_IMPORT_FIELDS : OFFICIAL_IMPORT_FIELDS;
}

/** The entity's custom fields a column can fill: `custom:<fieldId>` → the field's label. */
export function customImportFields(fields: readonly { id: string; label: string }[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [customTarget(field.id), field.label]));
}

export const ENTITY_NOUNS: Record<ImportEntity, { one: string; many: string }> = {
  organization: { one: 'organization', many: 'organizations' },
  person: { one: 'person', many: 'people' },
  official: { one: 'official', many: 'officials' },
};

export function countOf(count: number, entity: ImportEntity): string {
  const noun = ENTITY_NOUNS[entity];
  return `${count.toLocaleString('en')} ${count === 1 ? noun.one : noun.many}`;
}

/** "1 row", "12 rows". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
