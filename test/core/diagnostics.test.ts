import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BIN_RULES, planBins, prepareValues } from '../../src/core/binning.js';
import type { AutoEstimator, BinRule, BinsSpec, Range } from '../../src/core/binning.js';
import { STONE_DIAGNOSTIC_MAX_VALUES, binningDiagnostics } from '../../src/core/diagnostics.js';
import type { RuleCandidate } from '../../src/core/diagnostics.js';
import { computeHistogram } from '../../src/core/histogram.js';
import { ChartqlError } from '../../src/errors.js';
import { assertClose, dataset } from './numpyFixtures.js';

/** [rule, numpy's estimated width, numpy's bin count] */
type Row = readonly [BinRule, number, number];

interface Reference {
  name: string;
  data: number[];
  range?: Range;
  /**
   * Produced by numpy 2.4.6, with `a = np.array(data, dtype=float)` and (first, last) =
   * `numpy.lib._histograms_impl._get_outer_edges(a, range)`:
   *   width: `numpy.lib._histograms_impl._hist_bin_selectors[rule.lower()](kept, (first, last))`,
   *     kept being the values inside [first, last] (the width `np.histogram_bin_edges` bins by);
   *   count: `numpy.histogram_bin_edges(a, rule.lower(), range=range).size - 1`, or for more
   *     than 1000 bins `int(np.ceil((last - first) / width))`, the count numpy would make.
   */
  rows: readonly Row[];
  /** The `_hist_bin_auto` branch that numpy's fd, sqrt / 2 and sturges widths (below) select. */
  autoChoice: AutoEstimator;
  integer: RuleCandidate;
}

const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];
const TRIANGULAR = Array.from({ length: 200 }, (_, i) => (i % 17) + (i % 13));
const FRACTIONS = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 1000) / 10);
const OUTLIER = Array.from({ length: 1000 }, (_, i) => i / 1000).concat([1e6]);
const BIG = Array.from({ length: 10_001 }, (_, i) => ((i * 7919) % 10007) / 100);

const usableInteger = (binCount: number): RuleCandidate => ({
  rule: 'INTEGER',
  binWidth: 1,
  binCount,
  usable: true,
  reason: null,
});
const fractional = (value: number): RuleCandidate => ({
  rule: 'INTEGER',
  binWidth: null,
  binCount: null,
  usable: false,
  reason: `${value} is not a whole number`,
});

const REFERENCES: readonly Reference[] = [
  {
    // fd 2.2104188991842317 > sturges 0.9395091235455378: STURGES caps it.
    name: 'dice',
    data: DICE,
    rows: [
      ['AUTO', 0.9395091235455378, 6],
      ['FD', 2.2104188991842317, 3],
      ['DOANE', 0.8845879983920487, 6],
      ['SCOTT', 2.128763142470728, 3],
      ['STONE', 0.05, 100],
      ['RICE', 0.9210078746600967, 6],
      ['STURGES', 0.9395091235455378, 6],
      ['SQRT', 1.118033988749895, 5],
    ],
    autoChoice: 'STURGES',
    integer: usableInteger(6),
  },
  {
    // The 14 values in [2, 5]: fd 1.452196433390926 > sturges 0.6240437930295284.
    name: 'dice, range [2, 5]',
    data: DICE,
    range: { min: 2, max: 5 },
    rows: [
      ['AUTO', 0.6240437930295284, 5],
      ['FD', 1.452196433390926, 3],
      ['DOANE', 0.5354936696860918, 6],
      ['SCOTT', 1.5893297515443605, 2],
      ['STONE', 0.03, 100],
      ['RICE', 0.6223699000246826, 5],
      ['STURGES', 0.6240437930295284, 5],
      ['SQRT', 0.8017837257372732, 4],
    ],
    autoChoice: 'STURGES',
    integer: usableInteger(4),
  },
  {
    // sqrt/2 0.9545941546018392 ≤ fd 3.077956704018055 ≤ sturges 3.1236058776567495: FD.
    name: '(i % 17) + (i % 13), i < 200',
    data: TRIANGULAR,
    rows: [
      ['AUTO', 3.077956704018055, 9],
      ['FD', 3.077956704018055, 9],
      ['DOANE', 3.0585598511450103, 9],
      ['SCOTT', 3.6199908082447223, 8],
      ['STONE', 0.27, 100],
      ['RICE', 2.308467528013541, 12],
      ['STURGES', 3.1236058776567495, 9],
      ['SQRT', 1.9091883092036783, 15],
    ],
    autoChoice: 'FD',
    integer: usableInteger(28),
  },
  {
    // Zero IQR: fd 0 < sqrt/2 0.15811388300841897 < sturges 0.2313782131597592: the SQRT floor.
    name: 'nine zeros and a one',
    data: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    rows: [
      ['AUTO', 0.15811388300841897, 7],
      ['FD', 0, 1],
      ['DOANE', 0.14688472643505907, 7],
      ['SCOTT', 0.4860899559965664, 3],
      ['STONE', 0.01, 100],
      ['RICE', 0.23207944168063893, 5],
      ['STURGES', 0.2313782131597592, 5],
      ['SQRT', 0.31622776601683794, 4],
    ],
    autoChoice: 'SQRT',
    integer: usableInteger(2),
  },
  {
    // fd 17.065559947833442 > sturges 11.418514819434117.
    name: '((i · 7919) mod 1000) / 10, i < 200',
    data: FRACTIONS,
    rows: [
      ['AUTO', 11.418514819434117, 9],
      ['FD', 17.065559947833442, 6],
      ['DOANE', 11.31373642593198, 9],
      ['SCOTT', 17.367629488515938, 6],
      ['STONE', 98.7, 1],
      ['RICE', 8.438731296849502, 12],
      ['STURGES', 11.418514819434117, 9],
      ['SQRT', 6.979143930311224, 15],
    ],
    autoChoice: 'STURGES',
    integer: fractional(0.3),
  },
];

