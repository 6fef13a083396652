import { describe, expect, it } from 'vitest';
import { districtKey, officialNameKey } from '../../../electron/backend/policy/normalize';
import { ok, useBackend } from '../../support/backend';
import { addPerson, organizationInput } from '../../support/people';
import { addOfficial } from '../../support/policy';

describe('district matching', () => {
  it('normalizes case, accents, punctuation, abbreviations and leading zeros', () => {
    expect(['District 4', 'district 4', 'DISTRICT #4', 'Dist. 04', ' district   4 '].map(districtKey)).toEqual(Array(5).fill('district 4'));
    expect(districtKey('São Paulo')).toBe('sao paulo');
    expect(districtKey('Coeur d’Alene')).toBe('coeur dalene');
    expect(districtKey('District 14')).not.toBe(districtKey('District 4'));
    expect(officialNameKey('Hon. Nguyễn Thị Hoa')).toBe('nguyen thi hoa');
  });

  it('counts member organizations and people in the district, in any spelling, and names the first ones', async () => {
    const { backend } = await useBackend();
    const org = async (name: string, district: string, stage: 'member' | 'engaged', city = 'Riverside') =>
      ok(backend, 'organizations.create', organizationInput(name, { district, stage, city, tier: stage === 'member' ? 'member' : null }));
    await org('Alder Trust', 'District 4', 'member');
    await org('Birch Clinic', 'district 4', 'member');
    await org('Cedar Union', 'Dist. 04', 'member', 'Springfield');
    await org('Dogwood Society', 'District 4', 'engaged');
    await org('Elm House', 'District 14', 'member');
    await addPerson(backend, 'Ana', { district: 'DISTRICT 4', city: 'Riverside' });
    await addPerson(backend, 'Bruno', { district: 'district #4', city: 'São Paulo' });
    await addPerson(backend, 'Chen', { district: 'District 5', city: 'Riverside' });

    const state = await addOfficial(backend, { level: 'state', district: 'District 4', jurisdiction: 'State' });
    const match = await ok(backend, 'policy.officials.districtMatch', { id: state, limit: 2 });
    expect([match.basis, match.memberOrganizations, match.people]).toEqual(['district', 3, 2]);
    // Members only (Dogwood is engaged), District 14 is another district; names by name, at most `limit`.
    expect(match.organizationNames.map((o) => o.name)).toEqual(['Alder Trust', 'Birch Clinic']);
    expect(match.personNames.map((p) => p.name)).toEqual(['Ana', 'Bruno']);

    // A city council member: the district within their city.
    const council = await addOfficial(backend, { level: 'local', district: 'district 4', jurisdiction: 'RIVERSIDE' });
    const local = await ok(backend, 'policy.officials.districtMatch', { id: council, limit: 10 });
    expect([local.basis, local.memberOrganizations, local.people]).toEqual(['district_and_city', 2, 1]);
    // A mayor (no district): the whole city.
    const mayor = await addOfficial(backend, { level: 'local', district: '', jurisdiction: 'Sao Paulo' });
    const city = await ok(backend, 'policy.officials.districtMatch', { id: mayor, limit: 10 });
    expect([city.basis, city.memberOrganizations, city.people, city.personNames.map((p) => p.name)]).toEqual(['city', 0, 1, ['Bruno']]);
    // Nobody there, or nothing to match on.
    const nowhere = await addOfficial(backend, { level: 'national', district: 'District 99', jurisdiction: '' });
    expect(await ok(backend, 'policy.officials.districtMatch', { id: nowhere, limit: 10 })).toMatchObject({ basis: 'district', memberOrganizations: 0, people: 0 });
    const none = await addOfficial(backend, { level: 'national', district: '', jurisdiction: '' });
    expect((await ok(backend, 'policy.officials.districtMatch', { id: none, limit: 10 })).basis).toBe('none');
  });
});
