import { describe, expect, it } from 'vitest';
import { parseNarrative } from '@shared/reports/narrative';
import { addDays, nextPeriod, periodContaining, periodLabel, previousPeriod } from '@shared/reports/period';
import { escapeHtml, escapeMarkdown } from '../../../electron/backend/reports/digestFormats';
import { fails, ok, useBackend } from '../../support/backend';
import { meetingInput } from '../../support/meetings';
import { addPerson } from '../../support/people';
import { readPdf, squash } from '../../support/pdf';
import { digestInput } from '../../support/samples/reports';

// The update digest: what happened in the period and what is coming, with "how to get involved",
// as PDF, HTML for an email (inline styles, escaped) and Markdown (escaped).

const NOVEMBER = { kind: 'month', from: '2026-11-01', to: '2026-11-30' } as const;
const HOSTILE = 'Rent <script>alert("x")</script> & *bold* _under_ [link](http://x) # not a heading';

async function november(backend: Parameters<typeof addPerson>[0]): Promise<void> {
  const people = [await addPerson(backend, 'Zoë Đặng'), await addPerson(backend, 'Kofi Mensah')];
  const steering = await ok(backend, 'meetings.create', meetingInput({ type: 'other', title: HOSTILE, startsAt: '2026-11-03T17:00:00.000Z', endsAt: '2026-11-03T19:00:00.000Z', timeZone: 'UTC' }));
  await ok(backend, 'meetings.invite', { meetingId: steering.id, personIds: people });
  await ok(backend, 'meetings.respond', { meetingId: steering.id, personIds: people, attendance: 'present' });
  await ok(backend, 'decisions.save', { meetingId: steering.id, text: 'Adopt the 2027 budget', motion: '', kind: 'ordinary', votesFor: 2, votesAgainst: 0, votesAbstain: 0 });
  await ok(backend, 'meetings.create', meetingInput({ type: 'town_hall', title: 'Town hall: tenants’ rights', startsAt: '2026-11-18T23:00:00.000Z', endsAt: '2026-11-19T01:00:00.000Z', timeZone: 'America/New_York' }));
  // Coming: in December (members see the steering meeting; the public only the assembly).
  await ok(backend, 'meetings.create', meetingInput({ type: 'assembly', title: 'December assembly', startsAt: '2026-12-09T17:00:00.000Z', endsAt: '2026-12-09T19:00:00.000Z', timeZone: 'UTC', location: 'Casa do Povo' }));
  await ok(backend, 'meetings.create', meetingInput({ type: 'steering', title: 'Steering committee, December', startsAt: '2026-12-01T17:00:00.000Z', endsAt: '2026-12-01T19:00:00.000Z', timeZone: 'UTC' }));
  // Far beyond the window.
  await ok(backend, 'meetings.create', meetingInput({ type: 'assembly', title: 'Spring assembly', startsAt: '2027-04-09T17:00:00.000Z', endsAt: '2027-04-09T19:00:00.000Z', timeZone: 'UTC' }));
}

