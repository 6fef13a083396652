import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_USE_VALUES, consentVerdict, verdictsFor, type Consent, type ConsentStory, type ConsentUse } from '@shared/stories/consent';

// The consent rule (shared/stories/consent.ts): every branch, then a property test that a story
// never passes where its consent does not reach.

const consent = (overrides: Partial<Consent> = {}): Consent => ({
  given: true,
  uses: ['reports', 'policymakers'],
  givenOn: '2026-03-01',
  method: 'written',
  recordedBy: 'Ana Soto',
  expiresOn: '2026-12-31',
  withdrawnOn: null,
  withdrawalNote: '',
  anonymize: false,
  ...overrides,
});
const named: ConsentStory = { anonymous: false, anonymizedText: '' };
const anonymizedAvailable: ConsentStory = { anonymous: false, anonymizedText: 'A parent in the district…' };

describe('consentVerdict', () => {
  it('allows a covered use within the consent period, with the named version', () => {
    expect(consentVerdict(consent(), 'policymakers', '2026-06-01', named)).toEqual({ allowed: true, anonymized: false });
    expect(consentVerdict(consent(), 'reports', '2026-06-01', named)).toEqual({ allowed: true, anonymized: false });
  });

  it('refuses a use consent does not cover, naming it', () => {
    expect(consentVerdict(consent(), 'media', '2026-06-01', named)).toEqual({ allowed: false, reason: 'Consent does not cover media.' });
    expect(consentVerdict(consent({ uses: ['internal'] }), 'policymakers', '2026-06-01', named)).toEqual({ allowed: false, reason: 'Consent does not cover policymakers.' });
  });

  it('refuses when consent was not given, even with uses and dates filled in', () => {
    expect(consentVerdict(consent({ given: false }), 'reports', '2026-06-01', named)).toEqual({ allowed: false, reason: 'Consent has not been given.' });
  });

  it('counts from the day consent was given (that day included), and refuses before it', () => {
    expect(consentVerdict(consent(), 'reports', '2026-03-01', named)).toEqual({ allowed: true, anonymized: false });
    expect(consentVerdict(consent(), 'reports', '2026-02-28', named)).toEqual({ allowed: false, reason: 'Consent was only given on 2026-03-01.' });
    expect(consentVerdict(consent({ givenOn: null }), 'reports', '2026-06-01', named)).toEqual({ allowed: false, reason: 'The day consent was given is not recorded.' });
  });

  it('treats the expiry date as the last valid day', () => {
    expect(consentVerdict(consent(), 'reports', '2026-12-31', named)).toEqual({ allowed: true, anonymized: false });
    expect(consentVerdict(consent(), 'reports', '2027-01-01', named)).toEqual({ allowed: false, reason: 'Consent expired on 2026-12-31.' });
    expect(consentVerdict(consent({ expiresOn: null }), 'reports', '2040-01-01', named)).toEqual({ allowed: true, anonymized: false });
  });

  it('refuses from the day of withdrawal on (that day included), and allows before it', () => {
    const withdrawn = consent({ withdrawnOn: '2026-07-15', withdrawalNote: 'Moved away' });
    expect(consentVerdict(withdrawn, 'reports', '2026-07-14', named)).toEqual({ allowed: true, anonymized: false });
    expect(consentVerdict(withdrawn, 'reports', '2026-07-15', named)).toEqual({ allowed: false, reason: 'Consent was withdrawn on 2026-07-15.' });
    expect(consentVerdict(withdrawn, 'reports', '2026-09-01', named)).toEqual({ allowed: false, reason: 'Consent was withdrawn on 2026-07-15.' });
  });

  it('serves the anonymized version when consent asks for it or the storyteller is anonymous', () => {
    expect(consentVerdict(consent({ anonymize: true }), 'reports', '2026-06-01', anonymizedAvailable)).toEqual({ allowed: true, anonymized: true });
    expect(consentVerdict(consent(), 'reports', '2026-06-01', { anonymous: true, anonymizedText: 'Someone…' })).toEqual({ allowed: true, anonymized: true });
    // Named consent with an anonymized text on file still uses the named version.
    expect(consentVerdict(consent(), 'reports', '2026-06-01', anonymizedAvailable)).toEqual({ allowed: true, anonymized: false });
  });

  it('refuses when the anonymized version is required but missing (blank counts as missing)', () => {
    expect(consentVerdict(consent({ anonymize: true }), 'reports', '2026-06-01', named)).toEqual({
      allowed: false,
      reason: 'Consent asks for the anonymized version, and the story has no anonymized version yet.',
    });
    expect(consentVerdict(consent(), 'reports', '2026-06-01', { anonymous: true, anonymizedText: '  \n ' })).toEqual({
      allowed: false,
      reason: 'The storyteller is anonymous, and the story has no anonymized version yet.',
    });
  });

  it('gives one verdict per use for the form', () => {
    const all = verdictsFor(consent(), '2026-06-01', named);
    expect(Object.keys(all)).toEqual(['internal', 'reports', 'media', 'policymakers']);
    expect(all.internal.allowed).toBe(false);
    expect(all.policymakers.allowed).toBe(true);
  });
});

describe('consentVerdict, property', () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const use = fc.constantFrom<ConsentUse>(...CONSENT_USE_VALUES);
  const arbitraryConsent = fc.record({
    given: fc.boolean(),
    uses: fc.subarray([...CONSENT_USE_VALUES]),
    givenOn: fc.option(day, { nil: null }),
    method: fc.constantFrom('written' as const, 'verbal' as const, 'recorded' as const, null),
    recordedBy: fc.string({ maxLength: 5 }),
    expiresOn: fc.option(day, { nil: null }),
    withdrawnOn: fc.option(day, { nil: null }),
    withdrawalNote: fc.string({ maxLength: 5 }),
    anonymize: fc.boolean(),
  });
  const story = fc.record({ anonymous: fc.boolean(), anonymizedText: fc.constantFrom('', ' ', 'An anonymized story') });

  it('never allows a story where its consent does not reach, and anonymizes whenever it must', () => {
    fc.assert(
      fc.property(arbitraryConsent, use, day, story, (c, u, d, s) => {
        const verdict = consentVerdict(c, u, d, s);
        const reaches =
          c.given &&
          c.uses.includes(u) &&
          c.givenOn !== null &&
          c.givenOn <= d &&
          (c.expiresOn === null || d <= c.expiresOn) &&
          (c.withdrawnOn === null || d < c.withdrawnOn);
        const mustAnonymize = c.anonymize || s.anonymous;
        const possible = !mustAnonymize || s.anonymizedText.trim() !== '';
        expect(verdict.allowed).toBe(reaches && possible);
        if (verdict.allowed) expect(verdict.anonymized).toBe(mustAnonymize);
        else expect(verdict.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 5000 },
    );
  });
});
