import { Button, Divider, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconMapPin, IconPencil } from '@tabler/icons-react';
import type { Profile } from '@shared/profile/contract';
import { notifySuccess } from '../../api/errors';
import { formatDate } from '../../components/format';
import { CoalitionLogo } from './CoalitionLogo';
import { LogoField } from './LogoField';
import { ProfileForm } from './ProfileForm';

/** Who the coalition is, with a way to edit it. */
export function ProfileCard({ profile }: { profile: Profile }) {
  const [editing, { open, close }] = useDisclosure(false);
  const facts = [
    profile.region && { icon: IconMapPin, text: profile.region },
    profile.foundedOn && { icon: IconCalendar, text: `Founded ${formatDate(profile.foundedOn)}` },
  ].filter((fact) => !!fact);

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <CoalitionLogo profile={profile} size={56} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={2} fz="lg" lineClamp={1}>
                {profile.name}
              </Title>
              {profile.shortName && (
                <Text size="sm" c="dimmed" fw={500}>
                  {profile.shortName}
                </Text>
              )}
            </Group>
            {facts.length > 0 ? (
              <Group gap="md">
                {facts.map(({ icon: FactIcon, text }) => (
                  <Group key={text} gap={4} wrap="nowrap">
                    <FactIcon size={14} stroke={1.6} aria-hidden />
                    <Text size="sm" c="dimmed">
                      {text}
                    </Text>
                  </Group>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Add the region and founding date so reports can say them.
              </Text>
            )}
          </Stack>
        </Group>
        <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={open}>
          Edit profile
        </Button>
      </Group>

      <Modal opened={editing} onClose={close} title="Coalition profile" size="lg">
        <Stack gap="lg">
          <LogoField profile={profile} />
          <Divider />
          <ProfileForm
            initial={{ name: profile.name, shortName: profile.shortName, region: profile.region, foundedOn: profile.foundedOn }}
            submitLabel="Save profile"
            onCancel={close}
            onSaved={() => {
              close();
              notifySuccess('The coalition profile was saved.');
            }}
          />
        </Stack>
      </Modal>
    </Paper>
  );
}
