/**
 * Membership of ids in a few sets, looked up once per table row. The analyses filter by id in
 * several places (low outliers, large-scale systems, record setters), and ids, not row numbers,
 * are what those sets hold: a looked-up id may belong to another row too.
 */
import { rowsIn, type Series, type Source } from './series.ts';

/**
 * Bit k of a row's flags is set when its id is in sets[k]. A string lookup costs 0.1–0.3 µs a row
 * after the row stages of a million records (cache misses over scattered strings): the filters of
 * one analyze each made a pass of their own over a million ids, this makes one.
 */
export class IdFlags {
  /** The bits of each source row. */
  readonly rows: Uint8Array;
  readonly #byId = new Map<string, number>();

  constructor(
    readonly source: Source,
    sets: readonly ReadonlySet<string>[],
  ) {
    if (sets.length > 8) throw new RangeError('IdFlags: at most 8 sets');
    sets.forEach((set, k) => {
      for (const id of set) this.#byId.set(id, (this.#byId.get(id) ?? 0) | (1 << k));
    });
    this.rows = this.#flags(source.ids);
  }

  /** The bits of each point of `s`: read through its rows when it was cut from the source. */
  of(s: Series): Uint8Array {
    const rows = rowsIn(s, this.source);
    if (rows === null) return this.#flags(s.ids);
    const out = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.rows[rows[i]];
    return out;
  }

  #flags(ids: readonly string[]): Uint8Array {
    const out = new Uint8Array(ids.length);
    if (this.#byId.size === 0) return out;
    for (let i = 0; i < ids.length; i++) {
      const f = this.#byId.get(ids[i]);
      if (f !== undefined) out[i] = f;
    }
    return out;
  }
}
