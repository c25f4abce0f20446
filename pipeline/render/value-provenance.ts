/**
 * Who produced a system's compute value and where it rests, as every tooltip and table shows it:
 * the system's authors (their paper), a third party (named, with its method and confidence, and
 * its own publication as the source), or this pipeline (its method, from the inputs' sources). A
 * third party's estimate never shows the authors' paper as its source.
 */
import type { ProcessedRecord } from '../schema/records.ts';
import { linkUrl } from './source-link.ts';
import { link } from './html.ts';

export interface ValueProvenance {
  /** "The authors", "Epoch AI (third party; confidence Speculative)", "This pipeline (operation counting, 6·N·D)". */
  by: string;
  /** The producer alone, for narrow tables: "The authors", "Epoch AI (third party)", "This pipeline (6·N·D)". */
  who: string;
  /** The publication the value rests on, as text. */
  source: string;
  /** Its link (https), '' without one. */
  link: string;
}

const PIPELINE_SHORT: Record<string, string> = { operations: '6·N·D', hardware: 'chip time' };

const PIPELINE_METHOD: Record<string, string> = {
  operations: 'operation counting, 6·N·D',
  hardware: 'hardware time: accelerators × hours × peak × utilization',
};

/** "Title (Year) https://…" or "… arXiv:1234.5678" → its text and its link. */
export function splitCitation(citation: string): { text: string; link: string } {
  const m = /^(.*\S)\s+((?:https?:\/\/|arXiv:|doi:)\S+)\s*$/.exec(citation.split('; ')[0]);
  return m ? { text: m[1], link: linkUrl(m[2]) } : { text: citation, link: '' };
}

/** A compute value's provenance as models.csv states it (flop_method, flop_provenance, flop_estimated_by, …). */
export interface ValueFields {
  method: string;
  kind: string;
  estimatedBy: string | null;
  confidence: string | null;
  estimationMethod: string | null;
  source: string;
}

/** Who produced a value and where it rests, from its fields and the system's paper. */
export function provenanceOf(f: ValueFields, paper: { text: string; link: string }): ValueProvenance | null {
  switch (f.kind) {
    case 'authors':
      return { by: f.method === 'converted' ? 'The authors (converted to FLOP by us)' : 'The authors (stated in FLOP)', who: 'The authors', source: paper.text, link: paper.link };
    case 'third-party': {
      const details = [f.confidence ? `confidence ${f.confidence}` : '', f.estimationMethod ? `method: ${f.estimationMethod}` : ''].filter(Boolean);
      const src = splitCitation(f.source);
      const who = `${f.estimatedBy || 'A third party'} (third party`;
      return { by: `${who}${details.length ? `; ${details.join('; ')}` : ''})`, who: `${who})`, source: src.text, link: src.link };
    }
    case 'pipeline': {
      const src = splitCitation(f.source);
      return { by: `This pipeline (${PIPELINE_METHOD[f.method] ?? f.method})`, who: `This pipeline (${PIPELINE_SHORT[f.method] ?? f.method})`, source: `inputs from ${src.text}`, link: src.link || paper.link };
    }
    default:
      return null;
  }
}

export function valueProvenance(r: ProcessedRecord): ValueProvenance | null {
  const f = r.flop;
  if (f === null) return null;
  const paper = { text: `${r.citation.title} (${r.citation.year})`, link: linkUrl(r.citation.link) };
  const p = f.provenance;
  return provenanceOf({ method: f.method, kind: p.kind, estimatedBy: p.estimatedBy ?? null, confidence: p.confidence ?? null, estimationMethod: p.estimationMethod ?? null, source: f.source }, paper);
}
/** The columns saying who produced a compute value and where it rests (value-provenance.ts). */
export function valueColumns<T>(record: (row: T) => ProcessedRecord) {
  const v = (row: T) => valueProvenance(record(row));
  return [
    { title: 'Value by', value: (row: T) => v(row)?.by ?? '' },
    { title: 'Source of the value', value: (row: T) => v(row)?.source ?? '', html: (row: T) => (v(row) ? link(v(row)!.link, v(row)!.source) : '') },
  ];
}

