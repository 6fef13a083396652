import type { ReactNode } from 'react';
import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconPencil, IconTrash, IconUserQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

/** Back to the table the record belongs to. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

export function DetailActions({ what, name, onEdit, onDelete, deleting, consequence, references }: {
  what: 'organization' | 'person';
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
  consequence: string;
  /** What else refers to the record (meetings, action items), read when the dialog opens. */
  references?: ReactNode;
}) {
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
        Edit
      </Button>
      <Button
        variant="default"
        color="red"
        leftSection={<IconTrash size={16} />}
        loading={deleting}
        aria-label={`Delete ${what}`}
        onClick={() =>
          modals.openConfirmModal({
            title: `Delete ${name}?`,
            children: (
              <>
                <Text size="sm">{consequence} This cannot be undone from this screen.</Text>
                {references}
              </>
            ),
            labels: { confirm: `Delete ${what}`, cancel: 'Keep it' },
            confirmProps: { color: 'red' },
            onConfirm: onDelete,
          })
        }
      >
        Delete
      </Button>
    </>
  );
}

/** Main column (profile, people, timeline) and a narrow side column (stage and change history). */
export function DetailColumns({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">{main}</Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">{side}</Stack>
      </Grid.Col>
    </Grid>
  );
}

/** A link to a record that is not (or no longer) in the directory. */
export function MissingRecord({ what, back }: { what: 'organization' | 'person'; back: string }) {
  return (
    <Page title={what === 'organization' ? 'Organization not found' : 'Person not found'}>
      <EmptyState
        icon={IconUserQuestion}
        title={`This ${what} is not in the directory`}
        action={
          <Button component={Link} to={back} variant="light">
            Back to the directory
          </Button>
        }
      >
        It may have been deleted, or the link is from another workspace.
      </EmptyState>
    </Page>
  );
}