describe('update digest', () => {
  it('lists what happened and what is coming for members; the public sees public meetings and no decisions', async () => {
    const { backend } = await useBackend();
    await november(backend);
    const digest = await ok(backend, 'reports.digest', { period: NOVEMBER, audience: 'members', getInvolvedMd: 'Join us.', title: '' });
    expect(digest).toMatchObject({ title: 'Update digest, November 2026', periodLabel: 'November 2026', coming: { from: '2026-12-01', to: '2026-12-31', label: 'December 2026' } });
    const happened = Object.fromEntries(digest.happened.map((l) => [l.key, l]));
    expect(happened.meetings?.items.map((i) => [i.on, i.title])).toEqual([
      ['2026-11-03', HOSTILE],
      ['2026-11-18', 'Town hall: tenants’ rights'],
    ]);
    expect(happened.meetings?.items[0]?.detail).toBe('Other · 2 present');
    expect(happened.decisions?.items).toEqual([{ on: '2026-11-03', title: 'Adopt the 2027 budget', detail: `Passed · ${HOSTILE}` }]);
    expect(happened.wins?.items).toEqual([]);
    expect(happened.wins?.empty).toBe('No policy wins or funding allocations in November 2026.');
    const coming = digest.upcoming.find((l) => l.key === 'meetings');
    expect(coming?.items.map((i) => i.title)).toEqual(['Steering committee, December', 'December assembly']);
    expect(coming?.items[1]?.detail).toBe('Coalition-wide assembly · 17:00 · Casa do Povo');

    const forPublic = await ok(backend, 'reports.digest', { period: NOVEMBER, audience: 'public', getInvolvedMd: '', title: 'For everyone' });
    expect(forPublic.happened.map((l) => l.key)).not.toContain('decisions');
    expect(forPublic.happened.find((l) => l.key === 'meetings')?.items.map((i) => i.title)).toEqual(['Town hall: tenants’ rights']);
    expect(forPublic.upcoming.find((l) => l.key === 'meetings')?.items.map((i) => i.title)).toEqual(['December assembly']);
  });

  it('exports HTML with inline styles and every text escaped, Markdown escaped, and a PDF with the same content', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', { name: 'Alianza Ñandú & Friends', shortName: '', region: '', foundedOn: null });
    await november(backend);
    const saved = await ok(backend, 'reports.create', digestInput({ getInvolvedMd: `Write to <housing@example.org>.\n\n- Bring a friend & a *sign*\n- ${'1. not a list'}` }));

    const html = await ok(backend, 'reports.digestExport', { id: saved.id, format: 'html' });
    expect(html).toMatchObject({ fileName: 'november-update.html', mimeType: 'text/html', encoding: 'utf8', pages: null });
    expect(html.content).not.toContain('<script>');
    expect(html.content).toContain('Rent &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold*');
    expect(html.content).toContain('Alianza Ñandú &amp; Friends');
    expect(html.content).toContain('Write to &lt;housing@example.org&gt;.');
    expect(html.content).toContain('<li style="margin: 0 0 4px;">Bring a friend &amp; a *sign*</li>');
    // Inline styles only: no <style> block, no classes, no scripts.
    expect(html.content).not.toMatch(/<style|class=|<script/);
    expect(html.content).toMatch(/<h2 style="[^"]+">What happened<\/h2>/);
    expect(html.content).toContain('What is coming (December 2026)');

    const md = await ok(backend, 'reports.digestExport', { id: saved.id, format: 'markdown' });
    expect(md).toMatchObject({ fileName: 'november-update.md', mimeType: 'text/markdown', encoding: 'utf8' });
    expect(md.content).toContain('# November update\n');
    expect(md.content).toContain('- **3 November 2026** · Rent \\<script\\>alert("x")\\</script\\> & \\*bold\\* \\_under\\_ \\[link\\](http://x) # not a heading — Other · 2 present');
    expect(md.content).toContain('- Bring a friend & a \\*sign\\*');
    expect(md.content).toContain('Write to \\<housing@example.org\\>.');
    expect(md.content).toContain('## How to get involved');

    const pdf = await ok(backend, 'reports.digestExport', { id: saved.id, format: 'pdf', pageSize: 'LETTER' });
    expect(pdf).toMatchObject({ fileName: 'november-update.pdf', mimeType: 'application/pdf', encoding: 'base64', pages: 1 });
    const text = squash(readPdf(Buffer.from(pdf.content, 'base64')).text);
    for (const line of ['What happened', 'Meetings held', HOSTILE, 'Adopt the 2027 budget', 'What is coming', 'December assembly', 'How to get involved', 'Bring a friend & a *sign*']) expect(text).toContain(line);
    expect(text).toContain('No policy wins or funding allocations in November 2026.');

    const impact = await ok(backend, 'reports.create', { ...digestInput(), kind: 'impact' });
    expect((await fails(backend, 'reports.digestExport', { id: impact.id, format: 'html' })).message).toBe('This is an impact report: export it as a PDF from the report editor.');
    expect((await fails(backend, 'reports.digestExport', { id: saved.id, format: 'docx' })).message).toMatch(/Choose PDF, HTML or Markdown/);
  });

  it('lists campaign milestones and public events of the period, and events and grant deadlines coming after it', async () => {
    const { backend } = await useBackend();
    // A status change is dated on the day it is saved: the digest is for this month.
    const month = periodContaining('month', new Date().toISOString().slice(0, 10));
    const next = nextPeriod(month);
    const campaign = await ok(backend, 'campaigns.save', { name: 'Coverage for All', ask: 'Fund the clinics.', goalId: null, status: 'active', startsOn: month.from, endsOn: null, leadWorkingGroupId: null, notes: '' });
    const event = (title: string, day: string, attendance: number | null) =>
      ok(backend, 'campaigns.events.save', { campaignId: campaign.id, kind: 'rally', title, startsAt: `${day}T17:00:00.000Z`, endsAt: `${day}T19:00:00.000Z`, timeZone: 'UTC', location: 'City Hall steps', description: '', rsvps: 0, attendance, peopleReached: null, cohostIds: [] });
    await event('Rally for the clinics', month.from, 140);
    await event('Second rally', next.from, null);
    await ok(backend, 'grants.save', { grant: { funderOrganizationId: null, funderName: 'Harbor Foundation', title: 'Organizing grant', currency: 'USD', requestedMinor: 100_000, awardedMinor: null, status: 'drafting', deadline: addDays(next.from, 3), reports: [], notes: '' } });
    await ok(backend, 'media.coverage.save', { entry: { campaignId: campaign.id, outletId: null, outletName: 'The Harbor Ledger', headline: 'Clinics rally draws a crowd', link: '', publishedOn: month.from, reach: 12_000, tone: 'positive', notes: '' } });

    const members = await ok(backend, 'reports.digest', { period: month, audience: 'members', getInvolvedMd: '', title: '' });
    const happened = Object.fromEntries(members.happened.map((l) => [l.key, l.items.map((i) => `${i.title} — ${i.detail}`)]));
    expect(happened.milestones).toEqual(['Coverage for All launched — Campaign']);
    expect(happened.events).toEqual(['Rally for the clinics — Rally · 140 attended']);
    expect(happened.coverage).toEqual(['Clinics rally draws a crowd — The Harbor Ledger · reach 12,000']);
    const coming = Object.fromEntries(members.upcoming.map((l) => [l.key, l.items.map((i) => `${i.on} ${i.title} — ${i.detail}`)]));
    expect(coming.events).toEqual([`${next.from} Second rally — Rally · City Hall steps`]);
    expect(coming.grants).toEqual([`${addDays(next.from, 3)} Application due: Organizing grant — Harbor Foundation`]);
    expect(coming.hearings).toEqual([]);
    // The public sees no grant deadlines.
    const forPublic = await ok(backend, 'reports.digest', { period: month, audience: 'public', getInvolvedMd: '', title: '' });
    expect(forPublic.upcoming.map((l) => l.key)).not.toContain('grants');
  });

  it('escapes every character that would change the meaning', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMarkdown('# Title\n- item\n1. one\n+ plus\n=== \\ `code` ~strike~ | pipe &amp; &')).toBe('\\# Title\n\\- item\n1\\. one\n\\+ plus\n\\=== \\\\ \\`code\\` \\~strike\\~ \\| pipe \\&amp; &');
  });
});

