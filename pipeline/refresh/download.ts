/**
 * Gets the bytes of an upstream export, from a local path or an http(s) URL (Node's built-in
 * fetch, with a timeout). Everything that makes a download incomplete — a refused or dropped
 * connection, a non-2xx status, fewer bytes than Content-Length announced, a timeout — is an error
 * here, before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PipelineError, type Problem } from '../errors.ts';
import { messages } from '../messages.ts';

export interface FetchOptions {
  /** Whole-download time limit, in milliseconds (default 60 s). */
  timeoutMs?: number;
}

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
  if (!isUrl(from)) {
    if (!existsSync(from)) fail(from, { message: messages.missingFile(from) });
    return { bytes: readFileSync(from), contentType: '' };
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
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
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
