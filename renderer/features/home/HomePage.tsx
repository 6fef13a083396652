import { useEffect, useState } from 'react';
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { ActionItemsTable } from '../meetings/ActionItems';
import { MeetingList } from '../meetings/MeetingList';
import { MePicker, useMe } from '../meetings/useMe';
import { GrantsDue } from '../resources/GrantsDue';
import { ExpiringConsents } from '../stories/ExpiringConsents';

// The reminder is shown once per app start, not on every return to Home.
let reminded = false;

/** Home: meetings in the next 24 hours, overdue action items, and my open items. */
export function HomePage() {
  const [me] = useMe();
  // Read once per visit, so the queries keep one key (and tests can move the clock).
  const [now] = useState(() => new Date().toISOString());
  const [day] = useState(today);
  const home = useRpcQuery('meetings.home', { now, today: day, personId: me?.id ?? null });
  const upcoming = home.data?.upcoming.length ?? 0;

  useEffect(() => {
    if (reminded || upcoming === 0) return;
    reminded = true;
    const title = 'Coming up';
    const body = `${upcoming} meeting${upcoming === 1 ? '' : 's'} in the next 24 hours.`;
    // The system's notification when the shell can show one (not in the browser harness), else the in-app notice.
    const inApp = () => notifications.show({ title, message: body, autoClose: 8000 });
    call('notifications.show', { title, body }).then(({ shown }) => shown || inApp(), inApp);
  }, [upcoming]);

  return (
    <Page title="Home" description="What needs attention today.">
      {home.isError && <QueryError title="The reminders could not be loaded" error={home.error} onRetry={() => void home.refetch()} />}
      <Stack gap="lg">
        <Section title="Next 24 hours">
          {home.data && upcoming === 0 && (
            <Text size="sm" c="dimmed">
              No meetings in the next 24 hours.{' '}
              <Anchor component={Link} to="/meetings" size="sm">
                Open the calendar
              </Anchor>
            </Text>
          )}
          {home.data && <MeetingList meetings={home.data.upcoming} label="Meetings in the next 24 hours" />}
        </Section>
        <Section title="Overdue action items" hint={home.data && home.data.overdue.total > home.data.overdue.rows.length ? `The first ${home.data.overdue.rows.length} of ${home.data.overdue.total}.` : undefined}>
          {home.data?.overdue.total === 0 && (
            <Text size="sm" c="dimmed">
              Nothing is overdue.
            </Text>
          )}
          {home.data && <ActionItemsTable items={home.data.overdue.rows} today={day} label="Overdue action items" />}
          {(home.data?.overdue.total ?? 0) > 0 && (
            <Anchor component={Link} to="/meetings/action-items" size="sm">
              All action items
            </Anchor>
          )}
        </Section>
        <Section title="My action items">
          <MePicker />
          {me && home.data?.mine.total === 0 && (
            <Text size="sm" c="dimmed">
              You have no open action items.
            </Text>
          )}
          {home.data && <ActionItemsTable items={home.data.mine.rows} today={day} label="My action items" />}
        </Section>
        <Section title="Grant deadlines and reports due">
          <GrantsDue />
        </Section>
        <Section title="Story consents expiring in the next 30 days" hint="Ask the storytellers to renew, or the stories drop out of briefings and reports.">
          <ExpiringConsents />
        </Section>
      </Stack>
    </Page>
  );
}
