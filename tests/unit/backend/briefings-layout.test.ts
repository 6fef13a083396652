import { describe, expect, it } from 'vitest';
import { renderPacket } from '../../../electron/backend/briefings/layout';
import type { PacketData, PacketFrame } from '../../../electron/backend/briefings/packet';
import { RenderPool, findRenderWorker } from '../../../electron/backend/briefings/pool';
import { readPdf, squash } from '../../support/pdf';

// The packet's layout alone (no database): long tables continue on the next pages with their
// header, no header row is left alone at the foot of a page, every name prints in its script, and
// a render worker makes the very same bytes as this thread.

const FRAME: PacketFrame = { coalitionName: 'Alianza Ñandú for Health', logo: null, pageSize: 'A4', createdAt: '2026-11-26T12:00:00Z', author: 'Ana Soto' };

function packet(engagements: number): PacketData {
  return {
    day: '2026-11-26',
    official: {
      id: '00000000-0000-4000-8000-000090000101',
      name: 'Nguyễn Thị Minh Khai',
      title: 'State Senator',
      level: 'State / provincial',
      body: 'State Senate',
      district: 'District 4',
      jurisdiction: 'Eastside County',
      party: 'Independent',
      email: 'khai@senate.example.org',
      phone: '+1 555 0100',
      officeAddress: '100 Capitol Way',
      website: '',
      term: '2025-01-01 to 2028-12-31',
    },
    committees: [{ name: 'Health and Human Services', role: 'Chair' }, { name: 'Комитет по бюджету', role: 'Member' }],
    campaigns: [],
    bills: [],
    funding: [],
    stances: [{ on: '2026-10-15', subject: 'SB 12 Community Clinics Funding Act', stance: 'Leaning yes', evidence: 'Said so at the town hall.', recordedBy: 'Ярослава Петренко' }],
    scorecard: [],
    engagements: Array.from({ length: engagements }, (_, i) => ({
      on: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      kind: 'Meeting',
      title: `Engagement ${i + 1} with Αθηνά Παπαδοπούλου`,
      attendees: 'Ana Soto, Đặng Văn Lâm',
      outcome: i % 5 === 0 ? 'A long outcome that needs several lines in its narrow column: asked for the cost study, the district numbers and a site visit.' : 'Asked for the cost study.',
      followUp: '',
    })),
    followUps: [],
    district: { name: 'District 4', memberOrganizations: 0, organizationNames: [], people: 0, grassroots: [], stories: [], moreStories: 0 },
    relationships: [],
    staffers: [],
  };
}

const HEADER = /Date\s+Engagement\s+Outcome\s+Follow-up/;

describe('briefing packet layout', () => {
  it('continues a long table on the next pages with its header, never leaving a header alone at the foot of a page', async () => {
    const { bytes, pages } = await renderPacket(packet(80), FRAME);
    const read = readPdf(bytes);
    expect(read.pages).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(5);
    // Page 1 is the cover (its "at a glance" names the last engagement): the tables start on page 2.
    const withRows = read.pageTexts.map((text, i) => ({ page: i + 1, text, rows: (text.match(/Engagement \d+ with/g) ?? []).length })).slice(1);
    const continued = withRows.filter((p) => p.rows > 0);
    expect(continued.length).toBeGreaterThanOrEqual(3);
    for (const p of continued) expect(p.text, `page ${p.page}`).toMatch(HEADER);
    // Every engagement printed once, in order.
    const numbers = read.pageTexts.slice(1).join('\n').match(/Engagement (\d+) with/g)?.map((m) => Number(/\d+/.exec(m)?.[0])) ?? [];
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // A page whose header row is the last thing before the footer would show the header with no row after it.
    for (const { page, text } of withRows) {
      const lines = text.split('\n').map((l) => squash(l).trim()).filter(Boolean);
      const footer = lines.findIndex((l) => l.startsWith('Prepared 2026-11-26'));
      const header = lines.findIndex((l) => HEADER.test(l));
      if (header !== -1) expect(footer - header, `page ${page}`).toBeGreaterThan(1);
    }
    expect(squash(read.text)).toContain('Nguyễn Thị Minh Khai');
    expect(squash(read.text)).toContain('Комитет по бюджету');
    expect(squash(read.text)).toContain('Αθηνά Παπαδοπούλου');
    expect(squash(read.text)).toContain('Đặng Văn Lâm');
  });

  it('makes the same bytes in a render worker as on this thread', async () => {
    const launcher = findRenderWorker(new URL('../../../electron/backend/briefings', import.meta.url).pathname);
    expect(launcher).not.toBeNull();
    const inWorker = new RenderPool(launcher, 1);
    const here = new RenderPool(null, 1);
    try {
      const [a, b] = await Promise.all([inWorker.render(packet(12), FRAME), here.render(packet(12), FRAME)]);
      expect(a.pages).toBe(b.pages);
      expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    } finally {
      await inWorker.close();
      await here.close();
    }
  });
});
