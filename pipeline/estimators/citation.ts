/** Citation text of a record or one of its values, as written to flop_source and the report. */
import type { Citation, NormalizedRecord } from '../schema/records.ts';

export function citationText(c: Citation): string {
  return `${c.title} (${c.year}) ${c.link}`;
}

export function valueSource(r: NormalizedRecord, value: keyof NormalizedRecord['valueSources']): string {
  return r.valueSources[value] ?? citationText(r.citation);
}
