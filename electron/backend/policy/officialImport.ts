import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { RowProblem } from '@shared/directory/imports';
import { LEVELS, type OfficialInput } from '@shared/policy/contract';
import type { OfficialImportField } from '@shared/policy/importFields';
import { CellProblem, choiceIndex, date, fold, listItems, quoted } from '../directory/imports/convert';
import type { CallContext } from '../rpc/handlers';
import { chunks, type Db } from './common';
import { districtKey, officialNameKey } from './normalize';
import { officialColumns } from './officials';
import type { OfficialsTable } from './tables';

// Officials in the directory's import pipeline (directory/imports/service.ts, entity 'official'):
// how a row's cells become an official, which records a row matches (the same normalized name in
// the same normalized district), and how the planned records are written. The upload, parsing,
// mapping memory, dry run and the one-transaction run are the directory's.
//
// Body and committees are named, not given by id: a body by its name (case and accents ignored),
// committees as a list ("Health; Appropriations") of existing committees, each added as a
// membership with the role member (an update adds memberships, never removes one).

/** What a row's cells set: the form's fields, with the body and committees still as names. */
export type OfficialPatch = Partial<Omit<OfficialInput, 'bodyId' | 'committees' | 'staffers'>> & { body?: string; committees?: string[] };

type Converter = (cell: string) => unknown;
const text: Converter = (cell) => cell;
/** Levels by key or label, and the words files often use for them. */
const LEVEL_INDEX = new Map([
  ...choiceIndex(LEVELS),
  ...Object.entries({ provincial: 'state', province: 'state', federal: 'national', municipal: 'local', city: 'local', county: 'local' }).map(([word, key]) => [fold(word), key] as const),
]);

function level(cell: string): string {
  const key = LEVEL_INDEX.get(fold(cell));
  if (key === undefined) throw new CellProblem(`${quoted(cell)} is not a level of government. Use one of: ${Object.values(LEVELS).join(', ')}.`);
  return key;
}

export const OFFICIAL_CONVERTERS: Record<OfficialImportField, Converter> = {
  name: text,
  title: text,
  level,
  body: text,
  district: text,
  jurisdiction: text,
  party: text,
  email: text,
  phone: text,
  officeAddress: text,
  website: text,
  termStart: date,
  termEnd: date,
  committees: (cell) => listItems(cell),
  notes: text,
};

export function emptyOfficialInput(): OfficialInput {
  return {
    name: '',
    title: '',
    level: 'local',
    bodyId: null,
    district: '',
    jurisdiction: '',
    party: '',
    email: '',
    phone: '',
    officeAddress: '',
    website: '',
    termStart: null,
    termEnd: null,
    notes: '',
    committees: [],
    staffers: [],
  };
}

/** An existing official as the input an 'update' row patches (committees are added separately). */
export function officialFromRow(row: OfficialsTable): OfficialInput {
  return {
    name: row.name,
    title: row.title,
    level: row.level as OfficialInput['level'],
    bodyId: row.body_id,
    district: row.district,
    jurisdiction: row.jurisdiction,
    party: row.party,
    email: row.email,
    phone: row.phone,
    officeAddress: row.office_address,
    website: row.website,
    termStart: row.term_start,
    termEnd: row.term_end,
    notes: row.notes,
    committees: [],
    staffers: [],
  };
}

/** An official's match key: the normalized name in the normalized district (duplicates). */
export function officialMatchKeys(record: { name?: string | undefined; district?: string | undefined }): string[] {
  const name = record.name ? officialNameKey(record.name) : '';
  return name ? [`o:${name}|${districtKey(record.district ?? '')}`] : [];
}

export async function officialKeyRecords(ctx: Db): Promise<{ id: string; name: string; district: string }[]> {
  return (await sql<{ id: string; name: string; district: string }>`select id, name, district from officials order by created_at, rowid`.execute(ctx.db)).rows;
}

