// A small RFC 4180 reader for corpus manifests: comma-separated, double-quoted fields may hold
// commas, quotes ("") and newlines; the first record is the header.

export interface CsvTable {
  readonly columns: readonly string[];
  /** Data records with the 1-based line each starts on. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

export function parseCsvTable(text: string): CsvTable {
  const records = parseRecords(text.replace(/^\uFEFF/, ""));
  const [header, ...rows] = records;
  return {
    columns: (header?.cells ?? []).map((name) => name.trim()),
    rows: rows.filter((row) => !(row.cells.length === 1 && row.cells[0] === "")),
  };
}

function parseRecords(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n") {
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      recordLine = line;
    } else if (char !== "\r") cell += char;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}
