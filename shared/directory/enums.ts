// The directory's fixed vocabularies (design brief §2). Editable lists (issue areas,
// populations) live in the workspace's vocabulary table instead, seeded with DEFAULT_* below.

export const STAGES = {
  identified: 'Identified',
  contacted: 'Contacted',
  engaged: 'Engaged',
  member: 'Member',
  inactive: 'Inactive',
  declined: 'Declined',
} as const;
export type Stage = keyof typeof STAGES;
export const STAGE_VALUES = Object.keys(STAGES) as [Stage, ...Stage[]];

export const TIERS = { steering: 'Steering', member: 'Member', ally: 'Ally' } as const;
export type Tier = keyof typeof TIERS;
export const TIER_VALUES = Object.keys(TIERS) as [Tier, ...Tier[]];

export const CONTRIBUTIONS = {
  funding: 'Funding',
  meeting_space: 'Meeting space',
  volunteers: 'Volunteers',
  technical_expertise: 'Technical expertise',
  media_connections: 'Media connections',
  data_research: 'Data and research',
  legal_expertise: 'Legal expertise',
} as const;
export type Contribution = keyof typeof CONTRIBUTIONS;
export const CONTRIBUTION_VALUES = Object.keys(CONTRIBUTIONS) as [Contribution, ...Contribution[]];

export const BUDGET_BANDS = {
  under_100k: 'Under $100k',
  '100k_500k': '$100k – $500k',
  '500k_2m': '$500k – $2M',
  '2m_10m': '$2M – $10M',
  over_10m: 'Over $10M',
} as const;
export type BudgetBand = keyof typeof BUDGET_BANDS;
export const BUDGET_BAND_VALUES = Object.keys(BUDGET_BANDS) as [BudgetBand, ...BudgetBand[]];

export const ORG_RELATIONSHIP_KINDS = {
  partner_of: 'Partner of',
  funds: 'Funds',
  member_of_network: 'Member of network',
  parent_of: 'Parent of (chapter)',
  works_with: 'Works with',
} as const;
export type OrgRelationshipKind = keyof typeof ORG_RELATIONSHIP_KINDS;
export const ORG_RELATIONSHIP_VALUES = Object.keys(ORG_RELATIONSHIP_KINDS) as [OrgRelationshipKind, ...OrgRelationshipKind[]];

export const PERSON_RELATIONSHIP_KINDS = {
  works_with: 'Works with',
  mentors: 'Mentors',
  family: 'Family',
  introduced_by: 'Introduced by',
} as const;
export type PersonRelationshipKind = keyof typeof PERSON_RELATIONSHIP_KINDS;
export const PERSON_RELATIONSHIP_VALUES = Object.keys(PERSON_RELATIONSHIP_KINDS) as [PersonRelationshipKind, ...PersonRelationshipKind[]];

export const INTERACTION_KINDS = { call: 'Call', email: 'Email', meeting: 'Meeting', event: 'Event', note: 'Note' } as const;
export type InteractionKind = keyof typeof INTERACTION_KINDS;
export const INTERACTION_VALUES = Object.keys(INTERACTION_KINDS) as [InteractionKind, ...InteractionKind[]];

export const CONTACT_CHANNELS = { email: 'Email', phone: 'Phone', sms: 'Text message', mail: 'Post', in_person: 'In person' } as const;
export type ContactChannel = keyof typeof CONTACT_CHANNELS;
export const CONTACT_CHANNEL_VALUES = Object.keys(CONTACT_CHANNELS) as [ContactChannel, ...ContactChannel[]];

/** Editable vocabularies kept per workspace. */
export const VOCABULARY_KINDS = ['issue_area', 'population'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export const DEFAULT_ISSUE_AREAS = [
  'Healthcare access',
  'Mental health',
  'Housing',
  'Education',
  'Food security',
  'Racial equity',
  'Immigration',
  'Legal rights',
  'Criminal-justice reform',
  'Youth',
];

export const DEFAULT_POPULATIONS = [
  'Immigrants',
  'Low-income families',
  'Racial and ethnic minorities',
  'People with disabilities',
  'LGBTQ+',
  'Youth',
  'Seniors',
];
