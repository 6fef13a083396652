import { z } from 'zod';
import { emptyInput, isoDate, text, timestamp } from '../common';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export const profileInput = z.strictObject({
  name: text(200, 'Coalition name', 1),
  shortName: text(40, 'Short name'),
  region: text(200, 'Region'),
  foundedOn: isoDate.nullable(),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const profile = profileInput.extend({
  /** The logo as a data: URL, ready for an <img>, or null. */
  logoDataUrl: z.string().nullable(),
  updatedAt: timestamp,
});
export type Profile = z.infer<typeof profile>;

export const logoInput = z.strictObject({
  logo: z
    .strictObject({
      mimeType: z.enum(LOGO_MIME_TYPES, { message: 'The logo must be a PNG, JPEG or WebP image.' }),
      // Base64 grows data by 4/3; the byte limit is checked again after decoding.
      dataBase64: z
        .string()
        .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, { message: 'The logo must be at most 512 KB.' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The logo data is not valid base64.' }),
    })
    .nullable(),
});

export const profileContract = {
  'profile.get': {
    summary: 'The coalition profile, or null before the coalition is set up.',
    input: emptyInput,
    output: profile.nullable(),
  },
  'profile.save': {
    summary: 'Create or update the coalition profile.',
    input: profileInput,
    output: profile,
  },
  'profile.setLogo': {
    summary: 'Set or clear the coalition logo (PNG, JPEG or WebP, at most 512 KB).',
    input: logoInput,
    output: profile,
  },
} as const;
