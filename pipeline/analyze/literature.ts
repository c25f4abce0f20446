/**
 * The published figures the report compares itself with, each with the work it comes from, the
 * definition and window it was fitted on, and where in the work it stands. Only figures read in the
 * source itself are here; every one is cited on the page that shows it.
 *
 * Sources (as read):
 * - Sevilla, Heim, Ho, Besiroglu, Hobbhahn & Villalobos (2022), "Compute Trends Across Three Eras of
 *   Machine Learning", arXiv:2202.05924: the summary table of doubling times by era (quantiles 0.025
 *   and 0.975 of a bootstrap, as [low, high]); its authors' summary post numbers that table "Table 1"
 *   (https://www.alignmentforum.org/posts/XKtybmbjhC6mXDm5z). Appendix E compares the paper with
 *   OpenAI's window (republished as https://www.lesswrong.com/posts/sDiGGhpw7Evw7zdR4).
 * - Amodei & Hernandez (2018), "AI and Compute", OpenAI: a 3.4-month doubling of the compute of the
 *   largest training runs since 2012 (the first version said 3.5 months; a footnote corrects it).
 * - Epoch AI (2024), "Training Compute of Frontier AI Models Grows by 4-5x per Year": 4–5×/year for
 *   notable models and the running top 10; frontier growth since 2018 "better described as a 4x/year
 *   trend". Epoch AI, "The training compute of notable AI models is doubling roughly every five
 *   months" (data insight): 4.6×/year since 2010.
 */

export interface Citation {
  text: string;
  url: string;
}

export const SEVILLA_2022: Citation = {
  text: 'Sevilla et al. (2022), "Compute Trends Across Three Eras of Machine Learning", arXiv:2202.05924',
  url: 'https://arxiv.org/abs/2202.05924',
};

export const SEVILLA_2022_SUMMARY_POST: Citation = {
  text: 'Sevilla et al. (2022), summary post "Compute Trends Across Three Eras of Machine Learning", Table 1',
  url: 'https://www.alignmentforum.org/posts/XKtybmbjhC6mXDm5z/compute-trends-across-three-eras-of-machine-learning',
};

export const SEVILLA_2022_APPENDIX_E: Citation = {
  text: 'Sevilla et al. (2022), "Compute Trends Across Three Eras of Machine Learning", as republished: "Comparison to OpenAI\'s AI and Compute"',
  url: 'https://www.lesswrong.com/posts/sDiGGhpw7Evw7zdR4/compute-trends-comparison-to-openai-s-ai-and-compute',
};

export const AMODEI_HERNANDEZ_2018: Citation = {
  text: 'Amodei & Hernandez (2018), "AI and Compute", OpenAI',
  url: 'https://openai.com/index/ai-and-compute/',
};

export const EPOCH_FRONTIER_2024: Citation = {
  text: 'Epoch AI (2024), "Training Compute of Frontier AI Models Grows by 4-5x per Year"',
  url: 'https://epoch.ai/blog/training-compute-of-frontier-ai-models-grows-by-4-5x-per-year',
};

export const EPOCH_NOTABLE_SINCE_2010: Citation = {
  text: 'Epoch AI, "The training compute of notable AI models is doubling roughly every five months"',
  url: 'https://epoch.ai/data-insights/compute-trend-post-2010',
};

export const VILLALOBOS_2022: Citation = {
  text: 'Villalobos, Sevilla, Besiroglu, Heim, Ho & Hobbhahn (2022), "Machine Learning Model Sizes and the Parameter Gap", arXiv:2207.02852',
  url: 'https://arxiv.org/abs/2207.02852',
};

export const JONES_2022: Citation = {
  text: 'Jones (2022), "Growth in FLOPs used to train ML models", The Shape of Code',
  url: 'https://shape-of-code.com/2022/03/13/growth-in-flops-used-to-train-ml-models/',
};

/** Which systems a published trend was fitted on, in the paper's own terms. */
export type Definition = 'all' | 'regular-scale' | 'large-scale' | 'record-setters' | 'running-top';

/** A published trend: a doubling time (with its interval where given) or a growth range per year. */
export interface PublishedTrend {
  key: string;
  /** What was fitted, as the page names it. */
  label: string;
  definition: Definition;
  /** The window of publication dates fitted, ISO (inclusive). */
  from: string;
  to: string;
  /** Systems fitted, where the source gives it. */
  n: number | null;
  /** Doubling time in months, or null for a figure given as growth per year. */
  doubling_months: number | null;
  /** 95% interval of the doubling time in months, where given. */
  doubling_ci95: [number, number] | null;
  /** Growth per year, as a range [low, high] (a single figure has low = high), where the source gives growth. */
  growth_per_year: [number, number] | null;
  source: Citation;
  /** Where in the source: "Table 1", "Appendix E", … */
  where: string;
  /** The window in words where the source gives none more exact than this. */
  window_text?: string;
  /**
   * The window of "our fit to date" when it is not [from, our newest data]: a closed era (the
   * pre-deep-learning era ends in 2009 whatever the data) takes all our systems of that era.
   */
  current_window?: [string, string];
}

/**
 * The paper's data end in February 2022 (Appendix E: "AlphaZero to present, 12-2017 to 02-2022").
 * Its windows end there.
 */
export const SEVILLA_DATA_END = '2022-02-28';
/** The large-scale era's start in the paper: "late 2015", AlphaGo Fan (September 2015). */
export const SEVILLA_LARGE_SCALE_START = '2015-09-01';

