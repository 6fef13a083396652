// Advocacy campaigns, key messages, grassroots actions, petitions and public events (issue 5).
export const campaignsContract = {} as const;
