import { PdfBuilder } from '../pdf/document';
import { FONTS } from '../pdf/fonts';
import { COLOR, SIZE, printable, textFeatures } from '../pdf/theme';
import type { PacketCampaign, PacketData, PacketFrame } from './packet';

// The briefing packet's pages, from a PacketData alone (no database: this runs in the render
// workers). A cover with the official and the packet at a glance, then four sections: the ask,
// their record, their district, who holds the relationship. An empty part says so in a sentence.

export const PACKET_SECTIONS = ['The ask', 'Their record', 'Their district', 'Who holds the relationship'] as const;

export function packetTitle(officialName: string): string {
  return `Briefing packet: ${officialName}`;
}

/** Lays the packet out and returns the PDF's bytes and its page count. */
export async function renderPacket(data: PacketData, frame: PacketFrame): Promise<{ bytes: Buffer; pages: number }> {
  const pdf = new PdfBuilder({
    title: packetTitle(data.official.name),
    coalitionName: frame.coalitionName,
    logo: frame.logo,
    pageSize: frame.pageSize,
    createdAt: new Date(frame.createdAt),
    author: frame.author || frame.coalitionName,
  });
  cover(pdf, data, frame);
  pdf.doc.addPage();
  theAsk(pdf, data);
  theirRecord(pdf, data);
  theirDistrict(pdf, data);
  relationship(pdf, data);
  const bytes = await pdf.finish();
  return { bytes, pages: pdf.pageCount };
}

function cover(pdf: PdfBuilder, data: PacketData, frame: PacketFrame): void {
  const { official } = data;
  const doc = pdf.doc;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.moveDown(1.5);
  line(pdf, 'LEGISLATOR BRIEFING PACKET', { font: FONTS.bold, size: SIZE.small + 0.5, color: COLOR.accent, characterSpacing: 1.2 });
  doc.moveDown(0.3);
  line(pdf, official.name, { font: FONTS.bold, size: 24, color: COLOR.text });
  const role = [official.title, official.body].filter(Boolean).join(' · ');
  if (role) line(pdf, role, { font: FONTS.regular, size: SIZE.h2 + 1, color: COLOR.muted });
  doc.moveDown(0.6);
  const y = doc.y;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.margins.left + width, y).lineWidth(1.2).strokeColor(COLOR.accent).stroke();
  doc.moveDown(0.8);

  pdf.labelValues(
    (
      [
        ['District', official.district],
        ['Jurisdiction', official.jurisdiction],
        ['Party', official.party],
        ['Level', official.level],
        ['Committees', data.committees.map((c) => (c.role && c.role !== 'Member' ? `${c.name} (${c.role})` : c.name)).join('; ')],
        ['Term', official.term],
        ['Office', official.officeAddress],
        ['Email', official.email],
        ['Phone', official.phone],
        ['Website', official.website],
      ] as [string, string][]
    ).filter(([, value]) => value !== ''),
  );
  if (data.committees.length === 0) pdf.paragraph('No committee memberships recorded.', { tone: 'muted', italic: true });

  pdf.heading('At a glance', 2);
  pdf.bullets(glance(data));

  pdf.heading('In this packet', 2);
  pdf.paragraph(PACKET_SECTIONS.map((name, i) => `${i + 1}. ${name}`).join('   ·   '));

  doc.moveDown(1);
  pdf.paragraph(`Prepared by ${frame.coalitionName} for ${longDay(data.day)}. Stories are printed only where the storyteller's consent covers policymakers on that day, anonymized where they asked.`, {
    tone: 'muted',
  });
}

function glance(data: PacketData): string[] {
  const items: string[] = [];
  items.push(
    data.campaigns.length === 0
      ? 'No campaign targets this official yet.'
      : `Targeted by ${count(data.campaigns.length, 'campaign')}: ${data.campaigns.map((c) => c.name).join(', ')}.`,
  );
  const latest = data.stances[0];
  items.push(latest ? `Latest stance: ${latest.stance} on ${latest.subject} (${latest.on}).` : 'No stance recorded yet.');
  const last = data.engagements[0];
  items.push(last ? `Last engagement: ${last.title} (${last.kind.toLowerCase()}, ${last.on}); ${count(data.engagements.length, 'engagement')} in all.` : 'No engagement recorded yet.');
  items.push(data.followUps.length === 0 ? 'No open follow-ups.' : `${count(data.followUps.length, 'open follow-up')}, the first due ${data.followUps[0]?.due || 'without a date'}.`);
  items.push(districtSentence(data));
  const primary = data.relationships.find((r) => r.primary) ?? data.relationships[0];
  items.push(primary ? `Relationship held by ${primary.name}${data.relationships.length > 1 ? ` and ${count(data.relationships.length - 1, 'other')}` : ''}.` : 'Nobody in the coalition holds this relationship yet.');
  return items;
}

