import type { Handlers } from '../rpc/handlers';
import { deleteActionItem, listActionItems, saveActionItem, setActionStatus } from './actionItems';
import { saveAgenda } from './agenda';
import { deleteDecision, saveDecision } from './decisions';
import { conflictsAt, invite, respond, uninvite } from './invitees';
import { createMeeting, deleteMeeting, getMeeting, homeReminders, listMeetings, meetingsInRange, references, saveMinutes, updateMeeting } from './service';

type MeetingMethod =
  | 'meetings.range'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.delete'
  | 'meetings.saveMinutes'
  | 'meetings.conflicts'
  | 'meetings.invite'
  | 'meetings.uninvite'
  | 'meetings.respond'
  | 'meetings.saveAgenda'
  | 'meetings.references'
  | 'meetings.home'
  | 'decisions.save'
  | 'decisions.delete'
  | 'actionItems.list'
  | 'actionItems.save'
  | 'actionItems.setStatus'
  | 'actionItems.delete';

export const meetingHandlers: Handlers<MeetingMethod> = {
  'meetings.range': (input, ctx) => meetingsInRange(ctx, input),
  'meetings.list': (input, ctx) => listMeetings(ctx, input),
  'meetings.get': (input, ctx) => getMeeting(ctx, input.id),
  'meetings.create': (input, ctx) => createMeeting(ctx, input),
  'meetings.update': (input, ctx) => updateMeeting(ctx, input.id, input.meeting),
  'meetings.delete': (input, ctx) => deleteMeeting(ctx, input.id),
  'meetings.saveMinutes': (input, ctx) => saveMinutes(ctx, input.id, input.minutesMd),
  'meetings.conflicts': (input, ctx) => conflictsAt(ctx, input),
  'meetings.invite': (input, ctx) => invite(ctx, input),
  'meetings.uninvite': (input, ctx) => uninvite(ctx, input),
  'meetings.respond': (input, ctx) => respond(ctx, input),
  'meetings.saveAgenda': (input, ctx) => saveAgenda(ctx, input),
  'meetings.references': (input, ctx) => references(ctx, input),
  'meetings.home': (input, ctx) => homeReminders(ctx, input),
  'decisions.save': (input, ctx) => saveDecision(ctx, input),
  'decisions.delete': (input, ctx) => deleteDecision(ctx, input.id),
  'actionItems.list': (input, ctx) => listActionItems(ctx, input),
  'actionItems.save': (input, ctx) => saveActionItem(ctx, input),
  'actionItems.setStatus': (input, ctx) => setActionStatus(ctx, input),
  'actionItems.delete': (input, ctx) => deleteActionItem(ctx, input.id),
};
