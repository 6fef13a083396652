import { useState } from 'react';
import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES, type Profile } from '@shared/profile/contract';
import { errorMessage, notifySuccess } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { CoalitionLogo } from './CoalitionLogo';
import { readFileBase64 } from './readFileBase64';

type LogoMime = (typeof LOGO_MIME_TYPES)[number];
const isLogoMime = (type: string): type is LogoMime => (LOGO_MIME_TYPES as readonly string[]).includes(type);
const LIMIT_KB = LOGO_MAX_BYTES / 1024;

/** Checks a chosen logo before it is read: the backend would refuse it anyway, but later. */
function logoProblem(file: { type: string; size: number }): string | null {
  if (!isLogoMime(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > LOGO_MAX_BYTES) {
    return `This image is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB; a logo can be at most ${LIMIT_KB} KB. Try a smaller or compressed image.`;
  }
  return null;
}

/** Upload, replace or remove the coalition logo. */
export function LogoField({ profile }: { profile: Profile }) {
  const setLogo = useRpcMutation('profile.setLogo', { invalidates: ['profile.get'] });
  const [problem, setProblem] = useState<string | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    const found = logoProblem(file);
    setProblem(found);
    if (found || !isLogoMime(file.type)) return;
    try {
      const dataBase64 = await readFileBase64(file);
      await setLogo.mutateAsync({ logo: { mimeType: file.type, dataBase64 } });
      notifySuccess('The new logo is in place.', 'Logo updated');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  async function remove() {
    setProblem(null);
    try {
      await setLogo.mutateAsync({ logo: null });
      notifySuccess('The logo was removed.');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <Group gap="md" align="flex-start" wrap="nowrap">
      <CoalitionLogo profile={profile} size={64} />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Logo
        </Text>
        <Group gap="xs">
          <FileButton accept={LOGO_MIME_TYPES.join(',')} onChange={(file) => void upload(file)} inputProps={{ 'aria-label': 'Logo file' }}>
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} loading={setLogo.isPending}>
                {profile.logoDataUrl ? 'Replace logo' : 'Upload logo'}
              </Button>
            )}
          </FileButton>
          {profile.logoDataUrl && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()} disabled={setLogo.isPending}>
              Remove logo
            </Button>
          )}
        </Group>
        {problem ? (
          <Text size="xs" c="red" role="alert">
            {problem}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            PNG, JPEG or WebP, up to {LIMIT_KB} KB.
          </Text>
        )}
      </Stack>
    </Group>
  );
}
