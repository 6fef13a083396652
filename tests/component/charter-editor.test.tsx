import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { choose, goalCard, renderApp, startWithCoalition } from './renderApp';

test('the draft editor saves mission, vision, values and goals to the workspace', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.click(await screen.findByLabelText('Mission'));
  await user.paste('Win fair social services for every resident.');
  await user.type(screen.getByLabelText('Vision'), 'Care is a right.');
  expect(screen.getByText(/44 \/ 5,000 characters/)).toBeInTheDocument();

  await user.type(screen.getByLabelText('New value'), 'Equity');
  await user.click(screen.getByRole('button', { name: 'Add value' }));
  // Enter adds a value too, without submitting the charter.
  await user.type(screen.getByLabelText('New value'), 'Community voice{Enter}');
  expect(screen.getByLabelText('Value 2')).toHaveValue('Community voice');

  await user.click(screen.getByRole('button', { name: 'Add goal' }));
  const goal = goalCard(1);
  await choose(user, within(goal).getByRole('combobox', { name: 'Category' }), 'Public awareness');
  await user.type(within(goal).getByLabelText('Title'), 'Make eviction visible');
  await user.click(within(goal).getByLabelText('Description'));
  await user.paste('Town halls in every district.');
  await user.click(within(goal).getByLabelText('Measurable target'));
  await user.type(within(goal).getByLabelText('Target metric'), 'People reached');
  await user.type(within(goal).getByLabelText('Target value'), '40000');
  await user.type(within(goal).getByLabelText('Unit'), 'people');
  await user.type(within(goal).getByLabelText('Due date'), '2026-12-31');

  expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  expect(await screen.findByText(/All changes saved/)).toBeInTheDocument();

  const draft = await ok(bridge, 'charter.getDraft', {});
  expect(draft).toMatchObject({
    mission: 'Win fair social services for every resident.',
    vision: 'Care is a right.',
    values: ['Equity', 'Community voice'],
    goals: [
      {
        category: 'public_awareness',
        title: 'Make eviction visible',
        description: 'Town halls in every district.',
        target: { metric: 'People reached', value: 40000, unit: 'people', dueOn: '2026-12-31' },
      },
    ],
    latestVersion: null,
  });
  // Saving twice keeps the goal's identity instead of creating a copy.
  await user.type(within(goalCard(1)).getByLabelText('Title'), ' now');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await waitFor(async () => expect((await ok(bridge, 'charter.getDraft', {})).goals.map((g) => g.title)).toEqual(['Make eviction visible now']));
  expect((await ok(bridge, 'charter.getDraft', {})).goals[0]?.id).toBe(draft.goals[0]?.id);
});

test('goals can be added, reordered and removed, and the saved order is the order on screen', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  for (const title of ['First goal', 'Second goal', 'Third goal']) {
    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    const cards = screen.getAllByRole('group', { name: /^Goal \d+$/ });
    await user.type(within(cards[cards.length - 1]!).getByLabelText('Title'), title);
  }
  await user.click(screen.getByRole('button', { name: 'Move goal 3 up' }));
  expect(within(goalCard(2)).getByLabelText('Title')).toHaveValue('Third goal');
  await user.click(screen.getByRole('button', { name: 'Move goal 1 down' }));
  expect(within(goalCard(1)).getByLabelText('Title')).toHaveValue('Third goal');
  expect(screen.getByRole('button', { name: 'Move goal 1 up' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Move goal 3 down' })).toBeDisabled();

  await user.click(screen.getByRole('button', { name: 'Remove goal 2' }));
  expect(screen.getAllByRole('group', { name: /^Goal \d+$/ })).toHaveLength(2);

  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await waitFor(async () => expect((await ok(bridge, 'charter.getDraft', {})).goals.map((g) => g.title)).toEqual(['Third goal', 'Second goal']));
});

test('values can be reordered and removed; duplicates are refused', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');
  for (const value of ['Equity', 'Dignity', 'Solidarity']) await user.type(await screen.findByLabelText('New value'), `${value}{Enter}`);

  await user.type(screen.getByLabelText('New value'), 'equity{Enter}');
  expect(screen.getByText('“equity” is already listed.')).toBeInTheDocument();
  await user.clear(screen.getByLabelText('New value'));

  await user.click(screen.getByRole('button', { name: 'Move value 3 up' }));
  await user.click(screen.getByRole('button', { name: 'Remove value 1' }));
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await waitFor(async () => expect((await ok(bridge, 'charter.getDraft', {})).values).toEqual(['Solidarity', 'Dignity']));
});

test('invalid fields are marked where they are, and nothing is saved', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('Mission'), 'A mission.');
  await user.click(screen.getByRole('button', { name: 'Add goal' }));
  await user.click(within(goalCard(1)).getByLabelText('Measurable target'));
  await user.click(screen.getByRole('button', { name: 'Save draft' }));

  const goal = goalCard(1);
  expect(await within(goal).findByText('Goal title is required.')).toBeInTheDocument();
  expect(within(goal).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
  expect(within(goal).getByText('Target metric is required.')).toBeInTheDocument();
  expect(within(goal).getByText('Target value must be a number.')).toBeInTheDocument();
  expect((await ok(bridge, 'charter.getDraft', {})).mission).toBe('');
});

test('adopting with an empty mission shows the backend’s message on the Mission field', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('New value'), 'Equity{Enter}');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await screen.findByText(/All changes saved/);

  await user.click(screen.getByRole('button', { name: 'Adopt…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Adopt version 1' });
  await user.click(within(dialog).getByRole('button', { name: 'Adopt version' }));

  const mission = screen.getByLabelText('Mission');
  await waitFor(() => expect(mission).toHaveAccessibleDescription(expect.stringContaining('The mission is required to adopt a charter.')));
  expect(mission).toHaveAttribute('aria-invalid', 'true');
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Adopt version 1' })).not.toBeInTheDocument());
  // Once the dialog has closed, the field that needs attention has the focus.
  await waitFor(() => expect(mission).toHaveFocus());
  expect(await ok(bridge, 'charter.listVersions', {})).toEqual([]);
});

test('leaving with unsaved changes asks first', async () => {
  await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('Mission'), 'Not saved yet');
  await user.click(screen.getByRole('link', { name: 'Directory' }));
  const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
  await user.click(within(dialog).getByRole('button', { name: 'Stay here' }));
  expect(screen.getByLabelText('Mission')).toHaveValue('Not saved yet');

  await user.click(screen.getByRole('link', { name: 'Directory' }));
  await user.click(within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', { name: 'Leave without saving' }));
  expect(await screen.findByRole('heading', { name: 'Directory' })).toBeInTheDocument();
});

test('"Discard changes" brings back the saved draft', async () => {
  const { bridge } = await startWithCoalition();
  await ok(bridge, 'charter.saveDraft', { mission: 'Saved mission', vision: '', values: [], goals: [] });
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('Mission'), ' and more');
  await user.click(screen.getByRole('button', { name: 'Discard changes' }));
  expect(screen.getByLabelText('Mission')).toHaveValue('Saved mission');
  expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
});
