/** The one place a record's source link becomes an href: resolvers for arXiv ids and DOIs, nothing but http(s). */
import { describe, expect, it } from 'vitest';
import { linkUrl } from '../../pipeline/render/source-link.ts';

describe('linkUrl', () => {
  it('gives arXiv ids and DOIs their resolver URLs, percent-encoding what a URL cannot hold', () => {
    expect(linkUrl('arXiv:2005.14165')).toBe('https://arxiv.org/abs/2005.14165');
    expect(linkUrl('doi:10.1038/nature16961')).toBe('https://doi.org/10.1038/nature16961');
    expect(linkUrl('doi:10.1000/a b"<c>')).toBe('https://doi.org/10.1000/a%20b%22%3Cc%3E');
  });

  it('keeps http(s) URLs and turns anything else into no link', () => {
    expect(linkUrl('https://openai.com/research/gpt-4')).toBe('https://openai.com/research/gpt-4');
    expect(linkUrl('HTTP://example.org/x')).toBe('HTTP://example.org/x');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org', '//example.org', '', 'arxiv 2005.14165']) {
      expect(linkUrl(bad), bad).toBe('');
    }
  });
});
