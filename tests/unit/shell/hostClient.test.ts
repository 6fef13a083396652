import { describe, expect, it } from 'vitest';
import type { AppEvent, RpcResult } from '@shared/rpc';
import type { HostRequest } from '../../../electron/backend/host/protocol';
import { HostClient, SHUTTING_DOWN_MESSAGE, type HostPort } from '../../../electron/main/host/hostClient';

/** A host process stand-in: records what the client posts and lets the test answer or crash. */
class FakePort implements HostPort {
  readonly sent: HostRequest[] = [];
  killed = false;
  #onMessage: ((message: unknown) => void) | null = null;
  #onExit: ((code: number) => void) | null = null;

  postMessage(message: HostRequest): void {
    this.sent.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.#onMessage = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.#onExit = listener;
  }
  kill(): void {
    this.killed = true;
  }

  receive(message: unknown): void {
    this.#onMessage?.(message);
  }
  ready(): void {
    this.receive({ kind: 'ready' });
  }
  answer(id: number, result: RpcResult): void {
    this.receive({ kind: 'result', id, result });
  }
  exit(code: number): void {
    this.#onExit?.(code);
  }
}

function setup(options: { maxRestarts?: number; clock?: { now: number } } = {}) {
  const ports: FakePort[] = [];
  const events: AppEvent[] = [];
  const clock = options.clock ?? { now: 0 };
  const client = new HostClient({
    start: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    onEvent: (event) => events.push(event),
    maxRestarts: options.maxRestarts ?? 3,
    restartWindowMs: 60_000,
    now: () => clock.now,
  });
  const port = (i = ports.length - 1): FakePort => {
    const p = ports[i];
    if (!p) throw new Error(`no port ${i}`);
    return p;
  };
  return { client, ports, port, events, clock };
}

function idOf(request: HostRequest | undefined): number {
  if (!request) throw new Error('nothing was sent');
  return request.id;
}

const ok = (value: unknown): RpcResult => ({ ok: true, value });

