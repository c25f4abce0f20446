/**
 * The one shape of a stage. A stage declares what it reads — artifacts of earlier stages, files
 * and folders, options — runs from exactly that, and returns one typed artifact; it may publish
 * files from its artifact. The orchestrator (pipeline/run.ts) loops over a list of stages: it
 * keys each stage's cache entry on its declarations (content hashes of the artifacts and files it
 * reads, the values of the options it reads, and the pipeline code), hands a stage the artifacts it
 * declared and nothing else, and saves every artifact (pipeline/io/artifact-store.ts).
 *
 * A stage reads another's artifact through `read(otherStage)`, typed by that stage: no cast where
 * stages meet. A cached artifact comes back through the stage's own `restore`, which checks its
 * shape, so a damaged cache is an error, not an empty artifact.
 */
import type { FileText } from '../io/csv-writer.ts';

/** The options a stage may declare it reads; each one declared is part of the stage's cache key. */
export interface StageOptions {
  /**
   * Run date YYYY-MM-DD, for "in the future" checks. A stage whose checks use it declares it, so it
   * is part of that stage's key (ingest, normalize): the same files can be valid one day and not
   * the day before, and a cached and a forced run must agree (ARCHITECTURE.md, "The run date").
   */
  today: string;
  /** Bootstrap resamples of the analyses. */
  resamples: number;
  /** The raw folder as outputs name it (`data/raw`, or the folder's own name): pipeline/io/display-path.ts. */
  rawName: string;
}

/** What every stage is run with. */
export interface StageContext extends StageOptions {
  /** Project root: reports/, data/CHANGELOG.md and the pipeline code are found from here. */
  root: string;
  /** Folder of raw records. */
  rawDir: string;
  /** Folder with the shipped hardware.csv and assumptions.yaml, used when rawDir has none. */
  defaultsDir: string;
  /** How a file is named in problems and outputs: never a machine path. */
  display: (path: string) => string;
}

/** Reads the artifact of a stage this stage declared; typed by that stage. */
export type Read = <A>(stage: Stage<A>) => A;

export interface StageReads {
  /** Stages whose artifacts this one reads. */
  readonly stages: readonly Stage<unknown>[];
  /** Files and folders it reads (content-hashed into its key; a missing one hashes as absent). */
  readonly files?: (ctx: StageContext) => readonly string[];
  /** Options it reads (their values are part of its key). */
  readonly options?: readonly (keyof StageOptions)[];
}

export interface StageResult<A> {
  artifact: A;
  /** Counts for the stage's log line. */
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  /** More for the stage's log line, after the counts (normalize: what became of the upstream rows). */
  note?: string;
}

/** What a stage publishes: files added to data/processed/, or the whole of reports/site/ (replaced as one folder). */
export type Publication<A> =
  | { readonly folder: 'processed'; files(artifact: A): Record<string, FileText> }
  | { readonly folder: 'site'; files(artifact: A): Map<string, string | Uint8Array> };

export interface Stage<A> {
  readonly name: string;
  readonly reads: StageReads;
  run(read: Read, ctx: StageContext): StageResult<A> | Promise<StageResult<A>>;
  /** The artifact as read back from the cache, checked; throws when it is not this stage's. */
  restore(saved: unknown): A;
  /** What the stage publishes from its artifact, once every selected stage has succeeded. */
  readonly publishes?: Publication<A>;
}

/**
 * `saved` as an `A` when it is an object with every one of `keys`; otherwise the error of a damaged
 * cache. The shape check a stage's restore makes: the cache key includes the pipeline code, so an
 * artifact that has the keys was written by this code for this stage.
 */
export function restoreShape<A>(stage: string, saved: unknown, keys: readonly (keyof A & string)[]): A {
  if (hasKeys<A>(saved, keys)) return saved;
  throw new DamagedArtifactError(stage);
}

function hasKeys<A>(v: unknown, keys: readonly string[]): v is A {
  return typeof v === 'object' && v !== null && keys.every((k) => k in v);
}

export class DamagedArtifactError extends Error {
  constructor(readonly stage: string) {
    super(`the cached ${stage} artifact is damaged`);
  }
}
