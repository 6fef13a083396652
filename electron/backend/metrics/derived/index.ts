import type { DerivedKey } from '@shared/metrics/contract';
import { campaigns } from './campaigns';
import { eventReach, grassrootsActions } from './engagement';
import { meetingAttendance } from './meeting_attendance';
import { mediaPublished, mediaReach } from './media';
import { members } from './members';
import { fundingWon, policyWins } from './policy';
import { assistanceResolved, moneyRaised, trainingsDelivered } from './support';
import type { DerivedModule } from './types';

// Every derived metric by key. A metric whose area has not landed its records yet is
// `unavailable` (the catalogue and the dashboard say so) until its module is written.
export const DERIVED: Record<DerivedKey, DerivedModule> = {
  policy_wins: policyWins,
  funding_won: fundingWon,
  media_published: mediaPublished,
  media_reach: mediaReach,
  event_reach: eventReach,
  meeting_attendance: meetingAttendance,
  grassroots_actions: grassrootsActions,
  members,
  campaigns,
  trainings_delivered: trainingsDelivered,
  assistance_resolved: assistanceResolved,
  money_raised: moneyRaised,
};
