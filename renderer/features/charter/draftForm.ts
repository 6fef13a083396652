import type { UseFormReturnType } from '@mantine/form';
import { GOAL_CATEGORY_VALUES, type GoalCategory } from '@shared/taxonomy';
import type { CharterContent, DraftInput } from '@shared/charter/contract';

// The charter editor's form model and its conversion to and from the contract. List items
// carry a `key` of their own so React keeps focus and state on the right row when rows move.

export interface ValueItem {
  key: string;
  text: string;
}

export interface TargetFields {
  metric: string;
  /** NumberInput gives '' while empty. */
  value: number | string;
  unit: string;
  dueOn: string | null;
}

export interface GoalFields {
  key: string;
  /** Absent for a goal added since the last save. */
  id: string | undefined;
  category: GoalCategory;
  title: string;
  description: string;
  measurable: boolean;
  target: TargetFields;
}

export interface DraftFormValues {
  mission: string;
  vision: string;
  values: ValueItem[];
  goals: GoalFields[];
}

let lastKey = 0;
function nextKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

const emptyTarget = (): TargetFields => ({ metric: '', value: '', unit: '', dueOn: null });

export function newGoal(category: GoalCategory = GOAL_CATEGORY_VALUES[0]): GoalFields {
  return { key: nextKey(), id: undefined, category, title: '', description: '', measurable: false, target: emptyTarget() };
}

export function newValue(text: string): ValueItem {
  return { key: nextKey(), text };
}

/**
 * Form values for a charter. Passing the form's previous values keeps row keys by position:
 * after a save the backend returns the rows in the order they were sent.
 */
export function toFormValues(content: CharterContent, previous?: DraftFormValues): DraftFormValues {
  return {
    mission: content.mission,
    vision: content.vision,
    values: content.values.map((text, i) => ({ key: previous?.values[i]?.key ?? nextKey(), text })),
    goals: content.goals.map((goal, i) => ({
      key: previous?.goals[i]?.key ?? nextKey(),
      id: goal.id,
      category: goal.category,
      title: goal.title,
      description: goal.description,
      measurable: goal.target !== null,
      target: goal.target ? { ...goal.target } : emptyTarget(),
    })),
  };
}

export function toDraftInput(form: DraftFormValues): DraftInput {
  return {
    mission: form.mission,
    vision: form.vision,
    values: form.values.map((v) => v.text),
    goals: form.goals.map((goal) => ({
      ...(goal.id ? { id: goal.id } : {}),
      category: goal.category,
      title: goal.title,
      description: goal.description,
      target: goal.measurable
        ? {
            metric: goal.target.metric,
            // An empty number field is not zero: let validation say a number is needed.
            value: goal.target.value === '' ? Number.NaN : Number(goal.target.value),
            unit: goal.target.unit,
            dueOn: goal.target.dueOn,
          }
        : null,
    })),
  };
}

/** Where a contract issue path shows in the form: a value's text sits under `values.N.text`. */
export function fieldForIssue(path: string): string {
  if (/^values\.\d+$/.test(path)) return `${path}.text`;
  if (/^goals\.\d+\.target$/.test(path)) return `${path}.metric`;
  return path;
}

/** True when two form states say the same thing (plain data, so JSON is exact). */
export function sameValues(a: DraftFormValues, b: DraftFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const DRAFT_FIELD = /^(mission|vision|values\.\d+\.text|goals\.\d+\.(category|title|description|target\.(metric|value|unit|dueOn)))$/;

/** Whether the editor has an input that can show an error for this field path. */
export function isDraftField(field: string): boolean {
  return DRAFT_FIELD.test(field);
}

export type DraftForm = UseFormReturnType<DraftFormValues>;
