/** Heading anchors and the per-page table of contents. */
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Gives every h2/h3 an id from its text (deduplicated within the page). */
export function addHeadingIds(md: InstanceType<typeof MarkdownIt>): void {
  md.core.ruler.push('heading_ids', (state: StateCore) => {
    const seen = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'heading_open' || (t.tag !== 'h2' && t.tag !== 'h3')) continue;
      const base = slugify(tokens[i + 1]?.content ?? '') || 'section';
      const k = seen.get(base) ?? 0;
      seen.set(base, k + 1);
      t.attrSet('id', k === 0 ? base : `${base}-${k + 1}`);
    }
  });
}

export function tableOfContents(html: string): { id: string; title: string; level: number }[] {
  const out: { id: string; title: string; level: number }[] = [];
  const re = /<h([23]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    out.push({ level: Number(m[1]), id: m[2], title: m[3].replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'") });
  }
  return out;
}
