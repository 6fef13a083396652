// Domain taxonomies (design brief §2). Labels live next to values so every screen, report
// and import speaks the same words.

export const SECTORS = {
  nonprofit: 'Nonprofit',
  community: 'Community & grassroots',
  government: 'Government & policy',
  private: 'Private sector',
} as const;
export type Sector = keyof typeof SECTORS;

export const ORGANIZATION_TYPES = {
  social_service_provider: { sector: 'nonprofit', label: 'Social service provider' },
  advocacy_group: { sector: 'nonprofit', label: 'Advocacy group' },
  legal_aid: { sector: 'nonprofit', label: 'Legal aid organization' },
  public_health: { sector: 'nonprofit', label: 'Public health organization' },
  local_community_group: { sector: 'community', label: 'Local community group' },
  faith_based: { sector: 'community', label: 'Faith-based organization' },
  youth_student: { sector: 'community', label: 'Youth / student group' },
  government_body: { sector: 'government', label: 'Local or state government body' },
  regulatory_agency: { sector: 'government', label: 'Regulatory / administrative agency' },
  corporate_csr: { sector: 'private', label: 'Corporate social-responsibility program' },
  philanthropy: { sector: 'private', label: 'Philanthropy / foundation' },
} as const satisfies Record<string, { sector: Sector; label: string }>;
export type OrganizationType = keyof typeof ORGANIZATION_TYPES;

export const GOAL_CATEGORIES = {
  policy_change: 'Policy change',
  public_awareness: 'Public awareness',
  capacity_building: 'Capacity building',
} as const;
export type GoalCategory = keyof typeof GOAL_CATEGORIES;
export const GOAL_CATEGORY_VALUES = Object.keys(GOAL_CATEGORIES) as [GoalCategory, ...GoalCategory[]];
