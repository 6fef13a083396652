import { notifications } from '@mantine/notifications';
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import type { FieldIssue } from '@shared/errors';
import { RpcError } from './client';

/** Maps a contract path ('goals.0.title') to the form field that shows it; identity by default. */
export type PathMap = (path: string) => string;
const samePath: PathMap = (path) => path;

/** The form methods error mapping needs (any Mantine form has them). */
export interface ErrorTarget {
  errors: FormErrors;
  setErrors(errors: FormErrors): void;
}

export function issuesToErrors(issues: readonly FieldIssue[], mapPath: PathMap = samePath): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = mapPath(issue.path);
    // The first problem of a field is the one worth reading.
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Client-side validation with the contract's own zod schema, so the form and the backend
 * never disagree about what is valid.
 */
export function validateWithSchema(schema: z.ZodType, input: unknown, mapPath: PathMap = samePath): FormErrors {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return issuesToErrors(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    mapPath,
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

/**
 * Shows a failed save where the coordinator can act on it: validation issues on their fields
 * (only those the form has, per `fields`), everything else as a notification.
 * Returns the fields that now show an error (empty when it went to a notification).
 */
export function showSaveError(
  target: ErrorTarget,
  error: unknown,
  options: { title: string; mapPath?: PathMap; hasField?: (field: string) => boolean },
): string[] {
  const issues = error instanceof RpcError ? error.issues : [];
  const mapped = issuesToErrors(issues, options.mapPath);
  const shown = Object.fromEntries(Object.entries(mapped).filter(([field]) => options.hasField?.(field) ?? true));
  const anyShown = Object.keys(shown).length > 0;
  if (anyShown) target.setErrors({ ...target.errors, ...shown });
  if (!anyShown) {
    notifyError(options.title, error);
    return [];
  }
  // The backend's summary names contract paths; the fields themselves now say what is wrong.
  const messages = Object.values(shown).map(String);
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : '';
  notifications.show({ color: 'red', title: options.title, message: `${messages[0] ?? ''}${more}`, autoClose: 8000 });
  return Object.keys(shown);
}

/** Brings a field into view and focus, so its error message is not off-screen (or under a sticky bar). */
export function focusField(node: HTMLElement | null): void {
  if (!node) return;
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}
