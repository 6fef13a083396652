import { randomUUID } from 'node:crypto';
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { AppError } from '@shared/errors';
import { RECENT_INTERACTIONS, type OrganizationDetail } from '@shared/directory/contract';
import { customSortFieldId, MAX_LIST_ITEMS, type CustomSortField } from '@shared/directory/fields';
import type { Stage } from '@shared/directory/enums';
import type { CustomValues } from '@shared/directory/customFields';
import type {
  Organization,
  OrganizationFilters,
  OrganizationInput,
  OrganizationRow,
  ORGANIZATION_SORT_FIELDS,
} from '@shared/directory/organizations';
import type { Database, OrganizationsTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';
import { detachCampaignsFrom } from '../../campaigns/links';
import { detachMetricsFrom } from '../../metrics/links';
import { detachStructureFrom } from '../../structure/links';
import { detachResourcesFrom } from '../../resources/links';
import { detachPolicyFrom } from '../../policy/links';
import { affiliationsOf } from '../affiliations/service';
import {
  checkCustomValues,
  customFilterIds,
  customFilterSizes,
  customSortedPage,
  customSortOf,
  customSortOrder,
  customValuesOf,
  customValuesOfRecord,
  choiceIds,
  hasChoice,
  hasSortValue,
  matchesCustomFilters,
  removeCustomValuesOf,
  sortValueCount,
  valuedInOrder,
  valuedTerms,
  writeCustomValues,
  type CustomFilterMode,
  type CustomSort,
} from '../customFields/service';
import { interactionsOf } from '../interactions/service';
import { organizationRelationshipsOf, removeLinksOf } from '../relationships/service';
import { countable, ftsQuery, hasAnyLabel, labelRowids, listJson, matchesText, parseList, textRowids, tieBreaker, type RowidSet } from '../lists';

type Db = Pick<CallContext, 'db'>;
type SortField = (typeof ORGANIZATION_SORT_FIELDS)[number] | CustomSortField;

/** `in (...)` lists are read and written in chunks of this many ids (well under SQLite's variable limit). */
const CHUNK = 500;

// ---------------------------------------------------------------------------------------------
// Rows ↔ contract shapes: the only place that knows both.

export function toOrganization(row: OrganizationsTable, custom: CustomValues = {}): Organization {
  return {
    id: row.id,
    name: row.name,
    otherNames: parseList(row.other_names_json),
    sector: row.sector as Organization['sector'],
    type: row.type as Organization['type'],
    issueAreas: parseList(row.issue_areas_json),
    regions: parseList(row.regions_json),
    populations: parseList(row.populations_json),
    alignment: { score: row.alignment_score, note: row.alignment_note },
    stage: row.stage as Organization['stage'],
    stageChangedOn: row.stage_changed_on,
    tier: row.tier as Organization['tier'],
    contributions: parseList(row.contributions_json) as Organization['contributions'],
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    city: row.city,
    district: row.district,
    registrationNumber: row.registration_number,
    staffSize: row.staff_size,
    budgetBand: row.budget_band as Organization['budgetBand'],
    tags: parseList(row.tags_json),
    notes: row.notes,
    lastContactedOn: row.last_contacted_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    custom,
  };
}

/** The columns an input sets (not the id, stage date, last contact or stamps); the import writes the same. */
export function fromInput(input: OrganizationInput) {
  return {
    name: input.name,
    other_names_json: listJson(input.otherNames),
    sector: input.sector,
    type: input.type,
    issue_areas_json: listJson(input.issueAreas),
    regions_json: listJson(input.regions),
    populations_json: listJson(input.populations),
    alignment_score: input.alignment.score,
    alignment_note: input.alignment.note,
    stage: input.stage,
    tier: input.tier,
    contributions_json: listJson(input.contributions),
    website: input.website,
    email: input.email,
    phone: input.phone,
    address: input.address,
    city: input.city,
    district: input.district,
    registration_number: input.registrationNumber,
    staff_size: input.staffSize,
    budget_band: input.budgetBand,
    tags_json: listJson(input.tags),
    notes: input.notes,
  };
}

const ROW_COLUMNS = [
  'o.id',
  'o.name',
  'o.sector',
  'o.type',
  'o.stage',
  'o.tier',
  'o.city',
  'o.regions_json',
  'o.issue_areas_json',
  'o.tags_json',
  'o.email',
  'o.alignment_score',
  'o.last_contacted_on',
  'o.updated_at',
] as const;

type RowColumns = Pick<
  OrganizationsTable,
  'id' | 'name' | 'sector' | 'type' | 'stage' | 'tier' | 'city' | 'regions_json' | 'issue_areas_json' | 'tags_json' | 'email' | 'alignment_score' | 'last_contacted_on' | 'updated_at'
>;

function toRow(row: RowColumns, custom: CustomValues = {}): OrganizationRow {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector as OrganizationRow['sector'],
    type: row.type as OrganizationRow['type'],
    stage: row.stage as OrganizationRow['stage'],
    tier: row.tier as OrganizationRow['tier'],
    city: row.city,
    regions: parseList(row.regions_json),
    issueAreas: parseList(row.issue_areas_json),
    tags: parseList(row.tags_json),
    email: row.email,
    alignmentScore: row.alignment_score,
    lastContactedOn: row.last_contacted_on,
    updatedAt: row.updated_at,
    custom,
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

async function readRow({ db }: Db, id: string): Promise<OrganizationsTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

async function mustRead(ctx: Db, id: string): Promise<OrganizationsTable> {
  const row = await readRow(ctx, id);
  if (!row) throw new AppError('not_found', 'This organization no longer exists. It may have been deleted; reload the directory.', { id });
  return row;
}

export async function getOrganization(ctx: Db, id: string): Promise<Organization> {
  return toOrganization(await mustRead(ctx, id), await customValuesOfRecord(ctx, id));
}

export async function getOrganizationDetail(ctx: Db, id: string): Promise<OrganizationDetail> {
  const organization = await getOrganization(ctx, id);
  const history = await ctx.db
    .selectFrom('organization_stage_changes')
    .select(['stage', 'changed_on'])
    .where('organization_id', '=', id)
    .orderBy('changed_on')
    .orderBy(sql`rowid`)
    .execute();
  const affiliations = await affiliationsOf(ctx, { organizationId: id });
  const relationships = await organizationRelationshipsOf(ctx, id);
  const interactions = await interactionsOf(ctx, { organizationId: id }, { offset: 0, limit: RECENT_INTERACTIONS });
  return {
    ...organization,
    stageHistory: history.map((h) => ({ stage: h.stage as Stage, changedOn: h.changed_on })),
    affiliations,
    relationships,
    interactions: interactions.rows,
    interactionCount: interactions.total,
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

function today(ctx: Pick<CallContext, 'now'>): string {
  return ctx.now.slice(0, 10);
}

async function recordStage(ctx: CallContext, organizationId: string, stage: string): Promise<void> {
  await ctx.write.insert('organization_stage_changes', { id: randomUUID(), organization_id: organizationId, stage, changed_on: today(ctx) });
}

export async function createOrganization(ctx: CallContext, input: OrganizationInput): Promise<Organization> {
  const custom = await checkCustomValues(ctx, 'organization', input.custom ?? {});
  const id = randomUUID();
  await ctx.write.insert('organizations', {
    id,
    ...fromInput(input),
    stage_changed_on: today(ctx),
    last_contacted_on: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordStage(ctx, id, input.stage);
  await writeCustomValues(ctx, id, custom);
  return getOrganization(ctx, id);
}

export async function updateOrganization(ctx: CallContext, id: string, input: OrganizationInput): Promise<Organization> {
  const before = await mustRead(ctx, id);
  const custom = await checkCustomValues(ctx, 'organization', input.custom ?? {});
  const stageChanged = before.stage !== input.stage;
  await ctx.write.update('organizations', id, {
    ...fromInput(input),
    ...(stageChanged ? { stage_changed_on: today(ctx) } : {}),
    updated_at: ctx.now,
  });
  if (stageChanged) await recordStage(ctx, id, input.stage);
  await writeCustomValues(ctx, id, custom);
  return getOrganization(ctx, id);
}

export async function deleteOrganization(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await mustRead(ctx, id);
  await removeLinksOf(ctx, { organizationId: id });
  await detachStructureFrom(ctx, { organizationId: id });
  await detachResourcesFrom(ctx, { organizationId: id });
  await detachPolicyFrom(ctx, { organizationId: id });
  await detachCampaignsFrom(ctx, id);
  await detachMetricsFrom(ctx, id);
  const changes = await ctx.db.selectFrom('organization_stage_changes').select('id').where('organization_id', '=', id).execute();
  for (const change of changes) await ctx.write.remove('organization_stage_changes', change.id);
  await removeCustomValuesOf(ctx, id);
  await ctx.write.remove('organizations', id);
  return { deleted: true };
}

export interface BulkUpdate {
  ids: string[];
  stage?: Stage | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
}

/**
 * Changes the stage and/or tags of many organizations in the call's transaction, so the whole
 * batch is one change-log batch (one undo step). Reads one query per chunk of ids; only records
 * that actually change are written. Leaving the member stage clears the membership tier.
 */
export async function bulkUpdateOrganizations(ctx: CallContext, input: BulkUpdate): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  const add = [...new Set(input.addTags ?? [])];
  const remove = new Set(input.removeTags ?? []);
  let updated = 0;
  let missing = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await ctx.db.selectFrom('organizations').selectAll().where('id', 'in', chunk).execute();
    missing += chunk.length - rows.length;
    if (missing > 0) continue; // reported below; nothing is kept
    const changes: { before: OrganizationsTable; patch: Partial<OrganizationsTable> }[] = [];
    const stageChanges: { id: string; organization_id: string; stage: string; changed_on: string }[] = [];
    for (const row of rows) {
      const patch: Partial<OrganizationsTable> = {};
      if (input.stage !== undefined && input.stage !== row.stage) {
        patch.stage = input.stage;
        patch.stage_changed_on = today(ctx);
        if (input.stage !== 'member' && row.tier !== null) patch.tier = null;
        stageChanges.push({ id: randomUUID(), organization_id: row.id, stage: input.stage, changed_on: today(ctx) });
      }
      if (add.length > 0 || remove.size > 0) {
        const current = parseList(row.tags_json);
        const next = [...current.filter((t) => !remove.has(t)), ...add.filter((t) => !current.includes(t) && !remove.has(t))];
        if (next.length > MAX_LIST_ITEMS) {
          throw new AppError('validation', `“${row.name}” would have more than ${MAX_LIST_ITEMS} tags. Remove some tags first.`, {
            issues: [{ path: 'addTags', message: `At most ${MAX_LIST_ITEMS} tags per organization.` }],
          });
        }
        if (listJson(next) !== row.tags_json) patch.tags_json = listJson(next);
      }
      if (Object.keys(patch).length > 0) changes.push({ before: row, patch: { ...patch, updated_at: ctx.now } });
    }
    // Through the writer's bulk path: one UPDATE per changed record, change-log rows a chunk at a time.
    updated += await ctx.write.updateMany('organizations', changes);
    await ctx.write.insertMany('organization_stage_changes', stageChanges);
  }
  if (missing > 0) {
    throw new AppError(
      'not_found',
      missing === 1
        ? 'One of the selected organizations no longer exists; nothing was changed. Reload the directory and try again.'
        : `${missing} of the selected organizations no longer exist; nothing was changed. Reload the directory and try again.`,
      { missing },
    );
  }
  return { updated };
}

// ---------------------------------------------------------------------------------------------
// The directory table

export interface ListInput {
  filters: OrganizationFilters;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

type Eb = ExpressionBuilder<Database & { o: OrganizationsTable }, 'o'>;

/**
 * The filters as one condition. For a page (`walkSortIndex`), the filtered columns are written
 * as `+column`, which keeps SQLite from driving the query from a filter's index: it walks the
 * sort index instead and stops after the page, rather than reading and sorting every match (tens
 * of thousands of rows for "stage = member" at coalition scale). Counting uses the filter indexes.
 */
function filterExpression(eb: Eb, filters: OrganizationFilters, walkSortIndex = false, customMode: CustomFilterMode = 'in'): Expression<SqlBool> {
  const column = (name: 'stage' | 'sector' | 'type' | 'tier' | 'last_contacted_on' | 'rowid' | 'id') =>
    walkSortIndex ? sql`+${sql.ref(`o.${name}`)}` : sql.ref(`o.${name}`);
  const rowid = column('rowid');
  const parts: Expression<SqlBool>[] = [];
  const text = filters.text === undefined ? null : ftsQuery(filters.text);
  if (text !== null) parts.push(matchesText('organization', rowid, text));
  if (filters.stage?.length) parts.push(eb(column('stage'), 'in', filters.stage));
  if (filters.sector?.length) parts.push(eb(column('sector'), 'in', filters.sector));
  if (filters.type?.length) parts.push(eb(column('type'), 'in', filters.type));
  if (filters.tier?.length) parts.push(eb(column('tier'), 'in', filters.tier));
  for (const [filter, field] of Object.entries(LABEL_FILTERS)) {
    const values = filters[filter as keyof typeof LABEL_FILTERS];
    if (values?.length) parts.push(hasAnyLabel('organization', rowid, field, values));
  }
  parts.push(...matchesCustomFilters(column('id'), filters.custom, customMode));
  const contacted = filters.lastContacted;
  if (contacted) {
    const range: Expression<SqlBool>[] = [];
    if (contacted.from !== undefined) range.push(eb(column('last_contacted_on'), '>=', contacted.from));
    if (contacted.to !== undefined) range.push(eb(column('last_contacted_on'), '<=', contacted.to));
    if (contacted.never === true) {
      // Never contacted, or (with a range) contacted within it: "not since March, or never".
      parts.push(range.length > 0 ? eb.or([eb(column('last_contacted_on'), 'is', null), eb.and(range)]) : eb(column('last_contacted_on'), 'is', null));
    } else {
      parts.push(...range);
      if (contacted.never === false) parts.push(eb(column('last_contacted_on'), 'is not', null));
    }
  }
  return eb.and(parts);
}

/** The sort column as its index holds it: name and city case-insensitive. */
function sortExpression(field: Exclude<SortField, CustomSortField>) {
  switch (field) {
    case 'name':
      return sql`o.name collate nocase`;
    case 'city':
      return sql`o.city collate nocase`;
    case 'sector':
      return sql.ref('o.sector');
    case 'type':
      return sql.ref('o.type');
    case 'stage':
      return sql.ref('o.stage');
    case 'alignmentScore':
      return sql.ref('o.alignment_score');
    case 'lastContactedOn':
      return sql.ref('o.last_contacted_on');
    case 'updatedAt':
      return sql.ref('o.updated_at');
  }
}

/**
 * The rowids (`r`) of the organizations matching `filters`, in `sort` order. The table's pages
 * and the export share it, so both list the same records in the same order. A custom field's
 * sort (`cf:<id>`) joins the field's values: records without one last, ties by name then id.
 */
export function matchingOrganizations({ db }: Db, filters: OrganizationFilters, sort: ListInput['sort'], walk: SortIndexWalk = 'no', customMode: CustomFilterMode = 'in') {
  const query = db
    .selectFrom('organizations as o')
    .where((eb) =>
      walk === 'probing'
        ? // The subquery's own `o` (the matches, from the filter's index) is not the walked `o`.
          sql<SqlBool>`+o.rowid in (${db.selectFrom('organizations as o').where((inner) => filterExpression(inner, filters)).select(sql<number>`o.rowid`.as('r'))})`
        : filterExpression(eb, filters, walk === 'testing', customMode),
    )
    .select(sql<number>`o.rowid`.as('r'));
  const fieldId = customSortFieldId(sort.field);
  if (fieldId !== null) {
    // The joined alias adds nothing to the rows read (`r`); the builder keeps the plain query's type.
    return query
      .leftJoin('custom_values as s', (join) => join.on('s.field_id', '=', fieldId).onRef('s.record_id', '=', 'o.id'))
      .orderBy(customSortOrder(sort.direction, 's', sql`o.name collate nocase`, sql.ref('o.id'))) as unknown as typeof query;
  }
  return (
    query
      // Ties are broken in the same direction, so pages never overlap or skip a row.
      .orderBy(sortExpression(sort.field as Exclude<SortField, CustomSortField>), sort.direction)
      .orderBy(tieBreaker('organization', 'o', sort.field), sort.direction)
  );
}

/**
 * A page of organizations sorted by a custom field when matches are many: the field's value index
 * walked in order (each organization looked up and tested), then the organizations without a
 * value along the name index.
 */
async function customSortedOrganizations(ctx: Db, input: ListInput, sort: CustomSort, all: number, total: number, anyFilter: boolean, customMode: CustomFilterMode): Promise<number[]> {
  const eb = expressionBuilder<Database & { o: OrganizationsTable }, 'o'>();
  const walked = filterExpression(eb, input.filters, true, 'exists');
  const dir = sql.raw(input.sort.direction);
  const tail = sql`o.name collate nocase ${dir}, o.id ${dir}`;
  const terms = valuedTerms(sort, 's', input.sort.direction);
  const count = async (condition: Expression<SqlBool>) => {
    const counted = await ctx.db
      .selectFrom('organizations as o')
      .where((e) => e.and([filterExpression(e, input.filters, false, customMode), condition]))
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };
  return customSortedPage(ctx, sort, { ...input, direction: input.sort.direction }, { all, total }, {
    valued: (offset, limit) => sql<{ r: number }>`
      select o.rowid as r from ${valuedInOrder(sort, 's')} cross join organizations as o
       where ${terms.where} and o.id = s.record_id and ${walked}
       order by ${terms.order}, ${tail} limit ${limit} offset ${offset}`,
    blanks: (offset, limit) => sql<{ r: number }>`
      select o.rowid as r from organizations as o indexed by organizations_name
       where not ${hasSortValue(sql.ref('o.id'), sort)} and ${walked}
       order by ${tail} limit ${limit} offset ${offset}`,
    countValued: () => (anyFilter ? count(hasSortValue(sql.ref('o.id'), sort)) : sortValueCount(ctx, sort)),
    inChoice: (choice, how, offset, limit) =>
      how === 'read'
        ? sql<{ r: number }>`
            select o.rowid as r from custom_values as s indexed by custom_values_text cross join organizations as o
             where s.field_id = ${sort.fieldId} and s.value_text = ${choice} collate nocase and o.id = s.record_id and ${walked}
             order by ${tail} limit ${limit} offset ${offset}`
        : sql<{ r: number }>`
            select o.rowid as r from organizations as o indexed by organizations_name
             where ${how === 'set' ? sql<SqlBool>`o.id in (${choiceIds(sort, choice)})` : hasChoice(sql.ref('o.id'), sort, choice)} and ${walked}
             order by ${tail} limit ${limit} offset ${offset}`,
    countChoice: (choice) => (anyFilter ? count(hasChoice(sql.ref('o.id'), sort, choice)) : customFilterSizes(ctx, [{ fieldId: sort.fieldId, values: [choice] }]).then(([n]) => n ?? 0)),
  });
}

/**
 * How a page walks the sort index: testing each visited row's columns against the filters (a read
 * of the row), or probing a set of the matches' rowids read beforehand from the filter's index
 * (the walk then reads no row: every sort index holds the rowid). The set costs about a third of
 * a row read per match, so it pays when the walk visits more rows than a third of the matches;
 * it is used from half, and only when a single stored column is filtered (its index holds the
 * whole set). Measured at 100,000 organizations, 11,700 contacted in a half-year, sorted by
 * name, page at offset 2,000 (17,900 rows visited): 21 ms testing rows, 6 ms probing.
 */
type SortIndexWalk = 'no' | 'testing' | 'probing';

function probesBetter(filters: OrganizationFilters, visits: number, total: number): boolean {
  const { stage: _s, sector: _e, type: _y, tier: _t, lastContacted: _l, ...others } = filters;
  return filteredColumns(filters) === 1 && !hasBuiltInFilters(others) && !others.custom?.length && visits > total / 2;
}

/** How many of the organization's stored columns the filters test (stage, sector, type, tier, last contact). */
function filteredColumns(filters: OrganizationFilters): number {
  const { stage, sector, type, tier, lastContacted } = filters;
  return [stage, sector, type, tier].filter((values) => values?.length).length + (contactFilterSet(lastContacted) ? 1 : 0);
}

function contactFilterSet(contacted: OrganizationFilters['lastContacted']): boolean {
  return contacted !== undefined && (contacted.from !== undefined || contacted.to !== undefined || contacted.never !== undefined);
}

/** The label fields of the organization filters. */
const LABEL_FILTERS = { issueArea: 'issue_area', region: 'region', population: 'population', contribution: 'contribution', tag: 'tag' } as const;

/**
 * The filters as sets of rowids read from their own indexes (the text and the label filters),
 * when no other filter narrows the list (else null): the list's total is then counted from the
 * sets alone. At 100,000 organizations, "population: immigrants" (21,000) counts in ~1 ms so,
 * against ~11 ms when each match is looked up in the table.
 */
function rowidSetsAlone(filters: OrganizationFilters): RowidSet[] | null {
  if (filters.custom?.length || filteredColumns(filters) > 0) return null;
  const sets: RowidSet[] = [];
  const query = filters.text === undefined ? null : ftsQuery(filters.text);
  if (query !== null) sets.push({ rowids: textRowids('organization', query), distinct: true });
  for (const [filter, field] of Object.entries(LABEL_FILTERS)) {
    const values = filters[filter as keyof typeof LABEL_FILTERS];
    if (values?.length) sets.push({ rowids: labelRowids('organization', field, values), distinct: false });
  }
  return sets.length > 0 ? sets : null;
}

/** Whether any filter but the custom ones narrows the list. */
function hasBuiltInFilters(filters: OrganizationFilters): boolean {
  const { custom: _custom, text, lastContacted, ...lists } = filters;
  if (text !== undefined && ftsQuery(text) !== null) return true;
  if (contactFilterSet(lastContacted)) return true;
  return Object.values(lists).some((value) => Array.isArray(value) && value.length > 0);
}

export async function listOrganizations({ db }: Db, input: ListInput): Promise<{ total: number; rows: OrganizationRow[] }> {
  // A custom field's sort is checked first, so a deleted field is refused even when nothing matches.
  const customSort = await customSortOf({ db }, 'organization', input.sort.field);
  const all = Number((await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // Custom filters: a small id set is read once and probed (`in`); a large one (over a tenth of the
  // table) is instead looked up record by record (`exists`) for the records the other filters or
  // the page walk visit. Custom filters alone are counted from their indexes, without a record read.
  const custom = input.filters.custom ?? [];
  let customMode: CustomFilterMode = 'in';
  let total: number;
  const sizes = custom.length > 0 ? await customFilterSizes({ db }, custom) : [];
  if (sizes.length > 0 && Math.min(...sizes) * 10 > all) customMode = 'exists';
  if (custom.length > 0 && !hasBuiltInFilters(input.filters)) {
    const [only] = sizes;
    total =
      custom.length === 1 && only !== undefined
        ? only
        : Number(
            (
              await sql<{ n: number }>`select count(*) as n from (${sql.join(
                custom.map((f) => customFilterIds(f)),
                sql` intersect `,
              )})`.execute(db)
            ).rows[0]?.n ?? 0,
          );
  } else {
    const sets = rowidSetsAlone(input.filters);
    const counted = sets
      ? await sql<{ n: number }>`select count(*) as n from (${countable(sets)})`.execute(db).then((r) => r.rows[0] ?? { n: 0 })
      : await db
          .selectFrom('organizations as o')
          .where((eb) => filterExpression(eb, input.filters, false, customMode))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  if (total === 0 || input.offset >= total) return { total, rows: [] };
  // Two ways to find the page: walk the sort index and test each row against the filters until the
  // page is full (cheap when matches are common), or read every match from the filter indexes and
  // sort them (cheap when matches are few). Walking visits about (offset + limit) × all / matches
  // rows; reading and sorting costs a little more than one visit per match.
  const visits = ((input.offset + input.limit) * all) / total;
  const walk = visits <= total * 2;
  // The page is chosen on (sort key, tie, rowid) only, which the sort indexes cover and which keeps
  // a sort of many filtered rows narrow; then the page's rows are read by rowid.
  const rowids =
    customSort !== null && walk
      ? await customSortedOrganizations({ db }, input, customSort, all, total, custom.length > 0 || hasBuiltInFilters(input.filters), customMode)
      : (
          await matchingOrganizations({ db }, input.filters, input.sort, !walk ? 'no' : probesBetter(input.filters, visits, total) ? 'probing' : 'testing', walk ? 'exists' : customMode)
            .limit(input.limit)
            .offset(input.offset)
            .execute()
        ).map((p) => p.r);
  const rows =
    rowids.length === 0
      ? []
      : await db
          .selectFrom('organizations as o')
          .select([...ROW_COLUMNS, sql<number>`o.rowid`.as('r')])
          .where(sql.ref('o.rowid'), 'in', rowids)
          .execute();
  const byRowid = new Map(rows.map((row) => [row.r, row]));
  // The page's custom values in one query (by the record index), not one per row.
  const values = await customValuesOf({ db }, rows.map((row) => row.id));
  return { total, rows: rowids.flatMap((r) => byRowid.get(r) ?? []).map((row) => toRow(row, values.get(row.id))) };
}
