import { GOAL_CATEGORIES } from '@shared/taxonomy';
import type { CharterContent, Goal, GoalTarget } from '@shared/charter/contract';

export interface CharterDocument {
  coalitionName: string;
  /** 'Version 3' or 'Draft'. */
  edition: string;
  /** Adoption facts for a version; absent for the draft. */
  adoptedOn?: string;
  note?: string;
  content: CharterContent;
}

/** The charter as a Markdown document: what "Export as Markdown" saves. */
export function charterMarkdown(doc: CharterDocument): string {
  const { content } = doc;
  const lines: string[] = [`# ${doc.coalitionName} — Charter`, ''];
  const facts = [`**${doc.edition}**`];
  if (doc.adoptedOn) facts.push(`adopted on ${doc.adoptedOn}`);
  else facts.push('not adopted');
  lines.push(facts.join(', '), '');
  if (doc.note) lines.push(`> ${singleLine(doc.note)}`, '');

  lines.push('## Mission', '', orNone(content.mission), '');
  lines.push('## Vision', '', orNone(content.vision), '');

  lines.push('## Values', '');
  if (content.values.length === 0) lines.push('_None listed._');
  for (const value of content.values) lines.push(`- ${singleLine(value)}`);
  lines.push('');

  lines.push('## Shared goals', '');
  if (content.goals.length === 0) lines.push('_None listed._', '');
  for (const category of Object.keys(GOAL_CATEGORIES) as (keyof typeof GOAL_CATEGORIES)[]) {
    const goals = content.goals.filter((g) => g.category === category);
    if (goals.length === 0) continue;
    lines.push(`### ${GOAL_CATEGORIES[category]}`, '');
    for (const goal of goals) lines.push(...goalLines(goal));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function goalLines(goal: Goal): string[] {
  const lines = [`#### ${singleLine(goal.title)}`, ''];
  if (goal.description.trim()) lines.push(goal.description.trim(), '');
  if (goal.target) lines.push(`**Target:** ${describeTarget(goal.target)}`, '');
  return lines;
}

/** 'People reached: 40,000 people by 2026-12-31' */
export function describeTarget(target: GoalTarget): string {
  const amount = `${target.value.toLocaleString('en')}${target.unit ? ` ${target.unit}` : ''}`;
  return `${target.metric}: ${amount}${target.dueOn ? ` by ${target.dueOn}` : ''}`;
}

function orNone(text: string): string {
  return text.trim() || '_Not written yet._';
}

// Values, titles and notes are single-line in Markdown lists and headings.
function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A file name for the export: 'rhhjc-charter-v3.md', 'rhhjc-charter-draft.md'. */
export function charterFileName(coalition: { name: string; shortName: string }, edition: number | 'draft'): string {
  const base =
    (coalition.shortName || coalition.name)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents come apart under NFKD: drop the marks, keep the letters
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'coalition';
  return `${base}-charter-${edition === 'draft' ? 'draft' : `v${edition}`}.md`;
}
