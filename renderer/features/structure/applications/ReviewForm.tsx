import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { CONTRIBUTIONS } from '@shared/directory/enums';
import { APPLICATION_STATUSES, reviewInput, type Application, type ApplicationStatus, type ReviewInput } from '@shared/structure/contract';
import { notifySuccess, validateWithSchema } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { organizationHref } from '../../directory/reads';
import { focusFirstError, onSaveError } from '../formErrors';
import { STRUCTURE_READS } from '../reads';

export const STATUS_COLORS: Record<ApplicationStatus, string> = { received: 'blue', under_review: 'yellow', approved: 'teal', declined: 'gray' };

type Decision = ReviewInput['status'];
const DECISIONS: { value: Decision; label: string }[] = [
  { value: 'under_review', label: 'Under review' },
  { value: 'approved', label: 'Approve' },
  { value: 'declined', label: 'Decline' },
];

/** An application's intake, and its review: under review, then approved (a member) or declined. */
export function ReviewForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const review = useRpcMutation('structure.applications.review', { invalidates: STRUCTURE_READS });
  const decided = application.status === 'approved' || application.status === 'declined';
  const form = useForm<Omit<ReviewInput, 'id'>>({
    mode: 'controlled',
    initialValues: { status: application.status === 'received' ? 'under_review' : 'approved', reviewer: application.reviewer, decidedOn: today(), reason: '' },
    validate: (values) => validateWithSchema(reviewInput, { id: application.id, ...values, decidedOn: values.status === 'under_review' ? null : values.decidedOn }),
  });
  const status = form.values.status;
  const submit = form.onSubmit(
    (values) =>
      review.mutate(
        { id: application.id, ...values, decidedOn: values.status === 'under_review' ? null : values.decidedOn },
        {
          onSuccess: () => {
            if (values.status === 'approved') notifySuccess(`${application.organization.name} is now a member${application.charterVersion ? ` and endorses charter version ${application.charterVersion}` : ''}.`);
            onDone();
          },
          onError: onSaveError(form, 'The review was not saved'),
        },
      ),
    focusFirstError(form),
  );

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Anchor component={Link} to={organizationHref(application.organization.id)} fw={600}>
            {application.organization.name}
          </Anchor>
          <Badge color={STATUS_COLORS[application.status]} variant="light" radius="sm" tt="none">
            {APPLICATION_STATUSES[application.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Received {formatDate(application.receivedOn)}
          {application.contactPerson ? ` from ${application.contactPerson.name}` : ''} ·{' '}
          {decided ? `decided after ${application.daysWaiting} days` : `waiting ${application.daysWaiting} days`}
        </Text>
        {application.motivation && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {application.motivation}
          </Text>
        )}
        <Text size="sm">
          <b>Issue areas:</b> {application.issueAreas.join(', ') || '—'} · <b>Populations:</b> {application.populations.join(', ') || '—'}
        </Text>
        <Text size="sm">
          <b>Can contribute:</b> {application.contributions.map((c) => CONTRIBUTIONS[c]).join(', ') || '—'} · <b>Endorses:</b>{' '}
          {application.charterVersion ? `charter version ${application.charterVersion}` : 'no version chosen'}
        </Text>
      </Stack>
      {decided ? (
        <Alert color={application.status === 'approved' ? 'teal' : 'gray'} title={`${APPLICATION_STATUSES[application.status]} on ${formatDate(application.decidedOn)}`}>
          {application.reviewer && <Text size="sm">Reviewed by {application.reviewer}.</Text>}
          {application.reason && <Text size="sm">{application.reason}</Text>}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Review">
          <Stack gap="sm">
            <SegmentedControl data={DECISIONS} {...form.getInputProps('status')} aria-label="Decision" />
            {status === 'approved' && (
              <Text size="sm" c="dimmed">
                Approving makes {application.organization.name} a member in the directory
                {application.charterVersion ? ` and records its endorsement of charter version ${application.charterVersion}` : ''}.
              </Text>
            )}
            <Group grow align="flex-start">
              <TextInput label="Reviewer" withAsterisk={status !== 'under_review'} placeholder="Who reviewed it" {...form.getInputProps('reviewer')} />
              {status !== 'under_review' && <IsoDateInput label="Decided on" withAsterisk {...form.getInputProps('decidedOn')} />}
            </Group>
            {status !== 'under_review' && (
              <Textarea label="Reason" withAsterisk={status === 'declined'} autosize minRows={2} maxRows={5} {...form.getInputProps('reason')} />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onDone}>
                Cancel
              </Button>
              <Button type="submit" loading={review.isPending} color={status === 'declined' ? 'red' : undefined}>
                {status === 'approved' ? 'Approve' : status === 'declined' ? 'Decline' : 'Mark under review'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
