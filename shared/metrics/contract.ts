// Indicators (derived and entered), targets, the dashboard and feedback surveys (issue 6).
export const metricsContract = {} as const;
