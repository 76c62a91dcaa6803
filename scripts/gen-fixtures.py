#!/usr/bin/env python3
"""Generate test/fixtures/numpy-histograms.json: histograms and statistics computed by numpy/scipy.

Run from the repository root: `python3 scripts/gen-fixtures.py` (or `npm run fixtures`). The
output is deterministic (seeded generators, sorted keys, floats written with `repr`, which
JavaScript parses back to the identical double), so regenerating it must give no diff.

Each case has a dataset, a `bins` spec in the service's BinsSpec shape, an optional range and
what the TypeScript core must produce:

* numpyNative cases (a bin count, a numpy rule, explicit edges without a range) are
  `np.histogram` itself;
* the service's own specs (a bin width, INTEGER bins, the default, explicit edges with a range)
  use edges built here by the documented formulas and counts from `np.histogram` on those edges;
* `expect.error` names the parameter the service rejects (more than 1000 bins, spans that
  overflow, estimators numpy cannot finish);
* `stats` are numpy/scipy statistics of the counted values, computed after dividing the values
  by a power of two so that nothing overflows or underflows (that division is exact, so for
  ordinary values they are bit-for-bit numpy's); `numpyRaw` records numpy's own result where it
  over- or underflowed instead; `statsError` says when a statistic cannot be a finite double.

The 100,000-value dataset is not stored: it is `irwinHall(seed, n)` below, which
test/core/numpyFixtures.ts reproduces exactly (only integer operations and exactly rounded float ops).
"""

from __future__ import annotations

import json
import math
import pathlib
import sys
import warnings
from typing import Any

import numpy as np
import scipy
import scipy.stats

MAX_BINS = 1000
DEFAULT_MAX_INTEGER_BINS = 200
OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "numpy-histograms.json"
NUMPY_RULES = ["AUTO", "FD", "DOANE", "SCOTT", "STONE", "RICE", "STURGES", "SQRT"]


def irwin_hall(seed: int, n: int) -> list[float]:
    """n values, each 15 * (sum of 12 uniforms - 6) + 100, from a xorshift32 generator.

    uniform = state / 2**32 (exact); the 12 are added left to right starting from 0.0.
    """
    state = seed
    out = []
    for _ in range(n):
        total = 0.0
        for _ in range(12):
            state ^= (state << 13) & 0xFFFFFFFF
            state ^= state >> 17
            state ^= (state << 5) & 0xFFFFFFFF
            total += state / 4294967296.0
        out.append((total - 6.0) * 15.0 + 100.0)
    return out


def datasets() -> dict[str, list[float]]:
    rng = np.random.default_rng(20240601)
    bimodal = np.concatenate([rng.normal(-3.0, 1.0, 400), rng.normal(4.0, 0.5, 400)])
    rng.shuffle(bimodal)
    data = {
        "dice-600": rng.integers(1, 7, size=600).astype(float),
        "dice-30": rng.integers(1, 7, size=30).astype(float),
        "normal-1000": rng.normal(50.0, 10.0, 1000),
        "normal-200": rng.normal(0.0, 1.0, 200),
        "lognormal-1000": rng.lognormal(0.0, 1.0, 1000),
        "uniform-500": rng.uniform(-5.0, 5.0, 500),
        "bimodal-800": bimodal,
        "negative-300": rng.normal(-1000.0, 50.0, 300),
        "wide-integers-500": rng.integers(0, 1000, size=500).astype(float),
        "small-2": rng.normal(10.0, 3.0, 2),
        "small-3": rng.normal(10.0, 3.0, 3),
        "small-4": rng.normal(10.0, 3.0, 4),
        "small-5": rng.normal(10.0, 3.0, 5),
        "single": np.array([42.0]),
        "all-equal": np.full(10, 7.25),
        "tenths": np.arange(11) / 10.0,
        "on-edges": np.array([0.0, 1.0, 1.0, 2.0, 2.5, 5.0, 5.0, 7.5, 9.0, 10.0, 10.0]),
        "linspace-225": np.linspace(0.0, 123.456, 225),
        "huge-1e300": rng.uniform(1.0, 9.0, 50) * 1e300,
        "huge-equal": np.full(5, 1e300),
        "large-1e150": rng.normal(0.0, 1.0, 100) * 1e150,
        "tiny-1e-300": rng.uniform(1.0, 9.0, 50) * 1e-300,
        "overflowing-span": np.array([-1e308, 0.0, 1e308]),
        "outlier": np.concatenate([rng.uniform(0.0, 1.0, 1000), [1e6]]),
    }
    return {name: [float(v) for v in values] for name, values in data.items()}


IRWIN_HALL = {"formula": "irwinHall", "seed": 2463534242, "n": 100_000}


