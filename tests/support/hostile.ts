import { z } from 'zod';

// Hostile inputs derived from a method's zod input schema and one valid input: the schema says
// which fields exist and what they hold, so a method or field added to the contract is covered
// without anyone writing new cases. A zod type this walker does not know makes it throw, so the
// test fails instead of silently skipping a field.

export interface HostileCase {
  /** What is wrong, for the test output. */
  label: string;
  /** The whole input to send. */
  input: unknown;
  /** The dotted path of the field at fault, as the backend reports it ('' for the input itself). */
  path: string;
  /** Text the error message must contain to name what is at fault ('' when the input itself is). */
  names: string;
}

export const FIVE_MB_TEXT = 'x'.repeat(5 * 1024 * 1024);
const REMOVE = Symbol('remove');
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

type Path = (string | number)[];
type Emit = (path: Path, label: string, value: unknown, names?: string) => void;

/** Hostile variants of `valid` for `schema`: the input itself malformed, then each field in turn. */
export function hostileInputs(schema: z.ZodType, valid: unknown): HostileCase[] {
  const cases: HostileCase[] = [];
  const emit: Emit = (path, label, value, names) => {
    const at = path.join('.');
    cases.push({ label: at ? `${at}: ${label}` : `input: ${label}`, input: setAt(valid, path, value), path: at, names: names ?? at });
  };
  walk(schema, valid, [], emit);
  return cases;
}

function walk(schema: z.ZodType, sample: unknown, path: Path, emit: Emit): void {
  let node = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodPrefault) {
      optional = true;
      node = node.def.innerType as z.ZodType;
    } else if (node instanceof z.ZodNullable) {
      nullable = true;
      node = node.def.innerType as z.ZodType;
    } else if (node instanceof z.ZodPipe && node.def.out instanceof z.ZodTransform) {
      // `.transform(...)`: what the caller sends is checked by the input side.
      node = node.def.in as z.ZodType;
    } else if (node instanceof z.ZodPipe && node.def.in instanceof z.ZodTransform) {
      // `z.preprocess(...)`: the value is reshaped first, so only the checks after it are known.
      node = node.def.out as z.ZodType;
    } else if (node instanceof z.ZodReadonly) {
      node = node.def.innerType as z.ZodType;
    } else break;
  }
  const root = path.length === 0;
  if (!nullable) emit(path, 'null', null);
  if (!optional && !root) emit(path, 'missing', REMOVE);

  if (node instanceof z.ZodObject) {
    emit(path, 'a string instead of an object', 'an object was expected');
    emit(path, 'an array instead of an object', []);
    emit(path, 'a number instead of an object', 42);
    if (isRecord(sample)) {
      emit(path, 'an unknown extra field', { ...sample, unexpectedField: true }, 'unexpectedField');
      for (const [key, field] of Object.entries<z.ZodType>(node.shape)) walk(field, sample[key], [...path, key], emit);
    }
    return;
  }
  if (node instanceof z.ZodRecord) {
    // Keyed values (custom fields by id): malformed as a whole, then the first entry's value.
    emit(path, 'a string instead of an object', 'an object was expected');
    emit(path, 'an array instead of an object', []);
    if (isRecord(sample)) {
      const [key] = Object.keys(sample);
      // Optional: leaving a key out is always allowed.
      if (key !== undefined) walk((node.def.valueType as z.ZodType).optional(), sample[key], [...path, key], emit);
    }
    return;
  }
  if (node instanceof z.ZodArray) {
    emit(path, 'a string instead of a list', 'a list was expected');
    emit(path, 'an object instead of a list', {});
    const max = maxLength(node);
    if (Array.isArray(sample) && sample.length > 0) {
      if (max !== null) emit(path, `${max + 1} items (limit ${max})`, new Array<unknown>(max + 1).fill(sample[0]));
      walk(node.element as z.ZodType, sample[0], [...path, 0], emit);
    }
    return;
  }
  if (node instanceof z.ZodString || node instanceof z.ZodStringFormat) {
    emit(path, 'a number instead of text', 42);
    emit(path, 'a boolean instead of text', true);
    emit(path, 'a 5 MB string', FIVE_MB_TEXT);
    const max = node instanceof z.ZodString ? node.maxLength : null;
    if (max !== null && max < FIVE_MB_TEXT.length) emit(path, `${max + 1} characters (limit ${max})`, 'y'.repeat(max + 1));
    const format = node instanceof z.ZodStringFormat ? String(node.def.format) : null;
    if (format === 'date') {
      for (const date of ['2026-13-45', '12/03/2026', '2026-02-30', '2026-1-5', '2026-03-01T10:00:00Z']) emit(path, `the date ${date}`, date);
    }
    if (format === 'uuid') emit(path, 'a malformed id', 'not-a-uuid');
    return;
  }
  if (node instanceof z.ZodNumber) {
    for (const [label, value] of numberCases(node)) emit(path, label, value);
    return;
  }
  if (node instanceof z.ZodBoolean) {
    emit(path, 'text instead of a boolean', 'yes');
    return;
  }
  if (node instanceof z.ZodEnum) {
    emit(path, 'a value outside the choices', 'not-a-choice');
    emit(path, 'a number instead of a choice', 0);
    return;
  }
  if (node instanceof z.ZodDiscriminatedUnion) {
    // Malformed as a whole, a discriminator matching no option, then the fields of the option the sample uses.
    const key = node.def.discriminator;
    emit(path, 'a string instead of an object', 'an object was expected');
    emit(path, 'an array instead of an object', []);
    emit(path, 'a number instead of an object', 42);
    if (isRecord(sample)) {
      emit([...path, key], 'a value matching no option', 'not-an-option');
      emit([...path, key], 'missing', REMOVE);
      const option = (node.options as z.ZodType[]).find((candidate) => candidate.safeParse(sample).success);
      if (!option) throw new Error(`hostileInputs: the sample at "${path.join('.')}" matches no option of the union.`);
      walkFields(option, sample, path, emit, new Set([key]));
    }
    return;
  }
  if (node instanceof z.ZodIntersection) {
    // Both sides read the same value: each side's fields in turn.
    walk(node.def.left as z.ZodType, sample, path, emit);
    walk(node.def.right as z.ZodType, sample, path, emit);
    return;
  }
  if (node instanceof z.ZodLiteral) {
    emit(path, 'another value', 'not-the-expected-value');
    return;
  }
  if (node instanceof z.ZodUnion) {
    // Non-finite numbers are wrong for any union; the other candidates count only when no option takes them.
    for (const value of [NaN, Infinity, -Infinity]) emit(path, String(value), value);
    const candidates: [string, unknown][] = [
      ['text matching no option', 'not-an-option'],
      ['0', 0],
      ['-1', -1],
      ['1.5', 1.5],
      ['an object', {}],
      ['a list', []],
      ['a boolean', true],
    ];
    for (const [label, value] of candidates) if (!node.safeParse(value).success) emit(path, label, value);
    return;
  }
  if (node instanceof z.ZodUnknown || node instanceof z.ZodAny) return;
  throw new Error(`hostileInputs has no rule for the zod type "${node.def.type}" at "${path.join('.')}": teach it one.`);
}

