import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { CHANGELOG_FILE, changelogMarkdown, NO_CHANGELOG, readChangelog } from '../../pipeline/render/changelog.ts';
import { createMarkdown, loadPages, renderPageBody } from '../../pipeline/render/templates.ts';
import { CHANGELOG_INTRO, insertEntry } from '../../pipeline/refresh/changelog.ts';
import { root } from './helpers.ts';

describe('the Changelog page', () => {
  it('ships data/CHANGELOG.md: the introduction the refresh starts from, and the shipped snapshot’s entry', () => {
    const shipped = readFileSync(join(root, CHANGELOG_FILE), 'utf8');
    expect(shipped.startsWith(CHANGELOG_INTRO.trimEnd())).toBe(true);
    expect(shipped).toContain('## 2024-12-06 — epoch-notable');
    expect(readChangelog(root)).toBe(shipped);
  });

  it('shows the changelog without its title, and says when there is no entry yet', () => {
    expect(changelogMarkdown(CHANGELOG_INTRO)).toMatch(new RegExp(`^Every snapshot[\\s\\S]*\\n\\n${NO_CHANGELOG}\\n$`));
    expect(changelogMarkdown('')).toBe(`${NO_CHANGELOG}\n`);
    const withEntry = insertEntry(null, '## 2024-12-01 — epoch-notable\n\n- **Added** (1): Net\\_A (2024)\n', '2024-12-01');
    expect(changelogMarkdown(withEntry)).not.toContain(NO_CHANGELOG);
    expect(changelogMarkdown(withEntry)).not.toContain('# Data changelog');
  });

  it('renders reports/pages/11-changelog.md from the context', () => {
    const page = loadPages(join(root, 'reports', 'pages')).find((p) => p.slug === 'changelog')!;
    expect(page).toMatchObject({ title: 'Changelog', order: 11 });
    const md = changelogMarkdown(insertEntry(null, '## 2024-12-01 — epoch-notable\n\n- **Added** (1): Net\\_A (2024)\n', '2024-12-01'));
    const html = renderPageBody(Handlebars.create(), createMarkdown(), page, { changelog: md });
    expect(html).toContain('<h2>2024-12-01 — epoch-notable</h2>');
    expect(html).toContain('<li><strong>Added</strong> (1): Net_A (2024)</li>');
  });
});
