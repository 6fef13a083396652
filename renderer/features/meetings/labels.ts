import { ACTION_STATUSES, DECISION_KINDS, MEETING_TYPES, RSVP, type MeetingType } from '@shared/meetings/contract';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const MEETING_TYPE_OPTIONS = options(MEETING_TYPES);
export const RSVP_OPTIONS = options(RSVP);
export const DECISION_KIND_OPTIONS = options(DECISION_KINDS);
export const ACTION_STATUS_OPTIONS = options(ACTION_STATUSES);

/** One Mantine color per meeting type: the calendar's events and the type badges. */
export const TYPE_COLORS: Record<MeetingType, string> = {
  steering: 'indigo',
  working_group: 'teal',
  assembly: 'grape',
  town_hall: 'orange',
  training: 'cyan',
  policymaker: 'red',
  one_to_one: 'lime',
  other: 'gray',
};
