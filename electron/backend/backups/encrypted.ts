import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@shared/errors';
import { describe } from './snapshot';

// The encrypted backup file ("Back up to file…"): one portable file that carries a workspace to
// another laptop. AES-256-GCM over the whole SQLite copy, streamed (a large workspace is never
// held in memory), key from scrypt with a random salt. The header is authenticated as GCM
// additional data, so no byte of the file can change unnoticed.
//
//   offset  size  field
//   0       8     magic "CDSKBKUP"
//   8       2     format version (uint16 BE), 1
//   10      1     key derivation: 1 = scrypt
//   11      1     scrypt log2(N)
//   12      1     scrypt r
//   13      1     scrypt p
//   14      16    salt (random)
//   30      12    GCM IV (random)
//   42      16    key check: SHA-256 of the second half of scrypt's 64-byte output, first 16 bytes
//   58      …     ciphertext (the SQLite file)
//   end-16  16    GCM tag over header (AAD) + ciphertext
//
// scrypt's first 32 bytes are the AES key. The key check tells a wrong passphrase apart from a
// damaged file without decrypting anything.

export const MAGIC = Buffer.from('CDSKBKUP', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_LENGTH = 58;
const TAG_LENGTH = 16;
export const FILE_EXTENSION = 'cdbackup';

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8 (128 MB, about half a second on a laptop): OWASP's recommendation for scrypt. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };
/** What a file may ask for: anything more would let a crafted file exhaust memory. */
const MAX_LOG2N = 20;
const MAX_R = 16;
const MAX_P = 4;

function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ key: Buffer; check: Buffer }> {
  const options: ScryptOptions = { N: 2 ** params.log2N, r: params.r, p: params.p, maxmem: 256 * 2 ** params.log2N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 64, options, (error, derived) => {
      if (error) reject(error);
      else resolve({ key: derived.subarray(0, 32), check: createHash('sha256').update(derived.subarray(32)).digest().subarray(0, 16) });
    });
  });
}

/** Encrypts the file at `source` into `dest` (written under a temporary name, then renamed). */
export async function encryptFile(source: string, dest: string, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<number> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, params);
  const header = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt16BE(FORMAT_VERSION, 8);
  header.writeUInt8(1, 10);
  header.writeUInt8(params.log2N, 11);
  header.writeUInt8(params.r, 12);
  header.writeUInt8(params.p, 13);
  salt.copy(header, 14);
  iv.copy(header, 30);
  check.copy(header, 42);

  const partial = `${dest}.partial`;
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(header);
    const out = createWriteStream(partial, { flags: 'w' });
    out.write(header);
    await pipeline(createReadStream(source), cipher, out);
    const fd = openSync(partial, 'a');
    try {
      writeSync(fd, cipher.getAuthTag());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, dest);
    return statSync(dest).size;
  } catch (error) {
    rmSync(partial, { force: true });
    throw new AppError('workspace', `The backup file could not be written: ${describe(error)}`);
  }
}

function damaged(detail: string): AppError {
  return new AppError('workspace', `This backup file is damaged or was changed after it was written (${detail}). Nothing was restored.`);
}

/** Reads and checks the header; throws a clear error for anything that is not a file we can read. */
export function readHeader(path: string): { header: Buffer; params: ScryptParams; size: number } {
  let size: number;
  const header = Buffer.alloc(HEADER_LENGTH);
  let read: number;
  try {
    size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, HEADER_LENGTH, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new AppError('workspace', `The backup file could not be read: ${describe(error)}`);
  }
  if (read < MAGIC.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('workspace', 'This is not a Coalition Desk backup file. Nothing was restored.');
  }
  if (read < 10) throw damaged('it is cut short');
  const version = header.readUInt16BE(8);
  if (version > FORMAT_VERSION) {
    throw new AppError(
      'workspace',
      `This backup file was written by a newer version of Coalition Desk (file format ${version}; this version reads format ${FORMAT_VERSION}). Update Coalition Desk to restore it. Nothing was restored.`,
      { formatVersion: version },
    );
  }
  if (version !== FORMAT_VERSION) throw damaged(`unknown file format ${version}`);
  if (read < HEADER_LENGTH || size < HEADER_LENGTH + TAG_LENGTH + 1) throw damaged('it is cut short');
  const params = { log2N: header.readUInt8(11), r: header.readUInt8(12), p: header.readUInt8(13) };
  if (header.readUInt8(10) !== 1 || params.log2N < 10 || params.log2N > MAX_LOG2N || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P) {
    throw damaged('its key settings are not valid');
  }
  return { header, params, size };
}

/**
 * Decrypts `source` into `dest`. A wrong passphrase is a `validation` error on the passphrase
 * field; a damaged or changed file is a `workspace` error. On any failure `dest` is removed.
 */
export async function decryptFile(source: string, dest: string, passphrase: string): Promise<void> {
  const { header, params, size } = readHeader(source);
  const { key, check } = await deriveKeys(passphrase, header.subarray(14, 30), params);
  if (!timingSafeEqual(check, header.subarray(42, 58))) {
    const message = 'The passphrase does not match this backup file. Nothing was restored.';
    throw new AppError('validation', message, { issues: [{ path: 'passphrase', message: 'The passphrase does not match this backup file.' }] });
  }
  const tag = Buffer.alloc(TAG_LENGTH);
  const fd = openSync(source, 'r');
  try {
    readSync(fd, tag, 0, TAG_LENGTH, size - TAG_LENGTH);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(30, 42));
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(createReadStream(source, { start: HEADER_LENGTH, end: size - TAG_LENGTH - 1 }), decipher, createWriteStream(dest));
  } catch (error) {
    rmSync(dest, { force: true });
    const message = describe(error);
    throw /auth/i.test(message) ? damaged('its contents do not match their seal') : new AppError('workspace', `The backup file could not be read: ${message}`);
  }
}
