import { z } from 'zod';

// What every PDF document's contract may share (the meeting summary now; the briefing packet and
// the impact report later).

/** Paper sizes: A4 for most of the world, Letter for North America. */
export const PAGE_SIZES = ['A4', 'LETTER'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const pageSize = z.enum(PAGE_SIZES, { message: 'Choose A4 or LETTER paper.' });
