/**
 * Reusable working arrays for the fits that copy their data (the QR of householder.ts) and for
 * the indexes of series cuts (series.ts). A typed array of n rows lives outside the JavaScript
 * heap, and V8 runs a full collection of the whole heap for every ~64 MB of such memory
 * allocated: at a million records the dozens of n-row temporaries of one analyze made it spend
 * most of its time collecting a heap of processed records that was not garbage
 * (bench/scale.bench.ts). Each named slot holds one grow-only buffer, so a fit borrows memory
 * instead of allocating it.
 *
 * A slot's contents are valid until the next `borrow` of the same slot: callers use one slot per
 * array they hold at the same time, and never keep a borrowed array past their own return.
 */
const slots = new Map<string, Float64Array>();
const int32Slots = new Map<string, Int32Array>();

/** The buffer of `slot`, at least `length` long. */
function grown<T extends Float64Array | Int32Array>(map: Map<string, T>, slot: string, length: number, make: (length: number) => T): T {
  let buffer = map.get(slot);
  if (!buffer || buffer.length < length) {
    // Grow by half again, so a sequence of slightly larger requests does not allocate every time.
    buffer = make(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
    map.set(slot, buffer);
  }
  return buffer;
}

/**
 * A zero-filled array of `length` values, in the buffer of `slot`; with zero = false, its contents
 * are whatever the slot held, for a caller that writes every value before reading it.
 */
export function borrow(slot: string, length: number, zero = true): Float64Array {
  const view = grown(slots, slot, length, (l) => new Float64Array(l)).subarray(0, length);
  if (zero) view.fill(0);
  return view;
}

/**
 * An Int32Array of `length` in the buffer of `slot`, contents left as they are: for a caller that
 * writes every element it reads (the indexes a filter picks, before they are copied out).
 */
export function borrowInt32(slot: string, length: number): Int32Array {
  return grown(int32Slots, slot, length, (l) => new Int32Array(l)).subarray(0, length);
}

/**
 * Make the buffer of `slot` at least `length` long now: a caller that knows the largest of a
 * sequence of growing requests (QRs of 2, 3, … 8 columns) allocates once instead of at each step.
 */
export function reserve(slot: string, length: number): void {
  const buffer = slots.get(slot);
  if (!buffer || buffer.length < length) slots.set(slot, new Float64Array(length));
}

/** Lets go of every buffer (the analyze stage calls this when it is done). */
export function releaseScratch(): void {
  slots.clear();
  int32Slots.clear();
}
