import { sql, type Kysely } from 'kysely';

// Members over time, kept by triggers (issue 6's dashboard): the metrics' "members by sector"
// counts the organizations at stage member on the last day of each period, from the stage history.
// Read afresh from 270,000 stage changes that took ~250 ms after every write; here the history is
// kept as it changes, in two tables no one writes but these triggers (not in the change log: the
// triggers replay every recorded change, an undo or a restore included):
// - member_spans: each run of membership of an organization, from the change to member that began
//   it (the previous change, same-day changes in the order recorded, was not to member) until its
//   next change to another stage (`end`, that day excluded; null while it lasts), with its sector.
//   An organization's spans never overlap, and a span that ends the day it begins is not kept.
// - member_count_changes: per day and sector, members who began (+1) or ended (-1) a span then.
//   The members of a sector on a day are the sum of its changes up to that day: a year's
//   dashboard reads a few thousand rows instead of the whole history.
// Every change of an organization's stage history recomputes that organization's spans (a few
// rows, through `organization_member_spans` and the stage history's index); a change of sector
// moves its spans. Bulk loads set the stage triggers aside and bring the spans up to date at the
// end (directory/memberSpans.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table member_spans (
    organization_id text not null references organizations(id),
    sector text not null,
    start text not null,
    "end" text
  )`.execute(db);
  await sql`create index member_spans_org on member_spans(organization_id)`.execute(db);
  await sql`create index member_spans_start on member_spans(start)`.execute(db);
  await sql`create table member_count_changes (
    day text not null,
    sector text not null,
    delta integer not null,
    primary key (day, sector)
  ) without rowid`.execute(db);

  // An organization's spans from its history: a filter on organization_id reaches the window's
  // partition, so one organization's spans read only its own changes.
  await sql`create view organization_member_spans as
    select r.organization_id, o.sector, r.start, r."end"
    from (
      select organization_id, stage, changed_on as start,
        lag(stage) over history as previous,
        min(case when stage <> 'member' then changed_on end) over (history rows between 1 following and unbounded following) as "end"
      from organization_stage_changes
      window history as (partition by organization_id order by changed_on, rowid)
    ) r
    join organizations o on o.id = r.organization_id
    where r.stage = 'member' and r.previous is not 'member' and (r."end" is null or r."end" > r.start)`.execute(db);

  for (const [name, sign, row] of [
    ['insert', 1, 'new'],
    ['delete', -1, 'old'],
  ] as const) {
    await sql
      .raw(
        `create trigger member_counts_${name} after ${name} on member_spans begin
          ${countChange(row, sign)}
        end`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `create trigger member_counts_update after update on member_spans begin
        ${countChange('old', -1)}
        ${countChange('new', 1)}
      end`,
    )
    .execute(db);

  // The stage history's triggers share the prefix member_spans_ (bulk loads find them by it).
  const refresh = (org: string) => `
    delete from member_spans where organization_id = ${org};
    insert into member_spans (organization_id, sector, start, "end") select organization_id, sector, start, "end" from organization_member_spans where organization_id = ${org};`;
  await sql.raw(`create trigger member_spans_stage_insert after insert on organization_stage_changes begin ${refresh('new.organization_id')} end`).execute(db);
  await sql.raw(`create trigger member_spans_stage_delete after delete on organization_stage_changes begin ${refresh('old.organization_id')} end`).execute(db);
  await sql
    .raw(`create trigger member_spans_stage_update after update on organization_stage_changes begin ${refresh('old.organization_id')} ${refresh('new.organization_id')} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger member_spans_sector after update of sector on organizations when new.sector is not old.sector begin
        update member_spans set sector = new.sector where organization_id = new.id;
      end`,
    )
    .execute(db);

  await sql`insert into member_spans (organization_id, sector, start, "end") select organization_id, sector, start, "end" from organization_member_spans`.execute(db);
}

/** A span's counts: +sign on its first day, -sign on its end; a day and sector left at zero is removed. */
function countChange(row: 'new' | 'old', sign: 1 | -1): string {
  const add = (day: string, delta: number) => `
    insert into member_count_changes (day, sector, delta) select ${day}, ${row}.sector, ${delta} where ${day} is not null
      on conflict (day, sector) do update set delta = delta + excluded.delta;
    delete from member_count_changes where day = ${day} and sector = ${row}.sector and delta = 0;`;
  return `${add(`${row}.start`, sign)}${add(`${row}."end"`, -sign)}`;
}
