import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppProviders, type MantineEnv } from './providers';
import { routes } from './routes';

/**
 * The whole renderer. A hash router works both under the app:// protocol and in the web
 * harness; a data router is needed to warn before leaving unsaved edits. Component tests pass
 * env="test": Mantine then skips transitions and portals, which jsdom cannot lay out.
 */
export function App({ env = 'default' }: { env?: MantineEnv }) {
  const [router] = useState(() => createHashRouter(routes));
  return (
    <AppProviders env={env}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
