/**
 * The upstream sources a maintainer can refresh, with the license and citation every snapshot's
 * metadata records (a snapshot must say whose data it is, whatever the URL it came from).
 */
import { PipelineError } from '../errors.ts';
import { EPOCH_CITATION, EPOCH_LICENSE } from '../adapters/epoch-columns.ts';
import { SOURCE_NAME } from '../ingest/snapshots.ts';
import { messages } from '../messages.ts';

export interface SourceInfo {
  name: string;
  license: string;
  citation: string;
}

export const DEFAULT_SOURCE = 'epoch-notable';

export const KNOWN_SOURCES: Record<string, Omit<SourceInfo, 'name'>> = {
  'epoch-notable': { license: EPOCH_LICENSE, citation: EPOCH_CITATION },
};

/** A known source, or any slug when license and citation are given (they override known ones too). */
export function resolveSource(name: string, overrides: { license?: string; citation?: string } = {}): SourceInfo {
  if (!SOURCE_NAME.test(name)) throw new PipelineError(messages.badSourceName(name), [], 2);
  const known = KNOWN_SOURCES[name];
  const license = overrides.license ?? known?.license;
  const citation = overrides.citation ?? known?.citation;
  if (license === undefined || citation === undefined) {
    throw new PipelineError(messages.unknownSource(name, Object.keys(KNOWN_SOURCES)), [], 2);
  }
  return { name, license, citation };
}
