import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, METHODS } from '@shared/contract';
import { longText, MAX_FILTER_VALUES, text } from '@shared/common';
import { email, website } from '@shared/directory/fields';
import { fails, ok, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/samples';

// What text the workspace accepts, and what the renderer may never send: the rules behind the
// fuzz test's properties, stated case by case.

describe('single-line text', () => {
  const name = text(200, 'Name', 1);

  it('turns tabs and line breaks into spaces (a pasted or imported multi-line value)', () => {
    expect(name.parse('12 Clinic Road\r\nSuite 4')).toBe('12 Clinic Road Suite 4');
    expect(name.parse('\tEastside\t')).toBe('Eastside');
  });

  it('keeps accents, emoji and right-to-left text', () => {
    for (const value of ['São Paulo', 'Zoë 😀 Ça va', 'مركز صحي', 'Ｓａｏ', 'a\u200db']) expect(name.parse(value)).toBe(value);
  });

  it.each([
    ['NUL', 'Ana\u0000Lopez', 'U+0000'],
    ['an escape sequence', 'Ana \u001b[31mLopez', 'U+001B'],
    ['DEL', 'Ana\u007f', 'U+007F'],
    ['a C1 control', 'Ana\u0085Lopez', 'U+0085'],
  ])('refuses %s, naming the field and the character', (_what, value, codePoint) => {
    const issues = name.safeParse(value).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual([`Name contains a control character (${codePoint}); remove it.`]);
  });

  it.each([
    ['a lone high surrogate', 'Ana \ud83d'],
    ['a lone low surrogate', '\ude00 Ana'],
    ['reversed halves', 'Ana \ude00\ud83d'],
  ])('refuses %s (invalid Unicode)', (_what, value) => {
    expect(name.safeParse(value).error?.issues.map((i) => i.message)).toEqual(['Name contains invalid Unicode (half of a character pair); retype or paste it again.']);
  });

  it('still says "required" for whitespace only', () => {
    expect(name.safeParse(' \r\n\t ').error?.issues.map((i) => i.message)).toEqual(['Name is required.']);
  });
});

describe('long text', () => {
  const notes = longText(10_000, 'Notes');

  it('keeps tabs and line breaks', () => {
    expect(notes.parse('Line one\n\tLine two\r\nLine three')).toBe('Line one\n\tLine two\r\nLine three');
  });

  it('refuses other control characters and lone surrogates', () => {
    expect(notes.safeParse('Bell\u0007').error?.issues.map((i) => i.message)).toEqual(['Notes contains a control character (U+0007); remove it.']);
    expect(notes.safeParse('Form feed\u000c').success).toBe(false);
    expect(notes.safeParse('Half \ud800 an emoji').success).toBe(false);
    expect(notes.safeParse('A whole emoji 😀').success).toBe(true);
  });
});

describe('formatted fields', () => {
  it('an email or website with a control character is refused, naming the field', () => {
    expect(email.safeParse('ana\u0007@example.org').error?.issues.map((i) => i.message)).toEqual(['Email contains a control character (U+0007); remove it.']);
    expect(website.safeParse('example.org/\u001b[31m').error?.issues.map((i) => i.message)).toEqual(['Website contains a control character (U+001B); remove it.']);
    expect(email.safeParse('ana@example.org').success).toBe(true);
  });

  it('a saved view’s columns are keys, not free text', async () => {
    const { backend } = await useBackend();
    const view = { name: 'Mine', entity: 'organization', filters: {}, sort: { field: 'name', direction: 'asc' } } as const;
    expect((await backend.call('views.save', { ...view, columns: ['name', 'cf:00000000-0000-4000-8000-000000000001'] })).ok).toBe(true);
    const error = await fails(backend, 'views.save', { ...view, columns: ['name\u0007'] });
    expect(error.message).toBe('Invalid input for views.save: columns.0: A column is named by its key (letters, digits and _ : . - only).');
  });
});

describe('through the backend', () => {
  it('stores a multi-line note as typed, a pasted multi-line address on one line, and refuses a NUL naming the field', async () => {
    const { backend } = await useBackend();
    const created = await ok(backend, 'organizations.create', organizationInput({ notes: 'First line\nSecond line', address: '12 Clinic Road\nSuite 4' }));
    expect(created).toMatchObject({ notes: 'First line\nSecond line', address: '12 Clinic Road Suite 4' });
    const error = await fails(backend, 'organizations.create', organizationInput({ name: 'Harbor\u0000Legal' }));
    expect(error).toMatchObject({ code: 'validation', message: 'Invalid input for organizations.create: name: Organization name contains a control character (U+0000); remove it.' });
  });

  it('cuts a message that quotes a huge value, so the error stays small', async () => {
    const { backend } = await useBackend();
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const error = await fails(backend, 'customFields.save', { entity: 'person', label: 'Languages', kind: 'choice', choices: [huge, huge] });
    expect(error.code).toBe('validation');
    expect(JSON.stringify(error).length).toBeLessThan(5_000);
  });

  it(`refuses a list filter of more than ${MAX_FILTER_VALUES} values with a clear message`, async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'organizations.list', { filters: { tag: new Array<string>(100_000).fill('x') } });
    expect(error.code).toBe('validation');
    expect(error.message).toBe(`Invalid input for organizations.list: filters.tag: A filter takes at most ${MAX_FILTER_VALUES} values.`);
  });
});

