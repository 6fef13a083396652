import { parentPort } from 'node:worker_threads';
import { renderPacket } from './layout';
import type { RenderReply, RenderRequest } from './pool';

// A render worker (built as out/main/briefingWorker.js): lays packets out one at a time, as the
// pool sends them, and posts each PDF back (its bytes transferred, not copied). It never opens
// the workspace: a packet's data arrives with the request.

const port = parentPort;
if (!port) throw new Error('The briefing render worker must run in a worker thread.');

port.on('message', (request: RenderRequest) => {
  const frame = { ...request.frame, logo: request.frame.logo ? Buffer.from(request.frame.logo) : null };
  renderPacket(request.data, frame).then(
    ({ bytes, pages }) => {
      // A Buffer may be a view into a shared pool: transfer a copy of exactly its bytes.
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      port.postMessage({ id: request.id, ok: true, bytes: copy, pages } satisfies RenderReply, [copy.buffer]);
    },
    (error: unknown) => {
      port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
    },
  );
});
