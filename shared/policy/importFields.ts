// The fields a column of an officials import can fill (Policy ▸ Officials ▸ Import), with the
// header the scorecard-free officials export would write for them. Kept apart from the policy
// contract so the directory's import contract can name them without importing the whole domain.

export const OFFICIAL_IMPORT_FIELDS = {
  name: 'Name',
  title: 'Title',
  level: 'Level',
  body: 'Body',
  district: 'District',
  jurisdiction: 'Jurisdiction',
  party: 'Party',
  email: 'Email',
  phone: 'Phone',
  officeAddress: 'Office address',
  website: 'Website',
  termStart: 'Term start',
  termEnd: 'Term end',
  committees: 'Committees',
  notes: 'Notes',
} as const;
export type OfficialImportField = keyof typeof OFFICIAL_IMPORT_FIELDS;
export const OFFICIAL_IMPORT_KEYS = Object.keys(OFFICIAL_IMPORT_FIELDS) as [OfficialImportField, ...OfficialImportField[]];

/** Headers an officials file often has for each field (compared without case, accents or punctuation). */
export const OFFICIAL_IMPORT_SYNONYMS: Partial<Record<OfficialImportField, string[]>> = {
  name: ['name', 'full name', 'official', 'official name', 'legislator', 'member', 'representative', 'member name'],
  title: ['office', 'position', 'role', 'seat'],
  level: ['government level', 'level of government', 'tier'],
  body: ['chamber', 'council', 'legislature', 'agency', 'body name', 'house'],
  district: ['ward', 'constituency', 'riding', 'district number', 'council district', 'electoral district'],
  jurisdiction: ['city', 'county', 'state', 'province', 'municipality', 'region'],
  party: ['political party', 'affiliation', 'caucus'],
  email: ['e mail', 'mail', 'email address', 'e mail address', 'office email'],
  phone: ['telephone', 'tel', 'phone number', 'office phone', 'telephone number'],
  officeAddress: ['address', 'office', 'mailing address', 'capitol office', 'street address'],
  website: ['web', 'url', 'site', 'homepage', 'web site'],
  termStart: ['term begins', 'took office', 'start of term', 'first elected', 'since'],
  termEnd: ['term ends', 'end of term', 'term expires', 'up for election'],
  committees: ['committee', 'committee memberships', 'committee assignments'],
  notes: ['note', 'comments', 'comment', 'remarks', 'bio'],
};