function candidateOf(candidates: readonly RuleCandidate[], rule: BinRule): RuleCandidate {
  const found = candidates.find((c) => c.rule === rule);
  assert.ok(found, `a candidate for ${rule}`);
  return found;
}

function assertRow(candidate: RuleCandidate, [rule, width, count]: Row, what: string): void {
  assertClose(candidate.binWidth, width, 1e-12, 0, `${what}: ${rule} width`);
  assert.equal(candidate.binCount, count, `${what}: ${rule} bin count`);
  assert.equal(candidate.usable, true, `${what}: ${rule} usable`);
  assert.equal(candidate.reason, null, `${what}: ${rule} reason`);
}

describe('binning diagnostics against numpy', () => {
  for (const ref of REFERENCES) {
    test(ref.name, () => {
      const { diagnostics } = computeHistogram(ref.data, { kind: 'rule', rule: 'AUTO' }, ref.range);
      assert.deepEqual(
        diagnostics.candidates.map((c) => c.rule),
        [...BIN_RULES],
        'every rule, in BIN_RULES order',
      );
      for (const row of ref.rows) assertRow(candidateOf(diagnostics.candidates, row[0]), row, '');
      assert.deepEqual(candidateOf(diagnostics.candidates, 'INTEGER'), ref.integer);
      assert.equal(diagnostics.autoChoice, ref.autoChoice);
      assert.equal(diagnostics.chosen, 'AUTO');
    });
  }

  test('each rule asked for reports the same candidates, with itself as chosen', () => {
    for (const ref of REFERENCES) {
      for (const [rule] of ref.rows) {
        const result = computeHistogram(ref.data, { kind: 'rule', rule }, ref.range);
        assert.equal(result.diagnostics.chosen, rule);
        assert.equal(result.binning.binCount, ref.rows.find((r) => r[0] === rule)?.[2]);
        for (const row of ref.rows) {
          assertRow(
            candidateOf(result.diagnostics.candidates, row[0]),
            row,
            `${ref.name}, ${rule}`,
          );
        }
      }
    }
  });

  test('a rule that would make more than 1000 bins is unusable, with numpy’s count', () => {
    // 0, 0.001, …, 0.999 and 1e6. fd 0.09996668887161934 < sqrt/2 15803.488531025348: SQRT.
    const { diagnostics } = computeHistogram(OUTLIER, { kind: 'rule', rule: 'AUTO' }, undefined);
    assert.deepEqual(candidateOf(diagnostics.candidates, 'FD'), {
      rule: 'FD',
      binWidth: 0.09996668887161934,
      binCount: 10003333,
      usable: false,
      reason: '10003333 bins, more than the 1000 allowed',
    });
    const rows: Row[] = [
      ['AUTO', 15803.488531025348, 64],
      ['DOANE', 50896.67410169407, 20],
      ['SCOTT', 11024.267409626653, 91],
      ['STONE', 10000.0, 100],
      ['RICE', 49983.344435809675, 21],
      ['STURGES', 91180.75768650505, 11],
      ['SQRT', 31606.977062050697, 32],
    ];
    for (const row of rows) assertRow(candidateOf(diagnostics.candidates, row[0]), row, 'outlier');
    assert.equal(diagnostics.autoChoice, 'SQRT');
    assert.deepEqual(candidateOf(diagnostics.candidates, 'INTEGER'), fractional(0.001));

    const wide = computeHistogram([0, 5000], undefined, undefined).diagnostics;
    assert.equal(wide.chosen, 'AUTO', 'the default spends at most 200 bins on integers');
    assert.deepEqual(candidateOf(wide.candidates, 'INTEGER'), {
      rule: 'INTEGER',
      binWidth: 1,
      binCount: 5001,
      usable: false,
      reason: '5001 bins, more than the 1000 allowed',
    });
  });

  test('INTEGER is unusable on fractional data and on integers from 2^52', () => {
    const half = computeHistogram([1, 2, 2.5, 3], undefined, undefined).diagnostics;
    assert.deepEqual(candidateOf(half.candidates, 'INTEGER'), fractional(2.5));
    const huge = computeHistogram(
      [2 ** 52, 2 ** 52 + 1],
      { kind: 'count', count: 1 },
      undefined,
    ).diagnostics;
    assert.deepEqual(candidateOf(huge.candidates, 'INTEGER'), {
      rule: 'INTEGER',
      binWidth: null,
      binCount: null,
      usable: false,
      reason: 'values reach 2^52 in magnitude',
    });
    // Only the values inside the range matter.
    const inRange = computeHistogram([0.5, 1, 2, 3], undefined, { min: 1, max: 3 }).diagnostics;
    assert.equal(inRange.chosen, 'INTEGER');
    assert.deepEqual(candidateOf(inRange.candidates, 'INTEGER'), usableInteger(3));
  });

  test('STONE is evaluated above 10000 values only when it is the rule used', () => {
    assert.equal(STONE_DIAGNOSTIC_MAX_VALUES, 10_000);
    // ((i · 7919) mod 10007) / 100 for i < 10001: numpy gives stone 100.06 (1 bin), auto = fd
    // 4.644218984773412 (22 bins) between sqrt/2 0.5002749868759687 and sturges 7.003149773142628.
    const auto = computeHistogram(BIG, { kind: 'rule', rule: 'AUTO' }, undefined).diagnostics;
    const stone = candidateOf(auto.candidates, 'STONE');
    assert.equal(stone.binWidth, null);
    assert.equal(stone.binCount, null);
    assert.equal(stone.usable, true);
    assert.match(stone.reason ?? '', /^not evaluated for more than 10000 values/);
    assert.equal(auto.autoChoice, 'FD');
    const chosen = computeHistogram(BIG, { kind: 'rule', rule: 'STONE' }, undefined).diagnostics;
    assertRow(candidateOf(chosen.candidates, 'STONE'), ['STONE', 100.06, 1], 'STONE chosen');
    const rows: Row[] = [
      ['AUTO', 4.644218984773412, 22],
      ['FD', 4.644218984773412, 22],
      ['DOANE', 6.996205781034745, 15],
      ['SCOTT', 4.680549920383375, 22],
      ['RICE', 2.322109492386706, 44],
      ['STURGES', 7.003149773142628, 15],
      ['SQRT', 1.0005499737519374, 101],
    ];
    for (const c of [auto, chosen]) {
      for (const row of rows) assertRow(candidateOf(c.candidates, row[0]), row, 'big');
    }
  });

  test('no spread: every width is 0 (one bin) and AUTO has no choice', () => {
    for (const data of [[42.5], [7.25, 7.25, 7.25]]) {
      const { diagnostics } = computeHistogram(data, { kind: 'rule', rule: 'AUTO' }, undefined);
      for (const rule of BIN_RULES.filter((r) => r !== 'INTEGER')) {
        assertRow(candidateOf(diagnostics.candidates, rule), [rule, 0, 1], String(data[0]));
      }
      assert.equal(diagnostics.autoChoice, null);
    }
  });

  test('chosen is the rule used, null for a count, a width or edges', () => {
    const chosen = (bins: BinsSpec | undefined) =>
      computeHistogram(DICE, bins, undefined).diagnostics.chosen;
    assert.equal(chosen(undefined), 'INTEGER');
    assert.equal(chosen({ kind: 'rule', rule: 'SCOTT' }), 'SCOTT');
    assert.equal(chosen({ kind: 'count', count: 4 }), null);
    assert.equal(chosen({ kind: 'width', width: 2 }), null);
    assert.equal(chosen({ kind: 'edges', edges: [0, 3, 7] }), null);
    assert.equal(computeHistogram(FRACTIONS, undefined, undefined).diagnostics.chosen, 'AUTO');
  });

  test('when the rules cannot see the values, every estimator says why', () => {
    // Explicit edges bin 0 alone; the values' span (2e308) is beyond a double.
    const { diagnostics } = computeHistogram(
      [-1e308, 0, 1e308],
      { kind: 'edges', edges: [-1, 1] },
      undefined,
    );
    for (const c of diagnostics.candidates.filter((c) => c.rule !== 'INTEGER')) {
      assert.equal(c.usable, false, c.rule);
      assert.equal(c.binWidth, null);
      assert.equal(c.binCount, null);
      assert.match(c.reason ?? '', /larger than the largest double/);
    }
    assert.equal(diagnostics.autoChoice, null);
    assert.equal(candidateOf(diagnostics.candidates, 'INTEGER').usable, false);
  });
});

