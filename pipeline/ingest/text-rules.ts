/**
 * Rules for free-text cells that are shared by every source: data is untrusted text, so markup,
 * spreadsheet formulas and control characters are refused at the door (they would otherwise
 * travel into HTML pages and CSV downloads).
 */
import { messages } from '../messages.ts';

const MARKUP = /<\s*[a-zA-Z!/?]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A character any rule below needs: most text has none, and one test clears it (1e6 records × 10 cells). */
const MAYBE_PROBLEM = /[<\u0000-\u001F\u007F]|^[=+\-@]/;

/** Returns the message for the first rule the text breaks, or null. */
export function textProblem(column: string, text: string, options: { allowNewlines?: boolean } = {}): string | null {
  if (!MAYBE_PROBLEM.test(text)) return null;
  if (MARKUP.test(text)) return messages.markupInText(column);
  if (FORMULA_START.test(text)) return messages.formulaInText(column);
  if (CONTROL.test(text) || (!options.allowNewlines && /[\r\n]/.test(text))) return messages.controlCharacter(column);
  return null;
}

const ARXIV = /^arXiv:(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;
const DOI = /^doi:10\.\d{4,9}\/\S+$/i;
const URL_RE = /^https?:\/\/[^\s<>"]+$/;

export function isSourceLink(text: string): boolean {
  return ARXIV.test(text) || DOI.test(text) || URL_RE.test(text);
}

/** A per-value citation: "Title (Year) link" where link is an arXiv id, a DOI or a URL. */
export function isValueCitation(text: string): boolean {
  const m = /^(.+?)\s*\((\d{4})\)\s+(\S+)$/.exec(text.trim());
  return m !== null && isSourceLink(m[3]);
}

/** A name reduced for matching across sources: case, punctuation and spacing ignored. */
export function matchKey(name: string): string {
  // NFKD only changes non-ASCII text; skipping it for ASCII names saves most of the duplicate check's time.
  return (NON_ASCII.test(name) ? name.normalize('NFKD') : name).toLowerCase().replace(/[^a-z0-9]+/g, '');
}
const NON_ASCII = /[^\x00-\x7f]/;
