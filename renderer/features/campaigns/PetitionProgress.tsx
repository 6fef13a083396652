import { Group, Progress, Text } from '@mantine/core';

/** "3,100 of 5,000 signatures" with a bar (full, and green, once the goal is reached). */
export function PetitionProgress({ signatures, goal, progress }: { signatures: number; goal: number; progress: number }) {
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs">
          {signatures.toLocaleString('en-US')} of {goal.toLocaleString('en-US')} signatures
        </Text>
        <Text size="xs" c="dimmed">
          {Math.round(progress * 100)}%
        </Text>
      </Group>
      <Progress value={Math.min(100, progress * 100)} color={progress >= 1 ? 'green' : 'blue'} size="sm" aria-label={`${Math.round(progress * 100)}% of the goal`} />
    </div>
  );
}
