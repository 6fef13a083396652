import { z } from 'zod';
import { filterText, id, isoDate, text } from '../common';

// Custom fields: coordinator-defined text / number / date / choice fields on organizations or
// people. A field is defined once per entity (custom_fields); each record's value lives in
// custom_values, so the records' own columns never change shape. Values travel on the records
// as `custom: { [fieldId]: value }`.

export const CUSTOM_FIELD_KINDS = { text: 'Text', number: 'Number', date: 'Date', choice: 'Choice' } as const;
export type CustomFieldKind = keyof typeof CUSTOM_FIELD_KINDS;
export const CUSTOM_FIELD_KIND_VALUES = Object.keys(CUSTOM_FIELD_KINDS) as [CustomFieldKind, ...CustomFieldKind[]];

export const CUSTOM_FIELD_ENTITIES = ['organization', 'person'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

/** The longest text value a custom field holds. */
export const MAX_CUSTOM_TEXT = 2000;
/** How many choices a choice field may offer. */
export const MAX_CUSTOM_CHOICES = 100;
/** How many custom fields one entity may have. */
export const MAX_CUSTOM_FIELDS = 100;

const entity = z.enum(CUSTOM_FIELD_ENTITIES, { message: 'Choose organization or person.' });

export const customFieldInput = z
  .strictObject({
    /** Absent: a new field. Present: the field to change (its entity cannot change). */
    id: id.optional(),
    entity,
    label: text(80, 'Field name', 1),
    kind: z.enum(CUSTOM_FIELD_KIND_VALUES, { message: 'Choose text, number, date or choice.' }),
    /** The options of a choice field (1–100, distinct ignoring case); empty for other kinds. */
    choices: z.array(text(100, 'Choice', 1)).max(MAX_CUSTOM_CHOICES, { message: `At most ${MAX_CUSTOM_CHOICES} choices.` }).default([]),
    /** Order among the entity's fields (smaller first); a new field goes last when absent. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.kind === 'choice') {
      if (field.choices.length === 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice field needs at least one choice.' });
      const seen = new Set<string>();
      for (const [i, choice] of field.choices.entries()) {
        const key = choice.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['choices', i], message: `“${choice}” is listed twice.` });
        seen.add(key);
      }
    } else if (field.choices.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only a choice field has choices.' });
    }
  });
export type CustomFieldInput = z.infer<typeof customFieldInput>;

export const customField = z.object({
  id,
  entity,
  label: z.string(),
  kind: z.enum(CUSTOM_FIELD_KIND_VALUES),
  choices: z.array(z.string()),
  position: z.number().int(),
  /** How many records have a value in this field (what deleting it would remove). */
  valueCount: z.number().int(),
});
export type CustomField = z.infer<typeof customField>;

/** One custom value: text, choice and date (YYYY-MM-DD) fields hold text, number fields a number. */
export const customValue = z.union([z.string().max(MAX_CUSTOM_TEXT, { message: `At most ${MAX_CUSTOM_TEXT} characters.` }), z.number()]).nullable();
export type CustomValue = z.infer<typeof customValue>;

/**
 * Custom values sent with an organization or a person, by field id. Semantics are a patch, so a
 * caller that knows nothing of custom fields cannot wipe them: `custom` absent changes nothing;
 * a listed field is set (null or '' clears it); fields not listed keep their values. The forms
 * send every field they show. Each value is checked against its field's kind by the backend
 * (the error names the field's label); an unknown field id is refused.
 */
export const customValuesInput = z.record(id, customValue).optional();

/** Custom values as read: only fields with a value appear. */
export const customValues = z.record(z.string(), z.union([z.string(), z.number()]));
export type CustomValues = z.infer<typeof customValues>;

/**
 * A filter on one custom field. Text and choice fields: `values` (any of, ignoring case). Number
 * and date fields: `from` / `to` (inclusive; numbers for number fields, YYYY-MM-DD for dates).
 * A filter on a field that no longer exists matches nothing.
 */
export const customFilter = z.strictObject({
  fieldId: id,
  values: z.array(filterText(MAX_CUSTOM_TEXT)).max(MAX_CUSTOM_CHOICES).optional(),
  from: z.union([z.number(), isoDate]).optional(),
  to: z.union([z.number(), isoDate]).optional(),
});
export const customFilters = z.array(customFilter).max(20).optional();
export type CustomFilter = z.infer<typeof customFilter>;

export const customFieldsContract = {
  'customFields.list': {
    summary: 'The custom fields of organizations or people, in their order, with how many records have a value.',
    input: z.strictObject({ entity }),
    output: z.array(customField),
  },
  'customFields.save': {
    summary: 'Create or change a custom field (a kind cannot change, nor a choice be removed, while records use it).',
    input: customFieldInput,
    output: customField,
  },
  'customFields.delete': {
    summary: 'Delete a custom field with every value records have in it (one undo step).',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.literal(true), values: z.number().int() }),
  },
} as const;
