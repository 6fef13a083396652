import type { UseFormReturnType } from '@mantine/form';
import { focusField, showSaveError } from '../../api/errors';

// The structure forms' two error paths, the same for every one of them: a failed save shows its
// field issues on the form (the rest as a notification), a client-side refusal focuses the first
// field at fault.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturnType<any>;

export function onSaveError(form: AnyForm, title: string, mapPath?: (path: string) => string) {
  return (error: unknown) => {
    const shown = showSaveError(form, error, { title, ...(mapPath ? { mapPath } : {}), hasField: (field) => field in form.values });
    if (shown[0]) focusField(form.getInputNode(shown[0]));
  };
}

export function focusFirstError(form: AnyForm) {
  return (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) focusField(form.getInputNode(first));
  };
}

/** A field's error as text, for inputs that take a string (the directory pickers). */
export function errorText(form: AnyForm, field: string): string | null {
  const error: unknown = form.errors[field];
  return typeof error === 'string' ? error : null;
}
