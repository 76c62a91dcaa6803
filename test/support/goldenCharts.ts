import type { HistogramArgs } from '../../src/core/histogramSpec.js';

/** The charts with committed golden images; `npm run golden` regenerates them on purpose. */
export const GOLDEN_CHARTS: Readonly<Record<string, HistogramArgs>> = {
  dice: {
    data: [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4],
    title: 'Outcome of 20 dice rolls',
    xlabel: 'Outcome',
    ylabel: 'Frequency',
  },
  'uneven-edges': {
    data: [0.2, 0.4, 1.1, 1.5, 2.2, 2.8, 3.3, 4.9, 6.1, 7.7, 9.5, 9.9],
    title: 'Uneven bins keep their true widths',
    xlabel: 'Value',
    ylabel: 'Count',
    bins: { edges: [0, 1, 3, 4, 10] },
    image: { width: 600, height: 400 },
  },
};
