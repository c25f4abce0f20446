/**
 * The one list of the fields readers can filter, plot and colour by (the Explorer) and see in the
 * Data page: each a column of data/processed/models.csv (pipeline/schema/models.columns.yaml)
 * with a label and how to show it. A new models.csv column becomes a filter, an axis or a colour
 * with one line here. A field whose column is not in models.csv, or is empty for every system, is
 * left out of the site (its filter is hidden, not broken).
 */
import type { ColumnMeta } from '../impute/processed-table.ts';

export interface SiteField {
  /** Short key: the data file's column name and the URL's parameter. */
  key: string;
  /** The models.csv column it reads. */
  column: string;
  label: string;
  /**
   * number: an axis (and a range filter for dates); category: a filter and a colour. A category
   * column may hold several values joined by "; " (organizations, countries), matched one by one.
   */
  kind: 'number' | 'date' | 'category';
  /** Default scale of a number axis. */
  scale?: 'log' | 'linear';
  /** Several values joined by "; ". */
  multi?: boolean;
  /**
   * The key of the category field naming the basis a number is stated on (training cost: cloud,
   * upfront, 2023 USD). Values on different bases are never plotted together: the Explorer draws
   * one basis at a time and says which; without its basis field the number is left out.
   */
  basis?: string;
}

export const SITE_FIELDS: readonly SiteField[] = [
  { key: 'year', column: 'year', label: 'Publication date', kind: 'date', scale: 'linear' },
  { key: 'flop', column: 'training_compute_flop', label: 'Training compute (FLOP)', kind: 'number', scale: 'log' },
  { key: 'params', column: 'parameters', label: 'Parameters', kind: 'number', scale: 'log' },
  { key: 'tokens', column: 'training_tokens', label: 'Training tokens', kind: 'number', scale: 'log' },
  { key: 'cost', column: 'training_cost_usd', label: 'Training cost (US dollars)', kind: 'number', scale: 'log', basis: 'costbasis' },
  { key: 'hours', column: 'training_time_hours', label: 'Training duration (hours)', kind: 'number', scale: 'log' },
  { key: 'chiphours', column: 'chip_hours', label: 'Chip-hours', kind: 'number', scale: 'log' },
  { key: 'power', column: 'power_draw_w', label: 'Power draw (watts)', kind: 'number', scale: 'log' },
  { key: 'domain', column: 'domain', label: 'Domain', kind: 'category' },
  { key: 'org', column: 'organization', label: 'Organization', kind: 'category', multi: true },
  { key: 'orgtype', column: 'organization_category', label: 'Organization type', kind: 'category', multi: true },
  { key: 'country', column: 'country', label: 'Country', kind: 'category', multi: true },
  { key: 'open', column: 'open_weights', label: 'Open weights', kind: 'category' },
  { key: 'prov', column: 'flop_provenance', label: 'Who produced the compute value', kind: 'category' },
  { key: 'confidence', column: 'flop_confidence', label: 'Confidence of a third-party estimate', kind: 'category' },
  { key: 'method', column: 'flop_method', label: 'How the compute value was obtained', kind: 'category' },
  { key: 'arch', column: 'architecture', label: 'Architecture', kind: 'category' },
  { key: 'costbasis', column: 'training_cost_basis', label: 'Training cost basis', kind: 'category' },
];

/** The fields whose column models.csv has (and, for a number stated on a basis, its basis field's column), in list order. */
export function availableFields(columns: readonly ColumnMeta[], fields: readonly SiteField[] = SITE_FIELDS): SiteField[] {
  const names = new Set(columns.map((c) => c.name));
  const has = (f: SiteField | undefined) => f !== undefined && names.has(f.column);
  return fields.filter((f) => has(f) && (f.basis === undefined || has(fields.find((b) => b.key === f.basis))));
}

/** "training_time_hours" → "Training time hours": the Data page's name for a column no field labels. */
export function columnLabel(column: string, fields: readonly SiteField[] = SITE_FIELDS): string {
  const f = fields.find((x) => x.column === column);
  if (f) return f.label;
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
