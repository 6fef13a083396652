import { useState } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Only YYYY-MM-DD is read as a date: "03/12/2025" means March in one country and December in
 * another, so an ambiguous entry is refused rather than guessed.
 */
export function parseIsoDate(value: string): string | null {
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? text : null;
}

/**
 * The app's date field: typed or picked, always stored as YYYY-MM-DD. Text that is not such a
 * date is cleared when the field is left (the field shows what will be saved) and the error
 * says what was typed, so nothing disappears without a word.
 */
export function IsoDateInput({ error, onBlur, onChange, ...props }: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const [typedError, setTypedError] = useState<string | null>(null);
  return (
    <DateInput
      placeholder="YYYY-MM-DD"
      {...props}
      valueFormat="YYYY-MM-DD"
      dateParser={parseIsoDate}
      error={error ?? typedError}
      onChange={(value) => {
        setTypedError(null);
        onChange?.(value);
      }}
      onBlur={(event) => {
        const text = event.currentTarget.value.trim();
        setTypedError(text && !parseIsoDate(text) ? `“${text}” is not a date in the form YYYY-MM-DD; it was not kept.` : null);
        onBlur?.(event);
      }}
    />
  );
}