describe('binning diagnostics agree with planBins', () => {
  // Fixture datasets (numpy's) where rules fail in different ways: too many bins, infinite
  // widths, spans beyond a double, a collapsed range.
  const cases: { name: string; range?: Range; bins?: BinsSpec }[] = [
    { name: 'dice-30' },
    { name: 'outlier' },
    { name: 'huge-1e300' },
    { name: 'tiny-1e-300' },
    { name: 'overflowing-span', bins: { kind: 'edges', edges: [-1, 1] } },
    { name: 'single' },
    { name: 'small-2' },
    { name: 'wide-integers-500' },
    { name: 'normal-1000', range: { min: 40, max: 60 } },
    { name: 'normal-1000', range: { min: 50, max: 50 } },
    { name: 'lognormal-1000', range: { min: 0, max: 5 } },
  ];
  for (const c of cases) {
    const where = c.range ? ` range [${c.range.min}, ${c.range.max}]` : '';
    test(`${c.name}${where}: usable exactly when planBins accepts the rule`, () => {
      const input = prepareValues(dataset(c.name));
      const plan = planBins(input, c.bins ?? { kind: 'count', count: 10 }, c.range);
      const diagnostics = binningDiagnostics(input, plan, c.range);
      for (const candidate of diagnostics.candidates) {
        const { rule } = candidate;
        let planned: number | ChartqlError;
        try {
          planned = planBins(input, { kind: 'rule', rule }, c.range).edges.length - 1;
        } catch (error) {
          assert.ok(error instanceof ChartqlError, String(error));
          planned = error;
        }
        if (typeof planned === 'number') {
          assert.equal(candidate.usable, true, `${rule}: ${candidate.reason ?? ''}`);
          assert.equal(candidate.binCount, planned, `${rule}: bin count`);
          assert.equal(candidate.reason, null, `${rule}: reason`);
        } else {
          assert.equal(candidate.usable, false, `${rule} is refused: ${planned.message}`);
          assert.notEqual(candidate.reason, null, `${rule}: reason`);
        }
      }
    });
  }
});

