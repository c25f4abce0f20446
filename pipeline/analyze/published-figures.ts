/**
 * The published figures the trend analyses are set beside, each with its source and what it
 * covers. `verified: false` marks a figure that could not be checked against its source when it
 * was entered; the pages say so next to it rather than present it as checked.
 */
import type { Anchor } from '../schema/fits.ts';
import { SEVILLA_2022, SEVILLA_DATA_END } from './literature.ts';

const SEVILLA = SEVILLA_2022.text;
const SEVILLA_URL = SEVILLA_2022.url;
const SEVILLA_NOTE =
  'As quoted in issue #19 ("Table 7"); the table number, its window, intervals and domain definitions could not be checked against the paper here.';

const perDomain = (value: number): Anchor => ({
  value,
  unit: 'doubling_months',
  interval: null,
  level: null,
  scope: 'Deep-learning era, per domain',
  citation: SEVILLA,
  short: 'Sevilla et al. (2022)',
  url: SEVILLA_URL,
  verified: false,
  note: SEVILLA_NOTE,
});

/** Sevilla et al.'s per-domain doubling times of the deep-learning era. */
export const SEVILLA_DOMAINS: Record<'vision' | 'language' | 'games' | 'other', Anchor> = {
  vision: perDomain(6.0),
  language: perDomain(4.8),
  games: perDomain(4.5),
  other: perDomain(6.8),
};

/** The paper's deep-learning era: from 2010 to its data's end (literature.ts SEVILLA_DATA_END). */
export const SEVILLA_WINDOW = { from: '2010-01-01', to: SEVILLA_DATA_END };

const NOTABLE = 'https://epoch.ai/data/notable-ai-models';

export const DURATION_ALL: Anchor = {
  value: 1.2,
  unit: 'growth_per_year',
  interval: null,
  level: null,
  scope: 'Notable models since 2010, excluding models fine-tuned from a base model',
  citation: 'Epoch AI, Data on Notable AI Models, data insight "The length of time spent training notable models is growing" (2024)',
  short: 'Epoch AI (2024)',
  url: NOTABLE,
  verified: true,
  note: null,
};

export const DURATION_FRONTIER: Anchor = {
  value: 1.4,
  unit: 'growth_per_year',
  interval: null,
  level: null,
  scope: 'Frontier language-model training runs',
  citation: 'Epoch AI (2025), data insight "Frontier LLM training runs can\u2019t get much longer"',
  short: 'Epoch AI (2025)',
  url: 'https://epoch.ai/data-insights/longest-training-run',
  verified: true,
  note: 'Read from Epoch AI\u2019s announcement of the insight; it covers language models only.',
};

export const COST_FRONTIER: Anchor = {
  value: 2.4,
  unit: 'growth_per_year',
  interval: [2.0, 3.1],
  level: '95%',
  scope: 'Amortized hardware and energy cost of the final training run, frontier models (top 10 by compute at release), since 2016',
  citation: 'Cottier, Rahman, Fattorini, Maslej, Besiroglu & Owen (2024), The rising costs of training frontier AI models, arXiv:2405.21015',
  short: 'Cottier et al. (2024)',
  url: 'https://arxiv.org/abs/2405.21015',
  verified: true,
  note: 'A revised version of the paper gives a 90% interval of 2.0–2.9×. Their cost basis (amortized hardware and energy) differs from an export’s stated basis.',
};

export const POWER_FRONTIER: Anchor = {
  value: 2.1,
  unit: 'growth_per_year',
  interval: [1.9, 2.2],
  level: '90%',
  scope: 'Power draw of training runs, frontier models (top 10 by compute at release) since 2010, 45 models',
  citation: 'Emberson & Rahman (2024), Epoch AI data insight "The power required to train frontier AI models is doubling annually"',
  short: 'Emberson & Rahman, Epoch AI (2024)',
  url: 'https://epoch.ai/data-insights/power-usage-trend',
  verified: true,
  note: null,
};

export const OPEN_LAG: Anchor = {
  value: 1,
  unit: 'years',
  interval: null,
  level: null,
  scope: 'Best open-weights against best closed models, in benchmark performance and training compute, to late 2024',
  citation: 'Cottier, You, Martemianova & Owen (2024), How far behind are open models?, Epoch AI',
  short: 'Cottier et al., Epoch AI (2024)',
  url: 'https://epoch.ai/blog/open-models-report',
  verified: true,
  note: 'Their summary: "a lag of about one year".',
};

/** Hoffmann et al.'s compute-optimal allocation: Chinchilla, 70 billion parameters on 1.4 trillion tokens. */
export const COMPUTE_OPTIMAL_TOKENS_PER_PARAMETER: Anchor = {
  value: 20,
  unit: 'tokens_per_parameter',
  interval: null,
  level: null,
  scope: 'Dense transformer language models trained compute-optimally (Chinchilla: 70B parameters, 1.4T tokens)',
  citation: 'Hoffmann et al. (2022), Training Compute-Optimal Large Language Models, arXiv:2203.15556',
  short: 'Hoffmann et al. (2022)',
  url: 'https://arxiv.org/abs/2203.15556',
  verified: true,
  note: 'About 20 tokens per parameter; the paper’s fitted optimum varies somewhat with the compute budget.',
};

export const POLICY_THRESHOLDS = [
  {
    threshold: 1e25,
    label: 'EU AI Act: a general-purpose AI model is presumed to have high-impact capabilities (systemic risk) above 10²⁵ FLOP of training compute',
    citation: 'Regulation (EU) 2024/1689 (AI Act), Article 51(2)',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    note: 'The Commission may amend the threshold by delegated act (Article 51(3)).',
  },
  {
    threshold: 1e26,
    label: 'US Executive Order 14110: developers of models trained with more than 10²⁶ operations had to report them to the federal government',
    citation: 'Executive Order 14110 of 30 October 2023, Section 4.2(b)(i)',
    url: 'https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence',
    note: 'Revoked on 20 January 2025 by Executive Order 14148; the threshold is still widely used as a reference.',
  },
];
