import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { batchTask } from '@shared/briefings/contract';
import type { AppEvent } from '@shared/rpc';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { PacketData, PacketFrame } from '../../../electron/backend/briefings/packet';
import { RenderPool, findRenderWorker, renderPool, setRenderPool, type RenderedPacket } from '../../../electron/backend/briefings/pool';
import { fails, ok, useTempDir } from '../../support/backend';
import { readPdf, squash } from '../../support/pdf';
import { seedPacketWorld, type PacketWorld } from '../../support/samples/briefings';

// Batches: a committee, a campaign's targets or a list of officials, made by the render workers
// while the backend goes on answering, reported as progress events, cancellable, and saved as one
// ZIP of one PDF per official.

async function backendWithEvents(): Promise<{ backend: Backend; events: AppEvent[] }> {
  const events: AppEvent[] = [];
  const backend = await createBackend({ workspacePath: join(useTempDir(), 'batch.coalition'), create: true, validateOutputs: true, onEvent: (e) => events.push(e) });
  return { backend, events };
}

async function until(backend: Backend, jobId: string, states: string[] = ['done', 'failed', 'cancelled']) {
  for (let i = 0; i < 1200; i++) {
    const status = await ok(backend, 'briefings.batchStatus', { jobId });
    if (states.includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The batch did not finish in a minute.');
}

/** More officials on the committee and the campaign: a batch long enough to watch. */
async function addOfficials(backend: Backend, world: PacketWorld, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const official = await ok(backend, 'policy.officials.create', {
      name: `Senator ${['Zoë Ångström', 'Nguyễn Văn An', 'José Peña', 'Ирина Волкова'][i % 4]} ${i + 1}`,
      title: 'State Senator',
      level: 'state',
      bodyId: null,
      district: `District ${i + 5}`,
      jurisdiction: '',
      party: '',
      email: '',
      phone: '',
      officeAddress: '',
      website: '',
      termStart: null,
      termEnd: null,
      notes: '',
      committees: [{ committeeId: world.committeeId, role: 'member' }],
      staffers: [],
    });
    ids.push(official.id);
  }
  return ids;
}

describe('briefing packet batches', () => {
  let backend: Backend | null = null;
  afterEach(async () => {
    setRenderPool(null);
    await backend?.close();
    backend = null;
  });

  it('runs in worker threads when started from the repository', () => {
    expect(findRenderWorker(join(import.meta.dirname, '../../../electron/backend/briefings'))).toMatchObject({ eval: true });
    expect(renderPool().workers).toBeGreaterThanOrEqual(1);
  });

  it("makes one PDF per committee member in one ZIP named by official, reporting progress as it goes", async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    await addOfficials(backend, world, 3);

    const scope = await ok(backend, 'briefings.scope', { scope: { kind: 'committee', committeeId: world.committeeId } });
    expect(scope.label).toBe('Health and Human Services');
    expect(scope.officials).toHaveLength(4);

    const started = await ok(backend, 'briefings.startBatch', { scope: { kind: 'committee', committeeId: world.committeeId }, day: world.day });
    expect(started.total).toBe(4);
    expect(started.fileName).toBe('briefing-packets-health-and-human-services-2026-11-26.zip');
    const status = await until(backend, started.jobId);
    expect(status).toMatchObject({ state: 'done', done: 4, total: 4, failed: [], error: '' });

    const progress = opened.events.filter((e): e is Extract<AppEvent, { type: 'progress' }> => e.type === 'progress' && e.task === batchTask(started.jobId));
    expect(progress[0]).toMatchObject({ done: 0, total: 4 });
    expect(progress.map((e) => e.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.slice(1).map((e) => e.message).sort()).toEqual(scope.officials.map((o) => o.name).sort());

    const result = await ok(backend, 'briefings.batchResult', { jobId: started.jobId });
    expect(result).toMatchObject({ fileName: started.fileName, mimeType: 'application/zip', encoding: 'base64', packets: 4, failed: [] });
    const files = unzipSync(Buffer.from(result.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['senator-jose-pena-3.pdf', 'senator-nguyen-van-an-2.pdf', 'senator-zoe-angstrom-1.pdf', 'олена-коваленко.pdf']);
    for (const [name, bytes] of Object.entries(files)) {
      const read = readPdf(Buffer.from(bytes), name);
      expect(read.pages, name).toBeGreaterThanOrEqual(2);
      expect(read.text, name).toContain(`Page 1 of ${read.pages}`);
    }
    const kovalenko = Object.entries(files).find(([name]) => name === 'олена-коваленко.pdf');
    expect(kovalenko, Object.keys(files).join(', ')).toBeDefined();
    expect(squash(readPdf(Buffer.from(kovalenko?.[1] ?? new Uint8Array())).text)).toContain(world.shown.approved);
  });

  it("makes a campaign's targets' packets, and a chosen list's", async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    const byCampaign = await ok(backend, 'briefings.startBatch', { scope: { kind: 'campaign', campaignId: world.campaignId }, day: world.day });
    expect(byCampaign.total).toBe(1);
    const chosen = await ok(backend, 'briefings.startBatch', { scope: { kind: 'officials', officialIds: [world.officialId, world.emptyOfficialId] }, day: world.day });
    expect(chosen.total).toBe(2);
    expect(chosen.fileName).toBe('briefing-packets-2-officials-2026-11-26.zip');
    for (const job of [byCampaign, chosen]) {
      expect(await until(backend, job.jobId)).toMatchObject({ state: 'done', done: job.total });
      const files = unzipSync(Buffer.from((await ok(backend, 'briefings.batchResult', { jobId: job.jobId })).content, 'base64'));
      expect(Object.keys(files)).toHaveLength(job.total);
    }
  });

  it('answers other calls while the workers render, and cancels: waiting packets are dropped and there is nothing to save', async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    await addOfficials(backend, world, 11);
    const started = await ok(backend, 'briefings.startBatch', { scope: { kind: 'committee', committeeId: world.committeeId }, day: world.day });
    expect(started.total).toBe(12);
    // The backend answers while the packets are laid out elsewhere.
    const list = await ok(backend, 'policy.officials.list', { filters: {}, offset: 0, limit: 50 });
    expect(list.total).toBe(13);
    expect((await ok(backend, 'briefings.batchStatus', { jobId: started.jobId })).state).toBe('rendering');

    const cancelled = await ok(backend, 'briefings.cancelBatch', { jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(12);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Packets under way when it was cancelled finish in their worker, but count for nothing.
    expect(await ok(backend, 'briefings.batchStatus', { jobId: started.jobId })).toMatchObject({ state: 'cancelled', done: cancelled.done });
    const error = await fails(backend, 'briefings.batchResult', { jobId: started.jobId });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/cancelled before it finished/);
    // Cancelling again changes nothing.
    expect((await ok(backend, 'briefings.cancelBatch', { jobId: started.jobId })).state).toBe('cancelled');
  });

  it('refuses an empty committee, unknown records and unknown batches with the field named', async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    const committee = await ok(backend, 'policy.committees.create', { name: 'Rules', bodyId: null, description: '' });
    const empty = await fails(backend, 'briefings.startBatch', { scope: { kind: 'committee', committeeId: committee.id }, day: world.day });
    expect(empty).toMatchObject({ code: 'validation', message: 'This committee has no members yet. There is no packet to make.' });

    const missing = '00000000-0000-4000-8000-000090000999';
    const unknown = await fails(backend, 'briefings.startBatch', { scope: { kind: 'officials', officialIds: [world.officialId, missing] }, day: world.day });
    expect(unknown.code).toBe('not_found');
    expect(unknown.details).toEqual({ issues: [{ path: 'scope.officialIds.1', message: 'This official does not exist.' }] });
    expect((await fails(backend, 'briefings.scope', { scope: { kind: 'campaign', campaignId: missing } })).code).toBe('not_found');
    const noJob = await fails(backend, 'briefings.batchResult', { jobId: missing });
    expect(noJob.code).toBe('not_found');
    expect(noJob.message).toMatch(/Make it again/);
    const tooMany = await fails(backend, 'briefings.startBatch', { scope: { kind: 'officials', officialIds: Array.from({ length: 1001 }, () => missing) }, day: world.day });
    expect(tooMany.code).toBe('validation');
    expect(tooMany.message).toMatch(/at most 1,000 officials/);
  });

  it('fails a batch clearly when its packets would not fit in one saved file, and records a packet that could not be laid out', async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    await addOfficials(backend, world, 3);

    class HugePool extends RenderPool {
      override render(_data: PacketData, _frame: PacketFrame): Promise<RenderedPacket> {
        return Promise.resolve({ bytes: Buffer.alloc(20 * 1024 * 1024), pages: 1 });
      }
    }
    setRenderPool(new HugePool(null, 1));
    const huge = await ok(backend, 'briefings.startBatch', { scope: { kind: 'committee', committeeId: world.committeeId }, day: world.day });
    const failed = await until(backend, huge.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/more than 50 MB, more than one saved file may hold\. Make the batch smaller/);
    expect((await fails(backend, 'briefings.batchResult', { jobId: huge.jobId })).message).toMatch(/This batch failed: The packets come to more than 50 MB/);

    class FlakyPool extends RenderPool {
      override render(data: PacketData, frame: PacketFrame): Promise<RenderedPacket> {
        return data.official.id === world.emptyOfficialId ? Promise.reject(new Error('no room on the page')) : super.render(data, frame);
      }
    }
    setRenderPool(new FlakyPool(null, 1));
    const flaky = await ok(backend, 'briefings.startBatch', { scope: { kind: 'officials', officialIds: [world.officialId, world.emptyOfficialId] }, day: world.day });
    expect(await until(backend, flaky.jobId)).toMatchObject({ state: 'done', done: 2, failed: [{ officialName: 'Νίκος Παπαδόπουλος', message: 'no room on the page' }] });
    const result = await ok(backend, 'briefings.batchResult', { jobId: flaky.jobId });
    expect(result.packets).toBe(1);
    expect(Object.keys(unzipSync(Buffer.from(result.content, 'base64')))).toEqual(['олена-коваленко.pdf']);
  });
  it('lists the packets a stopped pool never made instead of leaving them out silently', async () => {
    const opened = await backendWithEvents();
    backend = opened.backend;
    const world = await seedPacketWorld(backend);
    await addOfficials(backend, world, 5);
    const pool = new RenderPool(null, 1);
    setRenderPool(pool);
    const started = await ok(backend, 'briefings.startBatch', { scope: { kind: 'committee', committeeId: world.committeeId }, day: world.day });
    await pool.close();
    const status = await until(backend, started.jobId);
    expect(status.done).toBe(6);
    expect(status.failed.length).toBeGreaterThanOrEqual(1);
    for (const f of status.failed) expect(f.message).toBe('The render workers were stopped before this packet was made.');
    if (status.state === 'done') {
      const result = await ok(backend, 'briefings.batchResult', { jobId: started.jobId });
      expect(Object.keys(unzipSync(Buffer.from(result.content, 'base64')))).toHaveLength(6 - status.failed.length);
    } else {
      expect(status.error).toMatch(/^No packet could be made: The render workers were stopped/);
    }
  });
});
