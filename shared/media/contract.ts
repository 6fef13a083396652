// Media outlets, journalists, outreach items and coverage (issue 5).
export const mediaContract = {} as const;