/** The fields of an object option (skipping `skip`, e.g. a union's discriminator, covered already). */
function walkFields(option: z.ZodType, sample: Record<string, unknown>, path: Path, emit: Emit, skip: Set<string>): void {
  if (!(option instanceof z.ZodObject)) throw new Error(`hostileInputs: a union option at "${path.join('.')}" is not an object.`);
  emit(path, 'an unknown extra field', { ...sample, unexpectedField: true }, 'unexpectedField');
  for (const [key, field] of Object.entries<z.ZodType>(option.shape)) if (!skip.has(key)) walk(field, sample[key], [...path, key], emit);
}

function numberCases(node: z.ZodNumber): [string, unknown][] {
  const cases: [string, unknown][] = [
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a numeric string', '1'],
  ];
  if (node.isInt) cases.push(['a fraction where a whole number is expected', 1.5]);
  const { minValue, maxValue } = node;
  if (minValue !== null && minValue > -MAX_SAFE) cases.push([`below the minimum (${minValue})`, minValue - 1]);
  if (maxValue !== null && maxValue < MAX_SAFE) cases.push([`above the maximum (${maxValue})`, maxValue + 1]);
  return cases;
}

function maxLength(node: z.ZodArray): number | null {
  for (const check of node.def.checks ?? []) {
    const def = check._zod.def as { check: string; maximum?: unknown };
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setAt(valid: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(valid);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, unknown>;
  if (value === REMOVE) delete container[last];
  else container[last] = value;
  return copy;
}
