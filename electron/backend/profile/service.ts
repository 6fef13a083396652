import { AppError } from '@shared/errors';
import { LOGO_MAX_BYTES, type Profile, type ProfileInput } from '@shared/profile/contract';
import type { CallContext } from '../rpc/handlers';

const PROFILE_ID = 'coalition';

export async function getProfile({ db }: Pick<CallContext, 'db'>): Promise<Profile | null> {
  const row = await db.selectFrom('coalition_profile').selectAll().where('id', '=', PROFILE_ID).executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    shortName: row.short_name,
    region: row.region,
    foundedOn: row.founded_on,
    logoDataUrl: row.logo_mime && row.logo_data ? `data:${row.logo_mime};base64,${row.logo_data.toString('base64')}` : null,
    updatedAt: row.updated_at,
  };
}

export async function saveProfile(ctx: CallContext, input: ProfileInput): Promise<Profile> {
  const fields = {
    name: input.name,
    short_name: input.shortName,
    region: input.region,
    founded_on: input.foundedOn,
    updated_at: ctx.now,
  };
  const updated = await ctx.write.update('coalition_profile', PROFILE_ID, fields);
  if (!updated) await ctx.write.insert('coalition_profile', { id: PROFILE_ID, ...fields });
  return mustGet(ctx);
}

export async function setLogo(ctx: CallContext, logo: { mimeType: string; dataBase64: string } | null): Promise<Profile> {
  const data = logo ? decodeImage(logo.mimeType, logo.dataBase64) : null;
  const updated = await ctx.write.update('coalition_profile', PROFILE_ID, {
    logo_mime: logo ? logo.mimeType : null,
    logo_data: data,
    updated_at: ctx.now,
  });
  if (!updated) throw new AppError('conflict', 'Save the coalition profile before adding a logo.');
  return mustGet(ctx);
}

async function mustGet(ctx: CallContext): Promise<Profile> {
  const profile = await getProfile(ctx);
  if (!profile) throw new AppError('internal', 'The coalition profile was not saved.');
  return profile;
}

// The first bytes of each accepted format: the declared type must match the file itself.
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

function decodeImage(mimeType: string, dataBase64: string): Buffer {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('validation', 'The logo file is empty.', { issues: [{ path: 'logo', message: 'The logo file is empty.' }] });
  if (bytes.length > LOGO_MAX_BYTES) {
    const message = `The logo is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`;
    throw new AppError('validation', message, { issues: [{ path: 'logo', message }] });
  }
  if (!SIGNATURES[mimeType]?.(bytes)) {
    const message = `The logo file is not a valid ${mimeType.replace('image/', '').toUpperCase()} image.`;
    throw new AppError('validation', message, { issues: [{ path: 'logo', message }] });
  }
  return bytes;
}