describe('periods and narrative', () => {
  it('computes months, quarters, years and custom periods, and the next and previous ones', () => {
    expect(periodContaining('quarter', '2026-11-15')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(nextPeriod({ kind: 'month', from: '2027-01-01', to: '2027-01-31' })).toEqual({ kind: 'month', from: '2027-02-01', to: '2027-02-28' });
    expect(nextPeriod({ kind: 'year', from: '2026-01-01', to: '2026-12-31' })).toEqual({ kind: 'year', from: '2027-01-01', to: '2027-12-31' });
    expect(nextPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-04-15' })).toEqual({ kind: 'custom', from: '2026-04-16', to: '2026-05-31' });
    expect(previousPeriod({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' })).toEqual({ kind: 'quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(periodLabel({ kind: 'custom', from: '2026-03-01', to: '2026-04-15' })).toBe('1 March – 15 April 2026');
    expect(periodLabel({ kind: 'custom', from: '2025-12-20', to: '2026-01-05' })).toBe('20 December 2025 – 5 January 2026');
  });

  it('reads paragraphs, bullets (wrapped lines included) and sub-headings, and nothing else as markup', () => {
    expect(parseNarrative('First line\ncontinues.\n\n## Plans\n- one\n  still one\n* two\n\n<b>not bold</b>')).toEqual([
      { kind: 'paragraph', text: 'First line continues.' },
      { kind: 'heading', text: 'Plans' },
      { kind: 'bullets', items: ['one still one', 'two'] },
      { kind: 'paragraph', text: '<b>not bold</b>' },
    ]);
    expect(parseNarrative('  \n\n')).toEqual([]);
  });
});
