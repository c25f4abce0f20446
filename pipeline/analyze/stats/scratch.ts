/**
 * Reusable working arrays for the fits that copy their data (QR, Davies' process, the segmented
 * summary). A Float64Array of n rows lives outside the JavaScript heap, and V8 runs a full
 * collection of the whole heap for every ~64 MB of such memory allocated: at a million records the
 * dozens of n-row temporaries of one analyze made it spend most of its time collecting a heap of
 * processed records that was not garbage (bench/scale.bench.ts). Each named slot holds one
 * grow-only buffer, so a fit borrows memory instead of allocating it.
 *
 * A slot's contents are valid until the next `borrow` of the same slot: callers use one slot per
 * array they hold at the same time, and never keep a borrowed array past their own return.
 */
const slots = new Map<string, Float64Array>();

/** A zero-filled array of `length` values, in the buffer of `slot`. */
export function borrow(slot: string, length: number): Float64Array {
  let buffer = slots.get(slot);
  if (!buffer || buffer.length < length) {
    // Grow by half again, so a sequence of slightly larger requests does not allocate every time.
    buffer = new Float64Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
    slots.set(slot, buffer);
  }
  const view = buffer.subarray(0, length);
  view.fill(0);
  return view;
}

/** Lets go of every buffer (the analyze stage calls this when it is done). */
export function releaseScratch(): void {
  slots.clear();
}
