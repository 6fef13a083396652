import { zipSync, type Zippable } from 'fflate';
import { BATCH_STATES, type BatchState, type BatchStatus } from '@shared/briefings/contract';
import { AppError } from '@shared/errors';
import { MAX_EXPORT_BYTES } from '@shared/files/contract';
import { fileSlug } from '../meetings/documents/fileNames';
import type { PacketData, PacketFrame } from './packet';
import { RenderCancelled, type RenderPool } from './pool';

// Batches of packets as background jobs. startBatch gathers every packet's data inside its call
// (one transaction: a consistent read) and hands the job here; the call answers with the job id
// while the pool's workers lay the packets out. Each finished packet is reported as a progress
// event; when all are done the PDFs are stored (not compressed again: a PDF's streams already are)
// in one ZIP, one file per official named after them, kept for batchResult. Jobs live in the
// backend process's memory: a finished one is kept for an hour, and only the newest few.

/** How many finished batches are kept (each holds its ZIP, at most 50 MB). */
const KEEP_FINISHED = 3;
const KEEP_FINISHED_MS = 60 * 60 * 1000;

export interface BatchPacket {
  officialName: string;
  data: PacketData;
}

interface Job {
  id: string;
  state: BatchState;
  total: number;
  done: number;
  fileName: string;
  failed: { officialName: string; message: string }[];
  error: string;
  zip: Uint8Array | null;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();

export interface StartJob {
  id: string;
  fileName: string;
  packets: readonly BatchPacket[];
  frame: PacketFrame;
  pool: RenderPool;
  /** Called after each packet (done of total, the official's name) and once at the end. */
  progress(done: number, total: number, message: string): void;
}

/** Registers the job and starts rendering; resolves when the job has finished (tests wait on it, the call does not). */
export function startJob(start: StartJob): Promise<void> {
  const job: Job = {
    id: start.id,
    state: 'rendering',
    total: start.packets.length,
    done: 0,
    fileName: start.fileName,
    failed: [],
    error: '',
    zip: null,
    finishedAt: null,
  };
  jobs.set(job.id, job);
  return run(job, start).catch((error: unknown) => {
    if (job.state === 'rendering') finish(job, 'failed', error instanceof Error ? error.message : String(error));
  });
}

async function run(job: Job, start: StartJob): Promise<void> {
  const files: Zippable = {};
  const names = new Set<string>();
  let bytes = 0;
  start.progress(0, job.total, 'Starting');
  await Promise.all(
    start.packets.map(async (packet) => {
      try {
        const rendered = await start.pool.render(packet.data, start.frame, job.id);
        if (job.state !== 'rendering') return;
        bytes += rendered.bytes.length;
        if (bytes > MAX_EXPORT_BYTES) {
          finish(
            job,
            'failed',
            `The packets come to more than ${MAX_EXPORT_BYTES / 1024 / 1024} MB, more than one saved file may hold. Make the batch smaller (at most about ${Math.max(1, Math.floor((job.done * MAX_EXPORT_BYTES) / bytes))} officials) and make several.`,
          );
          start.pool.cancel(job.id);
          return;
        }
        // Stored as they are (level 0): compressing compressed PDF streams again gains nothing.
        files[uniqueName(packet.officialName, names)] = [rendered.bytes, { level: 0 }];
      } catch (error) {
        // Dropped because the batch was cancelled or failed: nothing to count.
        if (job.state !== 'rendering') return;
        // Dropped while the batch goes on: the pool itself was closed (the backend is stopping).
        const message = error instanceof RenderCancelled ? 'The render workers were stopped before this packet was made.' : error instanceof Error ? error.message : String(error);
        job.failed.push({ officialName: packet.officialName, message });
      }
      job.done++;
      start.progress(job.done, job.total, packet.officialName);
    }),
  );
  if (job.state !== 'rendering') return;
  if (job.failed.length === job.total) {
    finish(job, 'failed', `No packet could be made: ${job.failed[0]?.message ?? 'unknown error'}`);
    return;
  }
  job.zip = zipSync(files, { mtime: new Date(start.frame.createdAt) });
  finish(job, 'done', '');
}

function finish(job: Job, state: BatchState, error: string): void {
  job.state = state;
  job.error = error;
  job.finishedAt = Date.now();
  forgetOld();
}

/** "ana-soto.pdf", "ana-soto-2.pdf" for a second Ana Soto. */
function uniqueName(officialName: string, taken: Set<string>): string {
  const base = fileSlug(officialName, 'official');
  let name = `${base}.pdf`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.pdf`;
  taken.add(name);
  return name;
}

/** Drops finished jobs older than an hour, and all but the newest few. */
function forgetOld(): void {
  const now = Date.now();
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
  finished.forEach((job, i) => {
    if (i >= KEEP_FINISHED || now - (job.finishedAt ?? now) > KEEP_FINISHED_MS) jobs.delete(job.id);
  });
}

function requireJob(jobId: string): Job {
  forgetOld();
  const job = jobs.get(jobId);
  if (!job) {
    throw new AppError('not_found', 'There is no such batch of packets: it was made more than an hour ago, or before Coalition Desk restarted. Make it again.', {
      issues: [{ path: 'jobId', message: 'This batch is no longer here.' }],
    });
  }
  return job;
}

export function jobStatus(jobId: string): BatchStatus {
  const job = requireJob(jobId);
  return { jobId: job.id, state: job.state, done: job.done, total: job.total, fileName: job.fileName, failed: [...job.failed], error: job.error };
}

export function jobResult(jobId: string): { fileName: string; zip: Uint8Array; packets: number; failed: BatchStatus['failed'] } {
  const job = requireJob(jobId);
  if (job.state !== 'done' || !job.zip) {
    const why =
      job.state === 'rendering'
        ? `The packets are still being made (${job.done} of ${job.total}).`
        : job.state === 'cancelled'
          ? 'This batch was cancelled before it finished: make it again.'
          : `This batch failed: ${job.error}`;
    throw new AppError('conflict', `${BATCH_STATES[job.state]}. ${why}`);
  }
  return { fileName: job.fileName, zip: job.zip, packets: job.total - job.failed.length, failed: [...job.failed] };
}

/** Cancels a batch still being made (its waiting packets are dropped); a finished one is left as it is. */
export function cancelJob(jobId: string, pool: RenderPool): BatchStatus {
  const job = requireJob(jobId);
  if (job.state === 'rendering') {
    finish(job, 'cancelled', '');
    pool.cancel(job.id);
  }
  return jobStatus(jobId);
}
