import { describe, expect, it } from 'vitest';
import { fails, ok, useBackend } from '../../support/backend';
import { readPdf, squash } from '../../support/pdf';
import { seedPacketWorld } from '../../support/samples/briefings';

// One official's briefing packet, read back with poppler: what it must print (in each name's own
// script) and what it must never print (drafts, stories whose consent does not reach the day).

describe('briefing packet', () => {
  it("prints the official, the approved ask, their record, the district's usable stories and who holds the relationship", async () => {
    const { backend } = await useBackend();
    const world = await seedPacketWorld(backend);
    const packet = await ok(backend, 'briefings.packet', { officialId: world.officialId, day: world.day, pageSize: 'A4' });
    expect(packet.fileName).toMatch(/^briefing-.+-2026-11-26\.pdf$/);
    expect(packet.mimeType).toBe('application/pdf');
    const read = readPdf(Buffer.from(packet.content, 'base64'));
    expect(read.pages).toBe(packet.pages);
    const text = squash(read.text);

    // Cover: the name in its own script, title, district, party, committees, the coalition.
    expect(text).toContain(world.shown.officialName);
    expect(text).toContain('State Senator');
    expect(text).toContain('District 4');
    expect(text).toContain('Independent');
    expect(text).toContain('Health and Human Services (Chair)');
    expect(read.pageTexts[0]).toContain('Alianza Ñandú for Health');
    // The ask: the campaign, its approved message for policymakers, the bill and the money.
    expect(text).toContain('Clinics for every district');
    expect(text).toContain(world.shown.approved);
    expect(text).toContain(world.shown.talkingPoint);
    expect(text).toContain('SB 12');
    expect(text).toContain('In committee');
    expect(text).toContain('USD 1,250,000');
    // Their record.
    expect(text).toContain(world.shown.stance);
    expect(text).toContain(world.shown.followUp);
    expect(text).toContain('Asked for the cost study.');
    // Their district: the members, the letters, the stories consent lets policymakers see today.
    expect(text).toMatch(/1 person of the coalition in District 4/);
    expect(text).toMatch(/Letters\s+120\s+120/);
    expect(text).toContain(world.shown.namedStory);
    expect(text).toContain(world.shown.anonymizedStory);
    expect(text).toContain("Anonymous (anonymized at the storyteller's request)");
    // Who holds the relationship, and the staff.
    expect(text).toContain('Went to school together.');
    expect(text).toContain(world.shown.staffer);

    for (const [what, hidden] of Object.entries(world.hidden)) expect(text, what).not.toContain(hidden);

    read.pageTexts.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${read.pages}`);
      expect(page).toContain(`Briefing packet: ${world.shown.officialName}`);
    });
    for (const font of read.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(read.fonts.every((f) => /NotoSans/.test(f.name))).toBe(true);
  });

  it('says plainly what an official with no data has not got, instead of empty tables', async () => {
    const { backend } = await useBackend();
    const world = await seedPacketWorld(backend);
    const packet = await ok(backend, 'briefings.packet', { officialId: world.emptyOfficialId, day: world.day, pageSize: 'LETTER' });
    const read = readPdf(Buffer.from(packet.content, 'base64'));
    expect(read.info['Page size']).toMatch(/\(letter\)/);
    const text = squash(read.text);
    expect(text).toContain('Νίκος Παπαδόπουλος');
    for (const sentence of [
      'No campaign targets this official yet.',
      'No bills to raise with this official yet.',
      'No funding allocations at stake in these bills.',
      'No stance recorded yet.',
      "No votes or sponsorships recorded on the coalition's bills yet.",
      'No engagement with this official recorded yet.',
      'No open follow-ups.',
      'No district recorded for this official',
      'No grassroots actions recorded from this district or aimed at this official yet.',
      'Nobody in the coalition is recorded as holding this relationship yet.',
      'No staffers recorded for this official.',
      'No committee memberships recorded.',
    ]) {
      expect(text, sentence).toContain(sentence);
    }
    // No table headers without rows.
    expect(text).not.toContain('Our position');
    expect(text).not.toContain('Recorded by');
  });

  it('refuses an official that does not exist, naming the field', async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'briefings.packet', { officialId: '00000000-0000-4000-8000-000090000999', day: '2026-11-26' });
    expect(error.code).toBe('not_found');
    expect(error.details).toEqual({ issues: [{ path: 'officialId', message: 'This official does not exist.' }] });
    const bad = await fails(backend, 'briefings.packet', { officialId: '00000000-0000-4000-8000-000090000999', day: '26/11/2026' });
    expect(bad.code).toBe('validation');
    expect(bad.message).toMatch(/YYYY-MM-DD/);
  });

  it('prints a story only while its consent covers the day', async () => {
    const { backend } = await useBackend();
    const world = await seedPacketWorld(backend);
    const on = async (day: string) => squash(readPdf(Buffer.from((await ok(backend, 'briefings.packet', { officialId: world.officialId, day })).content, 'base64')).text);
    // The day before the withdrawal and the expiry: both still usable; the later consent not yet.
    const before = await on('2026-11-25');
    expect(before).toContain('This story was withdrawn.');
    expect(before).toContain('This story expired.');
    expect(before).not.toContain('Consent only given later.');
    // After: the expired and withdrawn are gone, the later consent is in force.
    const after = await on('2026-11-27');
    expect(after).not.toContain('This story was withdrawn.');
    expect(after).not.toContain('This story expired.');
    expect(after).toContain('Consent only given later.');
  });
});
