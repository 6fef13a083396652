import {
  BILL_STATUSES,
  OFFICIAL_ACTIONS,
  POSITIONS,
  SPONSOR_ROLES,
  STANCES,
  type BillStatus,
  type OfficialAction,
  type Position,
  type ScorecardRow,
  type Stance,
} from '@shared/policy/contract';
import type { ExportFormat, ExportOutput } from '@shared/directory/exports';
import { sheetField, writeSheetFile } from '../directory/exports/service';
import { chunks, type Db } from './common';

// The scorecard: for each official, every bill they have a stance, a sponsorship or a recorded
// action on, with the coalition's position, their latest stance and their actions in date order,
// and whether they acted as the coalition asked (a vote, else a sponsorship, judged against a
// support / oppose position). Exported with the directory's CSV / Excel writer (same formula
// neutralization).

const FAVOURABLE: ReadonlySet<OfficialAction> = new Set(['sponsored', 'co_sponsored', 'voted_yes']);

function alignment(position: Position, actions: readonly { action: OfficialAction }[], sponsor: 'primary' | 'co' | null): boolean | null {
  if (position !== 'support' && position !== 'support_if_amended' && position !== 'oppose') return null;
  const votes = actions.filter((a) => a.action === 'voted_yes' || a.action === 'voted_no');
  const last = votes[votes.length - 1];
  const favourable = last ? FAVOURABLE.has(last.action) : sponsor !== null || actions.some((a) => FAVOURABLE.has(a.action)) ? true : null;
  if (favourable === null) return null;
  return position === 'oppose' ? !favourable : favourable;
}

/** Scorecard rows of one official (or of every official when null), by official then bill identifier. */
export async function scorecardRows(ctx: Db, officialId: string | null): Promise<ScorecardRow[]> {
  const pairs = new Map<string, { officialId: string; billId: string }>();
  const add = (o: string, b: string) => pairs.set(`${o}|${b}`, { officialId: o, billId: b });
  let stanceQuery = ctx.db.selectFrom('stances').select(['official_id', 'bill_id', 'stance', 'stated_on', 'created_at']).where('bill_id', 'is not', null);
  let sponsorQuery = ctx.db.selectFrom('bill_sponsors').select(['official_id', 'bill_id', 'role']);
  let actionQuery = ctx.db.selectFrom('official_actions').select(['id', 'official_id', 'bill_id', 'action', 'acted_on', 'note']);
  if (officialId) {
    stanceQuery = stanceQuery.where('official_id', '=', officialId);
    sponsorQuery = sponsorQuery.where('official_id', '=', officialId);
    actionQuery = actionQuery.where('official_id', '=', officialId);
  }
  const stances = await stanceQuery.orderBy('stated_on').orderBy('created_at').execute();
  const sponsors = await sponsorQuery.execute();
  const actions = await actionQuery.orderBy('acted_on').execute();
  const latest = new Map<string, { stance: string; on: string }>();
  for (const s of stances) {
    add(s.official_id, s.bill_id as string);
    latest.set(`${s.official_id}|${s.bill_id}`, { stance: s.stance, on: s.stated_on });
  }
  const sponsorOf = new Map<string, 'primary' | 'co'>();
  for (const s of sponsors) {
    add(s.official_id, s.bill_id);
    sponsorOf.set(`${s.official_id}|${s.bill_id}`, s.role as 'primary' | 'co');
  }
  const actionsOf = new Map<string, ScorecardRow['actions']>();
  for (const a of actions) {
    const key = `${a.official_id}|${a.bill_id}`;
    add(a.official_id, a.bill_id);
    actionsOf.set(key, [...(actionsOf.get(key) ?? []), { id: a.id, action: a.action as OfficialAction, actedOn: a.acted_on, note: a.note }]);
  }
  const billIds = [...new Set([...pairs.values()].map((p) => p.billId))];
  const officialIds = [...new Set([...pairs.values()].map((p) => p.officialId))];
  const bills = new Map<string, { identifier: string; title: string; status: string; position: string }>();
  for (const batch of chunks(billIds)) {
    for (const b of await ctx.db.selectFrom('bills').select(['id', 'identifier', 'title', 'status', 'position']).where('id', 'in', batch).execute()) bills.set(b.id, b);
  }
  const names = new Map<string, string>();
  for (const batch of chunks(officialIds)) {
    for (const o of await ctx.db.selectFrom('officials').select(['id', 'name']).where('id', 'in', batch).execute()) names.set(o.id, o.name);
  }
  const rows: ScorecardRow[] = [];
  for (const [key, { officialId: o, billId: b }] of pairs) {
    const bill = bills.get(b);
    if (!bill) continue;
    const stance = latest.get(key);
    const sponsor = sponsorOf.get(key) ?? null;
    const acted = actionsOf.get(key) ?? [];
    rows.push({
      officialId: o,
      officialName: names.get(o) ?? '',
      billId: b,
      identifier: bill.identifier,
      billTitle: bill.title,
      billStatus: bill.status as BillStatus,
      position: bill.position as Position,
      stance: (stance?.stance as Stance | undefined) ?? null,
      stanceOn: stance?.on ?? null,
      sponsor,
      actions: acted,
      aligned: alignment(bill.position as Position, acted, sponsor),
    });
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return rows.sort((a, b) => collator.compare(a.officialName, b.officialName) || a.officialId.localeCompare(b.officialId) || collator.compare(a.identifier, b.identifier));
}

const FIELDS = [
  sheetField<ScorecardRow>('Official', 'text', 28, (r) => r.officialName),
  sheetField<ScorecardRow>('Bill', 'text', 12, (r) => r.identifier),
  sheetField<ScorecardRow>('Title', 'text', 40, (r) => r.billTitle),
  sheetField<ScorecardRow>('Status', 'text', 18, (r) => BILL_STATUSES[r.billStatus]),
  sheetField<ScorecardRow>('Coalition position', 'text', 18, (r) => POSITIONS[r.position]),
  sheetField<ScorecardRow>('Stance', 'text', 14, (r) => (r.stance ? STANCES[r.stance] : '')),
  sheetField<ScorecardRow>('Stance date', 'date', 12, (r) => r.stanceOn),
  sheetField<ScorecardRow>('Sponsor', 'text', 16, (r) => (r.sponsor ? SPONSOR_ROLES[r.sponsor] : '')),
  sheetField<ScorecardRow>('Actions', 'text', 40, (r) => r.actions.map((a) => `${OFFICIAL_ACTIONS[a.action]} ${a.actedOn}`).join('; ')),
  sheetField<ScorecardRow>('With the coalition', 'text', 12, (r) => (r.aligned === null ? '' : r.aligned ? 'Yes' : 'No')),
];

export async function exportScorecard(ctx: Db, input: { officialId: string | null; format: ExportFormat }): Promise<ExportOutput> {
  const rows = await scorecardRows(ctx, input.officialId);
  function* all() {
    yield rows;
  }
  return writeSheetFile(input.format, { plural: 'scorecard rows', fileStem: 'scorecard', sheetName: 'Scorecard', fields: FIELDS, chunks: all() });
}
