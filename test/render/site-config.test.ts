/** reports/site.yaml: the site's and repository's addresses, into og:image, the footer and the citation. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/render/site.ts';
import { readSiteConfig } from '../../pipeline/render/site-config.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';
import { processedModel, root } from './fixture.ts';

const dirs: string[] = [];
function reportsWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ct-config-'));
  dirs.push(dir);
  cpSync(join(root, 'reports'), join(dir, 'reports'), { recursive: true, filter: (src) => !src.includes(join('reports', 'site')) });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'reports', 'site.yaml'), yaml);
  return join(dir, 'reports');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the site configuration', () => {
  it('reads the addresses and the version, adding the final slash', () => {
    const c = readSiteConfig(reportsWith('url: https://example.org/ct\nrepository: https://github.com/example/ct\n'));
    expect(c).toEqual({ url: 'https://example.org/ct/', repository: 'https://github.com/example/ct', version: '0.1.0' });
  });

  it('rejects an address that is not http(s), naming the file', () => {
    const message = pipelineErrorOf(() => readSiteConfig(reportsWith('url: javascript:alert(1)\n'))).message;
    expect(message).toMatch(/site\.yaml: url and repository must be empty or http\(s\) addresses/);
  });

  it('gives pages an absolute og:image, a canonical link, a repository link and a citation with the address', async () => {
    const files = await buildSite(processedModel(), reportsWith('url: https://example.org/ct/\nrepository: https://github.com/example/ct\n'));
    const index = files.get('index.html') as string;
    expect(index).toContain('<meta property="og:image" content="https://example.org/ct/social.png">');
    expect(index).toContain('<link rel="canonical" href="https://example.org/ct/">');
    expect(files.get('eras.html') as string).toContain('<link rel="canonical" href="https://example.org/ct/eras.html">');
    expect(index).toContain('<a href="https://github.com/example/ct" rel="noopener">Source code and issues</a>');
    expect(index).toContain('(version 0.1.0), 2025, https://example.org/ct/.');
    const png = files.get('social.png') as Uint8Array;
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
