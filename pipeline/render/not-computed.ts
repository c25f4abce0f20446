/**
 * How the site shows an analysis that was not computed (schema/fits.ts NotComputed): a sentence
 * with its reason where its numbers, chart or table would be. Helpers, tables and charts share these.
 */
import { messages } from '../messages.ts';
import type { NotComputed, Outcome } from '../schema/fits.ts';
import { esc } from './html.ts';

/** The result, or null when it was not computed: for code that draws what exists. */
export function computedOrNull<T extends { computed: true }>(o: Outcome<T>): T | null {
  return o.computed ? o : null;
}

/** A value of fits.json that is a NotComputed record. */
export function isNotComputed(v: unknown): v is NotComputed {
  return typeof v === 'object' && v !== null && (v as { computed?: unknown }).computed === false && typeof (v as NotComputed).reason === 'string';
}

/** "The deep-learning trend could not be computed: there are only 3 systems …." */
export function notComputedText(what: string, o: NotComputed): string {
  return messages.notComputed(what, o.reason);
}

/** The same as a paragraph, escaped. */
export function notComputedHtml(what: string, o: NotComputed): string {
  return `<p class="not-computed">${esc(notComputedText(what, o))}</p>`;
}

/** A table cell for an analysis that may be missing: its text, or "not computed: reason". */
export function cellOr<T extends { computed: true }>(o: Outcome<T>, text: (v: T) => string): string {
  return o.computed ? text(o) : `not computed: ${o.reason}`;
}

/**
 * Cells of analyses that may be missing, and the note under their table: a missing one reads "not
 * computed" in its cell and its reason in the note ("Not computed — Pre-deep-learning: there are
 * only 3 systems …"), so the table keeps its shape and the reason is said once.
 */
export class TableNotes {
  private readonly reasons = new Map<string, string>();

  /** The cell text of `o`, or "not computed" (noting why, under `label`). */
  cell<T extends { computed: true }>(o: Outcome<T>, label: string, text: (v: T) => string): string {
    if (o.computed) return text(o);
    this.reasons.set(label, o.reason);
    return 'not computed';
  }

  /** The note paragraph ('' when every analysis was computed). Call after the table is built. */
  html(): string {
    if (this.reasons.size === 0) return '';
    const items = [...this.reasons].map(([label, reason]) => `${esc(label)}: ${esc(reason)}`).join('; ');
    return `<p class="table-note">Not computed — ${items}.</p>`;
  }
}
