// Fundraising campaigns, pledges and contributions, grants and in-kind support (issue 6).
export const resourcesContract = {} as const;
