import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';
import { notifyError } from '../../api/errors';
import { IsoDateInput } from '../../components/IsoDateInput';
import { today } from '../../components/format';
import { localPageSize, saveDocument } from '../meetings/documents/saveFile';

/**
 * "Briefing packet" on an official's page: asks for the day of the meeting (which stories may be
 * printed depends on it) and the paper, then makes the PDF and hands it to the Save dialog.
 */
export function BriefingPacketButton({ officialId }: { officialId: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [day, setDay] = useState<string | null>(today());
  const [paper, setPaper] = useState<'A4' | 'LETTER'>(localPageSize());
  const make = useMutation({
    mutationFn: async (input: { day: string; pageSize: 'A4' | 'LETTER' }) => {
      const file = await call('briefings.packet', { officialId, ...input });
      await saveDocument(file, `the briefing packet (${file.pages} ${file.pages === 1 ? 'page' : 'pages'})`);
    },
    onSuccess: close,
    onError: (error) => notifyError('The briefing packet could not be made', error),
  });

  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={open}>
        Briefing packet
      </Button>
      <Modal opened={opened} onClose={close} title="Briefing packet" size="md">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A PDF for a meeting with this official: who they are, the coalition&apos;s ask (approved key messages only), their record, their district
            and who holds the relationship. Stories are printed only where the storyteller&apos;s consent covers policymakers on the meeting day.
          </Text>
          <IsoDateInput label="Meeting day" value={day} onChange={setDay} required />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Paper
            </Text>
            <SegmentedControl
              value={paper}
              onChange={(value) => setPaper(value === 'LETTER' ? 'LETTER' : 'A4')}
              data={[
                { value: 'A4', label: 'A4' },
                { value: 'LETTER', label: 'Letter' },
              ]}
            />
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {/* Focused first: a focused date field would open its calendar over the dialog. */}
            <Button loading={make.isPending} disabled={!day} onClick={() => day && make.mutate({ day, pageSize: paper })} data-autofocus>
              Make and save PDF
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
