import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PARTICIPANT_ROLES, type Participant, type ParticipantRole } from '@shared/campaigns/contract';
import { notifyError } from '../../api/errors';
import { useRpcMutation } from '../../api/queries';
import { Section } from '../../components/Section';
import { EntityPicker } from '../directory/EntityPicker';
import { RowActions } from '../structure/parts';
import { ROLE_OPTIONS } from './labels';
import { CAMPAIGN_READS } from './reads';

const ROLE_COLORS: Record<ParticipantRole, string> = { lead: 'teal', co_sponsor: 'blue', supporter: 'gray' };

/** The partner organizations taking part, with their role; add one by name, change a role in place. */
export function PartnersSection({ campaignId, participants }: { campaignId: string; participants: Participant[] }) {
  const save = useRpcMutation('campaigns.participants.save', { invalidates: CAMPAIGN_READS });
  const remove = useRpcMutation('campaigns.participants.remove', { invalidates: CAMPAIGN_READS });
  const [organization, setOrganization] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<ParticipantRole>('supporter');
  const setRoleOf = (organizationId: string, next: ParticipantRole) =>
    save.mutate({ campaignId, organizationId, role: next }, { onError: (e) => notifyError('The role was not changed', e) });
  const confirmRemove = (p: Participant) =>
    modals.openConfirmModal({
      title: `Remove ${p.organization.name} from the campaign?`,
      children: <Text size="sm">The organization stays in the directory.</Text>,
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: p.id }, { onError: (e) => notifyError('The partner was not removed', e) }),
    });
  return (
    <Section title="Partners" hint="Organizations taking part: the lead, co-sponsors and supporters.">
      {participants.length === 0 ? (
        <Text size="sm" c="dimmed">
          No partner organizations yet.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Partners">
          <Table.Tbody>
            {participants.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/directory/organizations/${p.organization.id}`} size="sm">
                    {p.organization.name}
                  </Anchor>
                </Table.Td>
                <Table.Td w={170}>
                  <Select
                    size="xs"
                    aria-label={`Role of ${p.organization.name}`}
                    data={ROLE_OPTIONS}
                    value={p.role}
                    allowDeselect={false}
                    leftSection={<Badge size="xs" circle color={ROLE_COLORS[p.role]} />}
                    onChange={(v) => v && v !== p.role && setRoleOf(p.organization.id, v as ParticipantRole)}
                  />
                </Table.Td>
                <Table.Td w={60}>
                  <RowActions what={p.organization.name} onDelete={() => confirmRemove(p)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="sm">
        <div style={{ flex: 1 }}>
          <EntityPicker entity="organization" label="Add a partner" value={organization?.id ?? null} valueName={organization?.name} onChange={(picked) => setOrganization(picked)} />
        </div>
        <Select label="Role" w={150} data={ROLE_OPTIONS} value={role} allowDeselect={false} onChange={(v) => v && setRole(v as ParticipantRole)} />
        <Button
          leftSection={<IconPlus size={15} />}
          disabled={!organization}
          loading={save.isPending}
          onClick={() =>
            organization &&
            save.mutate(
              { campaignId, organizationId: organization.id, role },
              { onSuccess: () => setOrganization(null), onError: (e) => notifyError(`${organization.name} was not added`, e) },
            )
          }
        >
          Add
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Roles: {Object.values(PARTICIPANT_ROLES).join(', ')}.
      </Text>
    </Section>
  );
}
