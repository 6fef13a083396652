import { ORGANIZATION_TYPES, SECTORS, type OrganizationType, type Sector } from '@shared/taxonomy';
import {
  BUDGET_BANDS,
  CONTACT_CHANNELS,
  CONTRIBUTIONS,
  INTERACTION_KINDS,
  ORG_RELATIONSHIP_KINDS,
  PERSON_RELATIONSHIP_KINDS,
  STAGES,
  TIERS,
  type Stage,
} from '@shared/directory/enums';

// Labels and select options for the directory's fixed vocabularies, read from the contract so
// every screen speaks the same words.

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  group: string;
  items: Option[];
}

function options(record: Record<string, string>): Option[] {
  return Object.entries(record).map(([value, label]) => ({ value, label }));
}

export const STAGE_OPTIONS = options(STAGES);
export const TIER_OPTIONS = options(TIERS);
export const CONTRIBUTION_OPTIONS = options(CONTRIBUTIONS);
export const BUDGET_OPTIONS = options(BUDGET_BANDS);
export const CHANNEL_OPTIONS = options(CONTACT_CHANNELS);
export const INTERACTION_OPTIONS = options(INTERACTION_KINDS);
export const ORG_RELATIONSHIP_OPTIONS = options(ORG_RELATIONSHIP_KINDS);
export const PERSON_RELATIONSHIP_OPTIONS = options(PERSON_RELATIONSHIP_KINDS);
export const SECTOR_OPTIONS: Option[] = [...options(SECTORS), { value: 'other', label: 'Other' }];

/** Organization types grouped under their sector, so the list reads like the taxonomy. */
export const TYPE_GROUPS: OptionGroup[] = [
  ...Object.entries(SECTORS).map(([sector, label]) => ({
    group: label,
    items: Object.entries(ORGANIZATION_TYPES)
      .filter(([, type]) => type.sector === sector)
      .map(([value, type]) => ({ value, label: type.label })),
  })),
  { group: 'Other', items: [{ value: 'other', label: 'Other type' }] },
];

export function sectorLabel(sector: string): string {
  return sector === 'other' ? 'Other sector' : (SECTORS[sector as Sector] ?? sector);
}

export function typeLabel(type: string): string {
  return type === 'other' ? 'Other type' : (ORGANIZATION_TYPES[type as OrganizationType]?.label ?? type);
}

export function stageLabel(stage: string): string {
  return STAGES[stage as Stage] ?? stage;
}

export function labelOf(record: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '';
  return record[value] ?? value;
}

/** Stage colours: cool while the relationship grows, green for members, grey when it ended. */
export const STAGE_COLORS: Record<Stage, string> = {
  identified: 'gray',
  contacted: 'blue',
  engaged: 'violet',
  member: 'teal',
  inactive: 'yellow',
  declined: 'red',
};

export const SECTOR_COLORS: Record<string, string> = {
  nonprofit: 'indigo',
  community: 'grape',
  government: 'cyan',
  private: 'orange',
  other: 'gray',
};
