import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addBill, addCampaign, addOfficial, billInput } from '../../support/policy';

describe('stances, bills and the scorecard', () => {
  it('keeps every stance: the latest by date is current, the history newest first', async () => {
    const { backend } = await useBackend();
    const official = await addOfficial(backend);
    const campaign = await addCampaign(backend);
    const bill = await addBill(backend);
    const record = (stance: 'undecided' | 'leaning_yes' | 'champion' | 'opposed', statedOn: string, on: { campaignId?: string; billId?: string }) =>
      ok(backend, 'policy.stances.record', { officialId: official, campaignId: on.campaignId ?? null, billId: on.billId ?? null, stance, statedOn, evidence: `Said on ${statedOn}`, recordedBy: 'Dana' });
    await record('undecided', '2026-01-10', { campaignId: campaign });
    await record('champion', '2026-03-01', { campaignId: campaign });
    // Recorded later but dated earlier: history, not current.
    await record('leaning_yes', '2026-02-01', { campaignId: campaign });
    await record('opposed', '2026-02-15', { billId: bill });

    const page = await ok(backend, 'policy.officials.get', { id: official });
    expect(page.stanceHistory.map((s) => [s.statedOn, s.stance])).toEqual([
      ['2026-03-01', 'champion'],
      ['2026-02-15', 'opposed'],
      ['2026-02-01', 'leaning_yes'],
      ['2026-01-10', 'undecided'],
    ]);
    expect(page.currentStances.map((s) => [s.campaignName ?? s.billLabel, s.stance])).toEqual([
      ['Crisis care for every county', 'champion'],
      ['AB 123 Community Mental Health Access Act', 'opposed'],
    ]);
    expect(page.stanceHistory[0]?.recordedBy).toBe('Dana');
    const targets = await ok(backend, 'policy.campaignTargets.set', { campaignId: campaign, bills: [{ billId: bill, note: 'Priority' }], officials: [{ officialId: official, note: '' }] });
    expect(targets.officials.map((o) => [o.name, o.stance, o.stanceOn])).toEqual([['Ana Lúcia Ferreira', 'champion', '2026-03-01']]);

    const both = await fails(backend, 'policy.stances.record', { officialId: official, campaignId: campaign, billId: bill, stance: 'champion', statedOn: '2026-03-01', evidence: '', recordedBy: '' });
    expect(both.code).toBe('validation');
    expect(issuesOf(both)[0]?.message).toBe('A stance is on a campaign or on a bill: choose one.');
    const badStance = await fails(backend, 'policy.stances.record', { officialId: official, campaignId: campaign, billId: null, stance: 'maybe', statedOn: '2026-03-01', evidence: '', recordedBy: '' });
    expect(issuesOf(badStance).map((i) => i.path)).toEqual(['stance']);
  });

  it('dates every status change, takes the latest as the status, refuses an unknown status and undoes a change', async () => {
    const { backend, path } = await useBackend();
    const bill = await addBill(backend, {}, 'introduced', '2026-02-01');
    await ok(backend, 'policy.bills.setStatus', { id: bill, status: 'passed_committee', changedOn: '2026-03-20', note: '7–2' });
    // Recorded later, dated before: in the history, but the status stays the later one.
    const late = await ok(backend, 'policy.bills.setStatus', { id: bill, status: 'in_committee', changedOn: '2026-02-15', note: '' });
    expect([late.status, late.statusOn]).toEqual(['passed_committee', '2026-03-20']);
    expect(late.statusHistory.map((h) => [h.changedOn, h.status])).toEqual([
      ['2026-03-20', 'passed_committee'],
      ['2026-02-15', 'in_committee'],
      ['2026-02-01', 'introduced'],
    ]);
    const bad = await fails(backend, 'policy.bills.setStatus', { id: bill, status: 'tabled', changedOn: '2026-04-01', note: '' });
    expect(bad.code).toBe('validation');
    expect(issuesOf(bad)[0]?.path).toBe('status');
    const noDate = await fails(backend, 'policy.bills.setStatus', { id: bill, status: 'enacted', changedOn: '2026-13-01', note: '' });
    expect(issuesOf(noDate).map((i) => i.path)).toEqual(['changedOn']);

    const enacted = await ok(backend, 'policy.bills.setStatus', { id: bill, status: 'enacted', changedOn: '2026-06-01', note: 'Signed' });
    expect(enacted.status).toBe('enacted');
    const batch = changeLog(path).at(-1)?.batch;
    expect(changeLog(path).filter((r) => r.batch === batch).map((r) => `${r.entity}:${r.action}`)).toEqual(['bill_status_changes:create', 'bills:update']);
    await ok(backend, 'history.undo', {});
    const back = await ok(backend, 'policy.bills.get', { id: bill });
    expect([back.status, back.statusHistory.length]).toEqual(['passed_committee', 3]);
    // Deleting the latest change falls back to the one before; the last one cannot go.
    const afterDelete = await ok(backend, 'policy.bills.deleteStatus', { id: back.statusHistory[0]?.id as string });
    expect(afterDelete.status).toBe('in_committee');
  });

  it('keeps sponsors, hearings, allocations and campaigns with the bill, and lists bills by filter', async () => {
    const { backend } = await useBackend();
    const sponsor = await addOfficial(backend);
    const co = await addOfficial(backend, { name: 'Kim Ha' });
    const campaign = await addCampaign(backend);
    const committee = await ok(backend, 'policy.committees.create', { name: 'Health', bodyId: null, description: '' });
    const created = await ok(backend, 'policy.bills.create', {
      bill: billInput({
        committeeId: committee.id,
        sponsors: [{ officialId: sponsor, role: 'primary' }, { officialId: co, role: 'co' }],
        hearings: [{ heldOn: '2026-03-10', committeeId: committee.id, note: 'First hearing' }],
        allocations: [{ amount: 2_500_000, currency: 'usd', program: 'Mobile crisis', fiscalYear: '2026-27', note: '' }],
        campaignIds: [campaign],
      }),
      status: 'in_committee',
      changedOn: '2026-03-01',
      note: '',
    });
    expect(created.sponsors.map((s) => [s.name, s.role])).toEqual([['Ana Lúcia Ferreira', 'primary'], ['Kim Ha', 'co']]);
    expect(created.hearings.map((h) => [h.heldOn, h.committeeName])).toEqual([['2026-03-10', 'Health']]);
    expect(created.allocations.map((a) => [a.amount, a.currency])).toEqual([[2_500_000, 'USD']]);
    expect(created.campaigns.map((c) => c.name)).toEqual(['Crisis care for every county']);
    expect((await ok(backend, 'policy.campaignTargets.get', { campaignId: campaign })).bills.map((b) => b.identifier)).toEqual(['AB 123']);

    const twoPrimaries = await fails(backend, 'policy.bills.update', { id: created.id, bill: billInput({ sponsors: [{ officialId: sponsor, role: 'primary' }, { officialId: co, role: 'primary' }] }) });
    expect(issuesOf(twoPrimaries)[0]?.message).toBe('A bill has at most one primary sponsor.');
    const badCurrency = await fails(backend, 'policy.bills.update', { id: created.id, bill: billInput({ allocations: [{ amount: 5, currency: 'dollars', program: '', fiscalYear: '', note: '' }] }) });
    expect(issuesOf(badCurrency).map((i) => i.path)).toEqual(['bill.allocations.0.currency']);

    const kept = created.allocations[0]?.id as string;
    const edited = await ok(backend, 'policy.bills.update', {
      id: created.id,
      bill: billInput({ committeeId: committee.id, position: 'support_if_amended', allocations: [{ id: kept, amount: 3_000_000, currency: 'USD', program: 'Mobile crisis', fiscalYear: '2026-27', note: 'Raised' }] }),
    });
    expect(edited.allocations.map((a) => [a.id === kept, a.amount])).toEqual([[true, 3_000_000]]);
    expect([edited.sponsors.length, edited.hearings.length, edited.campaigns.length, edited.position]).toEqual([0, 0, 0, 'support_if_amended']);

    await addBill(backend, { identifier: 'SB 9', title: 'Housing First', level: 'national', position: 'oppose' }, 'dead', '2026-05-01');
    const list = async (filters: object) => (await ok(backend, 'policy.bills.list', { filters: { search: '', status: null, position: null, level: null, ...filters }, offset: 0, limit: 10 })).rows.map((b) => b.identifier);
    expect(await list({})).toEqual(['SB 9', 'AB 123']);
    expect(await list({ status: 'in_committee' })).toEqual(['AB 123']);
    expect(await list({ position: 'oppose' })).toEqual(['SB 9']);
    expect(await list({ level: 'state' })).toEqual(['AB 123']);
    expect(await list({ search: 'housing' })).toEqual(['SB 9']);
  });

  it('scores each official on the bills they acted on against the coalition position, and exports it as CSV and Excel', async () => {
    const { backend } = await useBackend();
    const yes = await addOfficial(backend, { name: '=HYPERLINK("x")' });
    const no = await addOfficial(backend, { name: 'Kim Ha' });
    const support = await addBill(backend, { sponsors: [{ officialId: yes, role: 'primary' }] });
    const oppose = await addBill(backend, { identifier: 'SB 9', title: 'Cuts', position: 'oppose' });
    await ok(backend, 'policy.actions.record', { officialId: yes, billId: support, action: 'voted_yes', actedOn: '2026-05-01', note: '' });
    await ok(backend, 'policy.actions.record', { officialId: no, billId: support, action: 'voted_no', actedOn: '2026-05-01', note: '' });
    await ok(backend, 'policy.actions.record', { officialId: no, billId: oppose, action: 'voted_no', actedOn: '2026-05-02', note: '' });
    await ok(backend, 'policy.actions.record', { officialId: yes, billId: oppose, action: 'absent', actedOn: '2026-05-02', note: '' });
    await ok(backend, 'policy.stances.record', { officialId: no, campaignId: null, billId: support, stance: 'leaning_no', statedOn: '2026-04-01', evidence: '', recordedBy: '' });

    const rows = await ok(backend, 'policy.scorecard', { officialId: null });
    expect(rows.map((r) => [r.officialName, r.identifier, r.sponsor, r.stance, r.actions.map((a) => a.action).join(','), r.aligned])).toEqual([
      ['=HYPERLINK("x")', 'AB 123', 'primary', null, 'voted_yes', true],
      ['=HYPERLINK("x")', 'SB 9', null, null, 'absent', null],
      ['Kim Ha', 'AB 123', null, 'leaning_no', 'voted_no', false],
      ['Kim Ha', 'SB 9', null, null, 'voted_no', true],
    ]);
    expect((await ok(backend, 'policy.scorecard', { officialId: no })).length).toBe(2);

    const csv = await ok(backend, 'policy.scorecard.export', { officialId: null, format: 'csv' });
    expect(csv.fileName).toMatch(/^scorecard-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rows).toBe(4);
    const lines = csv.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Official,Bill,Title,Status,Coalition position,Stance,Stance date,Sponsor,Actions,With the coalition');
    // The directory's formula neutralization: a name starting with = is written as text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines).toContain('Kim Ha,AB 123,Community Mental Health Access Act,Introduced,Support,Leaning no,2026-04-01,,Voted no 2026-05-01,No');

    const xlsx = await ok(backend, 'policy.scorecard.export', { officialId: no, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Scorecard');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(2).getCell(1).value).toBe('Kim Ha');
    expect(sheet?.getRow(2).getCell(7).value).toBeInstanceOf(Date);
  });
});
