/**
 * CSV as RFC 4180 says: CRLF between records, fields quoted when they hold a comma,
 * a quote, CR or LF (and a semicolon, see `quote`), quotes doubled inside. Plus spreadsheet safety: a cell that
 * begins with = + - @, a tab, a carriage return or NUL would run as a formula in Excel,
 * LibreOffice or Google Sheets (OWASP "CSV injection"; NUL from ASVS 5.0 1.2.10), so it is
 * prefixed with a single quote. A cell that already begins with a quote is prefixed too, so reading
 * back removes exactly one quote and the round trip is lossless.
 */

const RISKY = new Set(['=', '+', '-', '@', '\t', '\r', '\0', "'"]);

export function neutralise(cell: string): string {
  return cell.length > 0 && RISKY.has(cell[0]!) ? `'${cell}` : cell;
}

/** The inverse of `neutralise` for cells Uptake wrote. */
export function restore(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && RISKY.has(cell[1]!) ? cell.slice(1) : cell;
}

/**
 * Quoted when it holds a comma, a semicolon (the separator of spreadsheets in many locales:
 * unquoted, `x;=2*3` splits into a cell that runs as a formula), a quote, CR or LF, or when it
 * was neutralised: a risky first character stays inside one quoted cell whatever the separator.
 */
export function quote(cell: string): string {
  return /[",;\r\n]/.test(cell) || (cell[0] === "'" && RISKY.has(cell[1] ?? '')) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Rows to CSV text; every cell is neutralised, then quoted if needed. Starts with a BOM so Excel reads UTF-8. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((c) => quote(neutralise(c))).join(',')).join('\r\n')}\r\n`;
}

export interface CsvRow {
  /** 1-based line of the file where this row starts. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Parses CSV text into rows, each with the line it starts on. Accepts CRLF or LF and
 * a leading BOM; throws CsvSyntaxError on a quote left open (a truncated file) or a
 * stray quote inside an unquoted field. Cells are returned as written (not restored).
 */
export function parseCsv(input: string): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quotedAt = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      // A quoted field: read to the closing quote, counting the line breaks inside.
      quotedAt = line;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new CsvSyntaxError(quotedAt, 'a quoted field is never closed (is the file truncated?)');
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      for (let k = i; k < j; k++) if (text[k] === '\n') line++;
      const next = text[j];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(line, 'unexpected text after a closing quote (a quote inside a field must be doubled)');
      }
      cell = value;
      i = j;
      if (next === undefined) break;
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else if (ch === '"') {
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
    } else {
      const stop = nextSpecial(text, i);
      cell += text.slice(i, stop);
      i = stop;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function nextSpecial(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 13 || c === 10) return i;
  }
  return text.length;
}