/** Every key of every object in a schema (through optionals, arrays, unions, records, pipes). */
function keysOf(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema.def as unknown as Record<string, unknown>;
  const children: z.ZodType[] = [];
  const keys: string[] = [];
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries<z.ZodType>(schema.shape)) {
      keys.push(key);
      children.push(child);
    }
  }
  for (const name of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType']) {
    const child = def[name];
    if (child instanceof z.ZodType) children.push(child);
  }
  if (Array.isArray(def.options)) children.push(...(def.options as z.ZodType[]));
  return [...keys, ...children.flatMap((child) => keysOf(child, seen))];
}

describe('file paths from the renderer', () => {
  // A path the renderer could name would let a compromised page read or overwrite any file the
  // app can: paths come only from native dialogs in the shell (Save, Open, folder picker) or are
  // built by the host inside the workspace's folders (backups are named by id, checked by a regex).
  // These two names are file *names*, never opened as paths: imports.open's fileName is a label
  // for the preview, file.saveAs's suggestedName is the Save dialog's default (no separators).
  // A meeting's location (a room, an address) and video link are text shown to people; the backend never opens them.
  // Text the backend stores and shows, never opens: a place, links to web pages, a jurisdiction's
  // name, a bill's funding allocations.
  const NAMES_NOT_PATHS = new Set(['fileName', 'suggestedName', 'location', 'videoUrl', 'url', 'jurisdiction', 'allocations']);

  it('the key walk sees nested keys (a control for the check below)', () => {
    const nested = z.strictObject({ a: z.array(z.union([z.strictObject({ savePath: z.string() }), z.null()])).optional() });
    expect(keysOf(nested)).toContain('savePath');
  });

  it('no method takes a path, folder or directory as input', () => {
    const offenders = METHODS.flatMap((method) =>
      keysOf(contract[method].input)
        .filter((key) => /path|folder|dir(ectory)?$|^file$|filename|location|url|uri/i.test(key) && !NAMES_NOT_PATHS.has(key))
        .map((key) => `${method}: ${key}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the Save dialog’s suggested name cannot carry a directory', () => {
    const suggested = contract['file.saveAs'].input.shape.suggestedName;
    for (const name of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\win.ini', 'a/b.csv', 'export\u0000.csv', '']) {
      expect(suggested.safeParse(name).success, name).toBe(false);
    }
    expect(suggested.safeParse('partners 2026-03-01.csv').success).toBe(true);
  });
});
