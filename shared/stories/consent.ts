// The consent rule for stories and testimonials (issue 5). Pure and shared, so the backend (which
// filters every generated document with it: electron/backend/stories/usable.ts) and the renderer
// (which shows the same verdict on the story form and list) can never disagree.
//
// A story may be used for `use` on `day` only if consent is given, covers that use, was given on
// or before `day`, has not expired by `day` (the expiry date is the last valid day) and was not
// withdrawn on or before `day`. An anonymous storyteller, or consent that asks for anonymization,
// means the anonymized version only (and no storyteller name); without an anonymized version the
// story may not be used at all.

export const CONSENT_USES = {
  internal: 'Internal use',
  reports: 'Reports',
  media: 'Media',
  policymakers: 'Policymakers',
} as const;
export type ConsentUse = keyof typeof CONSENT_USES;
export const CONSENT_USE_VALUES = Object.keys(CONSENT_USES) as [ConsentUse, ...ConsentUse[]];

export const CONSENT_METHODS = { written: 'Written', verbal: 'Verbal', recorded: 'Recorded' } as const;
export type ConsentMethod = keyof typeof CONSENT_METHODS;
export const CONSENT_METHOD_VALUES = Object.keys(CONSENT_METHODS) as [ConsentMethod, ...ConsentMethod[]];

/** A story's consent as the rule reads it (dates are YYYY-MM-DD; they compare as text). */
export interface Consent {
  given: boolean;
  uses: ConsentUse[];
  /** The day consent was given (null: not recorded, so not usable). */
  givenOn: string | null;
  method: ConsentMethod | null;
  /** Who recorded it (free text: a coordinator's name). */
  recordedBy: string;
  /** The last day consent is valid (null: no expiry). */
  expiresOn: string | null;
  /** The day consent was withdrawn (null: not withdrawn); from that day on the story may not be used. */
  withdrawnOn: string | null;
  withdrawalNote: string;
  /** The storyteller asked that only the anonymized version be used. */
  anonymize: boolean;
}

/** What the rule needs to know about the story itself besides its consent. */
export interface ConsentStory {
  /** No storyteller (anonymous, or their directory record was deleted). */
  anonymous: boolean;
  anonymizedText: string;
}

export type ConsentVerdict = { allowed: true; anonymized: boolean } | { allowed: false; reason: string };

/** Lower-case use label for sentences ("media", "policymakers"). */
export function useLabel(use: ConsentUse): string {
  return CONSENT_USES[use].toLowerCase();
}

/**
 * Whether the story may be used for `use` on `day` (YYYY-MM-DD), and if so whether only its
 * anonymized version may be shown. Every generated document and the "usable for" filter go
 * through this function.
 */
export function consentVerdict(consent: Consent, use: ConsentUse, day: string, story: ConsentStory): ConsentVerdict {
  if (!consent.given) return { allowed: false, reason: 'Consent has not been given.' };
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= day) {
    return { allowed: false, reason: `Consent was withdrawn on ${consent.withdrawnOn}.` };
  }
  if (consent.givenOn === null) return { allowed: false, reason: 'The day consent was given is not recorded.' };
  if (consent.givenOn > day) return { allowed: false, reason: `Consent was only given on ${consent.givenOn}.` };
  if (consent.expiresOn !== null && consent.expiresOn < day) {
    return { allowed: false, reason: `Consent expired on ${consent.expiresOn}.` };
  }
  if (!consent.uses.includes(use)) return { allowed: false, reason: `Consent does not cover ${useLabel(use)}.` };
  const anonymized = consent.anonymize || story.anonymous;
  if (anonymized && story.anonymizedText.trim() === '') {
    const why = story.anonymous ? 'The storyteller is anonymous' : 'Consent asks for the anonymized version';
    return { allowed: false, reason: `${why}, and the story has no anonymized version yet.` };
  }
  return { allowed: true, anonymized };
}

/** The verdict for each use on `day` (the story form's summary). */
export function verdictsFor(consent: Consent, day: string, story: ConsentStory): Record<ConsentUse, ConsentVerdict> {
  return Object.fromEntries(CONSENT_USE_VALUES.map((use) => [use, consentVerdict(consent, use, day, story)])) as Record<ConsentUse, ConsentVerdict>;
}
