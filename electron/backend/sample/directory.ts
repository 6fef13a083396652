import type SqliteDatabase from 'better-sqlite3';
import { CONTRIBUTION_VALUES, DEFAULT_ISSUE_AREAS, DEFAULT_POPULATIONS, ORG_RELATIONSHIP_VALUES, type Stage } from '@shared/directory/enums';
import { ORGANIZATION_TYPES, type OrganizationType } from '@shared/taxonomy';
import { isMemberSpanTrigger, refreshMemberSpans } from '../directory/memberSpans';
import { seededRandom, type Random } from './random';

// The directory at any scale: organizations, people, affiliations, relationships and interactions
// (with participants), bulk-inserted with prepared statements in one transaction. The same seed
// gives the same data byte for byte (ids included). The sample coalition uses the small counts;
// the benchmark builds a coalition-scale workspace with the big ones. The triggers of migration
// 002 fill the label and full-text indexes as rows go in; the change log is not written (this is
// generated data, not an edit anyone could undo).

export interface DirectoryCounts {
  organizations: number;
  people: number;
  affiliations: number;
  interactions: number;
  /** Organization-to-organization links (partner of, funds…); a tenth of the organizations by default. */
  relationships?: number;
}

export const SAMPLE_DIRECTORY: DirectoryCounts = { organizations: 60, people: 150, affiliations: 200, interactions: 300, relationships: 12 };
export const SCALE_DIRECTORY: DirectoryCounts = { organizations: 100_000, people: 250_000, affiliations: 400_000, interactions: 1_000_000 };

export interface DirectoryOptions extends DirectoryCounts {
  seed: number;
  /** The generated history ends on this day (YYYY-MM-DD); fixed, so the data does not depend on the clock. */
  today?: string;
}

export interface GeneratedDirectory {
  organizations: number;
  people: number;
  affiliations: number;
  relationships: number;
  interactions: number;
  participants: number;
  stageChanges: number;
}

const PLACES: readonly { city: string; region: string }[] = [
  { city: 'São Paulo', region: 'Southside' },
  { city: 'Riverside', region: 'Eastside' },
  { city: 'Lakeshore', region: 'North County' },
  { city: 'Cedar Valley', region: 'Valley' },
  { city: 'Northgate', region: 'North County' },
  { city: 'Mesa Verde', region: 'Southside' },
  { city: 'Harbor City', region: 'Harbor' },
  { city: 'San José', region: 'Valley' },
  { city: 'Española', region: 'Westside' },
  { city: 'Cañon City', region: 'Westside' },
  { city: 'Montréal', region: 'North County' },
  { city: 'Bogotá', region: 'Southside' },
  { city: 'Springfield', region: 'Eastside' },
  { city: 'Fairview', region: 'Eastside' },
  { city: 'Oakland Park', region: 'Harbor' },
  { city: 'La Cañada', region: 'Valley' },
  { city: 'Coeur d’Alene', region: 'Westside' },
  { city: 'Greenville', region: 'Downtown' },
  { city: 'Centerville', region: 'Downtown' },
  { city: 'Düsseldorf Heights', region: 'North County' },
];
const STREETS = ['Main Street', 'Oak Avenue', 'Rua das Flores', 'Calle Real', 'Maple Drive', 'Market Street', 'Avenida Central', 'Church Road', 'Union Square', 'Mill Lane'];

