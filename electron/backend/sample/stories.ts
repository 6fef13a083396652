import type SqliteDatabase from 'better-sqlite3';
import type { Input, Method, Output } from '@shared/contract';
import { DEFAULT_ISSUE_AREAS } from '@shared/directory/enums';
import type { StoryInput } from '@shared/stories/contract';
import { uuidFactory } from './directory';
import { seededRandom } from './random';

// The sample coalition's stories, through the public methods, with varied consent around the
// sample's "today" (2026-11-01): some for policymakers only, one expired, one withdrawn, some
// anonymized (one without its anonymized version yet), one expiring within 30 days. And a bulk
// generator for benchmark volume (5,000 stories by default).

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

type Consent = StoryInput['consent'];
const consent = (over: Partial<Consent>): Consent => ({
  given: true,
  uses: ['internal', 'reports', 'policymakers'],
  givenOn: '2026-03-10',
  method: 'written',
  recordedBy: 'Amara Nwosu',
  expiresOn: '2027-03-10',
  withdrawnOn: null,
  withdrawalNote: '',
  anonymize: false,
  ...over,
});

interface SampleStory {
  title: string;
  text: string;
  anonymized: string;
  /** Index into the people read from the directory; null: anonymous. */
  teller: number | null;
  issueArea: string;
  district: string;
  campaign: number | null;
  consent: Consent;
}

const STORIES: SampleStory[] = [
  { title: 'Three buses to the clinic', text: 'I take three buses to reach the only clinic that accepts my coverage. With the late hours I could go after my shift.', anonymized: 'A night-shift worker takes three buses to reach the only clinic that accepts her coverage.', teller: 0, issueArea: 'Healthcare access', district: 'District 4', campaign: 1, consent: consent({ uses: ['policymakers'] }) },
  { title: 'Twelve days to move out', text: 'Our landlord gave us twelve days after we asked for the heating to be repaired. We had lived there nine years.', anonymized: 'A family was given twelve days to leave after asking for a repair, after nine years in the building.', teller: 1, issueArea: 'Housing', district: 'District 7', campaign: 0, consent: consent({ uses: ['policymakers', 'reports', 'media'] }) },
  { title: 'Mi hija y el asma', text: 'Mi hija falta a la escuela cada invierno por el moho del apartamento. Ahora el dueño no puede echarnos por quejarnos.', anonymized: 'Una madre cuenta que su hija falta a la escuela cada invierno por el moho del apartamento.', teller: 2, issueArea: 'Housing', district: 'District 4', campaign: 0, consent: consent({ anonymize: true }) },
  { title: 'The counselor who stayed', text: 'When the school counselor position was cut, she kept meeting students at the library on her own time.', anonymized: '', teller: 3, issueArea: 'Mental health', district: 'District 2', campaign: null, consent: consent({ uses: ['internal', 'reports'] }) },
  { title: 'Waiting for the interpreter', text: 'My father waited four hours in the emergency room for an interpreter who never came.', anonymized: 'An elderly patient waited four hours in the emergency room for an interpreter.', teller: null, issueArea: 'Healthcare access', district: 'District 9', campaign: 1, consent: consent({ uses: ['reports', 'policymakers'], method: 'verbal' }) },
  { title: 'Последняя смена', text: 'После закрытия автобусного маршрута я не могу добраться до работы к ночной смене.', anonymized: 'Работница ночной смены не может добраться до работы после закрытия маршрута.', teller: 4, issueArea: 'Education', district: 'District 2', campaign: null, consent: consent({ expiresOn: '2026-11-20' }) },
  { title: 'Rent went up by a third', text: 'Our rent went up by a third in one year; my husband took a second job and we barely see each other.', anonymized: 'A couple saw their rent rise by a third in one year.', teller: 5, issueArea: 'Housing', district: 'District 7', campaign: 0, consent: consent({ givenOn: '2025-02-01', expiresOn: '2026-02-01' }) },
  { title: 'I changed my mind', text: 'I spoke at the town hall about my eviction.', anonymized: 'A tenant spoke about an eviction.', teller: 6, issueArea: 'Housing', district: 'District 4', campaign: 0, consent: consent({ withdrawnOn: '2026-09-15', withdrawalNote: 'Asked by phone to stop using it; found a new home and wants privacy.' }) },
  { title: 'Night classes', text: 'The adult education center gave me my diploma at 43. Its budget is on the chopping block.', anonymized: 'A 43-year-old earned a diploma at the adult education center.', teller: 7, issueArea: 'Education', district: 'District 11', campaign: null, consent: consent({ uses: ['media', 'reports'], method: 'recorded' }) },
  { title: 'Nobody asked us', text: 'The youth center closed and nobody asked the young people who used it every day.', anonymized: '', teller: null, issueArea: 'Mental health', district: 'District 9', campaign: null, consent: consent({ uses: ['policymakers', 'reports'] }) },
  { title: 'Cuidando a mamá', text: 'Cuido a mi madre sola desde hace tres años; el programa de respiro me devolvió los fines de semana.', anonymized: 'Una cuidadora recuperó sus fines de semana gracias al programa de respiro.', teller: 8, issueArea: 'Healthcare access', district: 'District 11', campaign: 1, consent: consent({ uses: ['policymakers'], anonymize: true }) },
  { title: 'First in line', text: 'We lined up at 5 a.m. for the food distribution; by 8 it was gone.', anonymized: 'Families lined up before dawn for a food distribution that ran out by 8.', teller: 9, issueArea: 'Housing', district: 'District 2', campaign: null, consent: consent({ given: false, uses: [], givenOn: null, method: null, expiresOn: null }) },
];

