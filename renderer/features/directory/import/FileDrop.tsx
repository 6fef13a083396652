import { useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { fileSizeText, MAX_IMPORT_BYTES, type ImportEntity, type ImportPreview } from '@shared/directory/imports';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { UploadCancelled, uploadFile } from './readFile';

/** By extension as well as type: a CSV's reported type differs between systems. */
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/tab-separated-values': ['.tsv'],
  'text/plain': ['.txt', '.csv', '.tsv'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

function rejectionMessage(rejection: FileRejection): string {
  const { file, errors } = rejection;
  if (errors.some((e) => e.code === 'file-too-large')) {
    return `${file.name} is ${fileSizeText(file.size)}; an import takes files up to ${fileSizeText(MAX_IMPORT_BYTES)}. Split it into smaller files.`;
  }
  if (errors.some((e) => e.code === 'file-invalid-type')) return `${file.name} is not a CSV or Excel (.xlsx) file.`;
  if (errors.some((e) => e.code === 'too-many-files')) return 'Choose one file at a time.';
  return errors[0]?.message ?? `${file.name} cannot be imported.`;
}

/** Where the file is: being sent to the backend (bytes so far), or being read there. */
type Busy = { step: 'upload'; file: File; sent: number } | { step: 'read'; file: File };

/** Step 1: drop or choose a CSV / Excel file; it is uploaded in pieces, then the backend reads it through. */
export function FileDrop({ entity, onOpened }: { entity: ImportEntity; onOpened: (preview: ImportPreview) => void }) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<{ file: string; message: string } | null>(null);
  const upload = useRef<AbortController | null>(null);

  async function open(file: File) {
    const controller = new AbortController();
    upload.current = controller;
    setBusy({ step: 'upload', file, sent: 0 });
    setProblem(null);
    try {
      const importId = await uploadFile(file, entity, (sent) => setBusy({ step: 'upload', file, sent }), controller.signal);
      setBusy({ step: 'read', file });
      onOpened(await call('imports.open', { importId }));
    } catch (error) {
      if (!(error instanceof UploadCancelled)) setProblem({ file: file.name, message: errorMessage(error) });
    } finally {
      upload.current = null;
      setBusy(null);
    }
  }

  return (
    <Stack gap="md">
      <Dropzone
        onDrop={(files) => {
          const [file] = files;
          if (file) void open(file);
        }}
        onReject={(rejections) => {
          const [first] = rejections;
          if (first) setProblem({ file: first.file.name, message: rejectionMessage(first) });
        }}
        accept={ACCEPT}
        maxSize={MAX_IMPORT_BYTES}
        multiple={false}
        loading={busy !== null}
        // A plain file input: the same in the desktop window and the browser harness.
        useFsAccessApi={false}
        aria-label="Choose a CSV or Excel file to import"
      >
        <Group justify="center" gap="xl" mih={180} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={48} stroke={1.5} color="var(--mantine-color-blue-6)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={48} stroke={1.5} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={48} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <div>
            <Text size="lg" fw={500}>
              Drop a CSV or Excel file here, or click to choose one
            </Text>
            <Text size="sm" c="dimmed" mt={6}>
              The first row must hold the column names. Files up to {fileSizeText(MAX_IMPORT_BYTES)}. Nothing is written until you import.
            </Text>
          </div>
        </Group>
      </Dropzone>
      {busy && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm">
              {busy.step === 'upload'
                ? `Sending ${busy.file.name}: ${fileSizeText(busy.sent)} of ${fileSizeText(busy.file.size)}`
                : `Reading ${busy.file.name} (${fileSizeText(busy.file.size)}): checking every row…`}
            </Text>
            {busy.step === 'upload' && (
              <Button size="xs" variant="default" onClick={() => upload.current?.abort()}>
                Cancel
              </Button>
            )}
          </Group>
          <Progress
            value={busy.step === 'upload' ? (100 * busy.sent) / Math.max(1, busy.file.size) : 100}
            animated={busy.step === 'read'}
            aria-label={busy.step === 'upload' ? 'Upload progress' : 'Reading the file'}
          />
        </Stack>
      )}
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`${problem.file} cannot be imported`} role="alert">
          {problem.message}
        </Alert>
      )}
    </Stack>
  );
}
