#!/usr/bin/env python3
"""Generate test/fixtures/scipy-scatter.json: scipy's correlations and regression lines.

Run from the repository root: `python3 scripts/gen-scatter-fixtures.py`. The output is
deterministic (seeded generators, floats written with `repr`, which JavaScript parses back to the
identical double), so regenerating it must give no diff.

Each case stores x, y and what src/core/scatterStatistics.ts must return:

* pearson: `scipy.stats.pearsonr(x, y).statistic`;
* spearman: `scipy.stats.spearmanr(x, y).statistic`;
* slope, intercept, rSquared: `scipy.stats.linregress(x, y)` (rSquared = rvalue**2), computed on
  x / 2**kx and y / 2**ky (powers of two near their magnitudes) and scaled back. The divisions are
  exact, so for ordinary values this is bit-for-bit linregress on x and y; near 1e-200 or 1e200 it
  is what linregress would answer if its sums of squares did not underflow or overflow.

`exact` holds the same statistics computed exactly (rational arithmetic, then one rounding to a
double; a square root to 50 digits), so that the tests can tell how far scipy itself is off:
about 1e-13 near 1e9 with a spread of 1, where np.mean's rounding shifts every deviation.

null stands for nan or an exception (fewer than two points, a constant variable). Where
scipy's own answer differs from the expectation, `scipyRaw` records it: linregress on the raw
values (nan near 1e-200 and 1e200), and an r for a constant y whose np.mean rounds: three
copies of 0.1 average to 0.10000000000000002, so the variance of y is 1.9e-34 instead of 0,
linregress's own test `ssym == 0.0` (r = nan) is missed, and r comes out 1.2e-16 (exactly 0.0
for other x and n).
"""

from __future__ import annotations

import json
import math
import pathlib
import sys
import warnings
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Callable

import numpy as np
import scipy
import scipy.stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "scipy-scatter.json"
KEYS = ["pearson", "spearman", "slope", "intercept", "rSquared"]


