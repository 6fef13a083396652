import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import unzipper from 'unzipper';
import { AppError } from '@shared/errors';
import { IMPORT_PREVIEW_ROWS } from '@shared/directory/imports';

// Reading an import file, streamed from its temporary file: bytes → (XLSX | text → CSV) → a header
// row and data rows of strings, a batch at a time, so a file of any size is read in bounded
// memory. `openImportTable` reads it through once (what the preview shows, and every way the file
// can be unreadable: a validation error that says what is wrong and what to do); `importRows`
// reads its data rows again for the dry run and the import.

/** The most columns a file may have (the mapping holds one entry per column). */
export const MAX_IMPORT_COLUMNS = 500;
/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1024 * 1024;
/** The longest a row may be: a longer one is a quote never closed, or not a table at all. */
const MAX_ROW_CHARS = 8 * 1024 * 1024;
/** Rows of a worksheet handed on at a time. */
const SHEET_BATCH = 1000;
/** The start of the file that decides its encoding, separator and line break, and whether it is binary. */
const HEAD_BYTES = 64 * 1024;

export interface TableRow {
  /** As many cells as the row has in the file (may differ from the header). */
  cells: string[];
  /** The row number as a spreadsheet shows it (the header is row 1 of a CSV). */
  row: number;
}

export interface ImportTable {
  format: 'csv' | 'xlsx';
  sheet: string | null;
  /** XLSX: the position of the sheet read among the workbook's sheets (0 for CSV). */
  sheetIndex: number;
  headers: string[];
  /** Data rows (blank rows left out). */
  rowCount: number;
  /** The first IMPORT_PREVIEW_ROWS data rows, one string per header. */
  preview: string[][];
  notes: string[];
}

export interface ReadOptions {
  /** Bytes read at a time (tests make it tiny to put every boundary everywhere). */
  chunkBytes?: number;
}

/** A file-level problem: a validation error on the file, so the import screen can show it. */
function unreadable(message: string): AppError {
  return new AppError('validation', message, { issues: [{ path: 'importId', message }] });
}

const EMPTY = 'The file is empty: there is nothing to import.';

/** Reads the file through once: its header, row count, first rows and notes, or why it cannot be imported. */
export async function openImportTable(path: string, options: ReadOptions = {}): Promise<ImportTable> {
  const format = isZip(await readHead(path, 4)) ? 'xlsx' : 'csv';
  const found: Found = { notes: [], sheet: null, sheetIndex: 0, sheets: 0 };
  let header: string[] | null = null;
  let width = 0;
  let rowCount = 0;
  const preview: string[][] = [];
  for await (const batch of tableRows(path, format, null, found, options)) {
    for (const { cells } of batch) {
      if (header === null) {
        header = cells;
        width = usedWidth(cells, cells.length);
        continue;
      }
      rowCount += 1;
      if (preview.length < IMPORT_PREVIEW_ROWS) preview.push(cells);
      // Columns without a header and without a value in any row (trailing separators) are left out.
      width = Math.max(width, usedWidth(cells, header.length));
    }
  }
  if (header === null) throw unreadable(format === 'xlsx' ? 'The workbook is empty: none of its sheets has any rows.' : EMPTY);
  if (rowCount === 0) throw unreadable('The file has a header row but no data rows: there is nothing to import.');
  if (width > MAX_IMPORT_COLUMNS) {
    throw unreadable(`The file has ${width.toLocaleString('en')} columns; an import reads at most ${MAX_IMPORT_COLUMNS}. Remove the columns you do not need and try again.`);
  }
  const first = header;
  const headers = Array.from({ length: width }, (_, i) => {
    const text = (first[i] ?? '').replace(/^\uFEFF/, '').trim();
    return text === '' ? `Column ${i + 1}` : text;
  });
  if (format === 'xlsx' && found.sheets > 1) {
    const others = found.sheets - 1;
    found.notes.push(`Read the sheet “${found.sheet}”; the other ${others === 1 ? 'sheet was' : `${others} sheets were`} ignored.`);
  }
  return {
    format,
    sheet: found.sheet,
    sheetIndex: found.sheetIndex,
    headers,
    rowCount,
    preview: preview.map((cells) => Array.from({ length: width }, (_, i) => cells[i] ?? '')),
    notes: found.notes,
  };
}

/** The data rows of a file `openImportTable` read, again, a batch at a time (blank rows left out). */
export async function* importRows(path: string, table: Pick<ImportTable, 'format' | 'sheetIndex'>, options: ReadOptions = {}): AsyncGenerator<TableRow[]> {
  let header = true;
  const found: Found = { notes: [], sheet: null, sheetIndex: 0, sheets: 0 };
  for await (const batch of tableRows(path, table.format, table.sheetIndex, found, options)) {
    if (header && batch.length > 0) {
      header = false;
      yield batch.slice(1);
    } else yield batch;
  }
}

