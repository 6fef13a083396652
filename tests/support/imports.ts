import { MAX_IMPORT_CHUNK_BYTES, type ImportEntity } from '@shared/directory/imports';

/** Makes one call and returns its value (throwing when it fails): each test support has its own. */
export type ImportCall = (method: 'imports.begin' | 'imports.append', input: unknown) => Promise<unknown>;

/**
 * Uploads a file for import as the renderer does: `imports.begin`, then its pieces in order
 * (`pieceBytes` each); returns the id `imports.open` takes.
 */
export async function uploadImport(
  call: ImportCall,
  file: { entity: ImportEntity; fileName: string; content: string | Buffer },
  pieceBytes = MAX_IMPORT_CHUNK_BYTES,
): Promise<string> {
  const bytes = Buffer.from(file.content);
  const { importId } = (await call('imports.begin', { entity: file.entity, fileName: file.fileName, size: bytes.length })) as { importId: string };
  for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
    await call('imports.append', { importId, offset, data: bytes.subarray(offset, offset + pieceBytes).toString('base64') });
  }
  return importId;
}
