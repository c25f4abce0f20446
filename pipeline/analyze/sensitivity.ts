/**
 * The subsets of compute values the sensitivity analysis refits the headline trends on, by who
 * produced the values (pipeline/schema/records.ts: PROVENANCE_OF_METHOD): all of them, the
 * authors' own statements only, all but third parties' estimates, all but this pipeline's.
 */
import { FLOP_METHODS, PROVENANCE_OF_METHOD, type FlopMethod, type ProvenanceKind } from '../schema/records.ts';

export interface SensitivitySubset {
  label: string;
  methods: readonly FlopMethod[];
}

const methodsOf = (keep: (kind: ProvenanceKind) => boolean): FlopMethod[] => FLOP_METHODS.filter((m) => keep(PROVENANCE_OF_METHOD[m]));

export const SENSITIVITY_SUBSETS: readonly SensitivitySubset[] = [
  { label: 'All values', methods: [...FLOP_METHODS] },
  { label: 'Stated by the authors only', methods: methodsOf((k) => k === 'authors') },
  { label: 'Without third-party estimates', methods: methodsOf((k) => k !== 'third-party') },
  { label: 'Without our imputations', methods: methodsOf((k) => k !== 'pipeline') },
];