function districtSentence(data: PacketData): string {
  const { district } = data;
  if (!district.name) return 'No district recorded for this official, so no members or stories are matched to it.';
  return `${count(district.memberOrganizations, 'member organization')} and ${count(district.people, 'person', 'people')} of the coalition in ${district.name}.`;
}

function theAsk(pdf: PdfBuilder, data: PacketData): void {
  pdf.heading(`1. ${PACKET_SECTIONS[0]}`);
  if (data.campaigns.length === 0) pdf.paragraph('No campaign targets this official yet.', { tone: 'muted', italic: true });
  for (const campaign of data.campaigns) campaignBlock(pdf, campaign);

  pdf.heading('Bills', 2);
  pdf.table({
    columns: [
      { header: 'Bill', width: 0.9 },
      { header: 'Title', width: 2.6 },
      { header: 'Status', width: 1.3 },
      { header: 'Our position', width: 1.1 },
      { header: 'Why it is here', width: 1.3 },
    ],
    rows: data.bills.map((b) => [b.identifier, b.title, b.statusOn ? `${b.status}\n${b.statusOn}` : b.status, b.position || '—', b.why]),
    empty: 'No bills to raise with this official yet.',
  });

  pdf.heading('Funding at stake', 2);
  pdf.table({
    columns: [
      { header: 'Bill', width: 0.9 },
      { header: 'Program', width: 2.8 },
      { header: 'Amount', width: 1.3, align: 'right' },
      { header: 'Fiscal year', width: 0.9 },
    ],
    rows: data.funding.map((f) => [f.bill, f.program, f.amount, f.fiscalYear]),
    empty: 'No funding allocations at stake in these bills.',
  });
}

function campaignBlock(pdf: PdfBuilder, campaign: PacketCampaign): void {
  pdf.heading(`${campaign.name} (${campaign.status.toLowerCase()})`, 2);
  if (campaign.ask) pdf.paragraph(`The ask: ${campaign.ask}`);
  if (campaign.note) pdf.paragraph(`Why this official: ${campaign.note}`, { tone: 'muted' });
  if (campaign.messages.length === 0) {
    pdf.paragraph('No approved key message for this campaign yet.', { tone: 'muted', italic: true });
    return;
  }
  for (const message of campaign.messages) {
    pdf.ensureSpace(40);
    line(pdf, `${message.title} · for ${message.audience.toLowerCase()}`, { font: FONTS.bold, size: SIZE.body, color: COLOR.text });
    pdf.doc.moveDown(0.15);
    if (message.message) pdf.paragraph(message.message);
    if (message.talkingPoints.length > 0) pdf.bullets(message.talkingPoints);
  }
}

function theirRecord(pdf: PdfBuilder, data: PacketData): void {
  pdf.heading(`2. ${PACKET_SECTIONS[1]}`);
  pdf.heading('Stance history', 2);
  pdf.table({
    columns: [
      { header: 'Date', width: 0.85 },
      { header: 'On', width: 1.9 },
      { header: 'Stance', width: 1 },
      { header: 'Evidence', width: 2.4 },
      { header: 'Recorded by', width: 1 },
    ],
    rows: data.stances.map((s) => [s.on, s.subject, s.stance, s.evidence, s.recordedBy]),
    empty: 'No stance recorded yet.',
  });

  pdf.heading('Scorecard', 2);
  pdf.table({
    columns: [
      { header: 'Bill', width: 3 },
      { header: 'Our position', width: 1.2 },
      { header: 'Their action', width: 1.2 },
      { header: 'Date', width: 0.85 },
    ],
    rows: data.scorecard.map((s) => [s.bill, s.position || '—', s.action, s.on]),
    empty: "No votes or sponsorships recorded on the coalition's bills yet.",
  });

  pdf.heading('Engagements', 2);
  pdf.table({
    columns: [
      { header: 'Date', width: 0.85 },
      { header: 'Engagement', width: 2.2 },
      { header: 'Outcome', width: 2 },
      { header: 'Follow-up', width: 1.9 },
    ],
    rows: data.engagements.map((e) => [
      e.on,
      [`${e.title} (${e.kind.toLowerCase()})`, e.attendees ? `With ${e.attendees}` : ''].filter(Boolean).join('\n'),
      e.outcome || '—',
      e.followUp || '—',
    ]),
    empty: 'No engagement with this official recorded yet.',
  });

  pdf.heading('Open follow-ups', 2);
  pdf.table({
    columns: [
      { header: 'Due', width: 0.85 },
      { header: 'Follow-up', width: 3 },
      { header: 'Owner', width: 1.3 },
      { header: 'From', width: 1.8 },
    ],
    rows: data.followUps.map((f) => [f.due || '—', f.text, f.owner || 'Nobody yet', f.from]),
    empty: 'No open follow-ups.',
  });
}

