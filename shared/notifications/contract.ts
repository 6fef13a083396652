import { z } from 'zod';

// Answered by the shell, not the backend: a reminder (a meeting soon, an overdue action item)
// shown as the operating system's own notification, so it is seen while the window is in the
// background. The browser harness answers { shown: false } and the app shows its in-app notice.

/** Plain one-line text: a notification shows no markup and no control characters. */
const line = (what: string, max: number) =>
  z
    .string({ error: `The notification's ${what} is missing.` })
    .trim()
    .max(max, { message: `The notification's ${what} is longer than ${max} characters.` })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { message: `The notification's ${what} contains control characters.` });

export const notificationsContract = {
  'notifications.show': {
    summary: 'Show a desktop notification (a reminder); clicking it brings the app window to the front.',
    input: z.strictObject({
      title: line('title', 120).pipe(z.string().min(1, { message: "The notification's title is empty." })),
      body: line('text', 400),
    }),
    output: z.object({ shown: z.boolean() }),
  },
} as const;
