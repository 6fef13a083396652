import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

export interface FieldItem {
  label: string;
  value: ReactNode;
  /** Spans the whole width (notes, long lists). */
  wide?: boolean;
}

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** Label–value pairs as a definition list; empty values read "Not recorded". */
export function FieldList({ items }: { items: readonly FieldItem[] }) {
  return (
    <dl className="field-list">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? 'field field-wide' : 'field'}>
          <dt>
            <Text size="xs" c="dimmed" fw={600} component="span">
              {item.label}
            </Text>
          </dt>
          <dd>
            {isEmpty(item.value) ? (
              <Text size="sm" c="dimmed" component="span">
                Not recorded
              </Text>
            ) : typeof item.value === 'string' || typeof item.value === 'number' ? (
              <Text size="sm" component="span" className="prose">
                {item.value}
              </Text>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
