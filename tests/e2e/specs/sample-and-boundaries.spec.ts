import { request } from 'node:http';
import { expect, test } from '@playwright/test';
import { area } from '../support/app';
import { useHarness } from '../support/harness';

const harness = useHarness();

test('exploring the sample coalition shows its adopted charter, and the coordinator can leave it', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore sample coalition' }).click();
  await expect(page.getByText(/exploring the sample coalition/i)).toBeVisible();
  // The app opens on Home; the charter is in the sidebar.
  await area(page, 'Charter').click();
  await page.getByRole('link', { name: 'Versions' }).first().click();
  await expect(page.getByText('Adopted at the founding assembly.')).toBeVisible();
  await expect(page.getByText('Amended by the steering committee after the annual retreat.')).toBeVisible();

  await page.getByRole('button', { name: 'Start your own coalition' }).click();
  await expect(page.getByRole('button', { name: 'Start a new coalition' })).toBeVisible();
});

// Every area of the mission is built now: an address with no screen says so honestly.
test('an address with no screen says so honestly', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore sample coalition' }).click();
  await area(page, 'Advocacy').click();
  await page.goto(`${harness.url}#/advocacy/no-such-screen`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('the page runs under the strict content security policy', async ({ request: http }) => {
  const response = await http.get(harness.url);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
});

test('malformed RPC payloads get clear errors and change nothing', async ({ request: http }) => {
  const rpc = async (body: string): Promise<unknown> =>
    (await http.post(`${harness.url}rpc`, { data: body, headers: { 'Content-Type': 'application/json' } })).json() as Promise<unknown>;
  const before = await rpc(JSON.stringify({ method: 'history.list', input: {} }));

  const notJson = await rpc('{"method": ');
  expect(notJson).toMatchObject({ ok: false, error: { code: 'validation' } });

  const unknown = await rpc(JSON.stringify({ method: 'charter.dropTables', input: {} }));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Unknown method') } });

  const badDraft = await rpc(JSON.stringify({ method: 'charter.saveDraft', input: { mission: 'x'.repeat(6000), vision: '', values: [], goals: [] } }));
  expect(badDraft).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('Mission') } });
  expect(JSON.stringify(badDraft)).not.toContain('    at ');

  const badDate = await rpc(JSON.stringify({ method: 'profile.save', input: { name: 'X', shortName: '', region: '', foundedOn: '03/12/2025' } }));
  expect(badDate).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'foundedOn' }] } } });

  const after = await rpc(JSON.stringify({ method: 'history.list', input: {} }));
  expect(after).toEqual(before);
});

test('the harness answers only under its own loopback host name', async () => {
  const url = new URL(harness.url);
  // A page on another site (DNS rebinding) would send its own Host header: refused.
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/rpc', method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ method: 'workspace.info', input: {} }));
  });
  expect(status).toBe(403);
});
