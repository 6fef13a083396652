import type { Selectable } from 'kysely';
import type { Consent, ConsentMethod, ConsentUse } from '@shared/stories/consent';
import { CONSENT_USE_VALUES } from '@shared/stories/consent';
import type { StoriesTable } from './tables';

// A story row's consent columns <-> shared/stories/consent.ts's Consent.

/** The 0/1 column holding each use. */
export const USE_COLUMN = {
  internal: 'use_internal',
  reports: 'use_reports',
  media: 'use_media',
  policymakers: 'use_policymakers',
} as const satisfies Record<ConsentUse, keyof StoriesTable>;

type ConsentColumns = Pick<
  Selectable<StoriesTable>,
  | 'consent_given'
  | 'use_internal'
  | 'use_reports'
  | 'use_media'
  | 'use_policymakers'
  | 'consent_given_on'
  | 'consent_method'
  | 'consent_recorded_by'
  | 'consent_expires_on'
  | 'consent_withdrawn_on'
  | 'consent_withdrawal_note'
  | 'consent_anonymize'
>;

export function consentOfRow(row: ConsentColumns): Consent {
  return {
    given: row.consent_given === 1,
    uses: CONSENT_USE_VALUES.filter((use) => row[USE_COLUMN[use]] === 1),
    givenOn: row.consent_given_on,
    method: row.consent_method as ConsentMethod | null,
    recordedBy: row.consent_recorded_by,
    expiresOn: row.consent_expires_on,
    withdrawnOn: row.consent_withdrawn_on,
    withdrawalNote: row.consent_withdrawal_note,
    anonymize: row.consent_anonymize === 1,
  };
}

export function rowOfConsent(consent: Consent): ConsentColumns {
  return {
    consent_given: consent.given ? 1 : 0,
    use_internal: consent.uses.includes('internal') ? 1 : 0,
    use_reports: consent.uses.includes('reports') ? 1 : 0,
    use_media: consent.uses.includes('media') ? 1 : 0,
    use_policymakers: consent.uses.includes('policymakers') ? 1 : 0,
    consent_given_on: consent.givenOn,
    consent_method: consent.method,
    consent_recorded_by: consent.recordedBy,
    consent_expires_on: consent.expiresOn,
    consent_withdrawn_on: consent.withdrawnOn,
    consent_withdrawal_note: consent.withdrawalNote,
    consent_anonymize: consent.anonymize ? 1 : 0,
  };
}