def power_of_two_scale(x: np.ndarray) -> float:
    """A power of two near max |x|; dividing by it is exact for these magnitudes."""
    peak = float(np.max(np.abs(x)))
    return 1.0 if peak == 0.0 else math.ldexp(1.0, math.frexp(peak)[1] - 1)


def finite_or_none(v: float) -> float | None:
    return None if math.isnan(v) else float(v)


def describe(x: np.ndarray) -> dict[str, Any]:
    """numpy/scipy statistics of the counted values, free of spurious over- and underflow."""
    s = power_of_two_scale(x)
    y = x / s
    q1, median, q3 = (float(v) for v in np.percentile(y, [25, 50, 75]))
    n = x.size
    variance = float(np.var(y, ddof=1)) * s * s if n > 1 else 0.0
    stddev = float(np.std(y, ddof=1)) * s if n > 1 else 0.0
    with np.errstate(all="ignore"):
        skew = float(scipy.stats.skew(y))
        kurt = float(scipy.stats.kurtosis(y))
    stats = {
        "count": int(n),
        "sum": float(np.sum(y)) * s,
        "min": float(np.min(x)),
        "max": float(np.max(x)),
        "mean": float(np.mean(y)) * s,
        "median": median * s,
        "q1": q1 * s,
        "q3": q3 * s,
        "iqr": (q3 - q1) * s,
        "variance": variance,
        "stddev": stddev,
        "skewness": finite_or_none(skew),
        "kurtosis": finite_or_none(kurt),
    }
    return stats


def numpy_raw(x: np.ndarray, stats: dict[str, Any]) -> dict[str, Any]:
    """numpy's statistics on the unscaled values where they differ from `describe` (over/underflow)."""
    with np.errstate(all="ignore"):
        raw = {
            "sum": float(np.sum(x)),
            "variance": float(np.var(x, ddof=1)) if x.size > 1 else 0.0,
            "stddev": float(np.std(x, ddof=1)) if x.size > 1 else 0.0,
            "skewness": float(scipy.stats.skew(x)),
            "kurtosis": float(scipy.stats.kurtosis(x)),
        }
    out: dict[str, Any] = {}
    for key, value in raw.items():
        expected = stats[key]
        same = (
            (expected is None and math.isnan(value))
            or (expected is not None and math.isfinite(expected) and math.isfinite(value)
                and abs(value - expected) <= 1e-9 * abs(expected))
        )
        if not same:
            out[key] = value if math.isfinite(value) else repr(value)
    return out


def width_edges(lo: float, hi: float, w: float) -> np.ndarray:
    """Edges k*w from the largest k with k*w <= lo to the smallest with k*w >= hi (binning.ts)."""
    k_lo = math.floor(lo / w)
    k_hi = math.ceil(hi / w)
    while k_lo * w > lo:
        k_lo -= 1
    while (k_lo + 1) * w <= lo:
        k_lo += 1
    while k_hi * w < hi:
        k_hi += 1
    while (k_hi - 1) * w >= hi:
        k_hi -= 1
    count = max(1, k_hi - k_lo)
    return np.array([(k_lo + j) * w for j in range(count + 1)])


def integer_edges(lo: float, hi: float) -> np.ndarray:
    return np.array([k - 0.5 for k in range(math.ceil(lo), math.floor(hi) + 2)])


