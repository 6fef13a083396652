import { ORGANIZATION_TYPES, SECTORS } from '@shared/taxonomy';
import { BUDGET_BANDS, CONTACT_CHANNELS, CONTRIBUTIONS, STAGES, TIERS } from '@shared/directory/enums';
import {
  ORGANIZATION_IMPORT_FIELDS,
  ORGANIZATION_IMPORT_KEYS,
  PERSON_IMPORT_FIELDS,
  PERSON_IMPORT_KEYS,
  customTarget,
  type ImportEntity,
  type OrganizationImportField,
  type PersonImportField,
} from '@shared/directory/imports';
import type { OrganizationInput } from '@shared/directory/organizations';
import type { PersonInput } from '@shared/directory/people';
import type { CustomValue } from '@shared/directory/customFields';
import { OFFICIAL_IMPORT_FIELDS, OFFICIAL_IMPORT_KEYS, OFFICIAL_IMPORT_SYNONYMS, type OfficialImportField } from '@shared/policy/importFields';
import type { CustomFieldsTable } from '../../db/schema';
import { customValueChecker, type StoredCustomValue } from '../customFields/service';

// Cells → field values, and header → field guesses. Pure functions: the service applies them to
// every staged row, for the dry run and the import alike.
//
// Conventions (the export writes what these read back):
// - Lists are split on semicolons (and line breaks), as the export joins them with "; ". Commas
//   stay inside an item ("Smith, Jones & Co" is one other name), except in contribution and
//   contact-channel lists, whose fixed values never contain one: "Funding, Volunteers" is two.
// - Choices (sector, type, stage, tier, budget, contributions, channels) take the key or the label
//   as exported, ignoring case, accents, spaces and punctuation ("Community & grassroots",
//   "community", "LEGAL AID ORGANIZATION", "$100k–$500k").
// - Yes/no: yes, no, y, n, true, false, 1, 0 (and sí / si / oui / ja / nein / non).
// - Dates: YYYY-MM-DD (an Excel date cell arrives as that); a timestamp keeps its date.
// - Numbers: digits with an optional decimal point; spaces and thousands commas are ignored.
// - An empty cell fills nothing: a new record gets the create form's default for the field, an
//   updated record keeps its value (an import never erases).

export type ImportField = OrganizationImportField | PersonImportField | OfficialImportField;

