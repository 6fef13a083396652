import type { campaignsContract } from '@shared/campaigns/contract';
import type { Handlers } from '../rpc/handlers';
import { requireIds } from './common';
import { deleteEvent, listEvents, saveEvent } from './events';
import { deleteAction, grassrootsTotals, listActions, saveAction } from './grassroots';
import { approveMessage, deleteMessage, reopenMessage, saveMessage } from './messages';
import { deletePetition, getPetition, listPetitions, recordCount, removeCount, savePetition } from './petitions';
import { campaignChoices, deleteCampaign, getCampaign, listCampaigns, removeParticipant, saveCampaign, saveParticipant } from './service';
import { campaignTimeline } from './timeline';

export const campaignHandlers: Handlers<keyof typeof campaignsContract> = {
  'campaigns.list': (input, ctx) => listCampaigns(ctx, input.statuses),
  'campaigns.get': (input, ctx) => getCampaign(ctx, input.id),
  'campaigns.save': (input, ctx) => saveCampaign(ctx, input),
  'campaigns.delete': (input, ctx) => deleteCampaign(ctx, input.id),
  'campaigns.choices': (_input, ctx) => campaignChoices(ctx),
  'campaigns.timeline': async (input, ctx) => {
    await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
    return campaignTimeline(ctx.db, input.campaignId);
  },
  'campaigns.participants.save': (input, ctx) => saveParticipant(ctx, input),
  'campaigns.participants.remove': (input, ctx) => removeParticipant(ctx, input.id),
  'campaigns.messages.save': (input, ctx) => saveMessage(ctx, input),
  'campaigns.messages.approve': (input, ctx) => approveMessage(ctx, input.id, input.approvedBy),
  'campaigns.messages.reopen': (input, ctx) => reopenMessage(ctx, input.id),
  'campaigns.messages.delete': (input, ctx) => deleteMessage(ctx, input.id),
  'campaigns.events.list': (input, ctx) => listEvents(ctx, input),
  'campaigns.events.save': (input, ctx) => saveEvent(ctx, input),
  'campaigns.events.delete': (input, ctx) => deleteEvent(ctx, input.id),
  'campaigns.grassroots.list': (input, ctx) => listActions(ctx, input),
  'campaigns.grassroots.totals': (input, ctx) => grassrootsTotals(ctx.db, input),
  'campaigns.grassroots.save': (input, ctx) => saveAction(ctx, input),
  'campaigns.grassroots.delete': (input, ctx) => deleteAction(ctx, input.id),
  'campaigns.petitions.list': (input, ctx) => listPetitions(ctx, input),
  'campaigns.petitions.get': (input, ctx) => getPetition(ctx, input.id),
  'campaigns.petitions.save': (input, ctx) => savePetition(ctx, input),
  'campaigns.petitions.delete': (input, ctx) => deletePetition(ctx, input.id),
  'campaigns.petitions.recordCount': (input, ctx) => recordCount(ctx, input),
  'campaigns.petitions.removeCount': (input, ctx) => removeCount(ctx, input.id),
};
