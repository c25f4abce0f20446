/**
 * reports/site.yaml: the published site's address and the repository's, set once by the
 * maintainer; and the version the citation names (package.json). An empty or absent value leaves
 * out what needs it (og:image, the repository link), never writes a relative or made-up address.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';

const httpUrl = z.union([z.literal(''), z.string().regex(/^https?:\/\/\S+$/)]);
const schema = z.strictObject({ url: httpUrl.default(''), repository: httpUrl.default('') });

export interface SiteConfig {
  /** The site's address, ending in "/", or '' when not set. */
  url: string;
  repository: string;
  version: string;
}

export function readSiteConfig(reportsDir: string): SiteConfig {
  const file = join(reportsDir, 'site.yaml');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const parsed = schema.safeParse(parse(text) ?? {});
  if (!parsed.success) throw new PipelineError(messages.badSiteConfig(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
  const pkg = join(reportsDir, '..', 'package.json');
  const version = existsSync(pkg) ? String((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '') : '';
  const url = parsed.data.url && !parsed.data.url.endsWith('/') ? `${parsed.data.url}/` : parsed.data.url;
  return { url, repository: parsed.data.repository, version };
}