/** Lower case, no accents, only letters and digits: how headers and choices are compared. */
export function fold(text: string): string {
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Trimmed and lower-cased headers: the key under which a mapping is remembered. */
export function headerKey(entity: ImportEntity, headers: readonly string[]): string {
  return JSON.stringify([entity, ...headers.map((h) => h.trim().toLowerCase())]);
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping

const ORGANIZATION_SYNONYMS: Partial<Record<OrganizationImportField, string[]>> = {
  name: ['name', 'organization', 'organisation', 'org', 'org name', 'organisation name', 'partner', 'partner name', 'group', 'group name', 'agency'],
  otherNames: ['other name', 'aka', 'also known as', 'alias', 'aliases', 'acronym', 'abbreviation', 'short name'],
  type: ['organization type', 'organisation type', 'org type', 'kind'],
  stage: ['status', 'relationship stage', 'relationship', 'pipeline stage'],
  tier: ['membership tier', 'membership'],
  issueAreas: ['issue area', 'issues', 'issue', 'focus areas', 'focus area', 'focus', 'topics'],
  regions: ['region', 'area', 'service area', 'areas'],
  populations: ['population', 'populations served', 'communities served', 'community served'],
  alignmentScore: ['alignment', 'alignment score', 'score'],
  contributions: ['contribution', 'offers', 'resources', 'can contribute'],
  website: ['web', 'url', 'site', 'web site', 'homepage', 'web address'],
  email: ['e mail', 'mail', 'email address', 'e mail address', 'contact email'],
  phone: ['telephone', 'tel', 'phone number', 'telephone number', 'mobile', 'cell'],
  address: ['street', 'street address', 'address 1', 'address line 1', 'mailing address'],
  city: ['town', 'city town', 'town city', 'municipality', 'locality'],
  district: ['ward', 'neighborhood', 'neighbourhood', 'council district'],
  registrationNumber: ['registration', 'registration no', 'reg no', 'ein', 'tax id', 'charity number', 'company number'],
  staffSize: ['staff', 'employees', 'headcount', 'number of staff', 'staff count'],
  budgetBand: ['budget band', 'annual budget', 'budget size'],
  tags: ['tag', 'labels', 'keywords'],
  notes: ['note', 'comments', 'comment', 'description', 'remarks'],
};

const PERSON_SYNONYMS: Partial<Record<PersonImportField, string[]>> = {
  name: ['name', 'full name', 'person', 'contact', 'contact name', 'person name'],
  pronouns: ['pronoun'],
  title: ['job title', 'position', 'role'],
  organization: ['organisation', 'org', 'organization name', 'organisation name', 'employer', 'affiliation', 'company'],
  languages: ['language', 'languages spoken', 'spoken languages'],
  email: ['e mail', 'mail', 'email address', 'e mail address'],
  phone: ['telephone', 'tel', 'phone number', 'telephone number', 'mobile', 'cell'],
  city: ['town', 'city town', 'town city', 'municipality', 'locality'],
  district: ['ward', 'neighborhood', 'neighbourhood', 'council district'],
  communityLeader: ['leader', 'is community leader'],
  tags: ['tag', 'labels', 'keywords'],
  mayContact: ['consent', 'may be contacted', 'can contact', 'ok to contact', 'contact consent', 'consent to contact'],
  contactChannels: ['channels', 'contact channel', 'preferred channels', 'preferred channel'],
  consentRecordedOn: ['consent date', 'consent on', 'consent given on'],
  consentRecordedBy: ['consent by', 'consent recorded'],
  notes: ['note', 'comments', 'comment', 'remarks'],
};

/** Each entity's fields: labels (as an export writes them), keys and synonyms. */
const FIELD_SETS: Record<ImportEntity, { labels: Record<string, string>; synonyms: Partial<Record<string, string[]>>; keys: readonly string[] }> = {
  organization: { labels: ORGANIZATION_IMPORT_FIELDS, synonyms: ORGANIZATION_SYNONYMS, keys: ORGANIZATION_IMPORT_KEYS },
  person: { labels: PERSON_IMPORT_FIELDS, synonyms: PERSON_SYNONYMS, keys: PERSON_IMPORT_KEYS },
  official: { labels: OFFICIAL_IMPORT_FIELDS, synonyms: OFFICIAL_IMPORT_SYNONYMS, keys: OFFICIAL_IMPORT_KEYS },
};

/** "issueAreas" → "issue areas". */
function keyWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * A field for each column, or null: headers equal to a field's label (as the export writes it)
 * first, then to a custom field's label (`custom:<id>`, as the export writes its column), then to
 * a field's key, then to a common synonym; each field once, leftmost column first.
 */
export function guessMapping(entity: ImportEntity, headers: readonly string[], customFields: readonly { id: string; label: string }[] = []): (string | null)[] {
  const { labels, synonyms, keys } = FIELD_SETS[entity];
  const customLabels = new Map<string, string>(customFields.map((f) => [customTarget(f.id), f.label]));
  const folded = headers.map(fold);
  const mapping: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  const passes: [readonly string[], (field: string) => string[]][] = [
    [keys, (f) => [labels[f] as string]],
    [[...customLabels.keys()], (f) => [customLabels.get(f) as string]],
    [keys, (f) => [f, keyWords(f)]],
    [keys, (f) => synonyms[f] ?? []],
  ];
  for (const [fields, names] of passes) {
    for (const field of fields) {
      if (used.has(field)) continue;
      const wanted = new Set(names(field).map(fold));
      const column = folded.findIndex((header, i) => mapping[i] === null && header !== '' && wanted.has(header));
      if (column !== -1) {
        mapping[column] = field;
        used.add(field);
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A problem with one cell: the message (the service adds the row and the column header). */
export class CellProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellProblem';
  }
}

type Choices = Record<string, string>;

/** folded key or label → key. */
export function choiceIndex(choices: Choices, extra: Choices = {}): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, label] of Object.entries({ ...choices, ...extra })) {
    index.set(fold(key), key);
    index.set(fold(label), key);
  }
  return index;
}

const SECTOR_LABELS: Choices = { ...SECTORS, other: 'Other' };
const TYPE_LABELS: Choices = {
  ...Object.fromEntries(Object.entries(ORGANIZATION_TYPES).map(([key, type]) => [key, type.label])),
  other: 'Other',
};
const CHOICES = {
  sector: { index: choiceIndex(SECTOR_LABELS), what: 'a sector', labels: Object.values(SECTOR_LABELS) },
  type: { index: choiceIndex(TYPE_LABELS), what: 'an organization type', labels: Object.values(TYPE_LABELS) },
  stage: { index: choiceIndex(STAGES), what: 'a relationship stage', labels: Object.values(STAGES) },
  tier: { index: choiceIndex(TIERS), what: 'a membership tier', labels: Object.values(TIERS) },
  budgetBand: { index: choiceIndex(BUDGET_BANDS), what: 'a budget band', labels: Object.values(BUDGET_BANDS) },
  contribution: { index: choiceIndex(CONTRIBUTIONS), what: 'a contribution', labels: Object.values(CONTRIBUTIONS) },
  channel: { index: choiceIndex(CONTACT_CHANNELS), what: 'a contact channel', labels: Object.values(CONTACT_CHANNELS) },
} as const;

export function quoted(cell: string): string {
  const text = cell.trim();
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

/** Choice cells repeat a handful of values: each distinct cell is folded once. */
const folded = new Map<string, string>();

function choice(kind: keyof typeof CHOICES, cell: string): string {
  const { index, what, labels } = CHOICES[kind];
  let plain = folded.get(cell);
  if (plain === undefined) {
    plain = fold(cell);
    if (folded.size > 10_000) folded.clear();
    folded.set(cell, plain);
  }
  const key = index.get(plain);
  if (key === undefined) throw new CellProblem(`${quoted(cell)} is not ${what}. Use one of: ${labels.join(', ')}.`);
  return key;
}

/** Items of a list cell: split on semicolons and line breaks (and commas when `commas`), trimmed, blanks dropped. */
export function listItems(cell: string, commas = false): string[] {
  return cell
    .split(commas ? /[;\n\r,]/ : /[;\n\r]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function choiceList(kind: 'contribution' | 'channel', cell: string): string[] {
  return listItems(cell, true).map((item) => choice(kind, item));
}

const YES = new Set(['yes', 'y', 'true', '1', 'si', 'oui', 'ja', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'nein']);

function yesNo(cell: string): boolean {
  const folded = fold(cell);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  throw new CellProblem(`${quoted(cell)} is not yes or no.`);
}

export function number(cell: string): number {
  let text = cell.trim().replace(/\s+/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new CellProblem(`${quoted(cell)} is not a number.`);
  return Number(text);
}

export function date(cell: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(cell.trim());
  if (!match) throw new CellProblem(`${quoted(cell)} is not a date: use YYYY-MM-DD (e.g. 2026-03-01).`);
  return match[1] as string;
}

/** What the cells of a row set, field by field (only non-empty cells of mapped columns). */
export type OrganizationPatch = Partial<Omit<OrganizationInput, 'alignment'>> & { alignmentScore?: number; alignmentNote?: string };
export type PersonPatch = Partial<Omit<PersonInput, 'consent'>> & {
  organization?: string;
  mayContact?: boolean;
  contactChannels?: PersonInput['consent']['channels'];
  consentRecordedOn?: string;
  consentRecordedBy?: string;
};

type Converter = (cell: string) => unknown;

const text: Converter = (cell) => cell;
const list: Converter = (cell) => listItems(cell);

export const ORGANIZATION_CONVERTERS: Record<OrganizationImportField, Converter> = {
  name: text,
  otherNames: list,
  sector: (cell) => choice('sector', cell),
  type: (cell) => choice('type', cell),
  stage: (cell) => choice('stage', cell),
  tier: (cell) => choice('tier', cell),
  issueAreas: list,
  regions: list,
  populations: list,
  alignmentScore: number,
  alignmentNote: text,
  contributions: (cell) => choiceList('contribution', cell),
  website: text,
  email: text,
  phone: text,
  address: text,
  city: text,
  district: text,
  registrationNumber: text,
  staffSize: number,
  budgetBand: (cell) => choice('budgetBand', cell),
  tags: list,
  notes: text,
};

export const PERSON_CONVERTERS: Record<PersonImportField, Converter> = {
  name: text,
  pronouns: text,
  title: text,
  organization: text,
  languages: list,
  email: text,
  phone: text,
  city: text,
  district: text,
  communityLeader: yesNo,
  tags: list,
  mayContact: yesNo,
  contactChannels: (cell) => choiceList('channel', cell),
  consentRecordedOn: date,
  consentRecordedBy: text,
  notes: text,
};

/**
 * A custom field's cells: read as the fixed fields of its kind are (numbers as the staff size,
 * dates as the other dates, an Excel date cell included), then checked with the forms' rules
 * (customFields/service.ts customValueChecker: a choice in any case, text up to MAX_CUSTOM_TEXT).
 * Returns the value as stored.
 */
export function customConverter(field: Pick<CustomFieldsTable, 'label' | 'kind' | 'choices_json'>): (cell: string) => NonNullable<StoredCustomValue> | undefined {
  const check = customValueChecker(field);
  const read: (cell: string) => CustomValue = field.kind === 'number' ? number : field.kind === 'date' ? date : (cell) => cell;
  return (cell) => {
    const stored = check(read(cell));
    if (typeof stored === 'string') throw new CellProblem(stored);
    return stored ?? undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Patches → inputs

/**
 * `base` with the row's values on top. An organization type implies its sector when the row does
 * not give one; a stage other than member clears the tier unless the row gives one (as the bulk
 * stage change does).
 */
export function applyOrganizationPatch(base: OrganizationInput, patch: OrganizationPatch): OrganizationInput {
  const { alignmentScore, alignmentNote, ...fields } = patch;
  const next: OrganizationInput = { ...base, ...fields, alignment: { score: alignmentScore ?? base.alignment.score, note: alignmentNote ?? base.alignment.note } };
  if (patch.type !== undefined && patch.type !== 'other' && patch.sector === undefined) next.sector = ORGANIZATION_TYPES[patch.type].sector;
  if (patch.stage !== undefined && patch.stage !== 'member' && patch.tier === undefined) next.tier = null;
  return next;
}

export function applyPersonPatch(base: PersonInput, patch: PersonPatch): PersonInput {
  const { organization: _organization, mayContact, contactChannels, consentRecordedOn, consentRecordedBy, ...fields } = patch;
  return {
    ...base,
    ...fields,
    consent: {
      mayContact: mayContact ?? base.consent.mayContact,
      channels: contactChannels ?? base.consent.channels,
      recordedOn: consentRecordedOn ?? base.consent.recordedOn,
      recordedBy: consentRecordedBy ?? base.consent.recordedBy,
    },
  };
}

/** A zod issue's path → the import field(s) it is about, most specific first. */
export function fieldsOfPath(entity: ImportEntity, path: readonly PropertyKey[]): ImportField[] {
  const [first, second] = path.map(String);
  if (entity === 'official') {
    if (first === 'bodyId') return ['body'];
    if (first === 'committees') return ['committees'];
    return first !== undefined && first in OFFICIAL_IMPORT_FIELDS ? [first as OfficialImportField] : [];
  }
  if (entity === 'organization') {
    if (first === 'alignment') return second === 'note' ? ['alignmentNote'] : ['alignmentScore'];
    if (first === 'type') return ['type', 'sector'];
    if (first === 'tier') return ['tier', 'stage'];
    return first !== undefined && first in ORGANIZATION_IMPORT_FIELDS ? [first as OrganizationImportField] : [];
  }
  if (first === 'consent') {
    if (second === 'mayContact') return ['mayContact'];
    if (second === 'channels') return ['contactChannels', 'mayContact'];
    if (second === 'recordedOn') return ['consentRecordedOn', 'mayContact'];
    if (second === 'recordedBy') return ['consentRecordedBy'];
    return ['mayContact'];
  }
  return first !== undefined && first in PERSON_IMPORT_FIELDS ? [first as PersonImportField] : [];
}