def datasets() -> list[tuple[str, np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(20240611)
    out: list[tuple[str, np.ndarray, np.ndarray]] = []

    def add(name: str, x: Any, y: Any) -> None:
        out.append((name, np.asarray(x, dtype=float), np.asarray(y, dtype=float)))

    x = rng.uniform(0, 100, 200)
    add("linear with noise", x, 3.0 * x + 7.0 + rng.normal(0, 20, 200))
    x = rng.uniform(-10, 10, 50)
    add("perfect line (r = 1)", x, 2.5 * x + 1.0)
    x = rng.uniform(0, 1, 50)
    add("perfect negative line (r = -1)", x, 4.0 - 3.0 * x)
    add("uncorrelated", rng.normal(0, 1, 500), rng.normal(0, 1, 500))
    x = rng.uniform(0, 5, 60)
    add("monotone, not linear (spearman 1)", x, np.exp(x))
    x = rng.integers(0, 6, 40)
    add("ties in x and in y", x, x // 2 + rng.integers(0, 3, 40))
    add("ties: y all but one equal", [1, 2, 3, 4, 5], [2, 2, 2, 2, 7])
    add("one point", [3.5], [-1.25])
    add("two points", [1.5, -0.5], [2.0, 3.0])
    add("three points", [0.1, 0.2, 0.3], [0.3, 0.1, 0.7])
    add("constant x", [2.5, 2.5, 2.5, 2.5], [1.0, 2.0, 0.5, 3.0])
    add("constant y", [1.0, 4.0, 2.0, 3.0], [5.0, 5.0, 5.0, 5.0])
    add("constant y of 0.1 (np.mean rounds)", [1.0, 4.0, 2.0], [0.1, 0.1, 0.1])
    add("both constant", [7.0, 7.0], [7.0, 7.0])
    x = 1e9 + rng.uniform(0, 1, 100)
    add("large offsets: 1e9 plus a spread of 1", x, 2.0 * x - 1.5e9 + rng.normal(0, 0.2, 100))
    x = rng.uniform(1, 4, 50) * 1e-200
    add("tiny magnitudes (1e-200)", x, -0.75 * x + rng.normal(0, 0.3, 50) * 1e-200)
    x = rng.uniform(1, 4, 50) * 1e200
    add("huge magnitudes (1e200)", x, 0.5 * x + rng.normal(0, 0.5, 50) * 1e200)
    x = rng.uniform(-100, -1, 80)
    add("negative values", x, -0.5 * x - 120.0 + rng.normal(0, 5, 80))
    # Four decimals keep the file small; the many ties they make are part of the test.
    x = np.round(rng.normal(50, 10, 10_000), 4)
    add("10,000 points", x, np.round(0.8 * x + rng.normal(0, 6, 10_000), 4))
    return out


def finite_or_none(v: Any) -> float | None:
    v = float(v)
    return v if math.isfinite(v) else None


def raw_value(v: Any) -> float | str | None:
    v = float(v)
    return v if math.isfinite(v) else repr(v)


def attempt(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except ValueError:
        return None


def exponent(a: np.ndarray) -> int:
    largest = float(np.max(np.abs(a)))
    return math.frexp(largest)[1] if largest > 0 else 0


def linregress_raw(x: np.ndarray, y: np.ndarray) -> dict[str, Any] | None:
    res = attempt(lambda: scipy.stats.linregress(x, y))
    if res is None:
        return None
    return {"slope": res.slope, "intercept": res.intercept, "rSquared": res.rvalue**2}


def reference(x: np.ndarray, y: np.ndarray) -> tuple[dict[str, Any], dict[str, Any]]:
    pearson = attempt(lambda: scipy.stats.pearsonr(x, y).statistic)
    spearman = attempt(lambda: scipy.stats.spearmanr(x, y).statistic)
    kx, ky = exponent(x), exponent(y)
    scaled = linregress_raw(np.ldexp(x, -kx), np.ldexp(y, -ky))
    expect: dict[str, Any] = {
        "pearson": None if pearson is None else finite_or_none(pearson),
        "spearman": None if spearman is None else finite_or_none(spearman),
        "slope": None,
        "intercept": None,
        "rSquared": None,
    }
    if scaled is not None:
        expect["slope"] = finite_or_none(math.ldexp(float(scaled["slope"]), ky - kx))
        expect["intercept"] = finite_or_none(math.ldexp(float(scaled["intercept"]), ky))
        expect["rSquared"] = finite_or_none(scaled["rSquared"])
    if np.all(y == y[0]):
        # r = ssxym / sqrt(ssxm * ssym) is 0/0; linregress means nan here (its `ssym == 0.0` case).
        expect["rSquared"] = None
    raw = linregress_raw(x, y)
    scipy_raw: dict[str, Any] = {}
    for key in ["slope", "intercept", "rSquared"]:
        got = None if raw is None else raw_value(raw[key])
        want = expect[key]
        same = got == want or (want is None and (got is None or got == "nan"))
        if not same:
            scipy_raw[key] = got
    return expect, scipy_raw


def exact_correlation(sxy: Fraction, sxx: Fraction, syy: Fraction) -> float:
    r2 = sxy * sxy / (sxx * syy)
    with localcontext() as ctx:
        ctx.prec = 50
        r = (Decimal(r2.numerator) / Decimal(r2.denominator)).sqrt()
    return float(r) if sxy >= 0 else -float(r)


def centred_sums(x: list[Fraction], y: list[Fraction]) -> tuple[Fraction, Fraction, Fraction]:
    mx = sum(x, Fraction(0)) / len(x)
    my = sum(y, Fraction(0)) / len(y)
    dx = [v - mx for v in x]
    dy = [v - my for v in y]
    return (sum((a * a for a in dx), Fraction(0)), sum((b * b for b in dy), Fraction(0)),
            sum((a * b for a, b in zip(dx, dy)), Fraction(0)))


def exact(x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """The statistics in rational arithmetic, with the same nulls as scatterStatistics."""
    out: dict[str, Any] = {key: None for key in KEYS}
    n = len(x)
    if n < 2 or np.all(x == x[0]):
        return out
    xf = [Fraction(v) for v in x.tolist()]
    yf = [Fraction(v) for v in y.tolist()]
    mx = sum(xf, Fraction(0)) / n
    my = sum(yf, Fraction(0)) / n
    if np.all(y == y[0]):
        return {**out, "slope": 0.0, "intercept": float(my)}
    sxx, syy, sxy = centred_sums(xf, yf)
    slope = sxy / sxx
    ranks = [[Fraction(r) for r in scipy.stats.rankdata(v).tolist()] for v in (x, y)]
    rxx, ryy, rxy = centred_sums(ranks[0], ranks[1])
    return {
        "pearson": exact_correlation(sxy, sxx, syy),
        "spearman": exact_correlation(rxy, rxx, ryy),
        "slope": float(slope),
        "intercept": float(my - slope * mx),
        "rSquared": float(sxy * sxy / (sxx * syy)),
    }


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), allow_nan=False)


def main() -> None:
    cases = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, x, y in datasets():
            expect, scipy_raw = reference(x, y)
            case: dict[str, Any] = {"name": name, "x": x.tolist(), "y": y.tolist(),
                                    "expect": expect, "exact": exact(x, y)}
            if scipy_raw:
                case["scipyRaw"] = scipy_raw
            cases.append(case)
    # One case per line, so that a regenerated file diffs readably.
    lines = [
        "{",
        f'"generator":{dumps("scripts/gen-scatter-fixtures.py")},',
        f'"numpy":{dumps(np.__version__)},',
        f'"scipy":{dumps(scipy.__version__)},',
        '"cases":[',
        ",\n".join(dumps(c) for c in cases),
        "]",
        "}",
    ]
    text = "\n".join(lines) + "\n"
    json.loads(text)  # must stay valid JSON
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(cases)} cases to test/fixtures/{OUT.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
