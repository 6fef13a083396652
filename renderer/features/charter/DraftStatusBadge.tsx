import { Badge } from '@mantine/core';
import type { Draft } from '@shared/charter/contract';

/** Where the saved draft stands relative to the adopted versions. */
export function DraftStatusBadge({ draft }: { draft: Pick<Draft, 'latestVersion' | 'hasUnadoptedChanges'> }) {
  if (draft.latestVersion === null) {
    return (
      <Badge variant="light" color="gray" size="lg" radius="sm">
        Draft — not adopted yet
      </Badge>
    );
  }
  if (draft.hasUnadoptedChanges) {
    return (
      <Badge variant="light" color="yellow" size="lg" radius="sm">
        Draft — unadopted changes since version {draft.latestVersion}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="teal" size="lg" radius="sm">
      Matches version {draft.latestVersion}
    </Badge>
  );
}
