import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { DraftInput } from '@shared/charter/contract';
import { ok } from '../support/backend';
import type { TestBridge } from '../support/workspace';
import { renderApp, startWithCoalition } from './renderApp';

const draft = (overrides: Partial<DraftInput> = {}): DraftInput => ({
  mission: 'We win fair social services for every resident.',
  vision: 'Care is a right.',
  values: ['Equity', 'Transparency'],
  goals: [],
  ...overrides,
});

/** Two adopted versions: the mission gains "and legal", a value is swapped, a goal is added. */
async function twoVersions({ bridge }: TestBridge): Promise<void> {
  await ok(bridge, 'charter.saveDraft', draft());
  await ok(bridge, 'charter.adopt', { adoptedOn: '2025-03-12', note: 'Founding assembly' });
  await ok(bridge, 'charter.saveDraft', {
    ...draft({ mission: 'We win fair social and legal services for every resident.', values: ['Equity', 'Solidarity'] }),
    goals: [{ category: 'policy_change', title: 'Pass the parity bill', description: '', target: null }],
  });
  await ok(bridge, 'charter.adopt', { adoptedOn: '2026-02-04', note: 'Amended by the steering committee' });
}

test('"Adopt…" freezes the draft as version 1 with its date and note', async () => {
  const test = await startWithCoalition();
  await ok(test.bridge, 'charter.saveDraft', draft());
  const { user } = renderApp('/charter');

  expect(await screen.findByText('Draft — not adopted yet')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Adopt…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Adopt version 1' });
  const date = within(dialog).getByLabelText('Adoption date');
  await user.clear(date);
  await user.type(date, '2025-03-12');
  await user.type(within(dialog).getByLabelText('Note'), 'Founding assembly');
  await user.click(within(dialog).getByRole('button', { name: 'Adopt version' }));

  expect(await screen.findByText('Matches version 1')).toBeInTheDocument();
  expect(await ok(test.bridge, 'charter.listVersions', {})).toMatchObject([{ number: 1, adoptedOn: '2025-03-12', note: 'Founding assembly' }]);

  // Editing after adoption shows the draft is ahead of the version.
  await user.type(screen.getByLabelText('Vision'), ' For everyone.');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  expect(await screen.findByText('Draft — unadopted changes since version 1')).toBeInTheDocument();
});

test('adopting unsaved edits saves them first', async () => {
  const test = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('Mission'), 'Typed, not saved.');
  await user.click(screen.getByRole('button', { name: 'Adopt…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Adopt version 1' });
  expect(within(dialog).getByText('Your unsaved changes will be saved first.')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Adopt version' }));

  expect(await screen.findByText('Matches version 1')).toBeInTheDocument();
  expect((await ok(test.bridge, 'charter.getVersion', { number: 1 })).content.mission).toBe('Typed, not saved.');
});

test('the adopt dialog explains why nothing was adopted: no change, or a date before the latest version', async () => {
  const test = await startWithCoalition();
  await twoVersions(test);
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('button', { name: 'Adopt…' }));
  let dialog = await screen.findByRole('dialog', { name: 'Adopt version 3' });
  await user.click(within(dialog).getByRole('button', { name: 'Adopt version' }));
  expect(await within(dialog).findByText('Nothing changed since version 2; there is nothing new to adopt.')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

  await user.type(screen.getByLabelText('Vision'), ' Always.');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await screen.findByText('Draft — unadopted changes since version 2');
  await user.click(screen.getByRole('button', { name: 'Adopt…' }));
  dialog = await screen.findByRole('dialog', { name: 'Adopt version 3' });
  const date = within(dialog).getByLabelText('Adoption date');
  await user.clear(date);
  await user.type(date, '2026-01-01');
  await user.click(within(dialog).getByRole('button', { name: 'Adopt version' }));
  expect(await within(dialog).findByText('Must be on or after 2026-02-04.')).toBeInTheDocument();
  expect(within(dialog).getByLabelText('Adoption date')).toHaveAttribute('aria-invalid', 'true');
  expect(await ok(test.bridge, 'charter.listVersions', {})).toHaveLength(2);
});

test('the versions list shows every version; one opens read-only', async () => {
  const test = await startWithCoalition();
  await twoVersions(test);
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('link', { name: 'Versions' }));
  const table = await screen.findByRole('table');
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent))).toEqual([
    ['Version 2', '4 Feb 2026', 'Amended by the steering committee'],
    ['Version 1', '12 Mar 2025', 'Founding assembly'],
  ]);

  await user.click(within(table).getByRole('link', { name: 'Version 1' }));
  expect(await screen.findByRole('heading', { name: 'Version 1' })).toBeInTheDocument();
  expect(screen.getByText('We win fair social services for every resident.')).toBeInTheDocument();
  expect(screen.getByText('Founding assembly')).toBeInTheDocument();
  expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
});

test('with no version yet, Versions and Compare say how to get one', async () => {
  await startWithCoalition();
  const { user } = renderApp('/charter/versions');
  expect(await screen.findByText('No version adopted yet')).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Compare' }));
  expect(await screen.findByText('Nothing to compare yet')).toBeInTheDocument();
});

test('compare shows word changes as <ins>/<del>, values as badges and goals by kind', async () => {
  const test = await startWithCoalition();
  await twoVersions(test);
  const { user, container } = renderApp('/charter/versions');

  // Defaults to latest against previous.
  expect(await screen.findByRole('combobox', { name: 'From' })).toHaveValue('Version 1 — 12 Mar 2025');
  expect(screen.getByRole('combobox', { name: 'To' })).toHaveValue('Version 2 — 4 Feb 2026');
  await user.click(screen.getByRole('button', { name: 'Compare' }));

  await screen.findByText('Changes from version 1 to version 2.', { exact: false });
  const inserted = [...container.querySelectorAll('ins.diff-ins')].map((el) => el.textContent);
  expect(inserted.some((text) => text?.includes('and legal'))).toBe(true);
  expect(within(screen.getByRole('list', { name: 'Values added' })).getByText('Solidarity').closest('ins')).not.toBeNull();
  expect(within(screen.getByRole('list', { name: 'Values removed' })).getByText('Transparency').closest('del')).not.toBeNull();
  const addedGoal = screen.getByText('Pass the parity bill').closest('li');
  expect(addedGoal).not.toBeNull();
  expect(within(addedGoal!).getByText('Added')).toBeInTheDocument();

  // Swapping sides turns the insertion into a deletion.
  await user.click(screen.getByRole('button', { name: 'Swap sides' }));
  await waitFor(() =>
    expect([...container.querySelectorAll('del.diff-del')].some((el) => el.textContent?.includes('and legal'))).toBe(true),
  );
});

test('comparing a version with an identical draft says there are no differences', async () => {
  const test = await startWithCoalition();
  await twoVersions(test);
  const { user } = renderApp('/charter/versions');
  await user.click(await screen.findByRole('button', { name: 'Compare draft with latest' }));
  expect(await screen.findByText('No differences')).toBeInTheDocument();
  expect(screen.getByText('Version 2 and the current draft say exactly the same thing.')).toBeInTheDocument();
});
