import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { App } from '../../renderer/app/App';
import { ok } from '../support/backend';
import { createTestBridge, type TestBridge } from '../support/workspace';

// Component tests render the real app against the real backend host on a temp workspace.

const open: TestBridge[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.cleanup()));
});

/** A real backend on a fresh temp workspace, installed as window.coalition; cleaned up after the test. */
export async function startBackend(): Promise<TestBridge> {
  const test = await createTestBridge();
  open.push(test);
  window.coalition = test.bridge;
  return test;
}

/** A backend whose coalition is already set up (the welcome screen is behind it). */
export async function startWithCoalition(): Promise<TestBridge> {
  const test = await startBackend();
  await ok(test.bridge, 'profile.save', { name: 'Harbor City Care Coalition', shortName: 'HCCC', region: 'Harbor City', foundedOn: '2019-04-02' });
  return test;
}

/** Renders the whole app at a route (hash router) against the backend already installed. */
export function renderApp(path = '/') {
  window.location.hash = `#${path}`;
  const user = userEvent.setup();
  return { user, ...render(<App env="test" />) };
}

/** The fieldset of goal N in the charter editor. */
export function goalCard(n: number): HTMLElement {
  return screen.getByRole('group', { name: `Goal ${n}` });
}

/** Picks an option of a Mantine Select (a combobox with a listbox of options). */
export async function choose(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, option: string): Promise<void> {
  await user.click(input);
  await user.click(await screen.findByRole('option', { name: option }));
}

export { within };
