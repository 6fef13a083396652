import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { emptyPersonInput } from '../../../shared/directory/people';
import { area, collectErrors, rpc, startNewCoalition } from '../support/app';
import { useHarness } from '../support/harness';

// Issue 5's briefing-packet story in real Chromium against the real backend (its render workers
// included): a campaign with a key message, officials imported from a CSV, a stance and an
// engagement recorded, a story with policymaker consent and one without; then the packets of the
// campaign's targets are made on Reports ▸ Briefing packets and saved as a ZIP. Each PDF is read
// back with pdftotext: the right story is in it, the other is not.

const harness = useHarness();

const OFFICIALS_CSV =
  'Name,Title,Level,District,Party\r\nОлена Коваленко,State Senator,State / provincial,District 4,Independent\r\nNguyễn Văn An,Council member,Local,District 9,Green\r\n';

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

async function importOfficials(page: Page): Promise<void> {
  const bytes = Buffer.from(OFFICIALS_CSV);
  const { importId } = await rpc(page, 'imports.begin', { entity: 'official', fileName: 'officials.csv', size: bytes.length });
  await rpc(page, 'imports.append', { importId, offset: 0, data: bytes.toString('base64') });
  const preview = await rpc(page, 'imports.open', { importId });
  expect(preview.rowCount).toBe(2);
  const run = await rpc(page, 'imports.run', { importId, entity: 'official', mapping: preview.mapping as never, duplicates: 'skip' });
  expect(run).toMatchObject({ created: 2 });
}

test('a coordinator makes the briefing packets of a campaign’s targets: the story with policymaker consent is in, the other is not', async ({ page }) => {
  const errors = collectErrors(page);
  await page.clock.setFixedTime(new Date('2026-11-26T12:00:00'));
  await startNewCoalition(page, harness.url, 'Alianza Ñandú por la Salud');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  // A campaign with an approved key message for policymakers.
  const campaign = await rpc(page, 'campaigns.save', {
    name: 'Clinics for every district',
    ask: 'Vote yes on SB 12.',
    goalId: null,
    status: 'active',
    startsOn: null,
    endsOn: null,
    leadWorkingGroupId: null,
    notes: '',
  });
  const message = await rpc(page, 'campaigns.messages.save', {
    campaignId: campaign.id,
    audience: 'policymakers',
    title: 'Clinics save money',
    message: 'Every dollar in a community clinic saves three in emergency care.',
    talkingPoints: ['Ask for a yes vote on SB 12.'],
    facts: [],
  });
  await rpc(page, 'campaigns.messages.approve', { id: message.id, approvedBy: 'Steering committee' });

  // Officials from a CSV, targeted by the campaign; a stance and an engagement for the first.
  await importOfficials(page);
  const officials = (await rpc(page, 'policy.officials.list', { offset: 0, limit: 10 })).rows;
  const olena = officials.find((o) => o.name === 'Олена Коваленко');
  if (!olena) throw new Error('The imported official is missing.');
  await rpc(page, 'policy.campaignTargets.set', { campaignId: campaign.id, bills: [], officials: officials.map((o) => ({ officialId: o.id, note: '' })) });
  await rpc(page, 'policy.stances.record', {
    officialId: olena.id,
    campaignId: campaign.id,
    billId: null,
    stance: 'leaning_yes',
    statedOn: '2026-11-02',
    evidence: 'Said at the town hall she would look at the numbers.',
    recordedBy: 'Ana Soto',
  });
  const ana = await rpc(page, 'people.create', { ...emptyPersonInput(), name: 'Ana Soto', district: 'District 4' });
  await rpc(page, 'policy.engagements.create', {
    kind: 'call',
    title: 'Call about the clinic numbers',
    occurredOn: '2026-11-10',
    startsAt: null,
    endsAt: null,
    timeZone: null,
    location: '',
    officials: [{ officialId: olena.id, stafferId: null }],
    attendeePersonIds: [ana.id],
    campaignId: campaign.id,
    billId: null,
    presented: ['data'],
    presentedNote: '',
    outcome: 'Asked for the cost study.',
    followUp: 'Send the cost study',
    followUpOwnerPersonId: ana.id,
    followUpDueOn: '2026-12-01',
    followUpDone: false,
  });

  // Two stories from District 4: one whose consent covers policymakers, one for reports only.
  const consent = { given: true, givenOn: '2026-03-02', method: 'written' as const, recordedBy: 'Ana Soto', expiresOn: null, withdrawnOn: null, withdrawalNote: '', anonymize: false };
  const story = (title: string, text: string, uses: ('policymakers' | 'reports')[]) =>
    rpc(page, 'stories.create', {
      story: { title, text, anonymizedText: '', storytellerPersonId: ana.id, issueArea: '', district: 'District 4', campaignId: campaign.id, consent: { ...consent, uses } },
      today: '2026-11-26',
    });
  await story('Three buses to the clinic', 'Maria takes three buses to reach the only clinic that takes her coverage.', ['policymakers']);
  await story('Only for our report', 'This story may appear in reports but never in a packet.', ['reports']);

  // Reports ▸ Briefing packets: the campaign's targets, made in the background, saved as one ZIP.
  await area(page, 'Reports').click();
  await page.getByRole('link', { name: 'Briefing packets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing packets' })).toBeVisible();
  await page.getByText("A campaign's target officials").click();
  await page.getByRole('combobox', { name: /^Campaign/ }).click();
  await page.getByRole('option', { name: 'Clinics for every district' }).click();
  await expect(page.getByRole('cell', { name: 'Олена Коваленко' })).toBeVisible();
  await page.getByRole('button', { name: 'Make 2 packets' }).click();
  await expect(page.getByRole('progressbar', { name: 'Briefing packets progress' })).toBeVisible();
  await expect(page.getByText('Ready to save')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('2 of 2 packets')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save ZIP' }).click()]);
  expect(download.suggestedFilename()).toBe('briefing-packets-clinics-for-every-district-2026-11-26.zip');
  const zipPath = join(harness.dir, download.suggestedFilename());
  await download.saveAs(zipPath);

  const files = unzipSync(readFileSync(zipPath));
  expect(Object.keys(files).sort()).toEqual(['nguyen-van-an.pdf', 'олена-коваленко.pdf']);
  const olenaPdf = join(harness.dir, 'olena.pdf');
  writeFileSync(olenaPdf, files['олена-коваленко.pdf'] ?? new Uint8Array());
  const text = pdfText(olenaPdf);
  expect(text).toContain('Олена Коваленко');
  expect(text).toContain('Every dollar in a community clinic saves three in emergency care.');
  expect(text).toContain('Leaning yes');
  expect(text).toContain('Asked for the cost study.');
  expect(text).toContain('Maria takes three buses to reach the only clinic that takes her coverage.');
  expect(text).not.toContain('Only for our report');
  expect(text).not.toContain('never in a packet');
  const anPdf = join(harness.dir, 'an.pdf');
  writeFileSync(anPdf, files['nguyen-van-an.pdf'] ?? new Uint8Array());
  const other = pdfText(anPdf);
  expect(other).toContain('Nguyễn Văn An');
  expect(other).toContain('No stance recorded yet.');
  expect(other).not.toContain('Maria takes three buses');

  expect(errors).toEqual([]);
});
