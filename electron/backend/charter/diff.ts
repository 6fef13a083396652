import { diffWordsWithSpace } from 'diff';
import { GOAL_CATEGORIES } from '@shared/taxonomy';
import type { CharterContent, CharterDiff, CompareSide, Goal } from '@shared/charter/contract';

/** Two charters say the same thing (goal order included). */
export function sameContent(a: CharterContent, b: CharterContent): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** What changed from one charter to another: word-level text changes, values and goals by identity. */
export function diffCharters(from: CompareSide, a: CharterContent, to: CompareSide, b: CharterContent): CharterDiff {
  const mission = textChange(a.mission, b.mission);
  const vision = textChange(a.vision, b.vision);
  const values = {
    added: b.values.filter((v) => !a.values.includes(v)),
    removed: a.values.filter((v) => !b.values.includes(v)),
  };
  const before = new Map(a.goals.map((g) => [g.id, g]));
  const after = new Map(b.goals.map((g) => [g.id, g]));
  const goals: CharterDiff['goals'] = [];
  for (const goal of b.goals) {
    const old = before.get(goal.id);
    if (!old) {
      goals.push({ id: goal.id, kind: 'added', title: goal.title, fields: [] });
      continue;
    }
    const fields = goalFieldChanges(old, goal);
    if (fields.length > 0) goals.push({ id: goal.id, kind: 'changed', title: goal.title, fields });
  }
  for (const goal of a.goals) {
    if (!after.has(goal.id)) goals.push({ id: goal.id, kind: 'removed', title: goal.title, fields: [] });
  }
  const identical = !mission && !vision && values.added.length === 0 && values.removed.length === 0 && goals.length === 0;
  return { from, to, mission, vision, values, goals, identical };
}

function textChange(a: string, b: string): CharterDiff['mission'] {
  if (a === b) return null;
  return {
    parts: diffWordsWithSpace(a, b).map((part) => ({ value: part.value, added: part.added, removed: part.removed })),
  };
}

function goalFieldChanges(a: Goal, b: Goal): CharterDiff['goals'][number]['fields'] {
  const shown: [string, (g: Goal) => string][] = [
    ['Category', (g) => GOAL_CATEGORIES[g.category]],
    ['Title', (g) => g.title],
    ['Description', (g) => g.description],
    ['Target', (g) => formatTarget(g)],
  ];
  return shown
    .map(([field, show]) => ({ field, before: show(a), after: show(b) }))
    .filter((change) => change.before !== change.after);
}

export function formatTarget(goal: Goal): string {
  const t = goal.target;
  if (!t) return 'No target';
  const amount = `${t.value.toLocaleString('en')}${t.unit ? ` ${t.unit}` : ''}`;
  return `${t.metric}: ${amount}${t.dueOn ? ` by ${t.dueOn}` : ''}`;
}

function normalize(c: CharterContent): CharterContent {
  return {
    mission: c.mission,
    vision: c.vision,
    values: [...c.values],
    goals: c.goals.map((g) => ({
      id: g.id,
      category: g.category,
      title: g.title,
      description: g.description,
      target: g.target && { metric: g.target.metric, value: g.target.value, unit: g.target.unit, dueOn: g.target.dueOn },
    })),
  };
}
