import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { batchTask, type BatchScope } from '@shared/briefings/contract';
import { AppError } from '@shared/errors';
import type { PageSize } from '@shared/pdf';
import { fileSlug } from '../meetings/documents/fileNames';
import { coalitionIdentity } from '../pdf/identity';
import type { CallContext } from '../rpc/handlers';
import { GatherCache, gatherPacket } from './gather';
import { cancelJob, jobResult, jobStatus, startJob, type BatchPacket } from './jobs';
import type { PacketFrame } from './packet';
import { renderPool } from './pool';

// The briefing packet's methods: one packet (gathered and laid out within the call, the layout in
// a render worker), and batches (gathered within startBatch's call, laid out in the background).

type Db = Pick<CallContext, 'db'>;

export interface ScopeOfficial {
  id: string;
  name: string;
  title: string;
  district: string;
}

/** `noun`: 'official', 'committee', 'campaign'. */
function notFound(noun: string, path: string): AppError {
  return new AppError('not_found', `The ${noun} does not exist (it may have been deleted).`, { issues: [{ path, message: `This ${noun} does not exist.` }] });
}

/** The officials of a batch's scope, by name, and a label for the ZIP's name. */
export async function resolveScope(ctx: Db, scope: BatchScope): Promise<{ label: string; officials: ScopeOfficial[] }> {
  const officials = ctx.db.selectFrom('officials as o').select(['o.id', 'o.name', 'o.title', 'o.district']).orderBy(sql`o.name collate nocase`).orderBy('o.id');
  if (scope.kind === 'committee') {
    const committee = await ctx.db.selectFrom('committees').select('name').where('id', '=', scope.committeeId).executeTakeFirst();
    if (!committee) throw notFound('committee', 'scope.committeeId');
    const members = await officials.where('o.id', 'in', (eb) => eb.selectFrom('committee_members').select('official_id').where('committee_id', '=', scope.committeeId)).execute();
    return { label: committee.name, officials: members };
  }
  if (scope.kind === 'campaign') {
    const campaign = await ctx.db.selectFrom('campaigns').select('name').where('id', '=', scope.campaignId).executeTakeFirst();
    if (!campaign) throw notFound('campaign', 'scope.campaignId');
    const targets = await officials
      .where('o.id', 'in', (eb) => eb.selectFrom('campaign_target_officials').select('official_id').where('campaign_id', '=', scope.campaignId))
      .execute();
    return { label: campaign.name, officials: targets };
  }
  const ids = [...new Set(scope.officialIds)];
  const found = await officials.where('o.id', 'in', ids).execute();
  const have = new Set(found.map((o) => o.id));
  const missing = scope.officialIds.findIndex((id) => !have.has(id));
  if (missing !== -1) throw notFound('official', `scope.officialIds.${missing}`);
  return { label: found.length === 1 ? (found[0]?.name ?? 'officials') : `${found.length} officials`, officials: found };
}

async function frameOf(ctx: CallContext, pageSize: PageSize): Promise<PacketFrame> {
  const coalition = await coalitionIdentity(ctx);
  return { coalitionName: coalition.name, logo: coalition.logo, pageSize, createdAt: ctx.now, author: ctx.actor };
}

export async function briefingPacket(ctx: CallContext, input: { officialId: string; day: string; pageSize: PageSize }) {
  const data = await gatherPacket(ctx.db, input.officialId, input.day);
  if (!data) throw notFound('official', 'officialId');
  const { bytes, pages } = await renderPool().render(data, await frameOf(ctx, input.pageSize));
  return {
    fileName: `briefing-${fileSlug(data.official.name, 'official')}-${input.day}.pdf`,
    mimeType: 'application/pdf',
    encoding: 'base64' as const,
    content: bytes.toString('base64'),
    pages,
  };
}

export async function startBatch(ctx: CallContext, input: { scope: BatchScope; day: string; pageSize: PageSize }) {
  const { label, officials } = await resolveScope(ctx, input.scope);
  if (officials.length === 0) {
    const why = input.scope.kind === 'committee' ? 'This committee has no members yet.' : 'This campaign targets no official yet.';
    throw new AppError('validation', `${why} There is no packet to make.`, {
      issues: [{ path: input.scope.kind === 'committee' ? 'scope.committeeId' : 'scope.campaignId', message: why }],
    });
  }
  // Every packet's data in this call's one transaction: the batch is one consistent picture.
  const cache = new GatherCache();
  const packets: BatchPacket[] = [];
  for (const official of officials) {
    const data = await gatherPacket(ctx.db, official.id, input.day, cache);
    if (data) packets.push({ officialName: official.name, data });
  }
  const jobId = randomUUID();
  const fileName = `briefing-packets-${fileSlug(label, 'officials')}-${input.day}.zip`;
  const task = batchTask(jobId);
  void startJob({
    id: jobId,
    fileName,
    packets,
    frame: await frameOf(ctx, input.pageSize),
    pool: renderPool(),
    progress: (done, total, message) => ctx.progress(task, done, total, message),
  });
  return { jobId, total: packets.length, fileName };
}

export function batchResult(jobId: string) {
  const result = jobResult(jobId);
  return {
    fileName: result.fileName,
    mimeType: 'application/zip',
    encoding: 'base64' as const,
    content: Buffer.from(result.zip.buffer, result.zip.byteOffset, result.zip.byteLength).toString('base64'),
    packets: result.packets,
    failed: result.failed,
  };
}

export { jobStatus as batchStatus };

export function cancelBatch(jobId: string) {
  return cancelJob(jobId, renderPool());
}
