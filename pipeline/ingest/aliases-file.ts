/**
 * Reads data/raw/aliases.csv: the name variants that the matching rules cannot settle, each row a
 * curated id, an upstream name, whether they are one system (`same`, the default) or only look
 * alike (`distinct`), and a note saying why. Every problem is located (file, line, column); the
 * ids are checked against the curated records by the merge (pipeline/stages/normalize.ts).
 */
import { PipelineError, type Problem } from '../errors.ts';
import { readCsvFile, type CsvTable } from '../io/csv-reader.ts';
import { fileKind } from '../io/safe-read.ts';
import { messages } from '../messages.ts';
import { aliasKey } from '../values/identity.ts';
import { rowCells } from './row-cells.ts';
import { hiddenCharacter, nameProblem, textProblem } from './text-rules.ts';

/** A row of data/raw/aliases.csv (pipeline/ingest/aliases-file.ts). */
export interface Alias {
  /** The curated record's id. */
  id: string;
  /** The upstream name, compared after NFKC with case and white space ignored. */
  upstreamName: string;
  /** `same`: they are one system; `distinct`: they only look alike (no match, not listed as twins). */
  relation: 'same' | 'distinct';
  note: string;
  file: string;
  line: number;
  /** Field position of the id column, for locating a problem with it. */
  idColumn: number;
}

export const ALIASES_FILE = 'aliases.csv';
export const ALIAS_COLUMNS = ['id', 'upstream_name', 'relation', 'note'] as const;
const REQUIRED = ['id', 'upstream_name', 'note'] as const;
export const ALIAS_RELATIONS = ['same', 'distinct'] as const;
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** The aliases of a file (absent: none); a header-only file is an empty table. */
export function readAliasesFile(path: string, file: string): { aliases: Alias[]; problems: Problem[] } {
  // Anything at the path (a folder, a broken link) is read, and refused with a located problem.
  if (fileKind(path) === 'absent') return { aliases: [], problems: [] };
  let table: CsvTable;
  try {
    table = readCsvFile(path, file);
  } catch (err) {
    if (!(err instanceof PipelineError)) throw err;
    if (err.problems.length === 1 && err.problems[0].message === messages.headerOnly) return { aliases: [], problems: [] };
    return { aliases: [], problems: err.problems.length ? err.problems : [{ file, message: err.message }] };
  }
  return parseAliasTable(table);
}

export function parseAliasTable(table: CsvTable): { aliases: Alias[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    const at = { file: table.file, line: 1, column: i + 1, text: name };
    if (!(ALIAS_COLUMNS as readonly string[]).includes(name)) problems.push({ ...at, message: messages.unknownColumn(name), expected: ALIAS_COLUMNS.join(', ') });
    else if (index.has(name)) problems.push({ ...at, message: messages.duplicateColumn(name) });
    else index.set(name, i);
  });
  for (const name of REQUIRED) {
    if (!index.has(name)) problems.push({ file: table.file, line: 1, column: table.header.length + 1, message: messages.missingColumn(name) });
  }
  if (problems.length > 0) return { aliases: [], problems };

  const aliases: Alias[] = [];
  /** aliasKey(upstream name) → the line of its `same` alias: one name cannot be two systems. */
  const sameName = new Map<string, number>();
  for (const row of table.rows) {
    const { get, at } = rowCells(table, row, index);
    const before = problems.length;
    for (const col of REQUIRED) {
      if (get(col) === '') problems.push(at(col, col === 'note' ? messages.aliasNoteRequired : messages.requiredCell(col)));
    }
    // An upstream name is a name: the look-alike-script rule too (pipeline/ingest/text-rules.ts).
    for (const col of ['upstream_name', 'note']) {
      const msg = get(col) === '' ? null : col === 'upstream_name' ? nameProblem(col, get(col)) : textProblem(col, get(col));
      if (msg) problems.push(at(col, msg));
    }
    const id = get('id');
    if (id !== '' && !ID.test(id)) {
      // An id that looks right but holds an invisible character: name it.
      const hidden = hiddenCharacter(id);
      problems.push(at('id', hidden ? messages.hiddenInCell(messages.badId, hidden) : messages.badId, 'an id of data/raw/models.csv'));
    }
    const relation = get('relation') || 'same';
    if (!(ALIAS_RELATIONS as readonly string[]).includes(relation)) problems.push(at('relation', messages.notInList('relation'), ALIAS_RELATIONS.join(', ')));
    const key = aliasKey(get('upstream_name'));
    if (relation === 'same' && key !== '') {
      const first = sameName.get(key);
      if (first !== undefined) problems.push(at('upstream_name', messages.aliasDuplicateName(first)));
      else sameName.set(key, row.line);
    }
    if (problems.length > before) continue;
    aliases.push({ id, upstreamName: get('upstream_name'), relation: relation as Alias['relation'], note: get('note'), file: table.file, line: row.line, idColumn: (index.get('id') ?? 0) + 1 });
  }
  return { aliases, problems };
}

/** Located problems for aliases naming an id the curated records do not have. */
export function unknownAliasIds(aliases: readonly Alias[], ids: ReadonlySet<string>): Problem[] {
  return aliases
    .filter((a) => !ids.has(a.id))
    .map((a) => ({ file: a.file, line: a.line, column: a.idColumn, columnName: 'id', text: a.id, message: messages.aliasUnknownId(a.id), expected: 'an id of data/raw/models.csv' }));
}