def case(name: str, data: np.ndarray, dataset: str, bins: dict[str, Any] | None,
         rng_: tuple[float, float] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "dataset": dataset, "bins": bins}
    if rng_ is not None:
        out["range"] = {"min": rng_[0], "max": rng_[1]}
    lo, hi = rng_ if rng_ is not None else (float(data.min()), float(data.max()))
    kind = None if bins is None else bins["kind"]
    rule = bins.get("rule") if bins is not None else None
    numpy_native = kind in ("count", "rule") and rule != "INTEGER" or (kind == "edges" and rng_ is None)
    out["numpyNative"] = numpy_native
    expect: dict[str, Any] = {}
    try:
        with np.errstate(all="ignore"):
            if numpy_native:
                np_bins: Any = (bins["count"] if kind == "count" else bins["rule"].lower()
                                if kind == "rule" else np.array(bins["edges"]))
                if kind == "rule":
                    n_bins = np.histogram_bin_edges(data, bins=np_bins, range=rng_).size - 1
                    # Zero bins come from an infinite width (SCOTT near 1e300), which numpy
                    # then fails on; more than MAX_BINS the service refuses.
                    if n_bins < 1 or n_bins > MAX_BINS:
                        out["expect"] = {"error": "bins", "numpyBins": n_bins}
                        return out
                if not np.isfinite(hi - lo):
                    out["expect"] = {"error": "range" if rng_ is not None else "data"}
                    return out
                counts, edges = np.histogram(data, bins=np_bins, range=rng_)
                density, _ = np.histogram(data, bins=np_bins, range=rng_, density=True)
                used_rule = rule
                window = (float(edges[0]), float(edges[-1]))
            else:
                inside = data[(data >= lo) & (data <= hi)]
                if kind == "rule" and not np.all(inside == np.round(inside)):
                    out["expect"] = {"error": "bins"}
                    return out
                if kind == "width":
                    edges = width_edges(lo, hi, bins["width"])
                    used_rule = None
                elif kind == "edges":
                    edges = np.array(bins["edges"])
                    used_rule = None
                elif kind == "rule" or np.all(inside == np.round(inside)) and (
                        math.floor(hi) - math.ceil(lo) + 1 <= DEFAULT_MAX_INTEGER_BINS):
                    edges = integer_edges(lo, hi)
                    used_rule = "INTEGER"
                else:
                    # The default falls back to AUTO, which is numpy's 'auto'.
                    counts, edges = np.histogram(data, bins="auto", range=rng_)
                    used_rule = "AUTO"
                if used_rule != "AUTO":
                    counts, edges = np.histogram(inside, bins=edges)
                    window = (max(lo, float(edges[0])), min(hi, float(edges[-1])))
                else:
                    window = (float(edges[0]), float(edges[-1]))
                density, _ = np.histogram(data[(data >= window[0]) & (data <= window[1])],
                                          bins=edges, density=True)
    except ValueError as error:
        # "Too many bins for data range": a parameter error, unless even one bin is impossible
        # because equal values are too large for numpy's +-0.5 widening.
        collapsed = lo == hi and lo - 0.5 == lo
        param = "bins" if not collapsed else "range" if rng_ is not None else "data"
        out["expect"] = {"error": param, "numpyError": str(error)}
        return out
    counted = data[(data >= window[0]) & (data <= window[1])]
    if counted.size == 0:
        out["expect"] = {"error": "range" if rng_ is not None else "bins"}
        return out
    assert int(counts.sum()) == counted.size, name
    widths = np.diff(edges)
    uneven = kind == "edges" and np.any(np.abs(widths - (edges[-1] - edges[0]) / widths.size)
                                        > 1e-9 * (edges[-1] - edges[0]) / widths.size)
    expect.update({
        "edges": [float(e) for e in edges],
        "counts": [int(c) for c in counts],
        "density": [float(d) for d in density],
        "rule": used_rule,
        "binWidth": None if uneven else (
            float(bins["width"]) if kind == "width" else 1.0 if used_rule == "INTEGER"
            else float((edges[-1] - edges[0]) / widths.size)),
        "excluded": int(data.size - counted.size),
    })
    stats = describe(counted)
    if not (math.isfinite(stats["sum"]) and math.isfinite(stats["variance"])):
        expect["statsError"] = "data"
    else:
        expect["stats"] = stats
        expect["exactSum"] = math.fsum(counted.tolist())
    raw = numpy_raw(counted, stats)
    if raw:
        expect["numpyRaw"] = raw
    out["expect"] = expect
    return out


