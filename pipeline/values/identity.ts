/**
 * How a system is recognized across sources, and within one: THE comparison of names, used by
 * ingest's duplicate check of the curated records (pipeline/ingest/first-lines.ts), the merge with
 * upstream exports (pipeline/normalize/merge.ts) and refresh's snapshot diff. Names are compared
 * after Unicode compatibility normalization (NFKC: a full-width Ａ or a ligature ﬁ reads as A and
 * fi), with accents and other combining marks dropped, Cyrillic and Greek letters drawn like Latin
 * ones read as those Latin letters (a homoglyph "GРT-3" is "GPT-3"), case folded, and separators
 * (spaces, hyphens, brackets, slashes) ignored — but never what tells two systems apart: every
 * digit, a decimal point between digits ("OPT-1.3B" is not "OPT-13B"), a boundary between two
 * numbers ("Gemma 2 9B" is not "Gemma 29B"), a "+" ("Command R+" is not "Command R"), and letters
 * of every script ("悟道" stays "悟道"). Organization and date corroborate; they never make a match
 * alone. Invisible, bidirectional-control and control characters, and words mixing look-alike
 * scripts, are refused at ingest (pipeline/ingest/text-rules.ts), not folded here.
 */

/** Letters and digits of any script, one token each run. */
const WORD = /[\p{L}\p{M}]+|\p{N}+(?:\.\p{N}+)*|\+/gu;

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
/** Cyrillic and Greek letters drawn like Latin ones (after NFKD), and the Latin letter each reads as. */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ү: 'y',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/**
 * A name as names are compared: compatibility-decomposed (NFKD), combining marks dropped, look-alike
 * Cyrillic and Greek letters read as Latin, lower-cased, recomposed (NFC). An ASCII name is only
 * lower-cased (the rest changes nothing in it).
 */
export function foldName(name: string): string {
  if (!NON_ASCII.test(name)) return name.toLowerCase();
  return name.normalize('NFKD').replace(MARKS, '').replace(LOOKALIKE, (ch) => LOOKALIKES[ch]).toLowerCase().normalize('NFC');
}

/**
 * The tokens of a name: runs of letters, numbers (with their decimal points) and "+", in order,
 * of the folded name (foldName). Letters and digits written together are one token each ("GPT3" → gpt, 3).
 */
export function nameTokens(name: string): string[] {
  return foldName(name).match(WORD) ?? [];
}

/**
 * A name reduced to what identifies the system: "GPT-3" and "GPT 3" and "gpt3" agree; "OPT-1.3B"
 * and "OPT-13B", "Odyssey 1.2B" and "Odyssey 12B", "Command R" and "Command R+" do not.
 */
export function identityKey(name: string): string {
  const tokens = nameTokens(name);
  let key = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Two numbers side by side stay apart ("2 9" is not "29"); everything else joins.
    if (i > 0 && isNumber(t) && isNumber(tokens[i - 1])) key += ' ';
    key += t;
  }
  return key;
}

const isNumber = (t: string) => /^\p{N}/u.test(t);

/** A name as an alias row names it: folded as every name is (foldName), runs of white space ignored, nothing else. */
export function aliasKey(name: string): string {
  return foldName(name).trim().replace(/\s+/g, ' ');
}

/** Words that say nothing about which organization it is. */
const ORG_STOPWORDS = new Set([
  'ai', 'the', 'of', 'and', 'at', 'for', 'in', 'inc', 'ltd', 'llc', 'co', 'corp', 'corporation', 'company', 'group', 'lab', 'labs',
  'laboratory', 'laboratories', 'research', 'university', 'institute', 'technology', 'technologies', 'college', 'school', 'center',
  'centre', 'national', 'department', 'team', 'foundation', 'de', 'la', 'le', 'und', 'für', 'des', 'du',
]);

/** Organizations known under two names: either name corroborates the other. */
const ORG_SAME = new Map<string, string>([
  ['facebook', 'meta'],
  ['fair', 'meta'],
  ['deepmind', 'google'],
  ['brain', 'google'],
  ['alphabet', 'google'],
  ['msr', 'microsoft'],
  ['baai', 'beijing'],
]);

/** The distinctive words of an organization list ("Google; Toyota Technological Institute at Chicago"). */
export function organizationWords(organization: string): Set<string> {
  const words = new Set<string>();
  for (const w of foldName(organization).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (ORG_STOPWORDS.has(w) || w.length < 2) continue;
    words.add(ORG_SAME.get(w) ?? w);
  }
  return words;
}

/** Whether two organization lists share a distinctive word (after the known renamings). */
export function organizationsOverlap(a: string, b: string): boolean {
  const x = organizationWords(a);
  for (const w of organizationWords(b)) if (x.has(w)) return true;
  return false;
}

/** Days between two ISO dates (YYYY, YYYY-MM or YYYY-MM-DD, read at their first day). */
export function daysApart(a: string, b: string): number {
  const t = (d: string) => Date.parse(`${d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d}T00:00:00Z`);
  return Math.abs(t(a) - t(b)) / 86_400_000;
}

/** Words of a name that do not identify a system on their own. */
const NAME_STOPWORDS = new Set(['model', 'the', 'a', 'of', 'for', 'and', 'with', 'net', 'network', 'large', 'base', 'small']);

/**
 * Whether two names look like one system named two ways: one's tokens are all in the other's
 * ("GPT-3" in "GPT-3 175B (davinci)"), or most of them are shared — and they share a distinctive
 * word, and their numbers do not contradict (each name's numbers are found in the other's, or one
 * has none: "OPT-13B" and "OPT-175B" do not look alike).
 */
export function namesLookAlike(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const sa = new Set(ta);
  const sb = new Set(tb);
  const distinctive = [...sa].some((t) => sb.has(t) && !isNumber(t) && t !== '+' && !NAME_STOPWORDS.has(t) && t.length > 1);
  if (!distinctive) return false;
  const na = ta.filter(isNumber);
  const nb = tb.filter(isNumber);
  if (na.length > 0 && nb.length > 0 && !na.every((n) => sb.has(n)) && !nb.every((n) => sa.has(n))) return false;
  const shared = [...sa].filter((t) => sb.has(t)).length;
  const subset = shared === sa.size || shared === sb.size;
  return subset || shared / new Set([...sa, ...sb]).size >= 0.5;
}

/**
 * A slug for an upstream record's id, readable and distinct where the names are: "OPT-1.3B" →
 * "opt-1.3b", "OPT-13B" → "opt-13b", "Command R+" → "command-r-plus". Letters outside ASCII lose
 * their accents; a name with no ASCII letters or digits left is named by a hash of itself.
 */
export function nameSlug(name: string, hash: (text: string) => string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .replace(/[^a-z0-9\u0000]+/g, '-')
    .replace(/\u0000/g, '.')
    .replace(/^-+|-+$/g, '');
  const slug = ascii.slice(0, 60).replace(/[-.]+$/, '');
  return /[a-z0-9]/.test(slug) ? slug : `x${hash(name).slice(0, 10)}`;
}
