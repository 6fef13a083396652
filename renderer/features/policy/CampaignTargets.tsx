import { useState } from 'react';
import { Alert, Anchor, Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { PositionBadge, StanceBadge, StatusBadge } from './badges';
import { billHref, officialHref } from './labels';

/**
 * A campaign's target bills and officials (with each official's latest stance on the campaign),
 * for the campaign page. Editing replaces both lists, keeping the notes of targets that stay.
 */
export function CampaignTargets({ campaignId }: { campaignId: string }) {
  const targets = useRpcQuery('policy.campaignTargets.get', { campaignId });
  const [editing, setEditing] = useState(false);
  const [billIds, setBillIds] = useState<string[]>([]);
  const [officialIds, setOfficialIds] = useState<string[]>([]);
  const bills = useRpcQuery('policy.bills.list', { filters: { search: '', status: null, position: null, level: null }, offset: 0, limit: 500 }, { enabled: editing });
  const officials = useRpcQuery('policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 500 }, { enabled: editing });
  const save = useRpcMutation('policy.campaignTargets.set', { invalidates: ['policy.campaignTargets.get', 'policy.bills.get'] });
  if (!targets.data) return null;
  const t = targets.data;
  const note = (list: readonly { id: string; note: string }[], id: string) => list.find((x) => x.id === id)?.note ?? '';

  function startEditing() {
    setBillIds(t.bills.map((b) => b.id));
    setOfficialIds(t.officials.map((o) => o.id));
    setEditing(true);
  }

  return (
    <Stack gap="sm">
      {editing ? (
        <>
          <MultiSelect label="Target bills" searchable data={(bills.data?.rows ?? []).map((b) => ({ value: b.id, label: `${b.identifier} ${b.title}` }))} value={billIds} onChange={setBillIds} />
          <MultiSelect label="Target officials" searchable data={(officials.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }))} value={officialIds} onChange={setOfficialIds} />
          {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button
              loading={save.isPending}
              onClick={() =>
                void save
                  .mutateAsync({ campaignId, bills: billIds.map((billId) => ({ billId, note: note(t.bills, billId) })), officials: officialIds.map((officialId) => ({ officialId, note: note(t.officials, officialId) })) })
                  .then(() => setEditing(false))
                  .catch(() => undefined)
              }
            >
              Save targets
            </Button>
          </Group>
        </>
      ) : (
        <>
          {t.bills.length + t.officials.length === 0 && (
            <Text size="sm" c="dimmed">
              No target bills or officials yet.
            </Text>
          )}
          {t.bills.length > 0 && (
            <Table aria-label="Target bills">
              <Table.Tbody>
                {t.bills.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={billHref(b.id)} size="sm" fw={600}>
                        {b.identifier}
                      </Anchor>{' '}
                      <Text span size="sm">
                        {b.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={b.status} />
                    </Table.Td>
                    <Table.Td>
                      <PositionBadge position={b.position} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {t.officials.length > 0 && (
            <Table aria-label="Target officials">
              <Table.Tbody>
                {t.officials.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={officialHref(o.id)} size="sm" fw={600}>
                        {o.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[o.title, o.district].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StanceBadge stance={o.stance} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Button size="xs" variant="light" w="fit-content" onClick={startEditing}>
            Choose targets
          </Button>
        </>
      )}
    </Stack>
  );
}