function theirDistrict(pdf: PdfBuilder, data: PacketData): void {
  const { district } = data;
  pdf.heading(`3. ${PACKET_SECTIONS[2]}${district.name ? `: ${district.name}` : ''}`);
  pdf.paragraph(districtSentence(data));
  if (district.organizationNames.length > 0) {
    const more = district.memberOrganizations - district.organizationNames.length;
    pdf.paragraph(`Members here include ${district.organizationNames.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}.`, { tone: 'muted' });
  }

  pdf.heading('Grassroots actions', 2);
  const sum = (pick: (g: PacketData['district']['grassroots'][number]) => number) => district.grassroots.reduce((total, g) => total + pick(g), 0);
  pdf.table({
    columns: [
      { header: 'Action', width: 2.4 },
      { header: district.name ? `From ${district.name}` : 'From the district', width: 1.4, align: 'right' },
      { header: 'Aimed at this official', width: 1.4, align: 'right' },
    ],
    rows:
      district.grassroots.length > 0
        ? [
            ...district.grassroots.map((g) => [g.kind, formatCount(g.fromDistrict), formatCount(g.atOfficial)]),
            ['Total', formatCount(sum((g) => g.fromDistrict)), formatCount(sum((g) => g.atOfficial))],
          ]
        : [],
    empty: 'No grassroots actions recorded from this district or aimed at this official yet.',
  });

  pdf.heading('Stories from the district', 2);
  if (district.stories.length === 0) {
    pdf.paragraph(
      district.name
        ? `No story from ${district.name} may be shared with policymakers on ${data.day}.`
        : 'No district recorded, so no stories are matched to this official.',
      { tone: 'muted', italic: true },
    );
    return;
  }
  for (const story of district.stories) {
    pdf.ensureSpace(44);
    line(pdf, story.title, { font: FONTS.bold, size: SIZE.body, color: COLOR.text });
    pdf.doc.moveDown(0.15);
    pdf.paragraph(story.text);
    pdf.paragraph(story.anonymized ? `— ${story.storyteller} (anonymized at the storyteller's request)` : `— ${story.storyteller}`, { tone: 'muted', italic: true });
  }
  if (district.moreStories > 0) {
    pdf.paragraph(`${count(district.moreStories, 'more story', 'more stories')} from ${district.name} may be shared with policymakers on ${data.day}: see Stories in Coalition Desk.`, { tone: 'muted' });
  }
}

function relationship(pdf: PdfBuilder, data: PacketData): void {
  // A short list of holders starts on the next page rather than splitting a row or two off.
  if (data.relationships.length <= 5) pdf.ensureSpace(70 + 26 * Math.max(1, data.relationships.length));
  pdf.heading(`4. ${PACKET_SECTIONS[3]}`);
  pdf.table({
    columns: [
      { header: 'Who', width: 2 },
      { header: 'Type', width: 1.1 },
      { header: 'Primary', width: 0.7 },
      { header: 'Note', width: 2.6 },
    ],
    rows: data.relationships.map((r) => [r.name, r.kind, r.primary ? 'Primary' : '', r.note]),
    empty: 'Nobody in the coalition is recorded as holding this relationship yet.',
  });

  pdf.heading('Staff to contact', 2);
  pdf.table({
    columns: [
      { header: 'Name', width: 1.6 },
      { header: 'Role', width: 1.5 },
      { header: 'Email', width: 2 },
      { header: 'Phone', width: 1.2 },
    ],
    rows: data.staffers.map((s) => [s.name, s.role, s.email, s.phone]),
    empty: 'No staffers recorded for this official.',
  });
}

interface LineStyle {
  font: string;
  size: number;
  color: string;
  characterSpacing?: number;
}

/** One run of text across the body width in its own style (a cover line, a message's title). */
function line(pdf: PdfBuilder, text: string, style: LineStyle): void {
  const doc = pdf.doc;
  const shown = printable(text);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(style.color)
    .text(shown, doc.page.margins.left, doc.y, { width, features: textFeatures(shown), ...(style.characterSpacing ? { characterSpacing: style.characterSpacing } : {}) });
  doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(COLOR.text);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

const COUNT = new Intl.NumberFormat('en');
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "Thursday 26 November 2026". */
function longDay(day: string): string {
  return LONG_DAY.format(new Date(`${day}T00:00:00Z`));
}
