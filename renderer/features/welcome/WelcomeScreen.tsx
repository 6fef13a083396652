import { useState, type ReactNode } from 'react';
import { Button, Card, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFlask, IconSparkles, IconUsersGroup } from '@tabler/icons-react';
import { notifySuccess } from '../../api/errors';
import { CenteredScreen } from '../../components/CenteredScreen';
import { ProfileForm } from '../profile/ProfileForm';
import { useWorkspaceSwitch } from '../workspace/useWorkspaceSwitch';

/** First run: the workspace has no coalition yet. Start one, or look around the sample. */
export function WelcomeScreen() {
  const [creating, setCreating] = useState(false);
  return (
    <CenteredScreen width={creating ? 560 : 760}>
      {creating ? <CreateCoalition onBack={() => setCreating(false)} /> : <Choice onStart={() => setCreating(true)} />}
    </CenteredScreen>
  );
}

function Choice({ onStart }: { onStart: () => void }) {
  const openSample = useWorkspaceSwitch('workspace.openSample');
  return (
    <Stack gap="xl">
      <Stack gap="sm" align="center" ta="center">
        <ThemeIcon size={56} radius="xl" variant="gradient" gradient={{ from: 'indigo', to: 'violet', deg: 135 }} aria-hidden>
          <IconSparkles size={28} stroke={1.6} />
        </ThemeIcon>
        <Title order={1} fz={30}>
          Welcome to Coalition Desk
        </Title>
        <Text c="dimmed" maw={560}>
          Keep your coalition’s partners, charter, meetings, advocacy and reports in one place — on this computer, with or
          without an internet connection.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <ChoiceCard
          icon={<IconUsersGroup size={22} stroke={1.6} />}
          title="Your coalition"
          text="Set up your coalition’s profile, then write its charter: mission, vision, values and shared goals."
        >
          <Button fullWidth onClick={onStart}>
            Start a new coalition
          </Button>
        </ChoiceCard>
        <ChoiceCard
          icon={<IconFlask size={22} stroke={1.6} />}
          title="Just looking?"
          text="Explore a fictional coalition with a charter history. It lives in its own file; your workspace stays empty."
        >
          <Button fullWidth variant="default" loading={openSample.isPending} onClick={() => openSample.mutate()}>
            Explore sample coalition
          </Button>
        </ChoiceCard>
      </SimpleGrid>
    </Stack>
  );
}

function ChoiceCard({ icon, title, text, children }: { icon: ReactNode; title: string; text: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm" h="100%">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {text}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

function CreateCoalition({ onBack }: { onBack: () => void }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={24}>
            Set up your coalition
          </Title>
          <Text c="dimmed" size="sm">
            Only the name is needed now; you can change everything later from the Charter screen.
          </Text>
        </Stack>
        <ProfileForm
          initial={null}
          submitLabel="Create coalition"
          onCancel={onBack}
          cancelLabel="Back"
          onSaved={(profile) => notifySuccess(`${profile.name} is set up. Next: write its charter.`, 'Coalition created')}
        />
      </Stack>
    </Paper>
  );
}
