import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, neutralise, parseCsv, restore, writeCsv } from '../../../lib/export/csv';

describe('neutralise: cells a spreadsheet would run as formulas', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['\0nul', "'\0nul"],
    ["'already quoted", "''already quoted"],
  ])('prefixes %j with a single quote', (cell, safe) => {
    expect(neutralise(cell)).toBe(safe);
    expect(restore(neutralise(cell))).toBe(cell);
  });

  it.each(['acme', '42', '', 'a=b', ' =1', 'x@y.z', '0.5'])('leaves %j alone', (cell) => {
    expect(neutralise(cell)).toBe(cell);
  });

  it('never lets a written cell start with a formula character, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((t) => `\0${t}`)), (s) => {
        const out = neutralise(s);
        return !/^[=+\-@\t\r\0]/.test(out) && restore(out) === s;
      }),
    );
  });
});

describe('writeCsv and parseCsv (RFC 4180)', () => {
  it('separates records with CRLF, quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    const text = writeCsv([
      ['a', 'b,c'],
      ['say "hi"', 'two\nlines'],
    ]);
    expect(text).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('quotes a neutralised cell when it holds a comma', () => {
    expect(writeCsv([['=1,2']])).toBe('\uFEFF"\'=1,2"\r\n');
  });

  it('reads back exactly what it wrote, for any cells', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const read = parseCsv(writeCsv(rows)).map((r) => r.cells.map(restore));
        expect(read).toEqual(rows);
      }),
    );
  });

  it('accepts LF line ends and no BOM, and keeps empty fields', () => {
    expect(parseCsv('a,,c\n"",x,\n').map((r) => r.cells)).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
  });

  it('gives each row the line it starts on, counting line breaks inside quoted fields', () => {
    const rows = parseCsv('h1,h2\r\n"multi\r\nline\r\ncell",1\r\nnext,2\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reports a quote left open (a truncated file) with the line it opened on', () => {
    expect(() => parseCsv('a,b\r\n1,"never closed\r\nmore')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\r\n1,"never closed\r\nmore')).toThrow(/line 2: a quoted field is never closed \(is the file truncated\?\)/);
  });

  it('reports a stray quote inside an unquoted field, and text after a closing quote', () => {
    expect(() => parseCsv('a,b\nx"y,1\n')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(/line 2: unexpected text after a closing quote/);
  });
});
