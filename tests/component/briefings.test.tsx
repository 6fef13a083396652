import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { AppProviders } from '../../renderer/app/providers';
import { BriefingPacketButton } from '../../renderer/features/briefings/BriefingPacketButton';
import { readPdf, squash } from '../support/pdf';
import { seedPacketWorld } from '../support/samples/briefings';
import { choose, renderApp, startBackend } from './renderApp';

// The briefing packet screens against the real backend (and its render workers): the official's
// button saves one PDF; Reports ▸ Briefing packets makes a committee's packets with a progress
// bar and saves the ZIP.

test("the official's Briefing packet button asks for the meeting day and saves the packet as a PDF", async () => {
  const test = await startBackend();
  const world = await seedPacketWorld(test.bridge);
  const user = userEvent.setup();
  render(
    <AppProviders env="test">
      <BriefingPacketButton officialId={world.officialId} />
    </AppProviders>,
  );
  await user.click(screen.getByRole('button', { name: 'Briefing packet' }));
  const dialog = await screen.findByRole('dialog', { name: 'Briefing packet' });
  const day = within(dialog).getByRole('textbox', { name: 'Meeting day' });
  await user.clear(day);
  await user.type(day, `${world.day}{Enter}`);
  await user.click(within(dialog).getByRole('button', { name: 'Make and save PDF' }));
  await waitFor(() => expect(test.saved).toHaveLength(1), { timeout: 30_000 });
  const [file] = test.saved;
  expect(file?.suggestedName).toBe(`briefing-олена-коваленко-${world.day}.pdf`);
  const text = squash(readPdf(Buffer.from(file?.content ?? '', 'base64')).text);
  expect(text).toContain(world.shown.officialName);
  expect(text).toContain(world.shown.namedStory);
  expect(text).not.toContain(world.hidden.expired);
  expect(await screen.findByText(/Saved the briefing packet \(\d+ pages\)/)).toBeInTheDocument();
});

test("Briefing packets makes a committee's packets with a progress bar and saves them as one ZIP", async () => {
  const test = await startBackend();
  await seedPacketWorld(test.bridge);
  const { user } = renderApp('/reports/packets');
  await screen.findByRole('heading', { name: 'Briefing packets' });
  const make = screen.getByRole('button', { name: 'Make packets' });
  expect(make).toBeDisabled();

  await choose(user, screen.getByRole('combobox', { name: 'Committee' }), 'Health and Human Services (1 member)');
  const preview = await screen.findByRole('table');
  expect(within(preview).getByText('Олена Коваленко')).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Make 1 packet' }));

  expect(await screen.findByRole('progressbar', { name: 'Briefing packets progress' })).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Save ZIP' }, { timeout: 30_000 }));
  await waitFor(() => expect(test.saved).toHaveLength(1));
  const [file] = test.saved;
  expect(file?.suggestedName).toMatch(/^briefing-packets-health-and-human-services-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(Object.keys(unzipSync(Buffer.from(file?.content ?? '', 'base64')))).toEqual(['олена-коваленко.pdf']);
  expect(screen.getByText('1 of 1 packets')).toBeInTheDocument();
  expect(screen.getByText('Ready to save')).toBeInTheDocument();
});

test('a chosen list of officials is found by search, and a running batch can be cancelled', async () => {
  const test = await startBackend();
  await seedPacketWorld(test.bridge);
  const { user } = renderApp('/reports/packets');
  await user.click(await screen.findByRole('radio', { name: 'Chosen officials' }));
  const officials = screen.getByRole('combobox', { name: /^Officials/ });
  await user.type(officials, 'Νίκος');
  await user.click(await screen.findByRole('option', { name: 'Νίκος Παπαδόπουλος' }));
  await user.type(officials, 'Олена');
  await user.click(await screen.findByRole('option', { name: 'Олена Коваленко (District 4)' }));
  await user.click(await screen.findByRole('button', { name: 'Make 2 packets' }));
  const cancel = await screen.findByRole('button', { name: 'Cancel' });
  await user.click(cancel);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument());
  // Cancelled, unless both packets were done before the click arrived: the screen says which.
  const cancelled = screen.queryByText('Cancelled') !== null;
  expect(screen.getByText(cancelled ? 'Cancelled' : 'Ready to save')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save ZIP' }) !== null).toBe(!cancelled);
  expect(screen.getByRole('button', { name: cancelled ? 'Start again' : 'Make other packets' })).toBeInTheDocument();
});
