/**
 * The line on which each key was first seen, for ingest's duplicate checks (ids; name and year).
 *
 * A Map<string, number> did this at ~1 µs a row in a million-row file, mostly waiting on memory:
 * V8 hashes a string on its first use as a key, then reads a bucket, an entry and the stored key
 * in turn, and rereads every key's hash each time the table doubles. These tables
 * hash in JavaScript, keep the 32-bit hashes beside the slots in a typed array and read a stored
 * key only when the hashes agree, and a system's key is hashed from the name as written, without
 * building the `identityKey(name)|year` string the check compares.
 */
import { detached } from '../io/csv-records.ts';
import { identityKey } from '../values/identity.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Open addressing with linear probing, at most half full. Each slot is two int32s side by side,
 * entry number + 1 (0: free) and the key's hash, so that a probe reads one cache line.
 */
abstract class LineTable {
  #mask = 1023;
  #slots = new Int32Array(2 * 1024);
  /** The free slot where the key of the last failed lookup goes. */
  #free = 0;
  protected readonly lines: number[] = [];

  /** The stored key of `entry` equals the key (a, b). */
  protected abstract same(entry: number, a: string, b: string): boolean;

  /** The entry of the key (a, b) with this hash, or -1. */
  protected find(hash: number, a: string, b: string): number {
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      const slot = this.#slots[2 * i];
      if (slot === 0) {
        this.#free = i;
        return -1;
      }
      if (this.#slots[2 * i + 1] === hash && this.same(slot - 1, a, b)) return slot - 1;
    }
  }

  /** Adds an entry for the key that the last find() did not find; the caller stores the key's parts. */
  protected addAfterFind(hash: number, line: number): void {
    this.lines.push(line);
    this.#slots[2 * this.#free] = this.lines.length;
    this.#slots[2 * this.#free + 1] = hash;
    if (this.lines.length * 2 > this.#mask) this.#grow();
  }

  #grow(): void {
    const old = this.#slots;
    this.#mask = old.length - 1; // twice as many slots: old.length / 2 before
    this.#slots = new Int32Array(2 * old.length);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let i = old[j + 1] & this.#mask;
      while (this.#slots[2 * i] !== 0) i = (i + 1) & this.#mask;
      this.#slots[2 * i] = old[j];
      this.#slots[2 * i + 1] = old[j + 1];
    }
  }

  get size(): number {
    return this.lines.length;
  }
}

/** FNV-1a of a string's UTF-16 code units, as a signed 32-bit integer (what the Int32Array holds). */
function hashText(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** First line of each string key (the ids). */
export class FirstLines extends LineTable {
  readonly #keys: string[] = [];

  protected same(entry: number, key: string): boolean {
    return this.#keys[entry] === key;
  }

  /** The first line of key; if it has none yet, `line` becomes it and the result is undefined. */
  firstOrAdd(key: string, line: number): number | undefined {
    const hash = hashText(key);
    const entry = this.find(hash, key, '');
    if (entry >= 0) return this.lines[entry];
    this.#keys.push(detached(key));
    this.addAfterFind(hash, line);
    return undefined;
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * FNV-1a of `identityKey(name)|year` (pipeline/values/identity.ts), where year is the first
 * four characters of the date text, without building the string. For ASCII, identityKey keeps the
 * name's tokens — runs of letters (lower-cased), numbers with the decimal points between their
 * digits, and "+" — joined, with a space between two numbers that only a separator parted ("2 9"):
 * the loop emits exactly those characters as it hashes. Other names go through identityKey itself,
 * whose result hashes the same way.
 */
function hashSystem(name: string, date: string): number {
  let h = FNV_OFFSET;
  /** The last token was a number, and a separator came after it. */
  let afterNumber = false;
  let parted = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 0x7f) return hashYear(hashText(identityKey(name)), date);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      h = Math.imul(h ^ c, FNV_PRIME);
      afterNumber = parted = false;
    } else if (isDigit(c)) {
      if (afterNumber && parted) h = Math.imul(h ^ 0x20, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
      afterNumber = true;
      parted = false;
    } else if (c === 0x2e && afterNumber && !parted && isDigit(name.charCodeAt(i + 1))) {
      h = Math.imul(h ^ c, FNV_PRIME); // a decimal point between digits: "1.3"
    } else if (c === 0x2b) {
      h = Math.imul(h ^ c, FNV_PRIME); // "+"
      afterNumber = parted = false;
    } else parted = true;
  }
  return hashYear(h, date);
}

function hashYear(h: number, date: string): number {
  h = Math.imul(h ^ 0x7c, FNV_PRIME); // '|'
  const end = Math.min(4, date.length);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ date.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * First line of each system: name and publication date compared as the strings
 * `${identityKey(name)}|${date.slice(0, 4)}` would be (identityKey's result holds no `|`, so the two
 * parts are equal exactly when those strings are).
 */
export class SystemLines extends LineTable {
  readonly #names: string[] = [];
  readonly #dates: string[] = [];

  protected same(entry: number, name: string, date: string): boolean {
    // Reached only when the hashes agree: a duplicate, or a rare collision.
    return this.#dates[entry].slice(0, 4) === date.slice(0, 4) && identityKey(this.#names[entry]) === identityKey(name);
  }

  /** The first line of the system; if it has none yet, `line` becomes it and the result is undefined. */
  firstOrAdd(name: string, date: string, line: number): number | undefined {
    const hash = hashSystem(name, date);
    const entry = this.find(hash, name, date);
    if (entry >= 0) return this.lines[entry];
    this.#names.push(detached(name));
    this.#dates.push(detached(date));
    this.addAfterFind(hash, line);
    return undefined;
  }

  /** Makes `line` the system's line, whether or not it had one (Map.set). */
  set(name: string, date: string, line: number): void {
    const hash = hashSystem(name, date);
    const entry = this.find(hash, name, date);
    if (entry >= 0) {
      this.lines[entry] = line;
      return;
    }
    this.#names.push(detached(name));
    this.#dates.push(detached(date));
    this.addAfterFind(hash, line);
  }
}
