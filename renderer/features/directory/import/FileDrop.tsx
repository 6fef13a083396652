import { useState } from 'react';
import { Alert, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { MAX_IMPORT_BYTES, type ImportEntity, type ImportPreview } from '@shared/directory/imports';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { readAsBase64 } from './readFile';

const MB = 1024 * 1024;
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
    return `${file.name} is ${(file.size / MB).toFixed(1)} MB; an import takes files up to ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.`;
  }
  if (errors.some((e) => e.code === 'file-invalid-type')) return `${file.name} is not a CSV or Excel (.xlsx) file.`;
  if (errors.some((e) => e.code === 'too-many-files')) return 'Choose one file at a time.';
  return errors[0]?.message ?? `${file.name} cannot be imported.`;
}

/** Step 1: drop or choose a CSV / Excel file; the backend reads it and stages its rows. */
export function FileDrop({ entity, onOpened }: { entity: ImportEntity; onOpened: (preview: ImportPreview) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ file: string; message: string } | null>(null);

  async function open(file: File) {
    setBusy(true);
    setProblem(null);
    try {
      const content = await readAsBase64(file);
      onOpened(await call('imports.open', { entity, fileName: file.name, content }));
    } catch (error) {
      setProblem({ file: file.name, message: errorMessage(error) });
    } finally {
      setBusy(false);
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
        loading={busy}
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
              The first row must hold the column names. Files up to {MAX_IMPORT_BYTES / MB} MB. Nothing is written until you import.
            </Text>
          </div>
        </Group>
      </Dropzone>
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`${problem.file} cannot be imported`} role="alert">
          {problem.message}
        </Alert>
      )}
    </Stack>
  );
}
