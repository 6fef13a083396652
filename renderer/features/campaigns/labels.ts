import type { ActionKind, CampaignStatus, EventKind } from '@shared/campaigns/contract';
import { ACTION_KINDS, AUDIENCES, CAMPAIGN_STATUSES, EVENT_KINDS, PARTICIPANT_ROLES } from '@shared/campaigns/contract';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const STATUS_OPTIONS = options(CAMPAIGN_STATUSES);
export const ROLE_OPTIONS = options(PARTICIPANT_ROLES);
export const AUDIENCE_OPTIONS = options(AUDIENCES);
export const EVENT_KIND_OPTIONS = options(EVENT_KINDS);
export const ACTION_KIND_OPTIONS = options(ACTION_KINDS);

export const STATUS_COLORS: Record<CampaignStatus, string> = { planning: 'blue', active: 'teal', won: 'green', lost: 'red', paused: 'yellow' };
export const EVENT_COLORS: Record<EventKind, string> = { rally: 'orange', town_hall: 'violet', community_forum: 'grape', press_conference: 'cyan', lobby_day: 'indigo' };

/** "120 letters" in the sentence case of the kind's label. */
export function actionCount(kind: ActionKind, n: number): string {
  return `${n.toLocaleString('en-US')} ${ACTION_KINDS[kind].toLowerCase()}`;
}

export function formatNumber(n: number | null): string {
  return n === null ? '—' : n.toLocaleString('en-US');
}
