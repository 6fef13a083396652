import { Text } from '@mantine/core';
import { useRpcQuery } from '../../api/queries';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** For a directory delete: how many meetings and action items refer to the record, and what happens to them. */
export function MeetingReferences({ personId, organizationId }: { personId?: string; organizationId?: string }) {
  const refs = useRpcQuery('meetings.references', personId ? { personId } : { organizationId: organizationId ?? '' });
  if (!refs.data || refs.data.meetings + refs.data.actionItems === 0) return null;
  const { meetings, actionItems } = refs.data;
  if (organizationId) {
    return (
      <Text size="sm" mt="xs">
        It was represented at {plural(meetings, 'meeting', 'meetings')}; those meetings keep their attendees but will no longer list it.
      </Text>
    );
  }
  const parts = [meetings > 0 ? plural(meetings, 'meeting', 'meetings') : '', actionItems > 0 ? plural(actionItems, 'action item', 'action items') : ''].filter(Boolean);
  return (
    <Text size="sm" mt="xs">
      They are referenced by {parts.join(' and ')}: their invitations are removed, they are no longer organizer or presenter, and their action items stay without an owner until reassigned.
    </Text>
  );
}
