import type { ReactNode } from 'react';
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { GOAL_CATEGORIES } from '@shared/taxonomy';
import type { CharterContent } from '@shared/charter/contract';
import { Section } from '../../components/Section';
import { CATEGORY_COLORS } from './categories';
import { describeTarget } from './charterMarkdown';

/** A charter, read-only: what an adopted version says. */
export function CharterContentView({ content }: { content: CharterContent }) {
  return (
    <Stack gap="lg">
      <Section title="Mission">
        <Prose text={content.mission} />
      </Section>
      <Section title="Vision">
        <Prose text={content.vision} />
      </Section>
      <Section title="Values">
        {content.values.length === 0 ? (
          <Missing>No values listed.</Missing>
        ) : (
          <Group component="ul" gap="xs" className="plain-list">
            {content.values.map((value) => (
              <Badge component="li" key={value} variant="light" size="lg" radius="sm" tt="none">
                {value}
              </Badge>
            ))}
          </Group>
        )}
      </Section>
      <Section title="Shared goals">
        {content.goals.length === 0 ? (
          <Missing>No shared goals listed.</Missing>
        ) : (
          <List listStyleType="none" spacing="sm" className="plain-list">
            {content.goals.map((goal) => (
              <List.Item key={goal.id}>
                <Paper withBorder p="md" radius="md">
                  <Stack gap={6}>
                    <Group gap="sm">
                      <Badge variant="light" color={CATEGORY_COLORS[goal.category]} radius="sm">
                        {GOAL_CATEGORIES[goal.category]}
                      </Badge>
                    </Group>
                    <Title order={3} fz="md">
                      {goal.title}
                    </Title>
                    {goal.description && (
                      <Text size="sm" className="prose">
                        {goal.description}
                      </Text>
                    )}
                    {goal.target && (
                      <Group gap={6} wrap="nowrap">
                        <IconTarget size={15} stroke={1.6} aria-hidden />
                        <Text size="sm" c="dimmed">
                          <Text span fw={500} c="var(--mantine-color-text)">
                            Target:
                          </Text>{' '}
                          {describeTarget(goal.target)}
                        </Text>
                      </Group>
                    )}
                  </Stack>
                </Paper>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

function Prose({ text }: { text: string }) {
  return text.trim() ? <Text className="prose">{text}</Text> : <Missing>Not written.</Missing>;
}

function Missing({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}
