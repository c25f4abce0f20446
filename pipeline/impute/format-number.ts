/** Numbers in imputation formulas: plain for moderate magnitudes, 4 significant digits otherwise. */
import { formatPlain, formatScientific } from '../normalize/format.ts';

export function formulaNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e6) return formatPlain(Number(n.toPrecision(6)));
  return formatScientific(n, 4);
}
