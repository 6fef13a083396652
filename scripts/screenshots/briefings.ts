import { execFileSync } from 'node:child_process';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { IN_PAGE_CALL, type Shot } from './areas';

// Briefing packets: Reports ▸ Briefing packets with a campaign's targets made into one ZIP, then
// the packet of the sample official with the most on record as page images (packet-1.png …),
// made by the same RPC as the official page's button and drawn by poppler's pdftoppm.

/** The sample coalition's "today". */
const TODAY = '2026-11-01';

export async function briefingsShots(s: Shot): Promise<void> {
  const { page, url, out, dataDir } = s;
  await page.goto(`${url}#/reports/packets`);
  await page.getByText("A campaign's target officials").click();
  const campaign = await page.evaluate<string>(`(async () => {
    ${IN_PAGE_CALL}
    let best = null;
    for (const c of await call('campaigns.list', {})) {
      const scope = await call('briefings.scope', { scope: { kind: 'campaign', campaignId: c.id } });
      if (!best || scope.officials.length > best.count) best = { name: c.name, count: scope.officials.length };
    }
    return best ? best.name : '';
  })()`);
  await page.getByRole('combobox', { name: /^Campaign/ }).click();
  await page.getByRole('option', { name: campaign, exact: true }).click();
  await page.getByRole('button', { name: /^Make \d+ packets?$/ }).click();
  await page.getByRole('button', { name: 'Save ZIP' }).waitFor({ timeout: 120_000 });
  // The batch's progress and Save at the foot of the page.
  await page.getByRole('button', { name: 'Save ZIP' }).scrollIntoViewIfNeeded();
  await s.shot('briefing-packets');

  const content = await page.evaluate<string>(`(async () => {
    ${IN_PAGE_CALL}
    const officials = (await call('policy.officials.list', { offset: 0, limit: 200 })).rows;
    let best = null;
    for (const o of officials) {
      const detail = await call('policy.officials.get', { id: o.id });
      const score = detail.stanceHistory.length + detail.engagements.length + detail.scorecard.length + detail.holders.length;
      if (!best || score > best.score) best = { id: o.id, score };
    }
    return (await call('briefings.packet', { officialId: best.id, day: '${TODAY}', pageSize: 'A4' })).content;
  })()`);
  for (const old of readdirSync(out).filter((f) => /^packet-\d+\.png$/.test(f))) unlinkSync(`${out}/${old}`);
  const pdf = `${dataDir}/packet.pdf`;
  writeFileSync(pdf, Buffer.from(content, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, `${out}/packet`]);
  // pdftoppm numbers pages with as many digits as the last one needs (packet-01.png…): keep packet-1.png.
  for (const file of readdirSync(out).filter((f) => /^packet-0+\d+\.png$/.test(f))) {
    execFileSync('mv', [`${out}/${file}`, `${out}/${file.replace(/-0+(\d)/, '-$1')}`]);
  }
  console.log(`${out}/packet-*.png`);
}
