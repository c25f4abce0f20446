/**
 * The bootstrap seeds of the trend analyses, by name, as offsets from the run's base seed (the
 * eras use 1–62). Each fit records the seed it used (fits.json, bootstrap.seed), so an interval
 * can be reproduced alone; the offsets keep every analysis on a stream of its own.
 */
export const TREND_SEEDS = {
  /** Plus the domain's index (0–5); the matched window's four domains from +10. */
  domainTrends: 100,
  /** Duration +0/+1 (all, frontier), chips +2/+3, chip-hours +4/+5. */
  runScale: 200,
  /** Each cost basis +2k/+2k+1 (all, frontier), acquisition cost +40/+41, power +50/+51. */
  costAndPower: 300,
  /** Industry shares by period +0…, open and closed record-setters +20/+21. */
  whoTrains: 400,
  tokensPerParameter: 600,
} as const;