export interface OfficialLookups {
  bodies: Map<string, string>;
  committees: Map<string, string>;
}

/** Bodies and committees by folded name (the oldest of a name wins). */
export async function officialLookups(ctx: Db): Promise<OfficialLookups> {
  const bodies = new Map<string, string>();
  for (const b of await ctx.db.selectFrom('policy_bodies').select(['id', 'name']).orderBy('created_at').execute()) if (!bodies.has(fold(b.name))) bodies.set(fold(b.name), b.id);
  const committees = new Map<string, string>();
  for (const c of await ctx.db.selectFrom('committees').select(['id', 'name']).orderBy('created_at').execute()) if (!committees.has(fold(c.name))) committees.set(fold(c.name), c.id);
  return { bodies, committees };
}

/** The row's body and committee names as ids, or the cells' problems. */
export function resolveOfficialRow(
  lookups: OfficialLookups,
  patch: OfficialPatch,
  row: number,
  columnOf: ReadonlyMap<string, string>,
): { patch: Partial<OfficialInput>; committeeIds: string[] | undefined; problems: RowProblem[] } {
  const { body, committees, ...fields } = patch;
  const problems: RowProblem[] = [];
  const out: Partial<OfficialInput> = { ...fields };
  if (body !== undefined) {
    const bodyId = lookups.bodies.get(fold(body));
    if (bodyId) out.bodyId = bodyId;
    else problems.push({ row, column: columnOf.get('body') ?? null, message: `No body or agency named ${quoted(body)}. Add it under Policy ▸ Bodies first.` });
  }
  let committeeIds: string[] | undefined;
  if (committees !== undefined) {
    committeeIds = [];
    for (const name of committees) {
      const committeeId = lookups.committees.get(fold(name));
      if (committeeId) committeeIds.push(committeeId);
      else problems.push({ row, column: columnOf.get('committees') ?? null, message: `No committee named ${quoted(name)}. Add it under Policy ▸ Bodies first.` });
    }
  }
  return { patch: out, committeeIds, problems };
}

export function applyOfficialPatch(base: OfficialInput, patch: Partial<OfficialInput>): OfficialInput {
  return { ...base, ...patch };
}

export interface OfficialTarget {
  id: string;
  existing: OfficialsTable | null;
  input: OfficialInput;
  committeeIds?: string[] | undefined;
}

/** As officials.create / update do (without staffers), plus memberships (role member) for the committees named. */
export async function writeOfficials(ctx: CallContext, targets: readonly OfficialTarget[]): Promise<void> {
  const created: OfficialsTable[] = [];
  const updates: { before: OfficialsTable; patch: Partial<OfficialsTable> }[] = [];
  for (const target of targets) {
    const columns = officialColumns(target.input);
    if (target.existing === null) created.push({ id: target.id, ...columns, created_at: ctx.now, updated_at: ctx.now });
    else updates.push({ before: target.existing, patch: { ...columns, updated_at: ctx.now } });
  }
  await ctx.write.insertMany('officials', created);
  await ctx.write.updateMany('officials', updates);
  const joining = targets.filter((t) => t.committeeIds && t.committeeIds.length > 0);
  if (joining.length === 0) return;
  const have = new Set<string>();
  for (const batch of chunks(joining.filter((t) => t.existing !== null).map((t) => t.id))) {
    for (const m of await ctx.db.selectFrom('committee_members').select(['official_id', 'committee_id']).where('official_id', 'in', batch).execute()) have.add(`${m.official_id}|${m.committee_id}`);
  }
  const memberships = [];
  for (const target of joining) {
    for (const committeeId of new Set(target.committeeIds)) {
      const key = `${target.id}|${committeeId}`;
      if (have.has(key)) continue;
      have.add(key);
      memberships.push({ id: randomUUID(), committee_id: committeeId, official_id: target.id, role: 'member' });
    }
  }
  await ctx.write.insertMany('committee_members', memberships);
}