/** What reading a file learns on the way: notes, and for a workbook the sheet read. */
interface Found {
  notes: string[];
  sheet: string | null;
  sheetIndex: number;
  /** How many sheets the workbook has. */
  sheets: number;
}

/** Every non-blank row of the file, the header first. */
function tableRows(path: string, format: 'csv' | 'xlsx', sheetIndex: number | null, found: Found, options: ReadOptions): AsyncGenerator<TableRow[]> {
  return format === 'xlsx' ? xlsxRows(path, sheetIndex, found) : csvRows(path, options.chunkBytes ?? CHUNK_BYTES, found.notes);
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** One past the last of the first `limit` cells that holds something. */
function usedWidth(cells: readonly string[], limit: number): number {
  for (let i = Math.min(limit, cells.length); i > 0; i--) if ((cells[i - 1] ?? '').trim() !== '') return i;
  return 0;
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ---------------------------------------------------------------------------------------------
// Text

const NOT_A_TABLE = 'This does not look like a CSV or Excel file: its content is binary. Choose a .csv file (saved as “CSV UTF-8”) or an .xlsx workbook.';

/**
 * The file's text, a piece at a time: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything
 * else is refused, naming the line of the first byte that is not UTF-8.
 */
async function* textOf(path: string, chunkBytes: number, notes: string[]): AsyncGenerator<string> {
  const head = await readHead(path, HEAD_BYTES);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const bom = utf16 ? 2 : head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (utf16) notes.push('Read as UTF-16 text.');
  else if (looksBinary(head.subarray(bom))) throw unreadable(NOT_A_TABLE);
  const stream = createReadStream(path, { start: bom, highWaterMark: chunkBytes });
  if (utf16) {
    const decoder = new TextDecoder(utf16, { ignoreBOM: true });
    for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
    return;
  }
  // Each piece is decoded whole, cut where a character ends (the rest waits for the next chunk),
  // so a bad byte is found in the piece that holds it and its line can be counted.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  const decode = (piece: Buffer): string => {
    try {
      const text = decoder.decode(piece);
      line += countLines(piece, piece.length);
      return text;
    } catch {
      throw unreadable(
        `The file is not UTF-8 text: line ${line + countLines(piece, firstInvalidUtf8(piece))} has a character in another encoding (often an accent saved as Windows-1252 / Latin-1). In Excel, save it as “CSV UTF-8 (Comma delimited)” and import that file.`,
      );
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (chunk.indexOf(0) !== -1) throw unreadable(NOT_A_TABLE);
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = characterEnd(bytes);
    carry = Buffer.from(bytes.subarray(end));
    yield decode(bytes.subarray(0, end));
  }
  if (carry.length > 0) yield decode(carry);
}

/** Where the last whole UTF-8 character of `bytes` ends (a character cut by the chunk's end waits for the next). */
function characterEnd(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return back < length ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function countLines(bytes: Buffer, before: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < before; i = bytes.indexOf(0x0a, i + 1)) lines += 1;
  return lines;
}

/** NUL bytes, or many control characters near the start: not a text table. */
function looksBinary(sample: Buffer): boolean {
  if (sample.indexOf(0) !== -1) return true;
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

/**
 * The rows of a CSV, a chunk of text at a time. Rows are counted as papaparse reads them, blank
 * ones too, so each keeps its row number as a spreadsheet would show it; blank rows are then left
 * out. The separator and the line break are guessed from the first HEAD_BYTES of text; a row the
 * chunk cuts waits for the next one (papaparse's own streamers do the same with the parser core).
 */
async function* csvRows(path: string, chunkBytes: number, notes: string[]): AsyncGenerator<TableRow[]> {
  let pending = '';
  let parser: Papa.Parser | null = null;
  let records = 0;
  const start = () => {
    const delimiter = guessDelimiter(pending);
    if (delimiter === ';') notes.push('Columns are separated by semicolons.');
    else if (delimiter === '\t') notes.push('Columns are separated by tabs.');
    const newline = Papa.parse<string[]>(pending.slice(0, HEAD_BYTES), { delimiter, preview: 1 }).meta.linebreak as '\r\n' | '\n' | '\r';
    return new Papa.Parser({ delimiter, newline });
  };
  const parse = (core: Papa.Parser, last: boolean): TableRow[] => {
    const result = core.parse(pending, 0, !last) as Papa.ParseResult<string[]>;
    const unclosed = last ? result.errors.find((e) => e.code === 'MissingQuotes') : undefined;
    if (unclosed) {
      const row = records + (unclosed.row ?? 0) + 1;
      throw unreadable(`Row ${row} opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Fix the quotes in that row and try again.`);
    }
    const rows: TableRow[] = [];
    for (const cells of result.data) {
      records += 1;
      if (!isBlank(cells)) rows.push({ cells, row: records });
    }
    pending = last ? '' : pending.slice(result.meta.cursor);
    if (pending.length > MAX_ROW_CHARS) {
      throw unreadable(
        pending.includes('"')
          ? `Row ${records + 1} opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Fix the quotes in that row and try again.`
          : `Row ${records + 1} is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters: this does not look like a table. Choose a .csv file (saved as “CSV UTF-8”) or an .xlsx workbook.`,
      );
    }
    return rows;
  };
  for await (const text of textOf(path, chunkBytes, notes)) {
    pending += text;
    if (parser === null && pending.length < HEAD_BYTES) continue;
    parser ??= start();
    yield parse(parser, false);
  }
  if (pending.trim() === '' && parser === null) return;
  yield parse(parser ?? start(), true);
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

// ---------------------------------------------------------------------------------------------
// Excel

const UNREADABLE_WORKBOOK =
  'This Excel file could not be read: it may be damaged, password-protected or not an .xlsx workbook. Open it in Excel and save it again (or save it as “CSV UTF-8”), then import that file.';

/**
 * The rows of one worksheet: the sheet at `sheetIndex` (in the workbook's own order), or (when
 * null) the first that has a non-blank row. Shared strings are kept (a cell refers to them by
 * number), the rows are not.
 *
 * The archive is opened through its central directory and its parts read in the order a reader
 * needs them (relationships, workbook, shared strings, styles, then only the sheet read), with
 * exceljs's streaming parsers. exceljs's own WorkbookReader reads the zip front to back instead:
 * a workbook that stores its sheets before its shared strings and workbook part (Excel does;
 * exceljs's writer puts the workbook part last) makes it park each sheet in a temporary file and
 * lose the last entries now and then (exceljs issues #3064; the parked files' reads also race
 * their deletion), so the same file would read one time and not the next.
 */
async function* xlsxRows(path: string, sheetIndex: number | null, found: Found): AsyncGenerator<TableRow[]> {
  let workbook: OpenedWorkbook;
  try {
    workbook = await openWorkbook(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(UNREADABLE_WORKBOOK);
  }
  found.sheets = workbook.sheets.length;
  for (const [index, sheet] of workbook.sheets.entries()) {
    if (sheetIndex !== null && index !== sheetIndex) continue;
    let read = false;
    let batch: TableRow[] = [];
    try {
      for await (const row of workbook.worksheet(sheet)) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          while (cells.length < column - 1) cells.push('');
          cells[column - 1] = cellText(cell.value);
        });
        if (isBlank(cells)) continue;
        if (!read) {
          read = true;
          found.sheet = sheet.name;
          found.sheetIndex = index;
        }
        batch.push({ cells, row: row.number });
        if (batch.length >= SHEET_BATCH) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unreadable(UNREADABLE_WORKBOOK);
    }
    if (batch.length > 0) yield batch;
    if (read) return;
  }
}

interface WorkbookSheet {
  name: string;
  /** The sheet's part in the archive, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

interface OpenedWorkbook {
  /** In the workbook's order; only those whose part the archive holds. */
  sheets: WorkbookSheet[];
  /** The sheet's rows, streamed from the archive. */
  worksheet(sheet: WorkbookSheet): AsyncIterable<ExcelJS.Row>;
}

/** The parts of exceljs's WorkbookReader this reader drives (exceljs is pinned; see xlsxRows). */
interface WorkbookReaderParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const archive = await unzipper.Open.file(path);
  const parts = new Map(archive.files.filter((file) => file.type === 'File').map((file) => [file.path, file]));
  const stream = (part: string): Readable | null => (parts.get(part)?.stream() as Readable | undefined) ?? null;
  const relationships = stream('xl/_rels/workbook.xml.rels');
  const workbookPart = stream('xl/workbook.xml');
  if (!relationships || !workbookPart) throw unreadable(UNREADABLE_WORKBOOK);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as WorkbookReaderParts;
  await reader._parseRels(relationships);
  await reader._parseWorkbook(workbookPart);
  const sharedStrings = stream('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings));
  const styles = stream('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  const sheets = (reader.model?.sheets ?? []).flatMap(({ name, rId }) => {
    const target = targets.get(rId);
    // Targets are relative to xl/ (Excel), or absolute in the archive (some other writers).
    const part = target === undefined ? null : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return part !== null && parts.has(part) ? [{ name, part }] : [];
  });
  if (sheets.length === 0) throw unreadable(UNREADABLE_WORKBOOK);
  return {
    sheets,
    worksheet: (sheet) => {
      const sheetNo = /(\d+)\.xml$/.exec(sheet.part)?.[1] ?? '0';
      const emitted = reader._parseWorksheet(stream(sheet.part) as Readable, sheetNo).next();
      if (emitted.done) throw unreadable(UNREADABLE_WORKBOOK);
      return emitted.value.value;
    },
  };
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

