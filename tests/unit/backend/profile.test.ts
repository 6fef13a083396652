import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '@shared/profile/contract';
import type { Backend } from '../../../electron/backend/backend';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { jpeg, png, webp } from '../../support/images';

const PROFILE = { name: 'Lakeshore Community Care Coalition', shortName: 'LCCC', region: 'Lakeshore, State of Columbia', foundedOn: '2017-09-14' };

async function withProfile(backend: Backend) {
  return ok(backend, 'profile.save', PROFILE);
}

/** `bytes` padded with zeros to exactly `size` bytes (image decoders ignore data after the end marker). */
function padded(bytes: Buffer, size: number): Buffer {
  return Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]);
}

describe('coalition profile', () => {
  it('does not exist before it is saved', async () => {
    const { backend } = await useBackend();
    expect(await ok(backend, 'profile.get', {})).toBeNull();
  });

  it('is created, read back and updated', async () => {
    const { backend } = await useBackend();
    const created = await withProfile(backend);
    expect(created).toMatchObject({ ...PROFILE, logoDataUrl: null });
    expect(Date.parse(created.updatedAt)).not.toBeNaN();
    expect(await ok(backend, 'profile.get', {})).toEqual(created);

    const updated = await ok(backend, 'profile.save', { ...PROFILE, name: 'Lakeshore Care Coalition', foundedOn: null });
    expect(updated).toMatchObject({ name: 'Lakeshore Care Coalition', shortName: 'LCCC', foundedOn: null });
    expect(await ok(backend, 'profile.get', {})).toEqual(updated);
  });

  it('trims text fields and requires a name', async () => {
    const { backend } = await useBackend();
    const saved = await ok(backend, 'profile.save', { ...PROFILE, name: '  Spaced Coalition  ', shortName: ' SC ' });
    expect(saved).toMatchObject({ name: 'Spaced Coalition', shortName: 'SC' });
    const error = await fails(backend, 'profile.save', { ...PROFILE, name: '   ' });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual([{ path: 'name', message: 'Coalition name is required.' }]);
  });

  it('keeps the logo when the profile is saved again', async () => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const withLogo = await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: png().toString('base64') } });
    const saved = await ok(backend, 'profile.save', { ...PROFILE, region: 'Lakeshore' });
    expect(saved.logoDataUrl).toBe(withLogo.logoDataUrl);
  });
});

describe('coalition logo', () => {
  it.each([
    ['image/png', png()],
    ['image/jpeg', jpeg()],
    ['image/webp', webp()],
  ] as const)('accepts a real %s and returns it as a data URL, byte for byte', async (mimeType, bytes) => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const profile = await ok(backend, 'profile.setLogo', { logo: { mimeType, dataBase64: bytes.toString('base64') } });
    expect(profile.logoDataUrl).toBe(`data:${mimeType};base64,${bytes.toString('base64')}`);
    const stored = (await ok(backend, 'profile.get', {}))?.logoDataUrl ?? '';
    const [header, data] = stored.split(',');
    expect(header).toBe(`data:${mimeType};base64`);
    expect(Buffer.from(data ?? '', 'base64').equals(bytes)).toBe(true);
  });

  it.each([
    ['a PNG declared as JPEG', 'image/jpeg', png(), /not a valid JPEG image/],
    ['a JPEG declared as PNG', 'image/png', jpeg(), /not a valid PNG image/],
    ['a WebP declared as PNG', 'image/png', webp(), /not a valid PNG image/],
    ['a PNG declared as WebP', 'image/webp', png(), /not a valid WEBP image/],
    ['a text file declared as PNG', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /not a valid PNG image/],
  ] as const)('refuses %s', async (_label, mimeType, bytes, message) => {
    const { backend, path } = await useBackend();
    await withProfile(backend);
    const before = snapshot(path);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType, dataBase64: bytes.toString('base64') } });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
    expect(issuesOf(error).map((i) => i.path)).toEqual(['logo']);
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a type that is not PNG, JPEG or WebP', async () => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/gif', dataBase64: 'R0lGODlhAQABAAAAACw=' } });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual([{ path: 'logo.mimeType', message: 'The logo must be a PNG, JPEG or WebP image.' }]);
  });

  it('accepts exactly 512 KB and refuses one byte more, saying how big it is', async () => {
    const { backend, path } = await useBackend();
    await withProfile(backend);
    const atLimit = padded(png(), LOGO_MAX_BYTES);
    expect((await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: atLimit.toString('base64') } })).logoDataUrl).not.toBeNull();

    const before = snapshot(path);
    const over = padded(png(), LOGO_MAX_BYTES + 1);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: over.toString('base64') } });
    expect(error.code).toBe('validation');
    expect(error.message).toBe('The logo is 513 KB; the limit is 512 KB.');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a far larger file before decoding it', async () => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const huge = padded(png(), 3 * LOGO_MAX_BYTES);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: huge.toString('base64') } });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toContainEqual({ path: 'logo.dataBase64', message: 'The logo must be at most 512 KB.' });
  });

  it.each([
    ['characters outside base64', 'iVBORw0KGgo!!!!'],
    ['a data URL instead of bare base64', `data:image/png;base64,${png().toString('base64')}`],
    ['padding in the middle', 'iVBO=Rw0KGgo='],
  ])('refuses invalid base64: %s', async (_label, dataBase64) => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64 } });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toContainEqual({ path: 'logo.dataBase64', message: 'The logo data is not valid base64.' });
  });

  it('refuses an empty file', async () => {
    const { backend } = await useBackend();
    await withProfile(backend);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: '' } });
    expect(error).toMatchObject({ code: 'validation', message: 'The logo file is empty.' });
  });

  it('needs a profile first', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const error = await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: png().toString('base64') } });
    expect(error).toMatchObject({ code: 'conflict', message: 'Save the coalition profile before adding a logo.' });
    expect(snapshot(path)).toEqual(before);
    expect(await ok(backend, 'profile.get', {})).toBeNull();
  });

  it('can be cleared', async () => {
    const { backend } = await useBackend();
    await withProfile(backend);
    await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/webp', dataBase64: webp().toString('base64') } });
    const cleared = await ok(backend, 'profile.setLogo', { logo: null });
    expect(cleared.logoDataUrl).toBeNull();
    expect(await ok(backend, 'profile.get', {})).toMatchObject({ ...PROFILE, logoDataUrl: null });
  });
});
