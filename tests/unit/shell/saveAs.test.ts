import { mkdtempSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_EXPORT_BYTES } from '@shared/files/contract';
import { saveAs, saveDialogFilters, type SaveAsDeps } from '../../../electron/main/rpc/saveAs';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'coalition-save-'));
}

/** Real file writes; the dialog is a fake that "chooses" `target` (null = cancelled). */
function deps(target: string | null) {
  const chooseSavePath = vi.fn((_suggestedName: string) => Promise.resolve(target));
  const d: SaveAsDeps = { chooseSavePath, writeFile: (path, data) => writeFile(path, data) };
  return Object.assign(d, { dialog: chooseSavePath });
}

const csv = { suggestedName: 'partners.csv', mimeType: 'text/csv', content: 'name\nHousing Now – Ünited\n', encoding: 'utf8' as const };

describe('file.saveAs', () => {
  it('asks where to save with the suggested name, writes text as UTF-8, and names the file', async () => {
    const target = join(folder(), 'Partners export.csv');
    const d = deps(target);
    await expect(saveAs(csv, d)).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'Partners export.csv' } });
    expect(d.dialog).toHaveBeenCalledWith('partners.csv');
    expect(readFileSync(target, 'utf8')).toBe(csv.content);
  });

  it('decodes base64 content to bytes', async () => {
    const target = join(folder(), 'report.pdf');
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const input = { suggestedName: 'report.pdf', mimeType: 'application/pdf', content: bytes.toString('base64'), encoding: 'base64' };
    await expect(saveAs(input, deps(target))).resolves.toMatchObject({ ok: true, value: { saved: true } });
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  it('reports a cancelled dialog as not saved', async () => {
    await expect(saveAs(csv, deps(null))).resolves.toEqual({ ok: true, value: { saved: false, fileName: null } });
  });

  it.each([
    ['a missing field', { suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x' }],
    ['an unknown field', { ...csv, path: '/etc/passwd' }],
    ['a path in the name', { ...csv, suggestedName: '../../.bashrc' }],
    ['a Windows path in the name', { ...csv, suggestedName: 'C:\\evil.csv' }],
    ['an empty name', { ...csv, suggestedName: '' }],
    ['an unknown encoding', { ...csv, encoding: 'latin1' }],
    ['not an object', 'partners.csv'],
  ])('rejects input with %s before showing any dialog', async (_what, input) => {
    const d = deps('/never');
    const result = await saveAs(input, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(d.dialog).not.toHaveBeenCalled();
  });

  it('names the fields at fault in validation errors', async () => {
    const result = await saveAs({ ...csv, suggestedName: 'a/b.csv' }, deps('/never'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/suggestedName/);
      expect(result.error.details).toMatchObject({ issues: [{ path: 'suggestedName' }] });
    }
  });

  it('refuses corrupt base64 rather than writing a damaged file', async () => {
    const d = deps('/never');
    const result = await saveAs({ ...csv, encoding: 'base64', content: 'JVBERi0x*&^%' }, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(d.dialog).not.toHaveBeenCalled();
  });

  it('refuses text that is over the export limit once encoded', async () => {
    // Under the schema's character limit, but over the byte limit as UTF-8 (2 bytes per character).
    const content = 'é'.repeat(MAX_EXPORT_BYTES / 2 + 1);
    const d = deps('/never');
    await expect(saveAs({ ...csv, content }, d)).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(d.dialog).not.toHaveBeenCalled();
  });

  it('reports a write failure with the file name and reason', async () => {
    const missingFolder = join(folder(), 'gone', 'partners.csv');
    const result = await saveAs(csv, deps(missingFolder));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Could not save partners\.csv: .*ENOENT/);
  });

  it('offers the export type in the dialog filters', () => {
    expect(saveDialogFilters('impact-report.pdf')).toEqual([
      { name: 'PDF file', extensions: ['pdf'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(saveDialogFilters('README')).toEqual([]);
  });
});
