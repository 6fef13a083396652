import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));
const alias = { '@shared': resolve(root, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The backend host runs in a utilityProcess (app) or a worker thread (harness).
          backendHost: resolve(root, 'electron/backend/host/entry.ts'),
          // Checks backups (integrity_check) off the host's thread.
          backupCheck: resolve(root, 'electron/backend/backups/checkWorker.ts'),
          // Lays briefing packets out off the backend's thread (briefings/pool.ts finds it next to the host).
          briefingWorker: resolve(root, 'electron/backend/briefings/renderWorker.ts'),
          // Reads and converts a large import's rows off the backend's thread (directory/imports/rows.ts finds it next to the host).
          importWorker: resolve(root, 'electron/backend/directory/imports/worker.ts'),
          // Copies a large write's log into the workspace file off the backend's thread (db/checkpoints.ts finds it next to the host).
          checkpointWorker: resolve(root, 'electron/backend/db/checkpointWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload must be a single CommonJS file.
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
