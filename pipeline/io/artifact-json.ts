/**
 * The JSON form of a stage artifact in the cache (.cache/pipeline/<stage>.json). Plain JSON turns
 * NaN and ±Infinity into null, so a stage reading a cached artifact would see different values
 * from one reading the artifact just computed, and a cached rerun could differ from (or crash
 * where) a fresh run did not. Non-finite numbers are therefore written as tagged strings and
 * read back as numbers, bytes (a table in pieces) as tagged base64, and the orchestrator hands
 * every stage the decoded form, fresh or cached.
 */
const TAG = '\u0000number:';
/** Bytes (a table's pieces, pipeline/io/csv-writer.ts) are written as tagged base64. */
const BYTES_TAG = '\u0000bytes:';

export function encodeArtifact(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // `this[key]` is the value before Buffer's toJSON turned it into an array of numbers.
    const original = this[key];
    if (original instanceof Uint8Array) return `${BYTES_TAG}${Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64')}`;
    return typeof v === 'number' && !Number.isFinite(v) ? `${TAG}${v}` : v;
  });
}

/**
 * encodeArtifact, or null when the artifact is too large to be one JavaScript string (V8's limit
 * is 2^29 − 24 characters, reached by the impute artifact at ~360,000 records) or longer than
 * `maxChars`: the orchestrator then runs on without caching that stage.
 */
export function encodeArtifactOrNull(value: unknown, maxChars = Infinity): string | null {
  try {
    const json = encodeArtifact(value);
    return json.length > maxChars ? null : json;
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

export function decodeArtifact(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (v.startsWith(TAG)) return Number(v.slice(TAG.length));
    return v.startsWith(BYTES_TAG) ? Buffer.from(v.slice(BYTES_TAG.length), 'base64') : v;
  });
}