describe('data quality', () => {
  test('without a range every value is used', () => {
    const result = computeHistogram(DICE, undefined, undefined);
    assert.deepEqual(result.dataQuality, { given: 20, used: 20, excluded: 0 });
    assert.equal(result.excluded, 0);
  });

  test('a range excludes the values outside it', () => {
    const result = computeHistogram(
      [-5, 1, 2, 3, 4, 100],
      { kind: 'count', count: 2 },
      {
        min: 0,
        max: 4,
      },
    );
    assert.deepEqual(result.dataQuality, { given: 6, used: 4, excluded: 2 });
    assert.equal(result.excluded, 2);
    assert.equal(result.stats.count, 4);
  });

  test('explicit edges exclude the values outside them, with or without a range', () => {
    const data = [0, 1, 2, 3, 4, 5, 6, 7.5];
    const edges = { kind: 'edges', edges: [1, 3, 6] } as const;
    const plain = computeHistogram(data, edges, undefined);
    assert.deepEqual(plain.dataQuality, { given: 8, used: 6, excluded: 2 });
    const ranged = computeHistogram(data, edges, { min: 2, max: 5 });
    assert.deepEqual(ranged.dataQuality, { given: 8, used: 4, excluded: 4 });
    assert.equal(ranged.excluded, 4);
    assert.equal(
      ranged.counts.reduce((s, c) => s + c, 0),
      ranged.dataQuality.used,
    );
  });
});