describe('HostClient', () => {
  it('starts one host and waits for it to be ready before sending', async () => {
    const { client, ports, port } = setup();
    expect(ports).toHaveLength(1);
    const answer = client.call('profile.get', {});
    expect(port().sent).toEqual([]);
    port().ready();
    expect(port().sent).toEqual([{ kind: 'call', id: 1, method: 'profile.get', input: {} }]);
    port().answer(1, ok({ name: 'Housing Now' }));
    await expect(answer).resolves.toEqual(ok({ name: 'Housing Now' }));
  });

  it('matches results to calls by id, in any order', async () => {
    const { client, port } = setup();
    port().ready();
    const first = client.call('a.one', 1);
    const second = client.call('a.two', 2);
    const [r1, r2] = port().sent;
    port().answer(idOf(r2), ok('two'));
    port().answer(idOf(r1), ok('one'));
    await expect(first).resolves.toEqual(ok('one'));
    await expect(second).resolves.toEqual(ok('two'));
    expect(idOf(r1)).not.toBe(idOf(r2));
  });

  it('passes error results through untouched', async () => {
    const { client, port } = setup();
    port().ready();
    const answer = client.call('charter.get', { id: 'x' });
    const failure: RpcResult = { ok: false, error: { code: 'validation', message: 'Bad id', details: { issues: [] } } };
    port().answer(idOf(port().sent[0]), failure);
    await expect(answer).resolves.toEqual(failure);
  });

  it('sends open requests for workspaces', async () => {
    const { client, port } = setup();
    port().ready();
    const answer = client.open('/home/ana/a.coalition', true);
    expect(port().sent[0]).toEqual({ kind: 'open', id: 1, path: '/home/ana/a.coalition', create: true });
    port().answer(1, ok({ fileName: 'a.coalition' }));
    await expect(answer).resolves.toEqual(ok({ fileName: 'a.coalition' }));
  });

  it('forwards events', () => {
    const { port, events } = setup();
    port().receive({ kind: 'event', event: { type: 'progress', task: 'report', done: 1, total: 4 } });
    port().receive({ kind: 'event', event: { type: 'workspace-changed', fileName: 'b.coalition' } });
    expect(events).toEqual([
      { type: 'progress', task: 'report', done: 1, total: 4 },
      { type: 'workspace-changed', fileName: 'b.coalition' },
    ]);
  });

  it('ignores malformed messages and results for unknown ids', async () => {
    const { client, port, events } = setup();
    port().ready();
    const answer = client.call('x.y', null);
    for (const junk of [null, 'ready', { kind: 'result', id: 1 }, { kind: 'result', id: 1, result: { ok: 'yes' } }, { kind: 'event' }, { kind: 'boom' }]) {
      port().receive(junk);
    }
    port().answer(99, ok('stray'));
    expect(events).toEqual([]);
    port().answer(1, ok('real'));
    await expect(answer).resolves.toEqual(ok('real'));
  });

  it('fails every pending call with a clear internal error when the host exits, then restarts it with a fresh start', async () => {
    const { client, ports, port } = setup();
    port().ready();
    const inFlight = client.call('report.build', {});
    const another = client.call('a.b', 1);
    port().exit(9);
    const failed = await inFlight;
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe('internal');
      expect(failed.error.message).toMatch(/backend stopped unexpectedly \(exit code 9\).*restarting/);
    }
    await expect(another).resolves.toMatchObject({ ok: false });
    expect(ports).toHaveLength(2);

    // The new host gets new calls once it is ready; nothing from before is replayed.
    const next = client.call('profile.get', {});
    expect(port(1).sent).toEqual([]);
    port(1).ready();
    expect(port(1).sent[0]).toMatchObject({ kind: 'call', method: 'profile.get' });
    expect(port(1).sent.filter((r) => r.kind === 'call' && r.method === 'profile.get')).toHaveLength(1);
    port(1).answer(idOf(port(1).sent[0]), ok('after restart'));
    await expect(next).resolves.toEqual(ok('after restart'));
  });

  it('tells the window which workspace the restarted host has open', async () => {
    const { client, port, events } = setup();
    port().ready();
    port().exit(3);
    const queued = client.call('profile.get', {});
    port(1).ready();
    // Queued calls go first, then the shell asks which workspace is open.
    expect(port(1).sent.map((r) => (r.kind === 'call' ? r.method : r.kind))).toEqual(['profile.get', 'workspace.info']);
    port(1).answer(idOf(port(1).sent[1]), ok({ fileName: 'default.coalition', path: '/data/default.coalition' }));
    port(1).answer(idOf(port(1).sent[0]), ok('profile'));
    await queued;
    expect(events).toEqual([{ type: 'workspace-changed', fileName: 'default.coalition' }]);
  });

  it('announces nothing on the first start, nor when the restarted host cannot say', async () => {
    const { port, events } = setup();
    port().ready();
    expect(port().sent).toEqual([]);
    port().exit(3);
    port(1).ready();
    port(1).answer(idOf(port(1).sent[0]), { ok: false, error: { code: 'workspace', message: 'No workspace is open.' } });
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the answer's callbacks run
    expect(events).toEqual([]);
  });

  it('ignores late messages from a host that was replaced', async () => {
    const { client, port } = setup();
    port().ready();
    port().exit(1);
    const call = client.call('a.b', null);
    port(1).ready();
    port(0).answer(idOf(port(1).sent[0]), ok('stale'));
    port(0).receive({ kind: 'event', event: { type: 'workspace-changed', fileName: 'stale' } });
    port(1).answer(idOf(port(1).sent[0]), ok('fresh'));
    await expect(call).resolves.toEqual(ok('fresh'));
  });

  it('gives up after repeated crashes within a minute, and says so', async () => {
    const clock = { now: 0 };
    const { client, ports, port } = setup({ maxRestarts: 2, clock });
    port().exit(1);
    clock.now += 1000;
    port().exit(1);
    clock.now += 1000;
    expect(ports).toHaveLength(3);
    port().exit(1); // third crash within the window: no more restarts
    expect(ports).toHaveLength(3);
    const result = await client.call('a.b', null);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/could not be restarted/);
  });

  it('fails calls clearly when the host cannot even be started again', async () => {
    let starts = 0;
    const first = new FakePort();
    const client = new HostClient({
      start: () => {
        if (starts++ > 0) throw new Error('backendHost.js is missing');
        return first;
      },
      onEvent: () => undefined,
    });
    first.exit(1);
    await expect(client.call('a.b', null)).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: /could not be restarted/ } });
  });

  it('keeps restarting crashes that are far apart', () => {
    const clock = { now: 0 };
    const { ports, port } = setup({ maxRestarts: 1, clock });
    for (let i = 0; i < 5; i++) {
      clock.now += 120_000;
      port().exit(1);
    }
    expect(ports).toHaveLength(6);
  });

  it('shuts down cleanly: sends shutdown, refuses new calls and does not restart', async () => {
    const { client, ports, port } = setup();
    port().ready();
    const pending = client.call('a.b', null);
    const done = client.shutdown();
    const shutdown = port().sent.find((r) => r.kind === 'shutdown');
    expect(shutdown).toBeDefined();
    await expect(client.call('a.c', null)).resolves.toEqual({ ok: false, error: { code: 'internal', message: SHUTTING_DOWN_MESSAGE } });
    port().answer(idOf(shutdown), ok(null));
    await done;
    port().exit(0);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { message: SHUTTING_DOWN_MESSAGE } });
    expect(ports).toHaveLength(1);
  });

  it('finishes shutting down when the host exits instead of answering', async () => {
    const { client, ports, port } = setup();
    port().ready();
    const done = client.shutdown();
    port().exit(0);
    await expect(done).resolves.toBeUndefined();
    expect(ports).toHaveLength(1);
    client.kill();
    expect(port().killed).toBe(false); // already gone: nothing to kill
  });

  it('kills the running host on request', () => {
    const { client, port } = setup();
    client.kill();
    expect(port().killed).toBe(true);
  });
});
