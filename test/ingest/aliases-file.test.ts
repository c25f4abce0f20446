import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAliasTable, readAliasesFile, unknownAliasIds } from '../../pipeline/ingest/aliases-file.ts';
import { parseCsvText } from '../../pipeline/io/csv-reader.ts';
import { messages } from '../../pipeline/messages.ts';

const table = (text: string) => parseAliasTable(parseCsvText(text, 'data/raw/aliases.csv'));

describe('data/raw/aliases.csv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ct-aliases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads curated id ↔ upstream name rows, relation `same` by default', () => {
    const { aliases, problems } = table('id,upstream_name,relation,note\ngpt-3-175b,GPT-3 175B (davinci),,same date and size\nelectra-small,ELECTRA,distinct,Epoch row is the large model\n');
    expect(problems).toEqual([]);
    expect(aliases).toEqual([
      { id: 'gpt-3-175b', upstreamName: 'GPT-3 175B (davinci)', relation: 'same', note: 'same date and size', file: 'data/raw/aliases.csv', line: 2, idColumn: 1 },
      { id: 'electra-small', upstreamName: 'ELECTRA', relation: 'distinct', note: 'Epoch row is the large model', file: 'data/raw/aliases.csv', line: 3, idColumn: 1 },
    ]);
  });

  it('locates every problem: missing note, bad id, unknown relation, one name given to two records, markup', () => {
    const { aliases, problems } = table(
      'note,id,upstream_name,relation\n,gpt-3,GPT-3,same\nok,Not An Id,X,same\nok,x,Y,maybe\nok,a,GPT-3 ,same\nok,b,<b>Z</b>,same\n',
    );
    expect(aliases).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 1, messages.aliasNoteRequired],
      [3, 2, messages.badId],
      [4, 4, messages.notInList('relation')],
      [5, 3, messages.aliasDuplicateName(2)],
      [6, 3, messages.markupInText('upstream_name')],
    ]);
  });

  it('reports an unknown or missing column in the header', () => {
    const { problems } = table('id,name,note\na,b,c\n');
    expect(problems.map((p) => p.message)).toEqual([messages.unknownColumn('name'), messages.missingColumn('upstream_name')]);
  });

  it('names aliases whose curated id does not exist, at the id cell', () => {
    const { aliases } = table('upstream_name,id,note\nGPT-3,gpt-3,why\n');
    expect(unknownAliasIds(aliases, new Set(['other']))).toEqual([
      { file: 'data/raw/aliases.csv', line: 2, column: 2, columnName: 'id', text: 'gpt-3', message: messages.aliasUnknownId('gpt-3'), expected: 'an id of data/raw/models.csv' },
    ]);
  });

  it('treats an absent or header-only file as no aliases', () => {
    expect(readAliasesFile(join(dir, 'none.csv'), 'none.csv')).toEqual({ aliases: [], problems: [] });
    writeFileSync(join(dir, 'aliases.csv'), 'id,upstream_name,relation,note\n');
    expect(readAliasesFile(join(dir, 'aliases.csv'), 'aliases.csv')).toEqual({ aliases: [], problems: [] });
  });
});
