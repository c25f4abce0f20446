/**
 * Seeded synthetic records for the scale benchmark, written as data/raw/models.csv is: the same
 * 27 columns, values as sources write them (`175B`, `3640` with `pf/s-days`, `14.8 days`), a mix
 * of reported FLOP, converted units, accelerator time (impute: hardware method) and parameters ×
 * tokens only (impute: operations method), and publication dates from 1952 to 2026 with a
 * log-compute trend that bends in 2010, so every fit of the analyze stage has data.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng } from '../pipeline/analyze/stats/index.ts';
import { RAW_MODEL_COLUMNS } from '../pipeline/schema/raw-columns.ts';

const ORGS = ['OpenAI', 'Google DeepMind', 'Meta AI', 'Microsoft Research', 'Anthropic', 'University of Toronto', 'Stanford University', 'Tsinghua University'];
const DOMAINS = ['language', 'vision', 'games', 'speech', 'multimodal', 'recommendation', 'other'] as const;
const ARCHS = ['transformer', 'cnn', 'rnn', 'mlp', 'moe', 'other'];
const HARDWARE = [
  { id: 'nvidia-v100', from: 2017 },
  { id: 'nvidia-a100', from: 2020 },
  { id: 'google-tpu-v3', from: 2018 },
];

/** A count as sources write it: `175.0B`, `340M`, `6.7 billion`, `1.50e+9` or a plain integer. */
function fmtSize(n: number, pick: number): string {
  if (pick < 0.2) return n.toExponential(2);
  if (n >= 1e9) return pick < 0.6 ? `${(n / 1e9).toFixed(1)}B` : `${(n / 1e9).toFixed(2)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  return String(Math.round(n));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Writes `rows` records to `path`; the same seed and row count give the same bytes. */
export async function writeSyntheticModels(path: string, rows: number, seed = 20261124): Promise<number> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${RAW_MODEL_COLUMNS.join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    const year = 1952 + Math.floor(rng.next() * 74);
    const month = 1 + rng.int(year === 2026 ? 10 : 12);
    const day = 1 + rng.int(28);
    const t = year + (month - 1) / 12;
    // log10 FLOP: 0.2 orders of magnitude a year before 2010, 0.6 after, noise of ±1.
    const log10Flop = 4 + 0.2 * (t - 1952) + 0.4 * Math.max(0, t - 2010) + rng.normal();
    const flop = 10 ** Math.min(29, Math.max(1, log10Flop));
    const params = Math.max(10, Math.round(Math.sqrt(flop / 120)));
    const tokens = Math.max(10, Math.round(flop / (6 * params)));
    const c: Record<string, string> = Object.fromEntries(RAW_MODEL_COLUMNS.map((k) => [k, '']));
    c.id = `sys-${i}`;
    c.name = `System ${i}`;
    c.organization = ORGS[rng.int(ORGS.length)];
    c.domain = DOMAINS[rng.int(DOMAINS.length)];
    c.architecture = ARCHS[rng.int(ARCHS.length)];
    c.publication_date = rng.next() < 0.8 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    c.source_title = `A synthetic system, number ${i}`;
    c.source_year = String(year);
    c.source_link = `arXiv:${String(1000 + (i % 9000)).padStart(4, '0')}.${String(i % 100000).padStart(5, '0')}`;
    const kind = rng.next();
    const hw = HARDWARE.find((h) => year >= h.from + 1);
    if (kind < 0.45) {
      c.training_compute = flop.toExponential(3);
      c.training_compute_unit = 'FLOP';
    } else if (kind < 0.65) {
      c.training_compute = (flop / 8.64e19).toPrecision(4);
      c.training_compute_unit = 'pf/s-days';
      c.parameters = fmtSize(params, rng.next());
    } else if (kind < 0.8 && hw) {
      // Accelerator time: the impute stage multiplies by peak FLOP/s and utilization.
      c.hardware = hw.id;
      c.hardware_count = String(8 + rng.int(4000));
      c.training_time = `${(1 + rng.next() * 60).toFixed(1)} days`;
    } else {
      c.parameters = fmtSize(params, rng.next());
      c.training_tokens = fmtSize(tokens, rng.next());
    }
    c.notes = `Synthetic record ${i}; values drawn from a seeded generator.`;
    await write(`${RAW_MODEL_COLUMNS.map((k) => (/[",\n]/.test(c[k]) ? `"${c[k].replace(/"/g, '""')}"` : c[k])).join(',')}\n`);
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
