import type { Input, Method, Output } from '@shared/contract';
import type { OutreachInput } from '@shared/media/contract';

// The sample coalition's media work, through the public methods: four outlets, their journalists,
// a dozen outreach items across the statuses (published ones with reach and engagement) and
// earned coverage, around the sample's "today" (2026-11-01).

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

export async function writeMedia(call: Call): Promise<void> {
  const campaigns = await call('campaigns.list', { statuses: [] });
  const people = (await call('people.list', { limit: 5, sort: { field: 'name', direction: 'asc' } })).rows;
  const outlet = async (name: string, kind: 'newspaper' | 'tv' | 'radio' | 'online' | 'podcast' | 'wire', reach: number, website: string) =>
    (await call('media.outlets.save', { outlet: { name, kind, reach, website, notes: '' } })).id;
  const ledger = await outlet('The Riverside Ledger', 'newspaper', 48_000, 'ledger.example.org');
  const radio = await outlet('Radio Ciudad 1490', 'radio', 22_000, 'radiociudad.example.org');
  const tv = await outlet('Channel 8 News', 'tv', 130_000, 'channel8.example.org');
  const pod = await outlet('Tenant Talk', 'podcast', 6_500, 'tenanttalk.example.org');
  const journalist = async (name: string, outletId: string, beat: string, strength: 'none' | 'weak' | 'moderate' | 'strong', relationshipNote: string) =>
    (await call('media.journalists.save', { journalist: { name, outletId, beat, email: '', phone: '', strength, relationshipNote, personId: null } })).id;
  const dana = await journalist('Dana Okafor', ledger, 'City hall and housing', 'strong', 'Has covered every council vote on the ordinance.');
  const lucia = await journalist('Lucía Hernández', radio, 'Community affairs', 'moderate', 'Invited our spokesperson twice.');
  const minh = await journalist('Nguyễn Văn Minh', tv, 'Health', 'weak', 'Met at the clinic press conference.');
  await journalist('Sam Whitfield', pod, 'Renters', 'moderate', '');

  const housing = campaigns[0]?.id ?? null;
  const health = campaigns[1]?.id ?? null;
  const owner = (i: number) => people[i % Math.max(people.length, 1)]?.id ?? null;
  const base = { link: '', reach: null, engagement: null, notes: '' };
  const items: OutreachInput[] = [
    { ...base, kind: 'press_release', title: 'Coalition launches Just Cause campaign', campaignId: housing, outletId: ledger, journalistId: dana, ownerPersonId: owner(0), status: 'published', date: '2026-09-08', reach: 41_000, engagement: 1_250, link: 'https://ledger.example.org/just-cause' },
    { ...base, kind: 'op_ed', title: 'Nine years, twelve days: why we need just cause', campaignId: housing, outletId: ledger, journalistId: dana, ownerPersonId: owner(1), status: 'published', date: '2026-10-02', reach: 36_000, engagement: 2_100 },
    { ...base, kind: 'interview', title: 'Morning show: tenants speak', campaignId: housing, outletId: radio, journalistId: lucia, ownerPersonId: owner(2), status: 'published', date: '2026-10-15', reach: 18_000, engagement: 300 },
    { ...base, kind: 'social_post', title: 'Council vote countdown thread', campaignId: housing, outletId: null, journalistId: null, ownerPersonId: owner(3), status: 'approved', date: '2026-11-05' },
    { ...base, kind: 'psa', title: 'Know your rights (30-second spot)', campaignId: housing, outletId: radio, journalistId: null, ownerPersonId: owner(0), status: 'review', date: '2026-11-12' },
    { ...base, kind: 'guest_article', title: 'Clinic hours are a health policy', campaignId: health, outletId: tv, journalistId: minh, ownerPersonId: owner(1), status: 'drafting', date: '2026-11-20' },
    { ...base, kind: 'podcast', title: 'Tenant Talk episode on organizing', campaignId: housing, outletId: pod, journalistId: null, ownerPersonId: owner(2), status: 'approved', date: '2026-11-09' },
    { ...base, kind: 'panel', title: 'Health equity panel at the library', campaignId: health, outletId: null, journalistId: null, ownerPersonId: owner(3), status: 'idea', date: null },
    { ...base, kind: 'press_release', title: 'Statement on the clinic budget hearing', campaignId: health, outletId: null, journalistId: null, ownerPersonId: owner(4), status: 'drafting', date: '2026-11-14' },
    { ...base, kind: 'social_post', title: 'Stories from the waiting room', campaignId: health, outletId: null, journalistId: null, ownerPersonId: owner(0), status: 'published', date: '2026-10-22', reach: 9_400, engagement: 870 },
    { ...base, kind: 'interview', title: 'Channel 8 segment on late clinic hours', campaignId: health, outletId: tv, journalistId: minh, ownerPersonId: owner(1), status: 'idea', date: null },
    { ...base, kind: 'op_ed', title: 'Por qué las familias necesitan estabilidad', campaignId: housing, outletId: radio, journalistId: lucia, ownerPersonId: owner(2), status: 'review', date: '2026-11-10' },
  ];
  for (const item of items) await call('media.outreach.save', { item, today: item.status === 'published' && item.date ? item.date : '2026-11-01' });

  const coverage = [
    { campaignId: housing, outletId: ledger, outletName: '', headline: 'Tenants pack council chamber for eviction debate', publishedOn: '2026-09-22', reach: 44_000, tone: 'positive' as const },
    { campaignId: housing, outletId: tv, outletName: '', headline: 'Landlords warn ordinance will raise rents', publishedOn: '2026-10-08', reach: 120_000, tone: 'negative' as const },
    { campaignId: housing, outletId: null, outletName: 'Riverside Weekly', headline: 'What just cause would change', publishedOn: '2026-10-19', reach: 8_000, tone: 'neutral' as const },
    { campaignId: health, outletId: radio, outletName: '', headline: 'Clínicas abiertas hasta tarde: lo que piden las familias', publishedOn: '2026-10-27', reach: 15_000, tone: 'positive' as const },
  ];
  for (const entry of coverage) await call('media.coverage.save', { entry: { ...entry, link: '', notes: '' } });
}
