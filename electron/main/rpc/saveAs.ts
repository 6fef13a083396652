import { basename, extname } from 'node:path';
import type { Output } from '@shared/contract';
import { filesContract, MAX_EXPORT_BYTES } from '@shared/files/contract';
import type { RpcResult } from '@shared/rpc';
import { validationError } from '@shared/validation';

// file.saveAs, answered by the shell: ask where to save an export, then write it there.
// Pure apart from the injected dialog and file write, so it is unit-tested with fakes.

export interface SaveAsDeps {
  /** Shows the native Save dialog; null when the coordinator cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, data: Buffer): Promise<void>;
}

/** Save-dialog filters for an export: its own extension first, so the dialog keeps it. */
export function saveDialogFilters(suggestedName: string): { name: string; extensions: string[] }[] {
  const extension = extname(suggestedName).slice(1);
  if (extension === '') return [];
  return [
    { name: `${extension.toUpperCase()} file`, extensions: [extension] },
    { name: 'All files', extensions: ['*'] },
  ];
}

type SaveAsOutput = Output<'file.saveAs'>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function invalid(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'validation', message } };
}

export async function saveAs(input: unknown, deps: SaveAsDeps): Promise<RpcResult<SaveAsOutput>> {
  const parsed = filesContract['file.saveAs'].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError('file.saveAs', parsed.error, 'input').toPayload() };
  const { suggestedName, content, encoding } = parsed.data;

  // Buffer.from(..., 'base64') skips bad characters silently; a corrupt export must not be written.
  if (encoding === 'base64' && !BASE64.test(content)) return invalid('The export is not valid base64, so it was not saved.');
  const data = Buffer.from(content, encoding);
  if (data.byteLength > MAX_EXPORT_BYTES) {
    return invalid(`The export is larger than ${MAX_EXPORT_BYTES / (1024 * 1024)} MB, so it was not saved.`);
  }

  const path = await deps.chooseSavePath(suggestedName);
  if (path === null) return { ok: true, value: { saved: false, fileName: null } };
  try {
    await deps.writeFile(path, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `Could not save ${basename(path)}: ${reason}` } };
  }
  return { ok: true, value: { saved: true, fileName: basename(path) } };
}
