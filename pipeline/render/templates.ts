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

export interface PageSource {
  /** File name, e.g. "overview.md"; the output is the same name with .html (overview → index). */
  file: string;
  slug: string;
  title: string;
  order: number;
  description: string;
  body: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

export function loadPages(dir: string): PageSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
      const m = FRONT_MATTER.exec(text);
      const meta = (m ? parseYaml(m[1]) : {}) as { title?: string; order?: number; slug?: string; description?: string };
      if (!meta.title) throw new PipelineError(`${file}: the page has no title in its front matter`);
      return {
        file,
        slug: meta.slug ?? file.replace(/^\d+-/, '').replace(/\.md$/, ''),
        title: meta.title,
        order: meta.order ?? 99,
        description: meta.description ?? '',
        body: m ? text.slice(m[0].length) : text,
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
  try {
    expanded = hbs.compile(page.body, { strict: true, noEscape: false })(context);
  } catch (err) {
    const text = (err as Error).message;
    const path = /"([^"]+)" not defined/.exec(text)?.[1] ?? text;
    throw new PipelineError(messages.templateMissingValue(`reports/pages/${page.file}`, path));
  }
  return md.render(expanded);
}

export function loadPartials(hbs: typeof Handlebars, dir: string): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'));
  }
}
