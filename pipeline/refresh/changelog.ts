/**
 * data/CHANGELOG.md: one entry per imported snapshot, newest snapshot date first, below a short
 * introduction. The report site shows it as its Changelog page (pipeline/render/changelog.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic.ts';

export const CHANGELOG_INTRO = `# Data changelog

Every snapshot of an upstream dataset imported with \`npm run refresh\`, newest first: what it
added, removed and changed compared with the previous snapshot of the same source, and how the
headline doubling times, fitted on that source alone, moved. Snapshots are kept in
\`data/raw/snapshots/\`; the pipeline uses the newest of each source unless \`pins.yaml\` pins another.
`;

const ENTRY_HEADING = /^## (\d{4}-\d{2}-\d{2})\b/;

/** The changelog with `entry` inserted above the first entry of the same or an earlier date. */
export function insertEntry(current: string | null, entry: string, date: string): string {
  const text = (current ?? CHANGELOG_INTRO).replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  let at = lines.findIndex((l) => {
    const m = ENTRY_HEADING.exec(l);
    return m !== null && m[1] <= date;
  });
  if (at === -1) at = lines.length;
  const head = lines.slice(0, at).join('\n').trimEnd();
  const tail = lines.slice(at).join('\n').trim();
  return `${head}\n\n${entry.trim()}\n${tail ? `\n${tail}\n` : ''}`;
}

export function appendToChangelog(path: string, entry: string, date: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  writeFileAtomic(path, insertEntry(current, entry, date));
}
