import type { structureContract } from '@shared/structure/contract';
import type { Handlers } from '../rpc/handlers';
import { deleteApplication, getApplication, listApplications, reviewApplication, saveApplication } from './applications';
import { committeeOverview, deleteSeat, deleteTerm, getSeat, saveSeat, saveTerm } from './committee';
import { deleteEndorsement, listEndorsements, notEndorsed, recordEndorsement } from './endorsements';
import { deleteRole, listRoles, saveRole } from './roles';
import { getRules, saveRules } from './rules';
import { addMembers, deleteWorkingGroup, getWorkingGroup, listWorkingGroups, removeMember, saveWorkingGroup, updateMember } from './workingGroups';

export const structureHandlers: Handlers<keyof typeof structureContract> = {
  'structure.rules.get': (_input, ctx) => getRules(ctx),
  'structure.rules.save': (input, ctx) => saveRules(ctx, input),
  'structure.overview': (input, ctx) => committeeOverview(ctx, input.today),
  'structure.seats.get': (input, ctx) => getSeat(ctx, input.id),
  'structure.seats.save': (input, ctx) => saveSeat(ctx, input),
  'structure.seats.delete': (input, ctx) => deleteSeat(ctx, input.id),
  'structure.terms.save': (input, ctx) => saveTerm(ctx, input),
  'structure.terms.delete': (input, ctx) => deleteTerm(ctx, input.id),
  'structure.workingGroups.list': (_input, ctx) => listWorkingGroups(ctx),
  'structure.workingGroups.get': (input, ctx) => getWorkingGroup(ctx, input.id),
  'structure.workingGroups.save': (input, ctx) => saveWorkingGroup(ctx, input),
  'structure.workingGroups.delete': (input, ctx) => deleteWorkingGroup(ctx, input.id),
  'structure.workingGroups.addMembers': (input, ctx) => addMembers(ctx, input),
  'structure.workingGroups.updateMember': (input, ctx) => updateMember(ctx, input.id, input.member),
  'structure.workingGroups.removeMember': (input, ctx) => removeMember(ctx, input.id),
  'structure.roles.list': (input, ctx) => listRoles(ctx, input.today),
  'structure.roles.save': (input, ctx) => saveRole(ctx, input),
  'structure.roles.delete': (input, ctx) => deleteRole(ctx, input.id),
  'structure.applications.list': (input, ctx) => listApplications(ctx, input),
  'structure.applications.get': (input, ctx) => getApplication(ctx, input.id, input.today),
  'structure.applications.save': (input, ctx) => saveApplication(ctx, input),
  'structure.applications.review': (input, ctx) => reviewApplication(ctx, input),
  'structure.applications.delete': (input, ctx) => deleteApplication(ctx, input.id),
  'structure.endorsements.list': (input, ctx) => listEndorsements(ctx, input.charterVersion),
  'structure.endorsements.notEndorsed': (_input, ctx) => notEndorsed(ctx),
  'structure.endorsements.save': (input, ctx) => recordEndorsement(ctx, input),
  'structure.endorsements.delete': (input, ctx) => deleteEndorsement(ctx, input.id),
};
