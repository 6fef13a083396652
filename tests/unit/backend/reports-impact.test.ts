import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { countRows } from '../../support/people';
import { expectNoStack, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { meetingInput } from '../../support/meetings';
import { addPerson, organizationInput } from '../../support/people';
import { png } from '../../support/images';
import { readPdf, squash } from '../../support/pdf';
import { impactInput } from '../../support/samples/reports';

// Saved impact reports (settings and narrative, "new report from the last") and the impact
// report PDF, through the real backend on a real SQLite file, read back with poppler.

const Q4 = { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' } as const;

/** Two meetings held in the quarter with people present, one cancelled, one in the next quarter; two member organizations. */
async function activity(backend: Backend): Promise<void> {
  const people = [await addPerson(backend, 'Zoë Đặng'), await addPerson(backend, 'Ярослава Петренко'), await addPerson(backend, 'Kofi Mensah')];
  const held = [
    meetingInput({ type: 'town_hall', title: 'Town hall on rents', startsAt: '2026-10-14T23:00:00.000Z', endsAt: '2026-10-15T01:00:00.000Z', timeZone: 'America/New_York' }),
    meetingInput({ type: 'steering', title: 'Steering committee, November', startsAt: '2026-11-03T17:00:00.000Z', endsAt: '2026-11-03T19:00:00.000Z', timeZone: 'UTC' }),
    meetingInput({ type: 'assembly', title: 'Cancelled assembly', startsAt: '2026-11-20T17:00:00.000Z', endsAt: '2026-11-20T19:00:00.000Z', timeZone: 'UTC', status: 'cancelled' }),
    meetingInput({ type: 'assembly', title: 'January assembly', startsAt: '2027-01-12T17:00:00.000Z', endsAt: '2027-01-12T19:00:00.000Z', timeZone: 'UTC' }),
  ];
  for (const [i, input] of held.entries()) {
    const meeting = await ok(backend, 'meetings.create', input);
    await ok(backend, 'meetings.invite', { meetingId: meeting.id, personIds: people });
    await ok(backend, 'meetings.respond', { meetingId: meeting.id, personIds: people.slice(0, 3 - (i % 2)), attendance: 'present' });
  }
  await ok(backend, 'organizations.create', organizationInput('Tenants United', { stage: 'member', email: 'hello@tenants.example.org', phone: '+1 555 0100' }));
  await ok(backend, 'organizations.create', organizationInput('Faith & Housing Network', { stage: 'member', sector: 'community', type: 'faith_based', email: 'office@fhn.example.org' }));
}

describe('saved reports', () => {
  it('saves settings and narrative, and starts the next quarter from the last one', async () => {
    const { backend } = await useBackend();
    const saved = await ok(backend, 'reports.create', impactInput({ period: { kind: 'quarter', from: '2026-07-01', to: '2026-09-30' }, title: 'Impact report, Q3 2026 (July–September)' }));
    expect(saved).toMatchObject({ kind: 'impact', audience: 'funders', periodLabel: 'Q3 2026 (July–September)', sections: ['summary', 'activities', 'successes', 'challenges', 'nextSteps', 'members'] });
    const later = await ok(backend, 'reports.create', impactInput({ period: Q4, title: 'Impact report, Q4 2026 (October–December)', challengesMd: 'Rents rose faster than wages.', audience: 'public' }));

    // From the latest by default: next period, same audience, sections and narrative, title renamed.
    const next = await ok(backend, 'reports.createNext', { kind: 'impact' });
    expect(next).toMatchObject({
      title: 'Impact report, Q1 2027 (January–March)',
      period: { kind: 'quarter', from: '2027-01-01', to: '2027-03-31' },
      audience: 'public',
      sections: later.sections,
      challengesMd: 'Rents rose faster than wages.',
      nextStepsMd: later.nextStepsMd,
    });
    expect(next.id).not.toBe(later.id);
    // From a chosen one.
    const fromQ3 = await ok(backend, 'reports.createNext', { kind: 'impact', fromId: saved.id });
    expect(fromQ3.period).toEqual(Q4);
    expect((await ok(backend, 'reports.list', { kind: 'impact' })).map((r) => r.periodLabel)).toEqual(['Q1 2027 (January–March)', 'Q4 2026 (October–December)', 'Q4 2026 (October–December)', 'Q3 2026 (July–September)']);

    // Edits are kept.
    const edited = await ok(backend, 'reports.update', { id: next.id, report: { ...impactInput({ period: next.period, title: next.title }), nextStepsMd: '- Publish the housing scorecard', sections: ['nextSteps', 'summary'] } });
    expect(edited.sections).toEqual(['summary', 'nextSteps']);
    expect((await ok(backend, 'reports.get', { id: next.id })).nextStepsMd).toBe('- Publish the housing scorecard');
    const [last] = await ok(backend, 'history.list', { limit: 1 });
    expect(last).toMatchObject({ entity: 'reports', entityId: next.id, action: 'update' });
  });

  it('refuses a period that is not what its kind says, an unknown section, and copying when nothing is saved, writing nothing', async () => {
    const { backend, path } = await useBackend();
    const none = await fails(backend, 'reports.createNext', { kind: 'digest' });
    expect(none).toMatchObject({ code: 'not_found', message: 'There is no saved update digest to start from yet; create one first.' });
    const month = await fails(backend, 'reports.create', impactInput({ period: { kind: 'month', from: '2026-11-01', to: '2026-11-29' } }));
    expect(month.code).toBe('validation');
    expect(issuesOf(month)).toContainEqual({ path: 'period.to', message: 'A month period is a calendar month: 2026-11-01 to 2026-11-30 here (or choose a custom period).' });
    const backwards = await fails(backend, 'reports.create', impactInput({ period: { kind: 'custom', from: '2026-11-10', to: '2026-11-01' } }));
    expect(issuesOf(backwards)).toContainEqual({ path: 'period.to', message: 'The period must end on or after the day it starts.' });
    const section = await fails(backend, 'reports.create', { ...impactInput(), sections: ['summary', 'gossip'] });
    expect(issuesOf(section).map((i) => i.message)).toContain('Unknown report section.');
    expectNoStack(section);
    const saved = await ok(backend, 'reports.create', impactInput());
    const kind = await fails(backend, 'reports.update', { id: saved.id, report: impactInput({ kind: 'digest' }) });
    expect(kind.message).toBe('This is an impact report; it cannot become an update digest.');
    expect(countRows(path, 'reports')).toBe(1);
  });
});

describe('impact report PDF', () => {
  it('prints the dashboard’s headline numbers for the same period, equal to metrics.dashboard', async () => {
    const { backend } = await useBackend();
    await activity(backend);
    const preview = await ok(backend, 'reports.preview', { period: Q4, audience: 'members' });
    const dashboard = await ok(backend, 'metrics.dashboard', { from: Q4.from, to: Q4.to });
    const available = dashboard.headlines.filter((h) => h.available);
    expect(preview.headlines.map((h) => [h.label, h.value])).toEqual(available.map((h) => [h.name, h.value]));
    const attendance = preview.headlines.find((h) => h.key === 'meeting_attendance');
    // 3 present at the town hall and 2 at the steering committee; the cancelled and next-quarter meetings are not counted.
    expect(attendance).toMatchObject({ value: 5, display: '5' });
    expect(preview.headlines.find((h) => h.key === 'members')?.value).toBe(dashboard.headlines.find((h) => h.key === 'members')?.value);

    const report = await ok(backend, 'reports.create', impactInput({ period: Q4, sections: ['summary'] }));
    const file = await ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'A4', today: '2026-11-26' });
    const summary = squash(readPdf(Buffer.from(file.content, 'base64')).pageTexts[1] ?? '');
    for (const h of preview.headlines) {
      expect(summary).toContain(h.label);
      expect(summary).toContain(h.display);
    }
  });

  it('prints the cover, sections with vector charts, the narrative, the member list for the audience, and says plainly where there is no data', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', { name: 'Alianza Ñandú', shortName: '', region: '', foundedOn: null });
    await activity(backend);
    const report = await ok(
      backend,
      'reports.create',
      impactInput({
        title: 'Impact report, Q4 2026',
        period: Q4,
        audience: 'members',
        sections: ['summary', 'activities', 'successes', 'engagement', 'capacity', 'resources', 'stories', 'challenges', 'nextSteps', 'members'],
        challengesMd: 'Evening turnout fell in November.\n\n## Why\n- Childcare is the main barrier\n- Two buses stopped running',
        nextStepsMd: 'Hold two daytime town halls.',
      }),
    );
    const file = await ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'A4', today: '2026-11-26' });
    expect(file).toMatchObject({ fileName: 'impact-report-q4-2026.pdf', mimeType: 'application/pdf', encoding: 'base64' });
    const read = readPdf(Buffer.from(file.content, 'base64'));
    expect(read.pages).toBe(file.pages);
    if (process.env.IMPACT_PDF) execFileSync('cp', [read.path, process.env.IMPACT_PDF]);
    const cover = squash(read.pageTexts[0] ?? '');
    expect(cover).toContain('Alianza Ñandú');
    expect(cover).toContain('Q4 2026 (October–December)');
    expect(cover).toContain('Prepared for our members · 26 November 2026');
    const text = squash(read.text);
    // Narrative: paragraphs, a sub-heading and bullets.
    for (const line of ['Evening turnout fell in November.', 'Why', 'Childcare is the main barrier', 'Two buses stopped running', 'Hold two daytime town halls.']) expect(text).toContain(line);
    // Charts: titles, legend and category labels are text.
    expect(text).toContain('Meetings held, by type');
    expect(text).toContain('Town hall');
    expect(text).toContain('Attendance at meetings');
    // Meetings held, and the member list with contacts for members.
    expect(text).toContain('Town hall on rents');
    expect(text).not.toContain('Cancelled assembly');
    expect(text).toContain('Tenants United');
    // (A long address may wrap in its column.)
    expect(text.replace(/\s+/g, '')).toContain('hello@tenants.example.org');
    // Sections with nothing in the period say so.
    expect(text).toContain('No policy wins, funding allocations or campaigns were recorded for Q4 2026 (October–December).');
    expect(text).toContain('No stories may be printed in this report: none has consent covering reports on the report’s date.');
    // Vector only: no image in a report without a logo.
    const images = execFileSync('pdfimages', ['-list', read.path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(images).toEqual([]);

    // The public gets no contact details and no internal meeting titles.
    await ok(backend, 'reports.update', { id: report.id, report: { ...impactInput({ period: Q4, title: 'Impact report, Q4 2026' }), audience: 'public', sections: ['activities', 'members'] } });
    const publicText = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'LETTER' })).content, 'base64')).text);
    expect(publicText).toContain('Tenants United');
    expect(publicText).not.toContain('hello@tenants.example.org');
    expect(publicText).toContain('Town hall on rents');
    expect(publicText).not.toContain('Steering committee, November');
    expect(publicText).toContain('Prepared for the public');
  });

  it('says so when the whole period is empty', async () => {
    const { backend } = await useBackend();
    const report = await ok(backend, 'reports.create', impactInput({ period: { kind: 'month', from: '2020-02-01', to: '2020-02-29' }, sections: ['summary', 'activities', 'challenges', 'members'], challengesMd: '' }));
    const text = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id, pageSize: 'A4' })).content, 'base64')).text);
    expect(text).toContain('No meetings, events or trainings were recorded for February 2020.');
    expect(text).toContain('No challenges were written for this report.');
    expect(text).toContain('The coalition has no member organizations recorded.');
  });

  it('refuses a digest, and a report that does not exist', async () => {
    const { backend } = await useBackend();
    const digest = await ok(backend, 'reports.create', impactInput({ kind: 'digest' }));
    expect((await fails(backend, 'reports.impactPdf', { id: digest.id })).message).toBe('This is an update digest: export it from the digest screen.');
    const gone = await fails(backend, 'reports.impactPdf', { id: '00000000-0000-4000-8000-000080000999' });
    expect(gone.code).toBe('not_found');
    expect(issuesOf(gone)).toEqual([{ path: 'id', message: 'This report does not exist.' }]);
  });

  it('shows funders the resources in detail (every gift and grant), members totals, and the public no contributor', async () => {
    const { backend } = await useBackend();
    const clinic = (await ok(backend, 'organizations.create', organizationInput('Eastside Clinic', { stage: 'member' }))).id;
    const foundation = (await ok(backend, 'organizations.create', organizationInput('Harbor Foundation', { sector: 'private', type: 'philanthropy' }))).id;
    const campaign = await ok(backend, 'fundraising.create', { name: 'Coverage for All 2026', purpose: 'advocacy_campaign', campaignId: null, goalMinor: 5_000_000, currency: 'USD', startsOn: '2026-01-01', endsOn: '2026-12-31', leadOrganizationId: clinic, leadPersonId: null, notes: '' });
    const pledge = await ok(backend, 'contributions.save', {
      contribution: { fundraisingCampaignId: campaign.id, contributorType: 'foundation', contributorOrganizationId: foundation, contributorPersonId: null, contributorName: '', pledgedMinor: 2_000_000, currency: 'USD', pledgedOn: '2026-10-02', restricted: false, restrictionNote: '', notes: '' },
    });
    await ok(backend, 'contributions.addPayment', { contributionId: pledge.id, amountMinor: 1_250_000, receivedOn: '2026-10-20', note: '' });
    await ok(backend, 'inKind.save', {
      inKind: { contributorOrganizationId: clinic, contributorPersonId: null, kind: 'meeting_space', description: 'Community room for the assembly', hours: 4, quantity: null, valueMinor: 40_000, currency: 'USD', givenOn: '2026-11-10', supportedMeetingId: null, supportedCampaignId: null, supportedEventId: null, notes: '' },
    });
    await ok(backend, 'grants.save', { grant: { funderOrganizationId: foundation, funderName: '', title: 'Health equity organizing grant', currency: 'USD', requestedMinor: 7_500_000, awardedMinor: 6_000_000, status: 'awarded', deadline: '2026-06-30', reports: [], notes: '' } });

    const pdfFor = async (audience: 'members' | 'funders' | 'public') => {
      const report = await ok(backend, 'reports.create', impactInput({ period: Q4, audience, sections: ['resources'] }));
      return squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id })).content, 'base64')).text);
    };
    const funders = await pdfFor('funders');
    // The money raised is the dashboard's figure; the records behind it are listed.
    expect(funders).toContain('Money raised');
    expect(funders).toContain('12,500 USD');
    expect(funders).toContain('Fundraising: share of the goal received (USD)');
    expect(funders).toContain('Coverage for All 2026 $50,000.00 $20,000.00 $12,500.00');
    expect(funders).toContain('2026-11-10 Eastside Clinic Meeting space: Community room for the 4 $400.00');
    expect(funders).toContain('Health equity organizing grant Harbor Foundation $60,000.00');
    const members = await pdfFor('members');
    expect(members).toContain('In-kind support');
    expect(members).toContain('Meeting space 1 4');
    expect(members).not.toContain('Community room');
    expect(members).not.toContain('Health equity organizing grant');
    const forPublic = await pdfFor('public');
    expect(forPublic).toContain('12,500 USD');
    expect(forPublic).not.toContain('Harbor Foundation');
  });

  it('prints a long member list compactly, every member on a line, contacts for members only', async () => {
    const { backend } = await useBackend();
    for (let i = 1; i <= 70; i++) {
      await ok(backend, 'organizations.create', organizationInput(`Member ${String(i).padStart(2, '0')} Đoàn Kết`, { stage: 'member', email: `m${i}@example.org` }));
    }
    const report = await ok(backend, 'reports.create', impactInput({ period: Q4, audience: 'members', sections: ['members'] }));
    const text = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id })).content, 'base64')).text);
    expect(text).toContain('Organization · Type · City · Email · Phone');
    // (A line longer than its column wraps, and pdftotext reads the two columns side by side.)
    for (let i = 1; i <= 70; i++) expect(text).toContain(`Member ${String(i).padStart(2, '0')} Đoàn Kết · Advocacy group · Eastside`);
    expect(text.match(/\bm\d+@example\.org/g)?.length).toBe(70);
    await ok(backend, 'reports.update', { id: report.id, report: impactInput({ period: Q4, audience: 'public', sections: ['members'] }) });
    const publicText = squash(readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id })).content, 'base64')).text);
    expect(publicText).toContain('Member 70 Đoàn Kết · Advocacy group · Eastside');
    expect(publicText).not.toContain('@example.org');
  });

  it('puts the coalition’s logo on the cover (and in the headers): the only images, the charts stay vector', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', { name: 'Alianza Ñandú', shortName: '', region: '', foundedOn: null });
    await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: png(40, 20).toString('base64') } });
    await activity(backend);
    const report = await ok(backend, 'reports.create', impactInput({ period: Q4, sections: ['summary', 'activities'] }));
    const read = readPdf(Buffer.from((await ok(backend, 'reports.impactPdf', { id: report.id })).content, 'base64'));
    expect(squash(read.text)).toContain('Meetings held, by type');
    const drawn = execFileSync('pdfimages', ['-list', read.path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l));
    // Every page's header, and the cover once more.
    expect(drawn).toHaveLength(read.pages + 1);
    expect(drawn.every((l) => /\s40\s+20\s/.test(l))).toBe(true);
  });
});

