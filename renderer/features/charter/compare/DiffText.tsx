import { Text } from '@mantine/core';
import type { CharterDiff } from '@shared/charter/contract';

type TextChange = NonNullable<CharterDiff['mission']>;

/**
 * A word-level change inline: insertions in <ins>, deletions in <del>, so the difference is
 * carried by markup (and announced by the stylesheet's hidden markers), not by color alone.
 */
export function DiffText({ change }: { change: TextChange }) {
  return (
    <Text className="prose">
      {change.parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="diff-ins">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="diff-del">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </Text>
  );
}
