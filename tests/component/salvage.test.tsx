import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok, withSqlite } from '../support/backend';
import { organizationInput } from '../support/samples';
import { renderApp, startWithCoalition } from './renderApp';

test('exporting what can still be read says how many rows of which table were left out', async () => {
  const { bridge, host, dir } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
  await host.handle({ kind: 'shutdown', id: 0 });
  // 3,000 more organizations (copies of that one), then one leaf page of theirs in the middle zeroed.
  const path = join(dir, 'default.coalition');
  const leaf = withSqlite(path, (db) => {
    const columns = (db.prepare('select name from pragma_table_info(?)').all('organizations') as { name: string }[]).map((c) => c.name);
    const copied = columns.map((c) => (c === 'id' ? "printf('org-copy-%d', n)" : c === 'name' ? "name || ' ' || n" : c)).join(', ');
    db.exec(
      `insert into organizations (${columns.join(', ')})
       with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 3000)
       select ${copied} from organizations, seq`,
    );
    const leaves = db.prepare("select pageno, ncell from dbstat where name = 'organizations' and pagetype = 'leaf' order by path").all() as {
      pageno: number;
      ncell: number;
    }[];
    return leaves[Math.floor(leaves.length / 2)];
  });
  if (!leaf) throw new Error('no leaf page');
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  bytes.fill(0, (leaf.pageno - 1) * pageSize, leaf.pageno * pageSize);
  writeFileSync(path, bytes);
  await expect(host.start()).rejects.toMatchObject({ code: 'workspace' });

  const { user } = renderApp();
  await user.click(await screen.findByRole('button', { name: 'Export what can still be read' }));
  expect(await screen.findByText(/Exported to the folder “default salvaged \d{8}T\d{9}Z”/)).toBeInTheDocument();
  expect(screen.getByText(`${(3001 - leaf.ncell).toLocaleString('en')} organizations`, { exact: false })).toBeInTheDocument();
  expect(screen.getByText(`Some rows could not be read and were left out in: organizations (up to ${leaf.ncell} rows).`)).toBeInTheDocument();
  expect(leaf.ncell).toBeLessThan(500);
  expect(readFileSync(path).equals(bytes)).toBe(true);
});