/** The summary table: one trend per era, each on the paper's own definition and window. */
export const SEVILLA_ERAS: readonly PublishedTrend[] = [
  {
    key: 'pre_deep_learning',
    label: 'Pre-deep-learning era, all systems',
    definition: 'all',
    from: '1952-01-01',
    to: '2009-12-31',
    n: 19,
    doubling_months: 21.3,
    doubling_ci95: [17.0, 29.3],
    growth_per_year: null,
    current_window: ['1900-01-01', '2009-12-31'],
    source: SEVILLA_2022,
    where: 'summary table (Table 1 of the authors\' summary post)',
  },
  {
    key: 'deep_learning',
    label: 'Deep-learning era, regular-scale systems',
    definition: 'regular-scale',
    from: '2010-01-01',
    to: SEVILLA_DATA_END,
    n: 72,
    doubling_months: 5.7,
    doubling_ci95: [4.3, 9.0],
    growth_per_year: null,
    source: SEVILLA_2022,
    where: 'summary table (Table 1 of the authors\' summary post)',
  },
  {
    key: 'large_scale',
    label: 'Large-scale era, large-scale systems',
    definition: 'large-scale',
    from: SEVILLA_LARGE_SCALE_START,
    to: SEVILLA_DATA_END,
    n: 16,
    doubling_months: 9.9,
    doubling_ci95: [7.7, 17.1],
    growth_per_year: null,
    source: SEVILLA_2022,
    where: 'summary table (Table 1 of the authors\' summary post)',
  },
];

/** Appendix E: the paper's trends on OpenAI's window, AlexNet (September 2012) to AlphaZero (December 2017). */
export const SEVILLA_APPENDIX_E: readonly PublishedTrend[] = [
  {
    key: 'openai_window_all',
    label: 'AlexNet to AlphaZero, all systems',
    definition: 'all',
    from: '2012-09-01',
    to: '2017-12-31',
    n: 31,
    doubling_months: 3.7,
    doubling_ci95: [2.8, 6.2],
    growth_per_year: null,
    source: SEVILLA_2022_APPENDIX_E,
    where: 'Appendix E',
  },
  {
    key: 'openai_window_regular',
    label: 'AlexNet to AlphaZero, regular-scale systems',
    definition: 'regular-scale',
    from: '2012-09-01',
    to: '2017-12-31',
    n: 24,
    doubling_months: 4.5,
    doubling_ci95: [3.2, 7.8],
    growth_per_year: null,
    source: SEVILLA_2022_APPENDIX_E,
    where: 'Appendix E',
  },
  {
    key: 'openai_window_large',
    label: 'AlphaGo Fan to AlphaZero, large-scale systems',
    definition: 'large-scale',
    from: '2015-09-01',
    to: '2017-12-31',
    n: null,
    doubling_months: 3.0,
    doubling_ci95: [2.1, 3.5],
    growth_per_year: null,
    source: SEVILLA_2022_APPENDIX_E,
    where: 'Appendix E',
  },
];

/**
 * OpenAI's window: AlexNet to AlphaGo Zero, the first and last systems of its figure, on the dates
 * Epoch AI's dataset gives them (AlexNet 2012-09-30, AlphaGo Zero 2017-10-19).
 */
export const AI_AND_COMPUTE: PublishedTrend = {
  key: 'ai_and_compute',
  label: 'AlexNet to AlphaGo Zero, the largest runs',
  definition: 'record-setters',
  from: '2012-09-30',
  to: '2017-10-19',
  n: null,
  doubling_months: 3.4,
  doubling_ci95: null,
  growth_per_year: null,
  source: AMODEI_HERNANDEZ_2018,
  where: 'main text (3.4 months after a correction of the first version\'s 3.5)',
};

/** Epoch AI's current figures. Their frontier: the running top 10 by training compute. */
export const EPOCH_FIGURES: readonly PublishedTrend[] = [
  {
    key: 'epoch_notable_since_2010',
    label: 'Notable models since 2010',
    definition: 'all',
    from: '2010-01-01',
    to: '9999-12-31',
    n: null,
    doubling_months: null,
    doubling_ci95: null,
    growth_per_year: [4.6, 4.6],
    source: EPOCH_NOTABLE_SINCE_2010,
    where: 'data insight',
  },
  {
    key: 'epoch_frontier',
    label: 'Running top 10 (the frontier), recent years',
    definition: 'running-top',
    from: '2010-01-01',
    to: '2024-05-31',
    n: null,
    doubling_months: null,
    doubling_ci95: null,
    growth_per_year: [4, 5],
    source: EPOCH_FRONTIER_2024,
    where: 'summary',
    window_text: 'recent years (fitted here from 2010 to May 2024, the end of the post\'s data)',
  },
  {
    key: 'epoch_frontier_since_2018',
    label: 'Running top 10 (the frontier) since 2018',
    definition: 'running-top',
    from: '2018-01-01',
    to: '2024-05-31',
    n: null,
    doubling_months: null,
    doubling_ci95: null,
    growth_per_year: [4, 4],
    source: EPOCH_FRONTIER_2024,
    where: 'summary ("recent frontier growth since 2018 is better described as a 4x/year trend")',
  },
];

/**
 * Epoch AI's frontier definition, as its post names it: "the running top 10 of models by compute".
 * A system is in it when, among all systems published up to its publication date, at most nine
 * have more training compute.
 */
export const RUNNING_TOP_N = 10;
