// Which backups to keep. Pure: unit-tested with fake dates.
//
// The policy: the newest 10 backups, plus the newest backup of each of the last 14 days, plus the
// newest backup of each of the last 12 months (days and months in UTC). Everything else is
// deleted after a new backup has been checked, so there are never fewer good backups than before.

export interface RotationPolicy {
  /** The newest N backups, whatever their age. */
  keepLast: number;
  /** The newest backup of each of the last N days (today included). */
  dailyFor: number;
  /** The newest backup of each of the last N months (this month included). */
  monthlyFor: number;
}

export const DEFAULT_POLICY: RotationPolicy = { keepLast: 10, dailyFor: 14, monthlyFor: 12 };

export const POLICY_TEXT =
  'Coalition Desk keeps the last 10 backups, plus one a day for 14 days and one a month for a year.';

export interface Dated {
  id: string;
  createdAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayIndex(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The ids to keep, given every backup and the current time. */
export function backupsToKeep(backups: readonly Dated[], now: Date, policy: RotationPolicy = DEFAULT_POLICY): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((b) => b.id));
  const today = dayIndex(now);
  const thisMonth = monthIndex(now);
  const days = new Set<number>();
  const months = new Set<number>();
  for (const backup of newestFirst) {
    const day = dayIndex(backup.createdAt);
    // A backup "from the future" (a clock that was wrong) counts as today's: never deleted blind.
    const age = Math.max(0, today - day);
    if (age < policy.dailyFor && !days.has(day)) {
      days.add(day);
      keep.add(backup.id);
    }
    const month = monthIndex(backup.createdAt);
    const monthAge = Math.max(0, thisMonth - month);
    if (monthAge < policy.monthlyFor && !months.has(month)) {
      months.add(month);
      keep.add(backup.id);
    }
  }
  return keep;
}
