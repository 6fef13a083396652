import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { findWorker, launchWorker, type WorkerLauncher } from '../workers';
import { renderPacket } from './layout';
import type { PacketData, PacketFrame } from './packet';

export type { WorkerLauncher } from '../workers';

// The render workers: a small pool of worker_threads that lay packets out, so a batch of hundreds
// of PDFs never holds the backend's thread (which answers every other call meanwhile). Tasks wait
// in one queue, first come first served; each worker takes one at a time. Workers start with the
// first task and stop after a while with nothing to do.

/** What crosses to a worker: the packet's data and the frame, the logo as plain bytes. */
export interface RenderRequest {
  id: number;
  data: PacketData;
  frame: Omit<PacketFrame, 'logo'> & { logo: Uint8Array | null };
}

export type RenderReply = { id: number; ok: true; bytes: Uint8Array; pages: number } | { id: number; ok: false; message: string };

export interface RenderedPacket {
  bytes: Buffer;
  pages: number;
}

/** A queued packet was dropped because its batch was cancelled. */
export class RenderCancelled extends Error {
  constructor() {
    super('The batch was cancelled.');
  }
}

interface Task {
  id: number;
  group: string;
  data: PacketData;
  frame: PacketFrame;
  resolve: (result: RenderedPacket) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

/** Workers stop after this long without a task (a new batch starts them again in ~0.2 s). */
const IDLE_MS = 30_000;

/**
 * A packet is small: a worker's heap stays small too. The young generation (V8's default is
 * 16–32 MB, twice over) is what a worker's memory grows by between collections; 4 MB keeps two
 * workers ~100 MB lighter for a few percent more time. The old generation's cap is far above
 * what one packet needs (its pages are a few MB), and makes V8 collect before growing.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

export class RenderPool {
  readonly #launcher: WorkerLauncher | null;
  readonly #size: number;
  readonly #queue: Task[] = [];
  readonly #slots: Slot[] = [];
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;
  /** Without workers: whether this thread is working through the queue. */
  #runningHere = false;

  /** `launcher` null renders on this thread, one packet per turn of the event loop. */
  constructor(launcher: WorkerLauncher | null, size: number) {
    this.#launcher = launcher;
    this.#size = Math.max(1, size);
  }

  get workers(): number {
    return this.#launcher ? this.#size : 0;
  }

  /** Renders one packet; `group` names its batch, for `cancel`. */
  render(data: PacketData, frame: PacketFrame, group = ''): Promise<RenderedPacket> {
    return new Promise<RenderedPacket>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, group, data, frame, resolve, reject });
      this.#pump();
    });
  }

  /** Drops the group's packets still waiting (they reject with RenderCancelled); the ones being laid out finish. Returns how many were dropped. */
  cancel(group: string): number {
    let dropped = 0;
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const task = this.#queue[i];
      if (task?.group !== group) continue;
      this.#queue.splice(i, 1);
      task.reject(new RenderCancelled());
      dropped++;
    }
    this.#scheduleIdle();
    return dropped;
  }

  /** Stops every worker; tasks waiting or under way fail. */
  async close(): Promise<void> {
    this.#clearIdle();
    for (const task of this.#queue.splice(0)) task.reject(new RenderCancelled());
    const slots = this.#slots.splice(0);
    for (const slot of slots) slot.task?.reject(new RenderCancelled());
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #pump(): void {
    this.#clearIdle();
    if (!this.#launcher) {
      this.#runHere();
      return;
    }
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((s) => s.task === null) ?? (this.#slots.length < this.#size ? this.#start() : null);
      if (!slot) break;
      const task = this.#queue.shift();
      if (!task) break;
      slot.task = task;
      const request: RenderRequest = {
        id: task.id,
        data: task.data,
        frame: { ...task.frame, logo: task.frame.logo ? new Uint8Array(task.frame.logo) : null },
      };
      slot.worker.postMessage(request);
    }
    this.#scheduleIdle();
  }

  #start(): Slot {
    const worker = launchWorker(this.#launcher as WorkerLauncher, { name: 'briefing-render', resourceLimits: WORKER_LIMITS });
    // A pool at rest never keeps the process alive; a running task holds it (see #finish).
    worker.unref();
    const slot: Slot = { worker, task: null };
    this.#slots.push(slot);
    worker.on('message', (reply: RenderReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = null;
      if (reply.ok) task.resolve({ bytes: Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), pages: reply.pages });
      else task.reject(new AppError('internal', `The packet could not be laid out: ${reply.message}`));
      this.#pump();
    });
    const lost = (reason: string) => {
      const index = this.#slots.indexOf(slot);
      if (index === -1) return;
      this.#slots.splice(index, 1);
      slot.task?.reject(new AppError('internal', `A packet's render worker stopped: ${reason}`));
      slot.task = null;
      this.#pump();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`it exited with code ${code}`));
    return slot;
  }

  #runHere(): void {
    if (this.#runningHere) return;
    this.#runningHere = true;
    const next = () => {
      const task = this.#queue.shift();
      if (!task) {
        this.#runningHere = false;
        return;
      }
      renderPacket(task.data, task.frame).then(task.resolve, (error: unknown) =>
        task.reject(new AppError('internal', `The packet could not be laid out: ${error instanceof Error ? error.message : String(error)}`)),
      );
      // One packet per turn: other calls are answered between them.
      setImmediate(next);
    };
    setImmediate(next);
  }

  #scheduleIdle(): void {
    const busy = this.#queue.length > 0 || this.#slots.some((s) => s.task !== null);
    // Keep the process alive while packets are under way (a worker alone is unref'd).
    for (const slot of this.#slots) {
      if (slot.task) slot.worker.ref();
      else slot.worker.unref();
    }
    if (busy || this.#slots.length === 0 || this.#idleTimer) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      const idle = this.#slots.filter((s) => s.task === null);
      for (const slot of idle) {
        this.#slots.splice(this.#slots.indexOf(slot), 1);
        void slot.worker.terminate();
      }
    }, IDLE_MS);
    this.#idleTimer.unref();
  }

  #clearIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

/**
 * Where the render worker is: out/main/briefingWorker.js once built, else (running from the
 * repository) renderWorker.ts through tsx, else null (render on this thread). See workers.ts.
 */
export function findRenderWorker(from = import.meta.dirname): WorkerLauncher | null {
  return findWorker('briefingWorker.js', from, (dir) => join(dir, 'renderWorker.ts'));
}

let shared: RenderPool | null = null;

/** The process's pool: two workers at most (a laptop's cores are shared with the window and the backend). */
export function renderPool(): RenderPool {
  shared ??= new RenderPool(findRenderWorker(), Math.min(2, availableParallelism()));
  return shared;
}

/** Replaces the process's pool (tests: a pool without workers, or one of their own). */
export function setRenderPool(pool: RenderPool | null): void {
  shared = pool;
}
