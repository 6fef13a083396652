// Legislator briefing packets, one official or a batch (issue 5).
export const briefingsContract = {} as const;
