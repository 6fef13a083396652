import { sql } from 'kysely';
import { flowMetric, type Db, type Fact } from './types';

// Policy wins and the funding they allocated. A win is a bill that reached 'enacted' (the first
// such status change dates it) while the coalition's position on it is support or support if
// amended; it counts in the period of the enactment. Funding won: the bill's funding allocations
// (per currency, never added across currencies), dated with the enactment.

export const WIN_POSITIONS = ['support', 'support_if_amended'] as const;
const POSITION_LABELS: Record<string, string> = { support: 'Support', support_if_amended: 'Support if amended' };

interface Win {
  id: string;
  identifier: string;
  title: string;
  position: string;
  enacted_on: string;
}

export async function wins(db: Db, from: string, to: string): Promise<Win[]> {
  const rows = await sql<Win>`
    select b.id, b.identifier, b.title, b.position, e.enacted_on
    from (select bill_id, min(changed_on) as enacted_on from bill_status_changes where status = 'enacted' group by bill_id) e
    join bills b on b.id = e.bill_id
    where e.enacted_on between ${from} and ${to} and b.position in ('support', 'support_if_amended')`.execute(db);
  return rows.rows;
}

const billLabel = (w: Win) => (w.identifier ? `${w.identifier} — ${w.title}` : w.title);

export const policyWins = flowMetric({
  key: 'policy_wins',
  async facts(db, from, to) {
    return (await wins(db, from, to)).map(
      (w): Fact => ({ date: w.enacted_on, value: 1, part: null, id: w.id, label: billLabel(w), route: `/policy/bills/${w.id}`, detail: `Enacted · ${POSITION_LABELS[w.position] ?? w.position}` }),
    );
  },
});

export const fundingWon = flowMetric({
  key: 'funding_won',
  additive: false,
  async facts(db, from, to) {
    const list = await wins(db, from, to);
    const byBill = new Map(list.map((w) => [w.id, w]));
    const facts: Fact[] = [];
    for (let i = 0; i < list.length; i += 500) {
      const allocations = await db
        .selectFrom('funding_allocations')
        .select(['id', 'bill_id', 'amount', 'currency', 'program', 'fiscal_year'])
        .where('bill_id', 'in', list.slice(i, i + 500).map((w) => w.id))
        .execute();
      for (const a of allocations) {
        const w = byBill.get(a.bill_id);
        if (!w) continue;
        const program = [a.program, a.fiscal_year].filter(Boolean).join(', ');
        facts.push({ date: w.enacted_on, value: a.amount, part: a.currency, id: w.id, label: billLabel(w), route: `/policy/bills/${w.id}`, detail: program || 'Funding allocation' });
      }
    }
    return facts;
  },
});
