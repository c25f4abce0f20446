/**
 * The optimal length of a training run (Epoch AI, "The longest training run", 2022,
 * https://epoch.ai/blog/the-longest-training-run). The model and its numerical check live in
 * run-length-model.ts; literature rates, the scenario table and the Monte Carlo in run-length-scenarios.ts.
 */
export * from './run-length-model.ts';
export * from './run-length-scenarios.ts';
