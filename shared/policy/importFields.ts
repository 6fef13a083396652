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
