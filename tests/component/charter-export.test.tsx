import { screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { charterFileName, charterMarkdown } from '../../renderer/features/charter/charterMarkdown';
import { renderApp, startWithCoalition } from './renderApp';

const goal = {
  id: '6f1c1f0e-0d5c-4f55-9b52-5b0f3d1f8a11',
  category: 'public_awareness' as const,
  title: 'Make eviction visible',
  description: 'Town halls in every district.',
  target: { metric: 'People reached', value: 40000, unit: 'people', dueOn: '2026-12-31' },
};

test('the Markdown document has every part of the charter, goals under their category', () => {
  const markdown = charterMarkdown({
    coalitionName: 'Harbor City Care Coalition',
    edition: 'Version 2',
    adoptedOn: '2026-02-04',
    note: 'Amended by\nthe steering committee',
    content: { mission: 'Win fair services.', vision: '', values: ['Equity', 'Community voice'], goals: [goal] },
  });
  expect(markdown).toBe(
    [
      '# Harbor City Care Coalition — Charter',
      '',
      '**Version 2**, adopted on 2026-02-04',
      '',
      '> Amended by the steering committee',
      '',
      '## Mission',
      '',
      'Win fair services.',
      '',
      '## Vision',
      '',
      '_Not written yet._',
      '',
      '## Values',
      '',
      '- Equity',
      '- Community voice',
      '',
      '## Shared goals',
      '',
      '### Public awareness',
      '',
      '#### Make eviction visible',
      '',
      'Town halls in every district.',
      '',
      '**Target:** People reached: 40,000 people by 2026-12-31',
      '',
    ].join('\n'),
  );
});

test('export file names are safe and say which edition they hold', () => {
  expect(charterFileName({ name: 'Harbor City Care Coalition', shortName: 'HCCC' }, 3)).toBe('hccc-charter-v3.md');
  expect(charterFileName({ name: 'Coalición Salud/Vivienda', shortName: '' }, 'draft')).toBe('coalicion-salud-vivienda-charter-draft.md');
});

test('"Export as Markdown" on a version hands the document to the Save dialog', async () => {
  const { bridge, saved } = await startWithCoalition();
  await ok(bridge, 'charter.saveDraft', { mission: 'Win fair services for every resident.', vision: 'Care is a right.', values: ['Equity'], goals: [] });
  await ok(bridge, 'charter.adopt', { adoptedOn: '2025-03-12', note: 'Founding assembly' });
  const { user } = renderApp('/charter/versions/1');

  await user.click(await screen.findByRole('button', { name: 'Export as Markdown' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toBe('hccc-charter-v1.md');
  expect(saved[0]?.content).toContain('**Version 1**, adopted on 2025-03-12');
  expect(saved[0]?.content).toContain('Win fair services for every resident.');
  expect(await screen.findByText('Saved hccc-charter-v1.md.')).toBeInTheDocument();
});

test('exporting the draft saves unsaved edits first, then exports them', async () => {
  const { bridge, saved } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.type(await screen.findByLabelText('Mission'), 'A mission typed just now.');
  await user.click(screen.getByRole('button', { name: 'Export as Markdown' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toBe('hccc-charter-draft.md');
  expect(saved[0]?.content).toContain('**Draft**, not adopted');
  expect(saved[0]?.content).toContain('A mission typed just now.');
  expect((await ok(bridge, 'charter.getDraft', {})).mission).toBe('A mission typed just now.');
});

test('each row of the versions list exports its own version', async () => {
  const { bridge, saved } = await startWithCoalition();
  await ok(bridge, 'charter.saveDraft', { mission: 'First mission.', vision: '', values: [], goals: [] });
  await ok(bridge, 'charter.adopt', { adoptedOn: '2025-03-12', note: '' });
  await ok(bridge, 'charter.saveDraft', { mission: 'Second mission.', vision: '', values: [], goals: [] });
  await ok(bridge, 'charter.adopt', { adoptedOn: '2025-04-12', note: '' });
  const { user } = renderApp('/charter/versions');

  await user.click(await screen.findByRole('button', { name: 'Export version 1 as Markdown' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]?.suggestedName).toBe('hccc-charter-v1.md');
  expect(saved[0]?.content).toContain('First mission.');
  expect(saved[0]?.content).not.toContain('Second mission.');
});
