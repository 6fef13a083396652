import type { z } from 'zod';
import { backupsContract } from './backups/contract';
import { charterContract } from './charter/contract';
import { directoryContract } from './directory/contract';
import { customFieldsContract } from './directory/customFields';
import { duplicatesContract } from './directory/duplicates';
import { exportsContract } from './directory/exports';
import { importsContract } from './directory/imports';
import { representationContract } from './directory/representation';
import { filesContract } from './files/contract';
import { historyContract } from './history/contract';
import { notificationsContract } from './notifications/contract';
import { settingsContract } from './settings/contract';
import { meetingsContract } from './meetings/contract';
import { meetingDocumentsContract } from './meetings/documents';
import { profileContract } from './profile/contract';
import { structureContract } from './structure/contract';
import { workspaceContract } from './workspace/contract';
import { campaignsContract } from './campaigns/contract';
import { policyContract } from './policy/contract';
import { mediaContract } from './media/contract';
import { storiesContract } from './stories/contract';
import { resourcesContract } from './resources/contract';
import { capacityContract } from './capacity/contract';
import { metricsContract } from './metrics/contract';
import { reportsContract } from './reports/contract';
import { briefingsContract } from './briefings/contract';

/**
 * The whole RPC contract: every method the renderer can call, with zod schemas for its input
 * and output. The backend validates against it; the renderer's client is typed from it.
 */
export const contract = {
  ...workspaceContract,
  ...profileContract,
  ...charterContract,
  ...directoryContract,
  ...customFieldsContract,
  ...duplicatesContract,
  ...exportsContract,
  ...importsContract,
  ...representationContract,
  ...structureContract,
  ...historyContract,
  ...meetingsContract,
  ...meetingDocumentsContract,
  ...campaignsContract,
  ...policyContract,
  ...mediaContract,
  ...storiesContract,
  ...resourcesContract,
  ...capacityContract,
  ...metricsContract,
  ...reportsContract,
  ...briefingsContract,
  ...filesContract,
  ...notificationsContract,
  ...settingsContract,
  ...backupsContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Methods the backend host answers itself (which workspace is open). */
export const HOST_METHODS = [
  'workspace.info',
  'workspace.openSample',
  'workspace.openDefault',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.openReadOnly',
  'backups.closeReadOnly',
  'backups.useDefaultFolder',
  'workspace.recovery',
  'workspace.recoverFromBackup',
  'workspace.startOver',
  'settings.actor',
  'settings.setActor',
  'workspace.salvage',
] as const satisfies readonly Method[];
/** Methods the shell answers (native dialogs); the harness stands in for them in the browser. */
export const SHELL_METHODS = ['file.saveAs', 'backups.chooseFolder', 'backups.exportEncrypted', 'backups.importEncrypted', 'notifications.show'] as const satisfies readonly Method[];
