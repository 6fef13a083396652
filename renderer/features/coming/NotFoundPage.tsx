import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

/** An address that names no screen (an old link, a typo). */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <EmptyState
        icon={IconMapOff}
        title="There is no screen at this address"
        action={
          <Button component={Link} to="/charter" variant="light">
            Go to the charter
          </Button>
        }
      >
        Use the sidebar or press Ctrl+K to find what you were looking for.
      </EmptyState>
    </Page>
  );
}
