import { GOAL_CATEGORIES, type GoalCategory } from '@shared/taxonomy';

/** One color per goal category, the same on every charter screen. */
export const CATEGORY_COLORS: Record<GoalCategory, string> = {
  policy_change: 'indigo',
  public_awareness: 'grape',
  capacity_building: 'teal',
};

export const CATEGORY_OPTIONS = (Object.keys(GOAL_CATEGORIES) as GoalCategory[]).map((value) => ({ value, label: GOAL_CATEGORIES[value] }));
