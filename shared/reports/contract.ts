// Impact reports and update digests (issue 6).
export const reportsContract = {} as const;
