import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, HOST_METHODS, METHODS, SHELL_METHODS } from '@shared/contract';
import { expectNoStack, fails, issuesOf, snapshot, useBackend } from '../../support/backend';
import { hostileInputs } from '../../support/hostile';
import { BACKEND_METHODS, seedWorkspace, VALID_INPUTS, validInput } from '../../support/samples';

// Every input is checked by the contract before any handler runs: malformed input gets a
// validation error that names the field, never an internal error or a stack trace, and the
// workspace is left exactly as it was.

describe('the table of valid inputs', () => {
  it('has an entry for every method the backend answers, and only those', () => {
    const answeredElsewhere = [...HOST_METHODS, ...SHELL_METHODS] as readonly string[];
    const expected = METHODS.filter((m) => !answeredElsewhere.includes(m)).sort();
    expect(Object.keys(VALID_INPUTS).sort()).toEqual(expected);
    expect([...BACKEND_METHODS].sort()).toEqual(expected);
  });

  it.each(BACKEND_METHODS)('%s: the sample input passes the contract', (method) => {
    expect(contract[method].input.safeParse(VALID_INPUTS[method]).error).toBeUndefined();
  });
});

describe('the hostile-input generator', () => {
  it('refuses to skip a field of a kind it does not know', () => {
    expect(() => hostileInputs(z.strictObject({ when: z.date() }), { when: new Date() })).toThrow(/no rule for the zod type "date" at "when"/);
  });
});

describe.each(BACKEND_METHODS)('%s with hostile input', (method) => {
  it('answers each case with a validation error naming the field and leaves the workspace unchanged', async () => {
    const { backend, path } = await useBackend();
    const valid = validInput(method, await seedWorkspace(backend));
    const before = snapshot(path);
    const cases = hostileInputs(contract[method].input, valid);
    // The input itself as null, text, a number, an array and an object with an extra field, at least.
    expect(cases.length).toBeGreaterThanOrEqual(5);

    for (const hostile of cases) {
      const result = await backend.call(method, hostile.input);
      expect.soft(result.ok, `${hostile.label} was accepted`).toBe(false);
      if (result.ok) continue;
      const { error } = result;
      expect.soft(error.code, `${hostile.label}: ${error.message}`).toBe('validation');
      expect.soft(issuesOf(error).map((i) => i.path), hostile.label).toContain(hostile.path);
      if (hostile.names) expect.soft(error.message, hostile.label).toContain(hostile.names);
      expect.soft(error.message.length, `${hostile.label}: the message echoes the input`).toBeLessThan(1_000);
      expectNoStack(error);
    }

    expect(snapshot(path)).toEqual(before);
    // The workspace still answers the valid input afterwards.
    expect((await backend.call(method, valid)).ok).toBe(true);
  });
});

describe('unknown and misplaced method names', () => {
  const names = ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'charter', 'charter.', 'CHARTER.GETDRAFT', '', 'x'.repeat(100_000)];

  it.each(names.map((n) => [n.length > 40 ? `${n.slice(0, 10)}… (${n.length} characters)` : JSON.stringify(n), n] as const))(
    '%s is a validation error, not a crash',
    async (_label, name) => {
      const { backend, path } = await useBackend();
      await seedWorkspace(backend);
      const before = snapshot(path);
      const error = await fails(backend, name, {});
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/^Unknown method: /);
      expect(error.message.length).toBeLessThan(200);
      expectNoStack(error);
      expect(snapshot(path)).toEqual(before);
    },
  );

  it.each([...HOST_METHODS, ...SHELL_METHODS])('%s is not answered by the workspace backend', async (method) => {
    const { backend } = await useBackend();
    const error = await fails(backend, method, {});
    expect(error).toMatchObject({ code: 'validation', message: `${method} is not answered by the workspace backend.` });
  });

  it('a method name that is not a string is a validation error', async () => {
    const { backend } = await useBackend();
    const names: unknown[] = [null, undefined, 42, {}, ['charter.getDraft']];
    for (const name of names) {
      const error = await fails(backend, name as string, {});
      expect(error.code).toBe('validation');
      expectNoStack(error);
    }
  });
});

describe('inputs that are absent', () => {
  it.each(BACKEND_METHODS.filter((m) => contract[m].input.safeParse({}).success))(
    '%s takes an absent input as an empty object',
    async (method) => {
      const { backend } = await useBackend();
      await seedWorkspace(backend);
      expect((await backend.call(method, undefined)).ok).toBe(true);
    },
  );
});
