/**
 * Gets the bytes of an upstream export, from a local path or an http(s) URL (Node's built-in
 * fetch, with a timeout). Everything that makes a download incomplete — a refused or dropped
 * connection, a non-2xx status, fewer bytes than Content-Length announced, a timeout — is an error
 * here, before anything is written. Every download is bounded in time (the timeout covers the
 * body too) and in bytes, counted after decompression, so a gzip bomb stops at the limit; a local
 * file must be a regular file (a FIFO would never end) within the same limit.
 */
import { PipelineError, type Problem } from '../errors.ts';
import { readDataFile } from '../io/safe-read.ts';
import { messages } from '../messages.ts';

export interface FetchOptions {
  /** Whole-download time limit, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Largest export accepted, in bytes after decompression (default 200 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200_000_000;

export interface Fetched {
  bytes: Uint8Array;
  /** The Content-Type of an HTTP response ('' for a local file). */
  contentType: string;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function isUrl(from: string): boolean {
  return /^https?:\/\//i.test(from);
}

function fail(from: string, problem: Omit<Problem, 'file'>): never {
  throw new PipelineError(messages.refreshFailed(from), [{ file: from, ...problem }]);
}

export async function fetchExport(from: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isUrl(from)) {
    try {
      return { bytes: readDataFile(from, from, maxBytes), contentType: '' };
    } catch (err) {
      if (!(err instanceof PipelineError)) throw err;
      throw new PipelineError(messages.refreshFailed(from), err.problems, err.exitCode);
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = (err: unknown, reading = false): never => {
    const e = err as Error & { cause?: { message?: string; code?: string } };
    if (signal.aborted || e.name === 'TimeoutError' || e.name === 'AbortError') {
      fail(from, { message: messages.downloadTimeout(timeoutMs / 1000), expected: messages.downloadExpected });
    }
    // undici reports the underlying reason (ECONNREFUSED, "other side closed", ...) as the cause.
    const detail = [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    const message = reading ? messages.downloadInterrupted(detail) : messages.downloadFailed(detail);
    fail(from, { message, expected: messages.downloadExpected });
  };
  let response: Response;
  try {
    response = await fetch(from, { signal, redirect: 'follow' });
  } catch (err) {
    return failed(err);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    fail(from, { message: messages.downloadStatus(response.status, response.statusText), expected: messages.downloadExpected });
  }
  const tooLarge = () => fail(from, { message: messages.downloadTooLarge(maxBytes / 1e6), expected: messages.downloadExpected });
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    tooLarge();
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(response, maxBytes);
  } catch (err) {
    if (err === TOO_LARGE) return tooLarge();
    return failed(err, true);
  }
  // Content-Length counts the encoded body; fetch decodes gzip/br, so compare only unencoded bodies.
  const announced = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding') ?? 'identity';
  if (announced !== null && encoding === 'identity' && Number(announced) !== bytes.byteLength) {
    fail(from, { message: messages.downloadTruncated(bytes.byteLength, Number(announced)), expected: messages.downloadExpected });
  }
  return { bytes, contentType: response.headers.get('content-type') ?? '' };
}

const TOO_LARGE = Symbol('too large');

/** The response body, decoded, read chunk by chunk and abandoned past `maxBytes` (throws TOO_LARGE). */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw TOO_LARGE;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