def cases(data: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(dataset: str, bins: dict[str, Any] | None,
            rng_: tuple[float, float] | None = None) -> None:
        spec = ("default" if bins is None else
                f"count={bins['count']}" if bins["kind"] == "count" else
                f"width={bins['width']}" if bins["kind"] == "width" else
                f"edges={len(bins['edges']) - 1}" if bins["kind"] == "edges" else bins["rule"])
        where = "" if rng_ is None else f" range=[{rng_[0]!r}, {rng_[1]!r}]"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out.append(case(f"{dataset} {spec}{where}", data[dataset], dataset, bins, rng_))
        # numpy's and scipy's warnings name files on this machine: keep only their messages.
        messages = sorted({str(w.message) for w in caught})
        if messages:
            out[-1]["warnings"] = messages

    rule_sets = ["dice-600", "dice-30", "normal-1000", "normal-200", "lognormal-1000",
                 "uniform-500", "bimodal-800", "negative-300", "small-2", "small-3", "small-4",
                 "small-5", "single", "all-equal", "tenths", "linspace-225", "huge-1e300",
                 "large-1e150", "tiny-1e-300", "outlier", "irwin-hall-100k"]
    for dataset in rule_sets:
        for rule in NUMPY_RULES:
            add(dataset, {"kind": "rule", "rule": rule})
    for rule in ["AUTO", "FD", "SCOTT", "DOANE", "STONE", "STURGES"]:
        add("normal-1000", {"kind": "rule", "rule": rule}, (40.0, 60.0))
    add("lognormal-1000", {"kind": "rule", "rule": "AUTO"}, (0.0, 5.0))
    for count in [1, 7, 10, 50, 1000]:
        add("normal-1000", {"kind": "count", "count": count})
    for dataset in ["single", "all-equal", "tenths", "on-edges", "negative-300", "huge-1e300",
                    "huge-equal", "large-1e150", "tiny-1e-300", "overflowing-span",
                    "irwin-hall-100k", "linspace-225"]:
        add(dataset, {"kind": "count", "count": 10})
    add("tenths", {"kind": "count", "count": 3})
    add("normal-1000", {"kind": "count", "count": 20}, (40.0, 60.0))
    add("normal-1000", {"kind": "count", "count": 20}, (0.0, 100.0))
    add("normal-1000", {"kind": "count", "count": 5}, (50.0, 50.0))
    add("normal-1000", {"kind": "count", "count": 5}, (-1e308, 1e308))
    add("normal-1000", {"kind": "count", "count": 5}, (500.0, 600.0))
    add("on-edges", {"kind": "count", "count": 4}, (2.5, 7.5))
    add("normal-1000", {"kind": "edges", "edges": [float(e) for e in range(0, 101, 10)]})
    add("normal-1000", {"kind": "edges", "edges": [40.0, 45.0, 50.0, 55.0, 60.0]})
    add("lognormal-1000", {"kind": "edges", "edges": [0.0, 0.5, 1.0, 2.0, 5.0, 30.0]})
    add("on-edges", {"kind": "edges", "edges": [0.0, 2.5, 5.0, 10.0]})
    add("tenths", {"kind": "edges", "edges": [0.0, 0.1, 0.2, 0.30000000000000004, 1.0]})
    add("tiny-1e-300", {"kind": "edges", "edges": [0.0, 3e-300, 6e-300, 1e-299]})
    add("normal-1000", {"kind": "edges", "edges": [0.0, 45.0, 50.0, 100.0]}, (42.0, 70.0))
    for dataset, width in [("normal-1000", 5.0), ("dice-600", 1.0), ("tenths", 0.1),
                           ("negative-300", 25.0), ("all-equal", 0.25), ("single", 5.0),
                           ("irwin-hall-100k", 2.5)]:
        add(dataset, {"kind": "width", "width": width})
    add("normal-1000", {"kind": "width", "width": 2.5}, (41.0, 59.0))
    for dataset in ["dice-600", "dice-30", "single", "on-edges", "wide-integers-500"]:
        add(dataset, {"kind": "rule", "rule": "INTEGER"})
    add("dice-600", {"kind": "rule", "rule": "INTEGER"}, (2.0, 4.5))
    for dataset in ["dice-600", "dice-30", "single", "all-equal", "normal-1000",
                    "wide-integers-500", "tenths"]:
        add(dataset, None)
    add("wide-integers-500", None, (100.0, 250.0))
    return out


def dataset_reference(x: np.ndarray) -> dict[str, Any]:
    """numpy's own sums of a whole dataset in its stored order, and its statistics."""
    with np.errstate(all="ignore"):
        ref: dict[str, Any] = {"npSum": float(np.sum(x)), "npStd": float(np.std(x))}
    if not math.isfinite(ref["npStd"]):
        ref["npStd"] = repr(ref["npStd"])
    stats = describe(x)
    if math.isfinite(stats["sum"]) and math.isfinite(stats["variance"]):
        ref["stats"] = stats
        ref["exactSum"] = math.fsum(x.tolist())
    else:
        ref["statsError"] = "data"
    raw = numpy_raw(x, stats)
    if raw:
        ref["numpyRaw"] = raw
    return ref


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), allow_nan=False)


def main() -> None:
    data = {name: np.array(values) for name, values in datasets().items()}
    big = np.array(irwin_hall(IRWIN_HALL["seed"], IRWIN_HALL["n"]))
    data["irwin-hall-100k"] = big
    stored: dict[str, Any] = {name: [float(v) for v in values] for name, values in data.items()}
    stored["irwin-hall-100k"] = {**IRWIN_HALL, "first": [float(v) for v in big[:5]],
                                 "fsum": math.fsum(big.tolist())}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = {name: dataset_reference(values) for name, values in data.items()}
    all_cases = cases(data)
    # One dataset or case per line, so that a regenerated file diffs readably.
    lines = [
        "{",
        f'"generator":{dumps("scripts/gen-fixtures.py")},',
        f'"numpy":{dumps(np.__version__)},',
        f'"scipy":{dumps(scipy.__version__)},',
        '"datasets":{',
        ",\n".join(f"{dumps(name)}:{dumps(values)}" for name, values in stored.items()),
        "},",
        '"reference":{',
        ",\n".join(f"{dumps(name)}:{dumps(ref)}" for name, ref in reference.items()),
        "},",
        '"cases":[',
        ",\n".join(dumps(c) for c in all_cases),
        "]",
        "}",
    ]
    text = "\n".join(lines) + "\n"
    json.loads(text)  # must stay valid JSON
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(all_cases)} cases to test/fixtures/{OUT.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
