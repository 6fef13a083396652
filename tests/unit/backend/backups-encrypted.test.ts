import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '@shared/errors';
import { decryptFile, encryptFile, FORMAT_VERSION, HEADER_LENGTH, MAGIC, type ScryptParams } from '../../../electron/backend/backups/encrypted';
import { copyFromFile, snapshot, verifyCopy } from '../../../electron/backend/backups/snapshot';
import { ok, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/samples';
import { tempDir } from '../../support/workspace';

// Cheap scrypt settings keep these tests fast; the format stores them, so decryption reads them.
const FAST: ScryptParams = { log2N: 12, r: 8, p: 1 };
const PASS = 'correct horse battery staple';

async function encryptedWorkspace() {
  const { backend, path } = await useBackend();
  for (let i = 0; i < 25; i++) await ok(backend, 'organizations.create', organizationInput({ name: `Partner ${i} – Ünited` }));
  const tmp = tempDir('coalition-encrypted-');
  onTestFinished(() => tmp.cleanup());
  const plain = join(tmp.dir, 'plain.coalition');
  await snapshot(copyFromFile(path), plain);
  const file = join(tmp.dir, 'Northgate backup.cdbackup');
  const size = await encryptFile(plain, file, PASS, FAST);
  return { dir: tmp.dir, plain, file, size };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

describe('encrypted backup files', () => {
  it('round-trips: the decrypted file is the workspace, byte for byte, and holds no plaintext', async () => {
    const { dir, plain, file, size } = await encryptedWorkspace();
    expect(size).toBe(statSync(file).size);
    expect(size).toBe(statSync(plain).size + HEADER_LENGTH + 16);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).equals(MAGIC)).toBe(true);
    expect(bytes.readUInt16BE(8)).toBe(FORMAT_VERSION);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Partner 1'))).toBe(false);

    const out = join(dir, 'out.coalition');
    await decryptFile(file, out, PASS);
    expect(readFileSync(out).equals(readFileSync(plain))).toBe(true);
    expect(verifyCopy(out).counts.organizations).toBe(25);
  });

  it('a wrong passphrase gets a clear error on the passphrase field and writes nothing', async () => {
    const { dir, file } = await encryptedWorkspace();
    const out = join(dir, 'out.coalition');
    const error = await failure(decryptFile(file, out, 'not the passphrase'));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('The passphrase does not match this backup file. Nothing was restored.');
    expect(error.details).toEqual({ issues: [{ path: 'passphrase', message: 'The passphrase does not match this backup file.' }] });
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['the format version', 9, /damaged or was changed|unknown file format/],
    ['the salt', 20, /passphrase does not match|damaged/],
    ['the IV', 33, /damaged or was changed/],
    ['the body', HEADER_LENGTH + 100, /damaged or was changed/],
    ['the tag', -3, /damaged or was changed/],
  ])('a flipped byte in %s is caught and nothing is written', async (_where, offset, message) => {
    const { dir, file } = await encryptedWorkspace();
    flipByte(file, offset < 0 ? statSync(file).size + offset : offset);
    const out = join(dir, 'out.coalition');
    const error = await failure(decryptFile(file, out, PASS));
    expect(error.message).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['Northgate backup.cdbackup', 'plain.coalition']);
  });

  it.each([
    ['in the body', (size: number) => size - 1000],
    ['by its tag', (size: number) => size - 8],
    ['inside the header', () => 20],
    ['to nothing', () => 0],
  ])('a file cut short %s is caught', async (_where, length) => {
    const { dir, file } = await encryptedWorkspace();
    truncateSync(file, length(statSync(file).size));
    const out = join(dir, 'out.coalition');
    const error = await failure(decryptFile(file, out, PASS));
    expect(error.code).toBe('workspace');
    expect(error.message).toMatch(/damaged or was changed|cut short|not a Coalition Desk backup file/);
    expect(existsSync(out)).toBe(false);
  });

  it('a file from a newer format version is refused, saying why', async () => {
    const { dir, file } = await encryptedWorkspace();
    const fd = openSync(file, 'r+');
    const version = Buffer.alloc(2);
    version.writeUInt16BE(FORMAT_VERSION + 1);
    writeSync(fd, version, 0, 2, 8);
    closeSync(fd);
    const error = await failure(decryptFile(file, join(dir, 'out.coalition'), PASS));
    expect(error.message).toBe(
      `This backup file was written by a newer version of Coalition Desk (file format ${FORMAT_VERSION + 1}; this version reads format ${FORMAT_VERSION}). Update Coalition Desk to restore it. Nothing was restored.`,
    );
  });

  it('a file that is not a backup at all is named as such', async () => {
    const { dir, plain } = await encryptedWorkspace();
    const error = await failure(decryptFile(plain, join(dir, 'out.coalition'), PASS));
    expect(error.message).toBe('This is not a Coalition Desk backup file. Nothing was restored.');
  });

  it('refuses key settings a crafted file could use to exhaust memory', async () => {
    const { dir, file } = await encryptedWorkspace();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([30]), 0, 1, 11);
    closeSync(fd);
    const error = await failure(decryptFile(file, join(dir, 'out.coalition'), PASS));
    expect(error.message).toMatch(/key settings are not valid/);
  });
});
