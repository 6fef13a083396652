import { z } from 'zod';

export const MAX_EXPORT_BYTES = 50 * 1024 * 1024;

/** A file the backend built (a PDF, a calendar, an export), ready for file.saveAs. */
export const savableFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string().max(Math.ceil((MAX_EXPORT_BYTES * 4) / 3)),
});

// Answered by the shell, not the backend: the desktop app shows a native Save dialog, the
// browser harness triggers a download.
export const filesContract = {
  'file.saveAs': {
    summary: 'Ask the coordinator where to save an export, then write it there.',
    input: z.strictObject({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, { message: 'The file name contains characters a file name cannot have.' }),
      mimeType: z.string().max(100),
      /** Text content, or base64 for binary content. */
      content: z.string().max(Math.ceil((MAX_EXPORT_BYTES * 4) / 3)),
      encoding: z.enum(['utf8', 'base64']),
    }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
} as const;
