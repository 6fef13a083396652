import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Affiliation } from '@shared/directory/people';
import { RpcError } from '../../../api/client';
import { notifyError } from '../../../api/errors';
import { useRpcMutation } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { EntityPicker, type Picked } from '../EntityPicker';
import { DIRECTORY_READS, organizationHref, personHref } from '../reads';
import type { Subject } from './Timeline';

function period(a: Affiliation): string {
  if (!a.startOn && !a.endOn) return '';
  if (a.startOn && !a.endOn) return `since ${formatDate(a.startOn)}`;
  if (!a.startOn && a.endOn) return `until ${formatDate(a.endOn)}`;
  return `${formatDate(a.startOn)} – ${formatDate(a.endOn)}`;
}

/** The people of an organization, or the organizations of a person, with a way to link more and edit each link in place. */
export function Affiliations({ subject, affiliations }: { subject: Subject; affiliations: readonly Affiliation[] }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useRpcMutation('affiliations.delete', { invalidates: DIRECTORY_READS });
  const otherSide = (a: Affiliation) => (subject.entity === 'organization' ? { ...a.person, href: personHref(a.person.id) } : { ...a.organization, href: organizationHref(a.organization.id) });

  function confirmRemove(a: Affiliation) {
    const other = otherSide(a);
    modals.openConfirmModal({
      title: 'Remove this affiliation?',
      children: (
        <Text size="sm">
          {a.person.name} will no longer be listed at {a.organization.name}. Neither record is deleted.
        </Text>
      ),
      labels: { confirm: 'Remove affiliation', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: a.id }, { onError: (error) => notifyError(`The affiliation with ${other.name} was not removed`, error) }),
    });
  }

  return (
    <Stack gap="sm">
      {affiliations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {subject.entity === 'organization' ? 'No people linked yet.' : 'Not linked to any organization yet.'}
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label={subject.entity === 'organization' ? 'People' : 'Organizations'}>
          {affiliations.map((a) => {
            const other = otherSide(a);
            if (editing === a.id) {
              return (
                <li key={a.id} className="row-list-item">
                  <AffiliationForm subject={subject} affiliation={a} onDone={() => setEditing(null)} />
                </li>
              );
            }
            return (
              <li key={a.id} className="row-list-item">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={other.href} size="sm" fw={600}>
                        {other.name}
                      </Anchor>
                      {a.primary && (
                        <Badge size="xs" variant="light" radius="sm" tt="none">
                          Primary
                        </Badge>
                      )}
                      {a.endOn && a.endOn < new Date().toISOString().slice(0, 10) && (
                        <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                          Past
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {[a.role || 'No role recorded', period(a)].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="Edit affiliation">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Edit affiliation with ${other.name}`} onClick={() => setEditing(a.id)}>
                        <IconPencil size={15} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove affiliation">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove affiliation with ${other.name}`} onClick={() => confirmRemove(a)}>
                        <IconTrash size={15} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <AffiliationForm subject={subject} onDone={() => setAdding(false)} />
      ) : (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={15} />} onClick={() => setAdding(true)}>
            {subject.entity === 'organization' ? 'Link a person' : 'Link an organization'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** affiliations.update names its fields 'affiliation.role'…; the form's fields are 'role'…. */
const fieldFor = (path: string) => path.replace(/^affiliation\./, '');

/** Links a person and an organization, or (given `affiliation`) changes that link in place. */
function AffiliationForm({ subject, affiliation, onDone }: { subject: Subject; affiliation?: Affiliation; onDone: () => void }) {
  const otherEntity = subject.entity === 'organization' ? 'person' : 'organization';
  const [other, setOther] = useState<Picked | null>(affiliation ? { entity: otherEntity, ...affiliation[otherEntity] } : null);
  const [role, setRole] = useState(affiliation?.role ?? '');
  const [primary, setPrimary] = useState(affiliation?.primary ?? false);
  const [startOn, setStartOn] = useState<string | null>(affiliation?.startOn ?? null);
  const [endOn, setEndOn] = useState<string | null>(affiliation?.endOn ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useRpcMutation('affiliations.create', { invalidates: DIRECTORY_READS });
  const update = useRpcMutation('affiliations.update', { invalidates: DIRECTORY_READS });

  function submit() {
    if (!other) {
      setErrors({ other: otherEntity === 'person' ? 'Choose a person.' : 'Choose an organization.' });
      return;
    }
    const ids = subject.entity === 'organization' ? { organizationId: subject.id, personId: other.id } : { personId: subject.id, organizationId: other.id };
    const input = { ...ids, role, primary, startOn, endOn };
    const handlers = {
      onSuccess: onDone,
      onError: (error: unknown) => {
        // The first problem of a field is the one worth reading.
        const found: Record<string, string> = {};
        for (const issue of error instanceof RpcError ? error.issues : []) found[fieldFor(issue.path)] ??= issue.message;
        if (Object.keys(found).length > 0) setErrors(found);
        else notifyError(affiliation ? 'The affiliation was not saved' : 'The affiliation was not added', error);
      },
    };
    if (affiliation) update.mutate({ id: affiliation.id, affiliation: input }, handlers);
    else create.mutate(input, handlers);
  }

  const formName = affiliation ? `Edit affiliation with ${affiliation[otherEntity].name}` : 'New affiliation';

  return (
    <Paper withBorder p="sm" component="form" aria-label={formName} onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <EntityPicker
            entity={otherEntity}
            label={otherEntity === 'person' ? 'Person' : 'Organization'}
            value={other?.id ?? null}
            valueName={other?.name}
            onChange={setOther}
            error={errors.other ?? errors.personId ?? errors.organizationId ?? null}
          />
          <TextInput label="Role" placeholder="Executive director" value={role} onChange={(e) => setRole(e.currentTarget.value)} error={errors.role} />
          <IsoDateInput label="Start date" clearable value={startOn} onChange={setStartOn} error={errors.startOn} />
          <IsoDateInput label="End date" clearable value={endOn} onChange={setEndOn} error={errors.endOn} />
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox label="Primary affiliation" checked={primary} onChange={(e) => setPrimary(e.currentTarget.checked)} />
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button size="xs" type="submit" loading={create.isPending || update.isPending}>
              {affiliation ? 'Save affiliation' : 'Add affiliation'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
