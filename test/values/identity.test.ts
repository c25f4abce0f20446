import { describe, expect, it } from 'vitest';
import { aliasKey, identityKey, nameSlug, namesLookAlike, organizationsOverlap } from '../../pipeline/values/identity.ts';
import { sha256 } from '../../pipeline/io/hash.ts';

describe('identityKey', () => {
  it('ignores case, spacing, hyphens and brackets', () => {
    expect(identityKey('GPT-3')).toBe(identityKey('gpt 3'));
    expect(identityKey('GPT-3')).toBe(identityKey('GPT3'));
    expect(identityKey('Inceptionv4')).toBe(identityKey('Inception-v4'));
    expect(identityKey('DeepSpeech2 (English)')).toBe(identityKey('Deep Speech 2 (English)'));
    expect(identityKey('Llama 3.1-405B')).toBe(identityKey('Llama 3.1 405B'));
  });

  it('keeps what tells systems apart: digits, decimal points, number boundaries, "+"', () => {
    const distinct: [string, string][] = [
      ['OPT-1.3B', 'OPT-13B'],
      ['Odyssey 1.2B', 'Odyssey 12B'],
      ['Command R', 'Command R+'],
      ['Gemma 2 9B', 'Gemma 29B'],
      ['Llama 3.1', 'Llama 3.11'],
      ['GPT-3', 'GPT-4'],
      ['T5-3B', 'T5-11B'],
      ['Model v1.0', 'Model v1'],
    ];
    for (const [a, b] of distinct) expect(identityKey(a), `${a} / ${b}`).not.toBe(identityKey(b));
  });

  it('compares after Unicode NFKC and keeps letters of every script', () => {
    // Full-width letters and digits, and the "ﬁ" ligature, are their plain forms after NFKC.
    expect(identityKey('ＧＰＴ－３')).toBe(identityKey('GPT-3'));
    expect(identityKey('ﬁnetuned')).toBe(identityKey('finetuned'));
    expect(identityKey('悟道 2.0')).not.toBe(identityKey('2.0'));
    expect(identityKey('λ-WASP')).not.toBe(identityKey('WASP'));
  });
});

describe('aliasKey', () => {
  it('ignores case and runs of white space only', () => {
    expect(aliasKey('  GPT-3  175B (davinci) ')).toBe('gpt-3 175b (davinci)');
    expect(aliasKey('GPT-3 175B')).not.toBe(aliasKey('GPT3 175B'));
  });
});

describe('namesLookAlike', () => {
  it('sees one name inside the other, or most words shared', () => {
    expect(namesLookAlike('GPT-3 175B', 'GPT-3 175B (davinci)')).toBe(true);
    expect(namesLookAlike('Galactica 120B', 'Galactica')).toBe(true);
    expect(namesLookAlike('Whisper large', 'Whisper')).toBe(true);
  });

  it('does not when the sizes contradict or nothing distinctive is shared', () => {
    expect(namesLookAlike('OPT-13B', 'OPT-175B')).toBe(false);
    expect(namesLookAlike('Large model', 'Large net')).toBe(false);
    expect(namesLookAlike('BERT', 'ELMo')).toBe(false);
  });
});

describe('organizationsOverlap', () => {
  it('needs a distinctive word in common, after known renamings', () => {
    expect(organizationsOverlap('Google; Toyota Technological Institute at Chicago', 'Toyota Technological Institute at Chicago, Google Research')).toBe(true);
    expect(organizationsOverlap('Facebook AI Research', 'Meta AI')).toBe(true);
    expect(organizationsOverlap('University of Toronto', 'University of Montreal')).toBe(false);
    expect(organizationsOverlap('', 'OpenAI')).toBe(false);
  });
});

describe('nameSlug', () => {
  it('is readable and distinct where the names are', () => {
    expect(nameSlug('OPT-1.3B', sha256)).toBe('opt-1.3b');
    expect(nameSlug('OPT-13B', sha256)).toBe('opt-13b');
    expect(nameSlug('Command R+', sha256)).toBe('command-r-plus');
    expect(nameSlug('Français Modèle', sha256)).toBe('francais-modele');
  });

  it('names a name without ASCII letters or digits by its hash, a valid id', () => {
    const slug = nameSlug('悟道', sha256);
    expect(slug).toMatch(/^x[0-9a-f]{10}$/);
    expect(slug).not.toBe(nameSlug('文心', sha256));
  });
});
