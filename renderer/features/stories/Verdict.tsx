import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { CONSENT_USE_VALUES, CONSENT_USES, type ConsentUse, type ConsentVerdict } from '@shared/stories/consent';

/** One use's verdict as a badge: green (named), blue (anonymized only) or grey with the reason. */
export function VerdictBadge({ use, verdict }: { use: ConsentUse; verdict: ConsentVerdict }) {
  if (verdict.allowed) {
    return (
      <Badge size="sm" variant="light" color={verdict.anonymized ? 'blue' : 'teal'} tt="none">
        {CONSENT_USES[use]}
        {verdict.anonymized ? ' · anonymized' : ''}
      </Badge>
    );
  }
  return (
    <Tooltip label={verdict.reason} multiline maw={280}>
      <Badge size="sm" variant="outline" color="gray" tt="none" td="line-through" aria-label={`${CONSENT_USES[use]}: not allowed. ${verdict.reason}`}>
        {CONSENT_USES[use]}
      </Badge>
    </Tooltip>
  );
}

export function VerdictBadges({ verdicts }: { verdicts: Record<ConsentUse, ConsentVerdict> }) {
  return (
    <Group gap={4}>
      {CONSENT_USE_VALUES.map((use) => (
        <VerdictBadge key={use} use={use} verdict={verdicts[use]} />
      ))}
    </Group>
  );
}

/** The verdict for each use written out (the story form and page): what may be used today, and why not. */
export function VerdictList({ verdicts, day }: { verdicts: Record<ConsentUse, ConsentVerdict>; day: string }) {
  return (
    <Stack gap={4} aria-label="What this consent allows today">
      <Text size="sm" fw={600}>
        What this consent allows on {day}
      </Text>
      {CONSENT_USE_VALUES.map((use) => {
        const v = verdicts[use];
        return (
          <Text key={use} size="sm" data-use={use} c={v.allowed ? undefined : 'dimmed'}>
            <Text span fw={500} c={v.allowed ? (v.anonymized ? 'blue' : 'teal') : 'red'}>
              {v.allowed ? '✓' : '✗'} {CONSENT_USES[use]}:
            </Text>{' '}
            {v.allowed ? (v.anonymized ? 'yes, the anonymized version only, without the storyteller’s name.' : 'yes, with the storyteller’s name.') : `no. ${v.reason}`}
          </Text>
        );
      })}
    </Stack>
  );
}
