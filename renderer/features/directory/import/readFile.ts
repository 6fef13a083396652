import { MAX_IMPORT_CHUNK_BYTES, type ImportEntity } from '@shared/directory/imports';
import { call } from '../../../api/client';

/** A piece of a file as base64 (what imports.append takes). */
function readAsBase64(piece: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // readAsDataURL always yields a string: "data:<type>;base64,<content>".
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`The file could not be read: ${reader.error?.message ?? 'unknown error'}.`));
    reader.readAsDataURL(piece);
  });
}

/** Thrown when the coordinator cancels an upload. */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled.');
  }
}

/**
 * Uploads a file for import a piece at a time (File.slice: the file is never read whole), reporting
 * the bytes sent; returns the id imports.open takes. A failed or cancelled upload is discarded.
 */
export async function uploadFile(file: File, entity: ImportEntity, onProgress: (sent: number) => void, signal: AbortSignal): Promise<string> {
  const { importId } = await call('imports.begin', { entity, fileName: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += MAX_IMPORT_CHUNK_BYTES) {
      if (signal.aborted) throw new UploadCancelled();
      const data = await readAsBase64(file.slice(offset, offset + MAX_IMPORT_CHUNK_BYTES));
      if (signal.aborted) throw new UploadCancelled();
      await call('imports.append', { importId, offset, data });
      onProgress(Math.min(file.size, offset + MAX_IMPORT_CHUNK_BYTES));
    }
  } catch (error) {
    discardImport(importId);
    throw error;
  }
  return importId;
}

/** Lets the backend delete a file it holds for import. Best effort: it deletes leftovers when the workspace closes anyway. */
export function discardImport(importId: string | null): void {
  if (importId) call('imports.discard', { importId }).catch(() => undefined);
}