const NAME_PARTS: Record<OrganizationType, readonly string[]> = {
  social_service_provider: ['Family Services', 'Community Services', 'Neighborhood Center', 'Food Bank', 'Housing Services', 'Care Network'],
  advocacy_group: ['Justice Project', 'Action Fund', 'Advocacy Alliance', 'Tenants Union', 'Voices for Change', 'Equity Coalition'],
  legal_aid: ['Legal Aid Society', 'Immigrant Legal Center', 'Justice Law Center', 'Tenant Law Project', 'Defenders Clinic'],
  public_health: ['Community Health Center', 'Public Health Institute', 'Clinic Network', 'Mental Health Alliance', 'Wellness Collective'],
  local_community_group: ['Neighbors Association', 'Block Club', 'Residents Council', 'Community Garden', 'Mutual Aid Network'],
  faith_based: ['Interfaith Council', 'Baptist Church', 'Iglesia de la Comunidad', 'Islamic Center', 'Temple Sinai', 'Catholic Charities'],
  youth_student: ['Youth Council', 'Student Union', 'Youth Leadership Project', 'Teen Center', 'Young Organizers'],
  government_body: ['City Council', 'County Board of Health', 'Housing Authority', 'Department of Human Services', 'School Board'],
  regulatory_agency: ['Public Utilities Commission', 'Health Services Agency', 'Office of Civil Rights', 'Licensing Board'],
  corporate_csr: ['Community Giving Program', 'Corporate Responsibility Office', 'Employee Volunteer Program', 'Impact Fund'],
  philanthropy: ['Community Foundation', 'Family Foundation', 'Health Trust', 'Fund for Justice', 'Giving Circle'],
};
const TYPES = Object.keys(ORGANIZATION_TYPES) as OrganizationType[];
const PREFIXES = ['', '', '', 'United ', 'New ', 'Greater ', 'First ', 'La Raza ', 'Nuestra ', 'Unidos '];
const TAGS = ['clinic', 'bilingual', 'rapid-response', 'coalition founder', 'funder', 'press contact', 'needs follow-up', 'volunteer hub', 'hosts events', 'data partner', 'rural', 'statewide', 'faith', 'youth-led', 'BIPOC-led', 'women-led', 'disability-led', 'tenants', 'food', 'transit'];
const FIRST_NAMES = ['María', 'José', 'Ana', 'Luis', 'Zoë', 'Chloé', 'André', 'Aïsha', 'Mohammed', 'Fatima', 'Nguyễn', 'Linh', 'Wei', 'Mei', 'Olga', 'Łukasz', 'Søren', 'Renée', 'James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'Jamal', 'Keisha', 'DeShawn', 'Imani', 'Raúl', 'Inés', 'François', 'Björn', 'Ngozi', 'Chidi', 'Priya', 'Arjun', 'Sione', 'Leilani'];
const LAST_NAMES = ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Müller', 'Nguyen', 'Tran', 'Kim', 'Park', 'Chen', 'Wang', 'Okafor', 'Adeyemi', 'Haddad', 'Khan', 'Patel', 'Singh', "O'Brien", 'Kowalski', 'Jørgensen', 'Dubois', 'Côté', 'Silva', 'Santos', 'Oliveira', 'Washington', 'Jefferson', 'Begay', 'Yazzie', 'Tuiasosopo'];
const TITLES = ['Executive Director', 'Program Manager', 'Community Organizer', 'Policy Director', 'Outreach Coordinator', 'Board Chair', 'Pastor', 'Case Manager', 'Staff Attorney', 'Youth Leader', 'Communications Lead', 'Grants Officer', 'Council Member', 'Volunteer', 'Nurse Practitioner'];
const PRONOUNS = ['', '', 'she/her', 'he/him', 'they/them', 'ella', 'él'];
const LANGUAGES = ['English', 'Spanish', 'Portuguese', 'Vietnamese', 'Mandarin', 'Arabic', 'French', 'Tagalog', 'Haitian Creole', 'Somali'];
const SUMMARIES = [
  'Talked about the Medicaid mental-health bill and who can testify at the hearing.',
  'Planned the town hall on housing; they offered their hall for the evening.',
  'Shared the food-security survey results; they will bring them to their board.',
  'Asked them to sign on to the tenant-protection letter.',
  'Follow-up on the training for advocates: three staff members will attend.',
  'Introduced the coalition and the charter; interested in joining the health working group.',
  'Coordinated the rally logistics and the press release.',
  'Discussed funding for the community-clinic campaign.',
  'Met at the legislature after the hearing on school funding.',
  'Phone check-in about the immigrant legal-aid referral network.',
];
const NOTE_LINES = [
  'Strong relationships with the city council.',
  'Bilingual staff (Spanish and Portuguese).',
  'Prefers contact by phone in the mornings.',
  'Hosts a monthly community dinner.',
  'Runs a free legal clinic on Saturdays.',
  'Member of the statewide health-access network.',
  '',
  '',
];
const ROLES = ['Executive Director', 'Board Member', 'Staff', 'Volunteer', 'Organizer', 'Program Lead', 'Member', 'Advisor'];

/** Stages with their weights, and the way each was reached (the stage history, oldest first). */
const STAGE_PATHS: readonly { stage: Stage; weight: number; path: readonly Stage[] }[] = [
  { stage: 'identified', weight: 25, path: ['identified'] },
  { stage: 'contacted', weight: 20, path: ['identified', 'contacted'] },
  { stage: 'engaged', weight: 20, path: ['identified', 'contacted', 'engaged'] },
  { stage: 'member', weight: 22, path: ['identified', 'contacted', 'engaged', 'member'] },
  { stage: 'inactive', weight: 8, path: ['identified', 'contacted', 'engaged', 'member', 'inactive'] },
  { stage: 'declined', weight: 5, path: ['identified', 'contacted', 'declined'] },
];
const STAGE_WEIGHT_TOTAL = STAGE_PATHS.reduce((sum, s) => sum + s.weight, 0);

const HISTORY_DAYS = 4 * 365;

/**
 * Writes the directory into `sqlite` (the caller opens the transaction: `Backend.bulkLoad`).
 * Expects an empty directory; ids are derived from the seed, so the same seed twice in one
 * workspace would collide.
 */
export function generateDirectory(sqlite: SqliteDatabase.Database, options: DirectoryOptions): GeneratedDirectory {
  // A big page cache while loading: the id indexes take inserts in random order.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    return withBulkIndexes(sqlite, () => generate(sqlite, options));
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * Runs `load` with the directory's label and full-text triggers (migration 002) set aside, then
 * fills those indexes for the new rows in one statement each: the insert triggers' own bodies,
 * run over the new rows at once (`<table> as new`) instead of row by row, which is several
 * times faster for FTS5. Secondary indexes are dropped and rebuilt the same way. Triggers and
 * indexes are put back exactly as they were (their own SQL), in the same transaction. The stage
 * history's member-span triggers (migration 018) are set aside too, and the spans of the new
 * history computed at the end.
 */
function withBulkIndexes<T>(sqlite: SqliteDatabase.Database, load: () => T): T {
  const triggers = (
    sqlite
      .prepare("select name, tbl_name as tableName, sql from sqlite_schema where type = 'trigger' and tbl_name in ('organizations', 'people', 'organization_stage_changes') order by name")
      .all() as { name: string; tableName: string; sql: string }[]
  ).filter((t) => t.tableName !== 'organization_stage_changes' || isMemberSpanTrigger(t.name));
  const firsts = new Map<string, number>();
  for (const table of ['organizations', 'people', 'organization_stage_changes']) {
    const { next } = sqlite.prepare(`select coalesce(max(rowid), 0) + 1 as next from ${table}`).get() as { next: number };
    firsts.set(table, next);
  }
  // Secondary indexes too: building one from loaded rows (a sort) beats a million random inserts.
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_schema where type = 'index' and sql is not null and tbl_name in
        ('organizations', 'people', 'organization_stage_changes', 'affiliations', 'organization_relationships', 'interactions',
         'interaction_participants', 'organization_labels', 'person_labels') order by name`,
    )
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) sqlite.exec(`drop trigger ${trigger.name}`);
  for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
  const result = load();
  let t = performance.now();
  for (const trigger of triggers.filter((t) => /_insert$/.test(t.name) && t.tableName !== 'organization_stage_changes')) {
    const body = /\bbegin\b([\s\S]*)\bend\s*$/i.exec(trigger.sql)?.[1];
    if (!body) throw new Error(`sample data: unexpected trigger ${trigger.name}`);
    for (const statement of body.split(';').map((s) => s.trim()).filter(Boolean)) {
      const from = `from ${trigger.tableName} as new`;
      const where = `new.rowid >= ${firsts.get(trigger.tableName) ?? 1}`;
      // "insert into x(...) values (new.rowid, …)" → "insert into x(...) select new.rowid, … from t as new"
      const values = /^(insert into \w+\s*\([^)]*\))\s*values\s*\(([\s\S]*)\)$/i.exec(statement);
      // "insert into x select new.rowid, 'f', value from json_each(new.c)" → "… from t as new, json_each(new.c)"
      const each = /^(insert into \w+ select [\s\S]*?) from (json_each\([\s\S]*\))$/i.exec(statement);
      if (values) sqlite.exec(`${values[1]} select ${values[2]} ${from} where ${where}`);
      else if (each) sqlite.exec(`${each[1]} ${from}, ${each[2]} where ${where}`);
      else throw new Error(`sample data: cannot bulk-run a statement of trigger ${trigger.name}: ${statement}`);
    }
  }
  t = phase('label and search indexes', t);
  for (const index of indexes) sqlite.exec(index.sql);
  t = phase('secondary indexes', t);
  for (const statement of refreshMemberSpans((firsts.get('organization_stage_changes') ?? 1) - 1)) sqlite.exec(statement);
  phase('member spans', t);
  for (const trigger of triggers) sqlite.exec(trigger.sql);
  return result;
}

/** With DIRECTORY_SAMPLE_TIMING set, prints how long each phase of a load took (for tuning the generator). */
const phase = (label: string, since: number) => {
  if (process.env.DIRECTORY_SAMPLE_TIMING) console.log(`  ${label}: ${((performance.now() - since) / 1000).toFixed(1)} s`);
  return performance.now();
};

function generate(sqlite: SqliteDatabase.Database, options: DirectoryOptions): GeneratedDirectory {
  let t = performance.now();
  const random = seededRandom(options.seed);
  const uuid = uuidFactory(random);
  const todayMs = Date.parse(`${options.today ?? '2026-11-01'}T00:00:00Z`);
  const days: string[] = [];
  const day = (daysAgo: number): string => (days[daysAgo] ??= new Date(todayMs - daysAgo * 86_400_000).toISOString().slice(0, 10));
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  // A time of day on a generated day (seconds < 86,400), built as text: a million Date objects cost seconds.
  const stamp = (daysAgo: number, seconds: number): string =>
    `${day(daysAgo)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.000Z`;
  const counts = { ...options, relationships: options.relationships ?? Math.floor(options.organizations / 10) };
  const pickSome = <T>(items: readonly T[], min: number, max: number): T[] => {
    const wanted = random.int(min, max);
    const out = new Set<T>();
    for (let i = 0; i < wanted * 2 && out.size < wanted; i++) out.add(random.pick(items));
    return [...out];
  };
  // A skewed pick: a few partners see much more activity than most (as in real coalitions).
  const skewed = (n: number): number => Math.min(n - 1, Math.floor(n * random.next() * random.next()));

  // 1. Interactions first, in memory, so every record's last contact is known before it is written.
  const orgCount = counts.organizations;
  const personCount = counts.people;
  const orgLast = new Int32Array(orgCount).fill(-1); // days ago of the latest contact, -1 = never
  const personLast = new Int32Array(personCount).fill(-1);
  const noteLast = (last: Int32Array, index: number, daysAgo: number) => {
    const current = last[index] ?? -1;
    if (current === -1 || daysAgo < current) last[index] = daysAgo;
  };

  // Affiliations: every person gets a primary organization (while there are affiliations to give).
  const affiliationOrg = new Int32Array(counts.affiliations);
  const affiliationPerson = new Int32Array(counts.affiliations);
  for (let i = 0; i < counts.affiliations; i++) {
    affiliationPerson[i] = i < personCount ? i : random.int(0, personCount - 1);
    affiliationOrg[i] = orgCount > 0 ? skewed(orgCount) : 0;
  }
  const peopleOfOrg = new Map<number, number[]>();
  for (let i = 0; i < counts.affiliations; i++) {
    const org = affiliationOrg[i] ?? 0;
    const list = peopleOfOrg.get(org);
    if (list) list.push(affiliationPerson[i] ?? 0);
    else peopleOfOrg.set(org, [affiliationPerson[i] ?? 0]);
  }

  const insert = {
    organization: sqlite.prepare(
      `insert into organizations (id, name, other_names_json, sector, type, issue_areas_json, regions_json, populations_json, alignment_score,
        alignment_note, stage, stage_changed_on, tier, contributions_json, website, email, phone, address, city, district, registration_number,
        staff_size, budget_band, tags_json, notes, last_contacted_on, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    stage: sqlite.prepare('insert into organization_stage_changes (id, organization_id, stage, changed_on) values (?, ?, ?, ?)'),
    person: sqlite.prepare(
      `insert into people (id, name, pronouns, title, languages_json, email, phone, city, district, community_leader, tags_json, notes,
        consent_may_contact, consent_channels_json, consent_recorded_on, consent_recorded_by, last_contacted_on, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    affiliation: sqlite.prepare('insert into affiliations (id, person_id, organization_id, role, is_primary, start_on, end_on) values (?, ?, ?, ?, ?, ?, ?)'),
    relationship: sqlite.prepare('insert into organization_relationships (id, kind, from_id, to_id, note) values (?, ?, ?, ?, ?)'),
    interaction: sqlite.prepare(
      'insert into interactions (id, kind, occurred_on, summary, follow_up_owner, follow_up_due_on, follow_up_done, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    participant: sqlite.prepare('insert into interaction_participants (id, interaction_id, organization_id, person_id, occurred_on) values (?, ?, ?, ?, ?)'),
  };

  // Interactions: who took part and when, decided now; written after the records they point to.
  const interactionOrg = new Int32Array(counts.interactions).fill(-1);
  const interactionPeople: Int32Array[] = [];
  const interactionDay = new Int32Array(counts.interactions);
  for (let i = 0; i < counts.interactions; i++) {
    const daysAgo = Math.floor(HISTORY_DAYS * random.next() * random.next()); // recent contacts are more frequent
    interactionDay[i] = daysAgo;
    const people: number[] = [];
    if (orgCount > 0 && (personCount === 0 || random.next() < 0.7)) {
      const org = skewed(orgCount);
      interactionOrg[i] = org;
      noteLast(orgLast, org, daysAgo);
      const staff = peopleOfOrg.get(org);
      if (staff && random.next() < 0.6) people.push(random.pick(staff));
    } else if (personCount > 0) {
      people.push(skewed(personCount));
      if (random.next() < 0.3) people.push(random.int(0, personCount - 1));
    }
    const unique = [...new Set(people)];
    for (const p of unique) noteLast(personLast, p, daysAgo);
    interactionPeople.push(Int32Array.from(unique));
  }

  // 2. Organizations, with their stage history.
  const orgIds: string[] = [];
  const orgNames: string[] = [];
  let stageChanges = 0;
  for (let i = 0; i < orgCount; i++) {
    const id = uuid();
    const type = random.pick(TYPES);
    const sector = ORGANIZATION_TYPES[type].sector;
    const place = random.pick(PLACES);
    const name = `${random.pick(PREFIXES)}${place.city} ${random.pick(NAME_PARTS[type])}`;
    let pick = random.int(1, STAGE_WEIGHT_TOTAL);
    const stagePath = STAGE_PATHS.find((s) => (pick -= s.weight) <= 0) ?? STAGE_PATHS[0];
    if (!stagePath) throw new Error('no stage');
    const createdDaysAgo = random.int(30, HISTORY_DAYS + 200);
    const stageDays: number[] = [];
    let at = createdDaysAgo;
    for (let s = 0; s < stagePath.path.length; s++) {
      stageDays.push(at);
      at = Math.max(0, at - random.int(10, Math.max(11, Math.floor(createdDaysAgo / stagePath.path.length))));
    }
    const stageChangedDaysAgo = stageDays[stageDays.length - 1] ?? createdDaysAgo;
    const slug = ascii(name).toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 24);
    const last = orgLast[i] ?? -1;
    const updatedDaysAgo = Math.min(stageChangedDaysAgo, last === -1 ? createdDaysAgo : last);
    const otherNames = random.next() < 0.3 ? [acronym(name)] : [];
    insert.organization.run(
      id,
      name,
      JSON.stringify(otherNames),
      sector,
      type,
      JSON.stringify(pickSome(DEFAULT_ISSUE_AREAS, 1, 3)),
      JSON.stringify(random.next() < 0.15 ? [place.region, random.pick(PLACES).region].filter((r, k, all) => all.indexOf(r) === k) : [place.region]),
      JSON.stringify(pickSome(DEFAULT_POPULATIONS, 0, 3)),
      random.next() < 0.8 ? random.int(1, 5) : null,
      random.next() < 0.3 ? 'Shares the coalition’s coverage and housing goals.' : '',
      stagePath.stage,
      day(stageChangedDaysAgo),
      stagePath.stage === 'member' ? random.pick(['steering', 'member', 'member', 'ally'] as const) : null,
      JSON.stringify(pickSome(CONTRIBUTION_VALUES, 0, 2)),
      `${slug}.example.org`,
      random.next() < 0.8 ? `info@${slug}.example.org` : '',
      `+1 555 ${String(random.int(0, 9999)).padStart(4, '0')}`,
      `${random.int(1, 2400)} ${random.pick(STREETS)}`,
      place.city,
      `District ${random.int(1, 12)}`,
      random.next() < 0.5 ? `${sector.slice(0, 2).toUpperCase()}-${random.int(1000, 99999)}` : '',
      random.next() < 0.7 ? random.int(0, 400) : null,
      random.next() < 0.7 ? random.pick(['under_100k', '100k_500k', '500k_2m', '2m_10m', 'over_10m'] as const) : null,
      JSON.stringify(pickSome(TAGS, 0, 3)),
      random.pick(NOTE_LINES),
      last === -1 ? null : day(last),
      stamp(createdDaysAgo, random.int(28_800, 64_800)),
      stamp(updatedDaysAgo, random.int(28_800, 64_800)),
    );
    stagePath.path.forEach((stage, s) => {
      insert.stage.run(uuid(), id, stage, day(stageDays[s] ?? createdDaysAgo));
      stageChanges += 1;
    });
    orgIds.push(id);
    orgNames.push(name);
  }

  t = phase('organizations', t);
  // 3. People.
  const personIds: string[] = [];
  const personNames: string[] = [];
  for (let i = 0; i < personCount; i++) {
    const id = uuid();
    const first = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const name = `${first} ${lastName}`;
    const place = random.pick(PLACES);
    const createdDaysAgo = random.int(10, HISTORY_DAYS + 200);
    const last = personLast[i] ?? -1;
    const consentAsked = random.next() < 0.7;
    const mayContact = consentAsked ? random.next() < 0.85 : null;
    insert.person.run(
      id,
      name,
      random.pick(PRONOUNS),
      random.pick(TITLES),
      JSON.stringify(pickSome(LANGUAGES, 1, 2)),
      random.next() < 0.85 ? `${ascii(first).toLowerCase()}.${ascii(lastName).toLowerCase().replace(/[^a-z]/g, '')}${i % 97}@example.net` : '',
      random.next() < 0.6 ? `+1 555 ${String(random.int(0, 9999)).padStart(4, '0')}` : '',
      place.city,
      `District ${random.int(1, 12)}`,
      random.next() < 0.15 ? 1 : 0,
      JSON.stringify(pickSome(TAGS, 0, 2)),
      random.pick(NOTE_LINES),
      mayContact === null ? null : mayContact ? 1 : 0,
      JSON.stringify(mayContact ? pickSome(['email', 'phone', 'sms', 'in_person'], 1, 2) : []),
      consentAsked ? day(random.int(0, createdDaysAgo)) : null,
      consentAsked ? 'Coalition coordinator' : '',
      last === -1 ? null : day(last),
      stamp(createdDaysAgo, random.int(28_800, 64_800)),
      stamp(last === -1 ? createdDaysAgo : Math.min(createdDaysAgo, last), random.int(28_800, 64_800)),
    );
    personIds.push(id);
    personNames.push(name);
  }

  t = phase('people', t);
  // 4. Affiliations: the first of each person is their primary one.
  const hasPrimary = new Uint8Array(personCount);
  for (let i = 0; i < counts.affiliations; i++) {
    const person = affiliationPerson[i] ?? 0;
    const primary = hasPrimary[person] ? 0 : 1;
    hasPrimary[person] = 1;
    const started = random.int(60, HISTORY_DAYS + 400);
    const ended = !primary && random.next() < 0.25 ? random.int(0, started - 30) : null;
    insert.affiliation.run(
      uuid(),
      personIds[person],
      orgIds[affiliationOrg[i] ?? 0],
      random.pick(ROLES),
      primary,
      random.next() < 0.8 ? day(started) : null,
      ended === null ? null : day(ended),
    );
  }

  t = phase('affiliations', t);
  // 5. Relationships between organizations (never to itself).
  let relationships = 0;
  if (orgCount > 1) {
    for (let i = 0; i < counts.relationships; i++) {
      const from = skewed(orgCount);
      let to = random.int(0, orgCount - 1);
      if (to === from) to = (to + 1) % orgCount;
      insert.relationship.run(uuid(), random.pick(ORG_RELATIONSHIP_VALUES), orgIds[from], orgIds[to], random.next() < 0.3 ? 'Since the 2024 housing campaign.' : '');
      relationships += 1;
    }
  }

  t = phase('relationships', t);
  // 6. Interactions and who took part.
  const KINDS = ['call', 'call', 'email', 'email', 'meeting', 'meeting', 'event', 'note'] as const;
  let participants = 0;
  for (let i = 0; i < counts.interactions; i++) {
    const id = uuid();
    const daysAgo = interactionDay[i] ?? 0;
    const occurredOn = day(daysAgo);
    const followUp = random.next() < 0.1;
    const org = interactionOrg[i] ?? -1;
    const people = interactionPeople[i] ?? new Int32Array();
    const who = org >= 0 ? orgNames[org] : personNames[people[0] ?? 0];
    insert.interaction.run(
      id,
      random.pick(KINDS),
      occurredOn,
      `${random.pick(SUMMARIES)}${who ? ` (${who})` : ''}`,
      followUp ? 'Coalition coordinator' : null,
      followUp ? day(Math.max(0, daysAgo - random.int(3, 21))) : null,
      followUp ? (daysAgo > 30 ? 1 : 0) : null,
      stamp(daysAgo, random.int(28_800, 72_000)),
    );
    if (org >= 0) {
      insert.participant.run(uuid(), id, orgIds[org], null, occurredOn);
      participants += 1;
    }
    for (const p of people) {
      insert.participant.run(uuid(), id, null, personIds[p], occurredOn);
      participants += 1;
    }
  }

  phase('interactions', t);
  return { organizations: orgCount, people: personCount, affiliations: counts.affiliations, relationships, interactions: counts.interactions, participants, stageChanges };
}

/**
 * Version-4-shaped UUIDs that are deterministic (a seed-derived prefix, then a counter) and
 * increasing, so each id index takes its rows in order, as appends: loading is several times
 * faster than with ids in random order.
 */
export function uuidFactory(random: Random): () => string {
  const hex = (bits: number) => Math.floor(random.next() * 2 ** bits).toString(16).padStart(bits / 4, '0');
  const prefix = `${hex(32)}-${hex(16)}-4${hex(12)}-${(8 + Math.floor(random.next() * 4)).toString(16)}${hex(12)}`;
  let counter = 0;
  return () => `${prefix}-${(counter++).toString(16).padStart(12, '0')}`;
}

function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o');
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}
