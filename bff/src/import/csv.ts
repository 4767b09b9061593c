/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
 * records by CRLF or LF, a field in double quotes may hold commas, line breaks and "" for a quote.
 * Excel on a Chinese Windows saves CSV in GB 18030 (its ANSI code page 936), elsewhere in UTF-8 with
 * or without a BOM: UTF-8 is tried first, strictly, then GB 18030.
 */
export function decodeCsv(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null; // text has no NUL bytes; a binary file does
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

/** The records of a CSV text; `onRecord` may throw to stop early (a row limit). */
export function parseCsv(text: string, onRecord: (fields: string[], line: number) => void): void {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') onRecord(fields, recordLine);
    fields = [];
    field = '';
    recordLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
}
