import { parentPort } from 'node:worker_threads';
import { convertHere, directoryMatchKeys, freshChecker, WORKER_AHEAD, workerConverters, workerFailure, type PlannerMessage, type RowsSpec, type WorkerMessage } from './rows';

// The import's worker (built as out/main/importWorker.js; see rows.ts): for each file the planner
// sends ('start'), reads it, converts its rows with the mapping, computes their match keys and
// checks each readable row as a new record would be when the planner is behind (else the planner
// checks that batch itself), and posts them a batch at a time, at most WORKER_AHEAD batches before
// the planner asks for more ('next', as it takes one), then 'done'. It never opens the workspace,
// and never holds the whole file. The planner stops it (terminate) if it leaves a file half-way.

const port = parentPort;
if (!port) throw new Error('The import worker must run in a worker thread.');

const post = (message: WorkerMessage) => port.postMessage(message);

let credit = 0;
let wake: (() => void) | null = null;

async function convertFile(spec: RowsSpec): Promise<void> {
  if (spec.entity === 'official') throw new Error('Officials are converted on the backend thread.');
  const { entity } = spec;
  const check = freshChecker(entity);
  for await (const batch of convertHere(spec, workerConverters(entity))) {
    // Take the planner's 'next' messages so far (a batch cut from a chunk already parsed comes
    // without a turn of the event loop).
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Unless the planner is behind (no batch may be posted now), it checks this one itself.
    const share = !spec.checkAll && credit > 0;
    for (const row of batch) {
      const { patch } = row;
      if (!patch) continue;
      row.keys = directoryMatchKeys(entity, patch);
      if (share) continue;
      row.fresh = check(patch);
      // What the planner reads of a valid new row's patch, unless it may apply it to a record: people's organization.
      if (row.fresh.ok && !spec.patches) row.patch = 'organization' in patch ? { organization: patch.organization } : {};
    }
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    post({ type: 'batch', rows: batch });
  }
  post({ type: 'done' });
}

port.on('message', (message: PlannerMessage) => {
  if (message.type === 'next') {
    credit += 1;
    wake?.();
    wake = null;
  } else if (message.type === 'start') {
    credit = WORKER_AHEAD;
    convertFile(message.spec).catch((error: unknown) => post({ type: 'error', error: workerFailure(error) }));
  }
});