export async function writeStories(call: Call): Promise<void> {
  const people = (await call('people.list', { limit: 20, sort: { field: 'name', direction: 'asc' } })).rows;
  const campaigns = await call('campaigns.list', { statuses: [] });
  for (const s of STORIES) {
    const teller = s.teller === null ? null : (people[s.teller]?.id ?? null);
    const campaignId = s.campaign === null ? null : (campaigns[s.campaign]?.id ?? null);
    await call('stories.create', {
      story: { title: s.title, text: s.text, anonymizedText: s.anonymized, storytellerPersonId: teller, issueArea: s.issueArea, district: s.district, campaignId, consent: s.consent },
      today: '2026-11-01',
    });
  }
}

export interface StoryVolume {
  count: number;
  seed: number;
  /** Districts the stories spread over ("District 1" … ). */
  districts: number;
}

export const BENCH_STORIES: StoryVolume = { count: 5000, seed: 41, districts: 120 };

/**
 * Bulk-loads stories for benchmarks (raw SQLite, no change log), with consent varied like the
 * sample's: about half usable for policymakers on 2026-11-01, the rest refused for one reason or another.
 */
export function generateStories(sqlite: SqliteDatabase.Database, volume: StoryVolume = BENCH_STORIES): number {
  const random = seededRandom(volume.seed);
  const uuid = uuidFactory(random);
  const people = sqlite.prepare('select id from people order by rowid limit 2000').all() as { id: string }[];
  const insert = sqlite.prepare(`insert into stories (id, title, text, anonymized_text, storyteller_person_id, issue_area, district, campaign_id,
    consent_given, use_internal, use_reports, use_media, use_policymakers, consent_given_on, consent_method, consent_recorded_by,
    consent_expires_on, consent_withdrawn_on, consent_withdrawal_note, consent_anonymize, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 'Bench', ?, ?, '', ?, ?, ?)`);
  const now = '2026-10-01T12:00:00.000Z';
  const bit = (p: number) => (random.next() < p ? 1 : 0);
  for (let i = 0; i < volume.count; i++) {
    const teller = people.length > 0 && random.next() < 0.8 ? (people[random.int(0, people.length - 1)]?.id ?? null) : null;
    const given = bit(0.9);
    const year = random.int(2024, 2026);
    const givenOn = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const expires = random.next() < 0.3 ? null : `${year + random.int(1, 3)}-${givenOn.slice(5)}`;
    const withdrawn = random.next() < 0.05 ? '2026-06-01' : null;
    insert.run(
      uuid(),
      `Story ${i + 1}`,
      `A story told to the coalition, number ${i + 1}. `.repeat(8),
      random.next() < 0.8 ? `An anonymized account, number ${i + 1}.` : '',
      teller,
      DEFAULT_ISSUE_AREAS[random.int(0, DEFAULT_ISSUE_AREAS.length - 1)] ?? '',
      `District ${random.int(1, volume.districts)}`,
      given,
      bit(0.7),
      bit(0.7),
      bit(0.4),
      bit(0.7),
      given ? givenOn : null,
      given ? 'written' : null,
      given && withdrawn && withdrawn < givenOn ? null : expires,
      given && withdrawn && withdrawn >= givenOn ? withdrawn : null,
      bit(0.2),
      now,
      now,
    );
  }
  return volume.count;
}
