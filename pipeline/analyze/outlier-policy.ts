/**
 * Which fits leave the low outliers out (systems far below their contemporaries in compute: a
 * z-score under the eras' low threshold) and which keep them. Sevilla et al. (2022) leave them out
 * of their era trends; the fits that reproduce or extend those trends do the same. The frontier
 * series keep them: a record-setter or a member of the running top 10 is by definition not far
 * below its contemporaries, and a rule about compute says nothing about parameter or token counts.
 * The pages print these lists as they are, so a sentence about outliers can only say what the code does.
 */
export const OUTLIER_POLICY = {
  excluded: [
    'the era trends (pre-deep-learning, deep-learning, large-scale and regular-scale)',
    'the alternative era definitions and the sensitivity rows',
    'the fits beside Sevilla et al. (2022) and beside Epoch AI’s trend of notable models',
    'the overall trend and the breakpoint search',
    'the compute trends of the economic periods',
    'the deep-learning and large-scale trends of the run-length model',
  ],
  included: [
    'the record-setters and the running top 10, and the fits on them (the frontier, AI and Compute, Epoch AI’s frontier)',
    'the parameter and training-token trends, and the parameter trends of the economic periods (the rule concerns compute)',
  ],
};
