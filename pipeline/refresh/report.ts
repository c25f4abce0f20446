/**
 * Words for a snapshot comparison: the changelog entry (Markdown, deterministic: no run time, no
 * machine path, stable order) and the longer console report that also lists each changed system.
 */
import { counted as plural } from '../messages.ts';
import { SNAPSHOTS_DIR } from '../ingest/snapshots.ts';
import type { SnapshotComparison, SnapshotSummary } from './compare.ts';
import type { FlopChange, SystemRef } from './diff.ts';
import type { Headline } from './headline.ts';

/** Names come from upstream data: Markdown punctuation is escaped so it stays literal text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

const system = (s: SystemRef) => `${escapeMarkdown(s.name)} (${s.year})`;
const snapshotFile = (source: string, date: string) => `${SNAPSHOTS_DIR}/${source}/${date}.csv`;
const counted = (s: SnapshotSummary) => `${plural(s.rows, 'row')}, ${plural(s.systems, 'system')}`;

export function formatChange(c: FlopChange): string {
  const change = c.ratio >= 2 || c.ratio <= 0.5 ? `×${Number(c.ratio.toPrecision(2))}` : `${c.ratio > 1 ? '+' : '−'}${Math.abs((c.ratio - 1) * 100).toFixed(0)}%`;
  const flop = (v: number) => Number(v.toPrecision(3)).toExponential();
  return `${system(c)}: ${flop(c.before)} → ${flop(c.after)} FLOP (${change})`;
}

function months(v: number | null): string {
  return v === null ? 'no fit' : `${v.toFixed(1)} months`;
}

function headlineLine(before: Headline | null, after: Headline): string {
  const era = (label: string, key: keyof Headline) => {
    const [b, a] = [before?.[key] ?? null, after[key]];
    if (!before) return `${label} ${months(a)}`;
    return b !== null && a !== null ? `${label} ${b.toFixed(1)} → ${months(a)}` : `${label} ${months(b)} → ${months(a)}`;
  };
  return `**Doubling time** (this source alone): ${era('deep-learning era', 'deep_learning')}; ${era('large-scale era', 'large_scale')}.`;
}

function list(items: string[], limit = 100): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown}, and ${items.length - limit} more` : shown;
}

/** The changelog entry of an imported snapshot, a `## date — source` section. */
export function changelogEntry(c: SnapshotComparison, sha256: string): string {
  const { diff } = c;
  const lines = [`## ${c.after.date} — ${c.source}`, ''];
  const file = `\`${snapshotFile(c.source, c.after.date)}\`, ${counted(c.after)}, sha256 \`${sha256.slice(0, 16)}\``;
  if (c.before === null) {
    lines.push(`First snapshot of ${c.source}: ${file}.`, '');
  } else {
    lines.push(`Snapshot ${file}, compared with the snapshot of ${c.before.date} (${counted(c.before)}).`, '');
    lines.push(`- **Added** (${diff.added.length})${diff.added.length ? `: ${list(diff.added.map(system))}` : ''}`);
    lines.push(`- **Removed** (${diff.removed.length})${diff.removed.length ? `: ${list(diff.removed.map(system))}` : ''}`);
    const fields = Object.entries(diff.fieldCounts).map(([f, n]) => `${f} ${n}`);
    lines.push(`- **Changed** (${diff.changed.length})${fields.length ? `, by field: ${fields.join(', ')}` : ''}`);
    lines.push(`- **Training compute changed by more than 10%** (${diff.flopChanges.length})${diff.flopChanges.length ? ':' : ''}`);
    for (const f of diff.flopChanges) lines.push(`  - ${formatChange(f)}`);
  }
  lines.push(`${c.before ? '- ' : ''}${headlineLine(c.headline.before, c.headline.after)}`);
  return `${lines.join('\n')}\n`;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** The console report: the changelog entry, then every changed system with its fields. */
export function consoleReport(c: SnapshotComparison, sha256: string): string {
  const out = [changelogEntry(c, sha256).trimEnd()];
  if (c.diff.changed.length > 0) {
    out.push('', `Changed systems (${c.diff.changed.length}):`);
    for (const s of c.diff.changed) {
      out.push(`  ${s.name} (${s.year}): ${s.fields.map((f) => `${f.field} ${clip(f.before)} → ${clip(f.after)}`).join('; ')}`);
    }
  }
  return out.join('\n');
}
