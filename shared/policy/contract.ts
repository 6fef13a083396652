// Officials, agencies, stances, bills, engagements, scorecards and district matches (issue 5).
export const policyContract = {} as const;
