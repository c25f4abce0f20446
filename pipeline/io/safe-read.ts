/**
 * Reading a data file without trusting what is at its path: only a regular file is read, and
 * only up to a size; a folder, a FIFO, a device (a link to /dev/zero), a socket, a broken or
 * looping symbolic link is a located problem, never a hang or an unbounded read. The file is
 * opened non-blocking and checked on its open descriptor, so it cannot be swapped for a FIFO
 * between the check and the read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import { environmentError } from './errno.ts';

/**
 * The largest data file read: V8 cannot hold a string of more than ~536 million characters, so a
 * larger file could not be decoded anyway (a million records is ~200 MB).
 */
export const DATA_MAX_BYTES = 500_000_000;
/** assumptions.yaml and pins.yaml are a few lines. */
export const YAML_MAX_BYTES = 1_000_000;
/** A snapshot's metadata is a dozen fields. */
export const META_MAX_BYTES = 1_000_000;

export type FileKind = 'absent' | 'file' | 'directory' | 'fifo' | 'character device' | 'block device' | 'socket' | 'broken link' | 'link loop' | 'other';

function kindOf(st: Stats): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/** What is at `path`, following symbolic links (a link to a FIFO is a FIFO), without opening it. */
export function fileKind(path: string): FileKind {
  try {
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (link === undefined) return 'absent';
    if (!link.isSymbolicLink()) return kindOf(link);
    const target = statSync(path, { throwIfNoEntry: false });
    return target === undefined ? 'broken link' : kindOf(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return 'link loop';
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return 'absent';
    throw err;
  }
}

/** The words for a kind, in "X is …, not a regular file". */
export function describeKind(kind: FileKind): string {
  switch (kind) {
    case 'directory':
      return 'a folder';
    case 'fifo':
      return 'a FIFO (named pipe)';
    case 'broken link':
      return 'a symbolic link to nothing';
    case 'link loop':
      return 'a symbolic link loop';
    case 'other':
      return 'a special file';
    default:
      return `a ${kind}`;
  }
}

function refuse(display: string, message: string, expected: string, exitCode = 1): never {
  throw new PipelineError(messages.unreadableInput(display), [{ file: display, line: 1, column: 1, message, expected }], exitCode);
}

/**
 * The regular file at `path`, open for reading: checked as readDataFile checks it (a regular file,
 * opened non-blocking and checked again on its descriptor, at most `maxBytes`), for a reader that
 * reads it a chunk at a time (readDataChunk). The caller closes `fd`.
 */
export function openDataFile(path: string, display: string, maxBytes = DATA_MAX_BYTES): { fd: number; stats: Stats } {
  const kind = fileKind(path);
  if (kind === 'absent') refuse(display, messages.noSuchFile, 'the file');
  if (kind !== 'file') refuse(display, messages.notRegularFile(describeKind(kind)), 'a regular file');
  let fd: number;
  try {
    // Non-blocking: were the file swapped for a FIFO since it was checked, opening it must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const env = environmentError(err);
    if (env) refuse(display, env.message, 'a readable file', env.exitCode);
    throw err;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) refuse(display, messages.notRegularFile(describeKind(kindOf(stats))), 'a regular file');
    if (stats.size > maxBytes) refuse(display, messages.fileTooLarge(Math.ceil(stats.size / 1e6), maxBytes / 1e6), `at most ${maxBytes / 1e6} MB`);
    return { fd, stats };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * Reads as fs.readSync from a file openDataFile opened: a system error is readDataFile's located
 * problem (exit code 3), and a file that has grown past `maxBytes` since it was opened is refused
 * as too large, so a pass a chunk at a time is bounded as a whole read is.
 */
export function readDataChunk(fd: number, display: string, into: Uint8Array, offset: number, length: number, position: number, maxBytes = DATA_MAX_BYTES): number {
  let n: number;
  try {
    n = readSync(fd, into, offset, length, position);
  } catch (err) {
    const env = environmentError(err);
    if (env) refuse(display, env.message, 'a readable file', env.exitCode);
    throw err;
  }
  if (position + n > maxBytes) refuse(display, messages.fileTooLarge(Math.ceil((position + n) / 1e6), maxBytes / 1e6), `at most ${maxBytes / 1e6} MB`);
  return n;
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Anything else — absent,
 * a folder, a FIFO, a device, a socket, a broken link, too large, unreadable — is a PipelineError
 * with one located problem (exit code 1, or 3 for a system error such as EACCES).
 */
export function readDataFile(path: string, display: string, maxBytes = DATA_MAX_BYTES): Buffer {
  const { fd } = openDataFile(path, display, maxBytes);
  try {
    try {
      return readFileSync(fd);
    } catch (err) {
      const env = environmentError(err);
      if (env) refuse(display, env.message, 'a readable file', env.exitCode);
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}
