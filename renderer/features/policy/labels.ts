import type { BillStatus, Position, Stance } from '@shared/policy/contract';

/** Stance colours: greens for support, reds for opposition, grey for unknown. */
export const STANCE_COLORS: Record<Stance, string> = {
  champion: 'teal',
  supporter: 'green',
  leaning_yes: 'lime',
  undecided: 'yellow',
  leaning_no: 'orange',
  opposed: 'red',
  unknown: 'gray',
};

export const POSITION_COLORS: Record<Position, string> = { support: 'teal', oppose: 'red', support_if_amended: 'yellow', monitor: 'blue', none: 'gray' };

export const STATUS_COLORS: Record<BillStatus, string> = {
  drafted: 'gray',
  introduced: 'blue',
  in_committee: 'indigo',
  passed_committee: 'violet',
  passed_chamber: 'grape',
  passed_both: 'cyan',
  enacted: 'teal',
  vetoed: 'red',
  dead: 'dark',
};

/** The main line of the pipeline (vetoed and dead end it early). */
export const PIPELINE: readonly BillStatus[] = ['drafted', 'introduced', 'in_committee', 'passed_committee', 'passed_chamber', 'passed_both', 'enacted'];

export const officialHref = (id: string) => `/policy/officials/${id}`;
export const billHref = (id: string) => `/policy/bills/${id}`;
export const engagementHref = (id: string) => `/policy/engagements/${id}`;
