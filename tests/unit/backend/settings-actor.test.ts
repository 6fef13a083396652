import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osUserName } from '../../../electron/backend/backend';
import { fails, issuesOf, ok } from '../../support/backend';
import { useHost } from '../../support/host';
import { organizationInput } from '../../support/samples';

// The name changes are recorded under (History: who) is a setting of the computer, kept by the
// host next to the workspaces: chosen once, it applies to the open workspace at once, to every
// workspace opened later and after a restart; cleared, the computer's user name is back.

async function lastActor(h: Awaited<ReturnType<typeof useHost>>): Promise<string> {
  const { batches } = await ok(h, 'history.batches', { limit: 1 });
  return batches[0]?.actor ?? '';
}

describe('who changes are recorded as', () => {
  it('is the computer’s user name until the coordinator chooses a name, which applies at once, to every workspace, after a restart', async () => {
    const h = await useHost();
    const system = osUserName();
    expect(await ok(h, 'settings.actor', {})).toEqual({ name: system, fromSystem: system, chosen: false });
    await ok(h, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
    expect(await lastActor(h)).toBe(system);

    expect(await ok(h, 'settings.setActor', { name: '  Dana Whitfield ' })).toEqual({ name: 'Dana Whitfield', fromSystem: system, chosen: true });
    await ok(h, 'organizations.create', organizationInput({ name: 'Eastside Tenants Union' }));
    expect(await lastActor(h)).toBe('Dana Whitfield');
    expect(JSON.parse(readFileSync(join(h.dir, 'settings.json'), 'utf8'))).toEqual({ actorName: 'Dana Whitfield' });

    // Another workspace (the sample) and a restart keep the name.
    await ok(h, 'workspace.openSample', {});
    await ok(h, 'organizations.create', organizationInput({ name: 'Sample Partner' }));
    expect(await lastActor(h)).toBe('Dana Whitfield');
    await h.send({ kind: 'shutdown' });
    await h.host.start();
    await ok(h, 'organizations.create', organizationInput({ name: 'Northside Food Bank' }));
    expect(await lastActor(h)).toBe('Dana Whitfield');

    // Empty: back to the computer's user name.
    expect(await ok(h, 'settings.setActor', { name: '' })).toEqual({ name: system, fromSystem: system, chosen: false });
    await ok(h, 'organizations.create', organizationInput({ name: 'Westside Clinic' }));
    expect(await lastActor(h)).toBe(system);
  });

  it('refuses a name that is too long or has control characters, and keeps the one it had', async () => {
    const h = await useHost();
    await ok(h, 'settings.setActor', { name: 'Dana Whitfield' });
    for (const [name, message] of [
      ['x'.repeat(101), 'Your name must be at most 100 characters.'],
      ['Dana\u0000Whitfield', /Your name contains a control character/],
    ] as const) {
      const error = await fails(h, 'settings.setActor', { name });
      expect(error.code).toBe('validation');
      expect(issuesOf(error).map((i) => i.message).join(' ')).toMatch(message);
    }
    expect((await ok(h, 'settings.actor', {})).name).toBe('Dana Whitfield');
  });

  it('an unreadable settings file counts as no choice, and is replaced by the next one', async () => {
    const h = await useHost();
    writeFileSync(join(h.dir, 'settings.json'), '{ not json');
    expect((await ok(h, 'settings.actor', {})).chosen).toBe(false);
    expect((await ok(h, 'settings.setActor', { name: 'Dana Whitfield' })).chosen).toBe(true);
    expect(JSON.parse(readFileSync(join(h.dir, 'settings.json'), 'utf8'))).toEqual({ actorName: 'Dana Whitfield' });
  });
});
