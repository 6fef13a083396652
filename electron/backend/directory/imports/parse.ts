import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '@shared/errors';
import { MAX_IMPORT_BYTES } from '@shared/directory/imports';

// Reading an import file: base64 → bytes → (XLSX | text → CSV) → a header row and data rows of
// strings. Every way a file can be unreadable is a validation error that says what is wrong and
// what to do, and nothing is staged.

/** The most columns a file may have (the mapping holds one entry per column). */
export const MAX_IMPORT_COLUMNS = 500;

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  sheet: string | null;
  headers: string[];
  /** Data rows (blank rows left out); each as many cells as the file has (may differ from the header). */
  rows: string[][];
  /** The spreadsheet row number of each data row (the header is row 1 of a CSV). */
  rowNumbers: number[];
  notes: string[];
}

/** A file-level problem: a validation error on the `content` field, so the import screen can show it. */
function unreadable(message: string): AppError {
  return new AppError('validation', message, { issues: [{ path: 'content', message }] });
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** Decodes strict base64 (what FileReader / btoa produce); whitespace is allowed, anything else is not. */
export function decodeBase64(content: string): Buffer {
  const compact = /\s/.test(content) ? content.replace(/\s+/g, '') : content;
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw unreadable('The file could not be read: its content did not arrive intact (it is not valid base64). Choose the file again.');
  }
  return Buffer.from(compact, 'base64');
}

export async function parseImportFile(content: string): Promise<ParsedFile> {
  const bytes = decodeBase64(content);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw unreadable(`The file is ${megabytes(bytes.length)}; an import takes at most ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`);
  }
  if (bytes.length === 0) throw unreadable('The file is empty: there is nothing to import.');
  const parsed = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  return finish(parsed);
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ---------------------------------------------------------------------------------------------
// Text

const NOT_A_TABLE = 'This does not look like a CSV or Excel file: its content is binary. Choose a .csv file (saved as “CSV UTF-8”) or an .xlsx workbook.';

/** Bytes → text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeText(bytes: Buffer, notes: string[]): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    notes.push('Read as UTF-16 text.');
    return bytes.subarray(2).toString('utf16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    notes.push('Read as UTF-16 text.');
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw unreadable(NOT_A_TABLE);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8(body);
    let line = 1;
    for (let i = body.indexOf(0x0a); i !== -1 && i < offset; i = body.indexOf(0x0a, i + 1)) line += 1;
    throw unreadable(
      `The file is not UTF-8 text: line ${line} has a character in another encoding (often an accent saved as Windows-1252 / Latin-1). In Excel, save it as “CSV UTF-8 (Comma delimited)” and import that file.`,
    );
  }
}

/** NUL bytes anywhere, or many control characters near the start: not a text table. */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) control += 1;
  }
  return control > Math.max(2, sample.length / 100);
}

/** The offset of the first byte that breaks UTF-8 (only called once decoding failed). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

interface Table {
  format: 'csv' | 'xlsx';
  sheet: string | null;
  /** Every row as read, with its spreadsheet row number; blank rows already left out. */
  records: { cells: string[]; row: number }[];
  notes: string[];
}

function readCsv(bytes: Buffer): Table {
  const notes: string[] = [];
  const text = decodeText(bytes, notes);
  if (text.trim() === '') throw unreadable('The file is empty: there is nothing to import.');
  // Rows are kept as papaparse reads them, blank ones too, so each keeps its row number as a
  // spreadsheet would show it; blank rows are then left out.
  const delimiter = guessDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    throw unreadable(`Row ${row} opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Fix the quotes in that row and try again.`);
  }
  if (delimiter === ';') notes.push('Columns are separated by semicolons.');
  else if (delimiter === '\t') notes.push('Columns are separated by tabs.');
  const records: Table['records'] = [];
  result.data.forEach((cells, index) => {
    if (!isBlank(cells)) records.push({ cells, row: index + 1 });
  });
  return { format: 'csv', sheet: null, records, notes };
}

/**
 * Comma, semicolon or tab: the one that splits the header into several cells and the most of the
 * first rows into as many (papaparse's own guess gives up on short files). Comma when none does.
 */
function guessDelimiter(text: string): string {
  const cut = text.length > 64 * 1024 ? text.slice(0, text.lastIndexOf('\n', 64 * 1024) + 1 || 64 * 1024) : text;
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of [',', ';', '\t']) {
    const rows = Papa.parse<string[]>(cut, { delimiter, skipEmptyLines: 'greedy', preview: 50 }).data;
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const score = rows.filter((row) => row.length === width).length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Excel

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      'This Excel file could not be read: it may be damaged, password-protected or not an .xlsx workbook. Open it in Excel and save it again (or save it as “CSV UTF-8”), then import that file.',
    );
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw unreadable('The workbook is empty: none of its sheets has any rows.');
  const notes: string[] = [];
  if (sheets.length > 1) notes.push(`Read the sheet “${sheet.name}”; the other ${sheets.length - 1 === 1 ? 'sheet was' : `${sheets.length - 1} sheets were`} ignored.`);
  const records: Table['records'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = cellText(cell.value);
    });
    if (!isBlank(cells)) records.push({ cells, row: rowNumber });
  });
  return { format: 'xlsx', sheet: sheet.name, records, notes };
}

/** A cell as text: dates as YYYY-MM-DD (with the time when there is one), formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null));
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('error' in value) return '';
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Header and rows

function finish(table: Table): ParsedFile {
  const [header, ...data] = table.records;
  if (!header) throw unreadable('The file is empty: there is nothing to import.');
  if (data.length === 0) throw unreadable('The file has a header row but no data rows: there is nothing to import.');
  // Columns without a header and without a value in any row (trailing separators) are left out.
  let width = header.cells.length;
  while (width > 0 && (header.cells[width - 1] ?? '').trim() === '' && data.every((r) => (r.cells[width - 1] ?? '').trim() === '')) width -= 1;
  if (width > MAX_IMPORT_COLUMNS) {
    throw unreadable(`The file has ${width.toLocaleString('en')} columns; an import reads at most ${MAX_IMPORT_COLUMNS}. Remove the columns you do not need and try again.`);
  }
  const headers = Array.from({ length: width }, (_, i) => {
    const text = (header.cells[i] ?? '').replace(/^\uFEFF/, '').trim();
    return text === '' ? `Column ${i + 1}` : text;
  });
  return {
    format: table.format,
    sheet: table.sheet,
    headers,
    rows: data.map((r) => r.cells),
    rowNumbers: data.map((r) => r.row),
    notes: table.notes,
  };
}
