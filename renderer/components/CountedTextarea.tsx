import { Textarea, type TextareaProps } from '@mantine/core';

interface CountedTextareaProps extends Omit<TextareaProps, 'value' | 'description'> {
  value: string;
  maxChars: number;
  description?: string;
}

/** A textarea that shows how much of its limit is used, and warns before the backend refuses. */
export function CountedTextarea({ value, maxChars, description, ...props }: CountedTextareaProps) {
  const count = `${value.length.toLocaleString('en')} / ${maxChars.toLocaleString('en')} characters`;
  return (
    <Textarea
      autosize
      minRows={3}
      maxRows={14}
      {...props}
      value={value}
      description={description ? `${description} · ${count}` : count}
    />
  );
}
