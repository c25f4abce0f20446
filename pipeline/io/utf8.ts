/**
 * Locates the first byte that is not valid UTF-8, so the ingest stage can name the line and
 * column of a non-UTF-8 file instead of silently decoding it to U+FFFD.
 */
export interface InvalidByte {
  /** Byte offset in the buffer. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters decoded before the bad byte on its line. */
  column: number;
  byte: number;
}

/** Length of the UTF-8 sequence that starts at buf[i], or 0 when it is not a valid sequence. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i];
  if (b < 0x80) return 1;
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
  else return 0;
  if (i + need >= buf.length) return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = buf[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

export function findInvalidUtf8(buf: Uint8Array): InvalidByte | null {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < buf.length) {
    const len = sequenceLength(buf, i);
    if (len === 0) return { offset: i, line, column, byte: buf[i] };
    if (buf[i] === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += len;
  }
  return null;
}
