/**
 * data/CHANGELOG.md for the Changelog page: its Markdown without the top heading (the page has its
 * own title), inserted into the page as `{{{changelog}}}` and rendered with the rest of the page.
 * The orchestrator hashes the same text into the render stage's cache key.
 */
import { join } from 'node:path';
import { fileKind, readDataFile } from '../io/safe-read.ts';

export const CHANGELOG_FILE = join('data', 'CHANGELOG.md');

export const NO_CHANGELOG = 'No upstream snapshot has been imported yet.';

/** The changelog's text as on disk ('' when there is none). */
export function readChangelog(root: string): string {
  const path = join(root, CHANGELOG_FILE);
  // A regular file only: a FIFO or a folder there is a located error, never a hang.
  return fileKind(path) === 'absent' ? '' : readDataFile(path, CHANGELOG_FILE).toString('utf8').replace(/\r\n/g, '\n');
}

/** The Markdown the page shows: the file without its `# ` title line, saying so when it has no entry. */
export function changelogMarkdown(text: string): string {
  const body = text.replace(/^# [^\n]*\n/, '').trim();
  const hasEntry = /^## /m.test(body);
  return `${[body, hasEntry ? '' : NO_CHANGELOG].filter(Boolean).join('\n\n')}\n`;
}
