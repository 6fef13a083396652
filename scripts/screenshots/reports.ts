import { execFileSync } from 'node:child_process';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { IN_PAGE_CALL, type Shot } from './areas';

// Reports: the report editor on the sample's last-quarter impact report, the digest screen, then that report and
// the sample's October digest as PDF page images (report-1.png …, digest-1.png …), made by the
// same RPC as the screens' Export buttons and drawn by poppler's pdftoppm.

/** The sample coalition's "today": the reports are for Q3 and October 2026. */
const TODAY = '2026-11-01';

export async function reportsShots(s: Shot): Promise<void> {
  const { page, url, out, dataDir } = s;
  await page.goto(`${url}#/reports`);
  const list = page.getByRole('table', { name: 'Impact reports' });
  await list.getByRole('link').first().click();
  await page.getByLabel('Headline numbers preview').waitFor();
  await s.shot('reports');
  await page.goto(`${url}#/reports`);
  await page.getByRole('table', { name: 'Update digests' }).getByRole('link').first().click();
  await page.getByLabel('Digest preview').waitFor();
  await s.shot('reports-digest');

  const files = await page.evaluate<{ report: string; digest: string }>(`(async () => {
    ${IN_PAGE_CALL}
    const impact = (await call('reports.list', { kind: 'impact' }))[0];
    const digest = (await call('reports.list', { kind: 'digest' }))[0];
    const report = await call('reports.impactPdf', { id: impact.id, pageSize: 'A4', today: '${TODAY}' });
    const digestPdf = await call('reports.digestExport', { id: digest.id, format: 'pdf', pageSize: 'A4' });
    return { report: report.content, digest: digestPdf.content };
  })()`);
  for (const [name, content] of [['report', files.report], ['digest', files.digest]] as const) {
    for (const old of readdirSync(out).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f))) unlinkSync(`${out}/${old}`);
    const pdf = `${dataDir}/${name}.pdf`;
    writeFileSync(pdf, Buffer.from(content, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, `${out}/${name}`]);
    // pdftoppm numbers pages with as many digits as the last one needs (report-01.png…): keep report-1.png.
    for (const file of readdirSync(out).filter((f) => new RegExp(`^${name}-0+\\d+\\.png$`).test(f))) {
      execFileSync('mv', [`${out}/${file}`, `${out}/${file.replace(/-0+(\d)/, '-$1')}`]);
    }
    console.log(`${out}/${name}-*.png`);
  }
}
