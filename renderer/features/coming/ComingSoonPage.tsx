import { Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Area } from '../../app/areas';
import { Page } from '../../components/Page';

/** An area of the mission that is not built yet: what it will do, and no pretend data. */
export function ComingSoonPage({ area }: { area: Area }) {
  return (
    <Page
      title={area.label}
      status={
        <Badge variant="light" color="gray" size="lg" radius="sm">
          Coming
        </Badge>
      }
      description={area.summary}
    >
      <Paper withBorder p="xl">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light" color="gray" aria-hidden>
              <area.icon size={22} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={4}>
              <Title order={2} fz="lg">
                {area.label} is not built yet
              </Title>
              <Text c="dimmed" size="sm" maw={620}>
                This part of Coalition Desk is on the way. Nothing is stored here yet, and nothing shown elsewhere depends on it.
              </Text>
            </Stack>
          </Group>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              What it will let you do
            </Text>
            <List spacing="xs" size="sm" icon={<IconCircleDashed size={16} stroke={1.6} aria-hidden />} center>
              {area.plans.map((plan) => (
                <List.Item key={plan}>{plan}</List.Item>
              ))}
            </List>
          </Stack>
          <Group>
            <Button component={Link} to="/charter" variant="light">
              Work on the charter
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Page>
  );
}
