/**
 * Pages are Markdown files under reports/pages with Handlebars expressions, rendered through
 * Handlebars (strict: a missing value fails the build naming the template and the path) and then
 * markdown-it into the shared layout. Adding a page or a paragraph needs no TypeScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
type Markdown = InstanceType<typeof MarkdownIt>;
import { parse as parseYaml } from 'yaml';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { findMissingPath } from './template-check.ts';

export interface PageSource {
  /** File name, e.g. "overview.md"; the output is the same name with .html (overview → index). */
  file: string;
  slug: string;
  title: string;
  /** Short title for the navigation bar (front matter `nav`; default: the title). */
  nav?: string;
  /** In the navigation bar (front matter `menu: false` leaves a page out: linked from elsewhere). */
  menu: boolean;
  /** The whole width, without the contents column (front matter `wide: true`: the Explorer, the Data page). */
  wide: boolean;
  order: number;
  description: string;
  body: string;
  /** Line of the file on which the body starts (after the front matter), for error locations. */
  line: number;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

export function loadPages(dir: string): PageSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
      const m = FRONT_MATTER.exec(text);
      const meta = (m ? parseYaml(m[1]) : {}) as { title?: string; nav?: string; menu?: boolean; wide?: boolean; order?: number; slug?: string; description?: string };
      if (!meta.title) throw new PipelineError(messages.pageWithoutTitle(file));
      return {
        file,
        slug: meta.slug ?? file.replace(/^\d+-/, '').replace(/\.md$/, ''),
        title: meta.title,
        nav: meta.nav,
        menu: meta.menu !== false,
        wide: meta.wide === true,
        order: meta.order ?? 99,
        description: meta.description ?? '',
        body: m ? text.slice(m[0].length) : text,
        line: m ? m[0].split('\n').length : 1,
      };
    })
    .sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
}

export function createMarkdown(): Markdown {
  return new MarkdownIt({ html: true, linkify: false, typographer: false });
}

/** Renders one page body: Handlebars with strict lookups, then Markdown. */
export function renderPageBody(
  hbs: typeof Handlebars,
  md: Markdown,
  page: PageSource,
  context: Record<string, unknown>,
): string {
  let expanded: string;
  const template = `reports/pages/${page.file}`;
  const missing = findMissingPath(page.body, context, hbs.helpers);
  if (missing) throw new PipelineError(messages.templateMissingValue(`${template}:${page.line + missing.line - 1}`, missing.path));
  try {
    expanded = hbs.compile(page.body, { strict: true, noEscape: false })(context);
  } catch (err) {
    // Strict mode locates the missing path (inside a block, where it is relative); a helper names its own problem.
    const e = err as Error & { lineNumber?: number; column?: number; endColumn?: number; endLineNumber?: number };
    if (/" not defined in /.test(e.message) && e.lineNumber !== undefined && e.column !== undefined) {
      const line = page.body.split('\n')[e.lineNumber - 1] ?? '';
      const path = e.endLineNumber === e.lineNumber && e.endColumn !== undefined ? line.slice(e.column, e.endColumn) : /"([^"]+)"/.exec(e.message)![1];
      throw new PipelineError(messages.templateMissingValue(`${template}:${page.line + e.lineNumber - 1}`, path));
    }
    throw new PipelineError(messages.templateFailed(template, e.message));
  }
  return md.render(expanded);
}

export function loadPartials(hbs: typeof Handlebars, dir: string): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'));
  }
}
