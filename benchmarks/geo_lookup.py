"""Time the gazetteer: index build, open, cold and warm lookups, resolution.

Run: ``.venv/bin/python benchmarks/geo_lookup.py [--cache-dir DIR] [--rebuild]``.
By default a fresh temporary cache is used, so the build is measured too.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from spillover.geo.gazetteer import Gazetteer, build_index
from spillover.geo.resolver import ToponymResolver

NAMES = [
    "Naxçıvan", "Nakhchivan", "Baku", "Astara", "Türkiye", "Turkey", "Iran", "Tehran", "Paris",
    "Georgia", "Washington", "Strait of Hormuz", "Gaza Strip", "Kharkiv", "Donetsk Oblast",
    "Baku–Tbilisi–Ceyhan pipeline", "Fordow", "Incirlik Air Base", "Springfield", "Alexandria",
    "Idlib", "Aleppo", "Kyiv", "Moscow", "Beijing", "Red Sea", "U.S.", "Israel", "Rafah crossing",
    "Natanz", "Yerevan", "Tbilisi", "Ankara", "Istanbul", "Erbil", "Kirkuk", "Basra", "Sanaa",
    "Aden", "Hodeidah", "Khartoum", "Darfur", "Tripoli", "Benghazi", "Kabul", "Kandahar",
]  # fmt: skip


def _per_call_us(func: object, names: list[str], repeat: int) -> list[float]:
    """Return microseconds per call, one value per name (median of ``repeat``)."""
    out = []
    for name in names:
        samples = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            func(name)  # type: ignore[operator]
            samples.append((time.perf_counter() - t0) * 1e6)
        out.append(statistics.median(samples))
    return out


def main() -> None:
    """Build/open the index and print timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true", help="force a build even if cached")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache_dir or Path(tmp)
        if args.rebuild or args.cache_dir is None:
            t0 = time.perf_counter()
            path = build_index(cache)
            print(f"build: {time.perf_counter() - t0:.1f} s, index {path.stat().st_size / 1e6:.1f} MB")
        t0 = time.perf_counter()
        gaz = Gazetteer.open(cache)
        print(f"open: {(time.perf_counter() - t0) * 1e3:.1f} ms  {gaz.stats()}")
        cold = []
        for name in NAMES:  # first lookup of each name: SQLite query
            t0 = time.perf_counter()
            gaz.lookup(name)
            cold.append((time.perf_counter() - t0) * 1e6)
        warm = _per_call_us(gaz.lookup, NAMES, 50)  # memoised
        print(f"lookup cold: median {statistics.median(cold):.0f} us, max {max(cold):.0f} us")
        print(f"lookup warm: median {statistics.median(warm):.1f} us, max {max(warm):.1f} us")
        resolver = ToponymResolver(gaz)
        res = _per_call_us(lambda n: resolver.resolve(n, context_countries=["AZE"]), NAMES, 10)
        print(f"resolve (warm, with context): median {statistics.median(res):.0f} us, max {max(res):.0f} us")
        gaz.close()


if __name__ == "__main__":
    main()
