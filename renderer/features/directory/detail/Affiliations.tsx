import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus, IconTrash } from '@tabler/icons-react';
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

/** The people of an organization, or the organizations of a person, with a way to link more. */
export function Affiliations({ subject, affiliations }: { subject: Subject; affiliations: readonly Affiliation[] }) {
  const [adding, setAdding] = useState(false);
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
                  <Tooltip label="Remove affiliation">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove affiliation with ${other.name}`} onClick={() => confirmRemove(a)}>
                      <IconTrash size={15} />
                    </ActionIcon>
                  </Tooltip>
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

function AffiliationForm({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const [other, setOther] = useState<Picked | null>(null);
  const [role, setRole] = useState('');
  const [primary, setPrimary] = useState(false);
  const [startOn, setStartOn] = useState<string | null>(null);
  const [endOn, setEndOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useRpcMutation('affiliations.create', { invalidates: DIRECTORY_READS });
  const otherEntity = subject.entity === 'organization' ? 'person' : 'organization';

  function submit() {
    if (!other) {
      setErrors({ other: otherEntity === 'person' ? 'Choose a person.' : 'Choose an organization.' });
      return;
    }
    const ids = subject.entity === 'organization' ? { organizationId: subject.id, personId: other.id } : { personId: subject.id, organizationId: other.id };
    create.mutate(
      { ...ids, role, primary, startOn, endOn },
      {
        onSuccess: onDone,
        onError: (error) => {
          const found = Object.fromEntries((error instanceof RpcError ? error.issues : []).map((i) => [i.path, i.message]));
          if (Object.keys(found).length > 0) setErrors(found);
          else notifyError('The affiliation was not added', error);
        },
      },
    );
  }

  return (
    <Paper withBorder p="sm" component="form" aria-label="New affiliation" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
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
            <Button size="xs" type="submit" loading={create.isPending}>
              Add affiliation
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
