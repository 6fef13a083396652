// Trainings and technical assistance (issue 6).
export const capacityContract = {} as const;
