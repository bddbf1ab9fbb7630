"""Time the data loads and scanners that run once per process or per sentence.

Run: ``.venv/bin/python benchmarks/load_times.py [--repeat N]``.

Measures what unit tests must not time: loading the actor knowledge base (``ActorKB.load``, once per
process) and scanning text for time expressions (``find_timexes``, per sentence). Prints the best of
``--repeat`` runs, because the minimum is what the code costs and the rest is the machine's noise.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from spillover.actors.kb import ActorKB
from spillover.dates.timex import find_timexes

PARAGRAPH = (
    "On Tuesday, rebels attacked a convoy near the border, two days after talks collapsed in Geneva. "
    "The army said it had repelled the assault and that 14 soldiers were wounded. "
    "Officials expect the ceasefire to be renegotiated next month, a spokesman said. "
    "The province has seen sporadic fighting since the spring of 2024, when the truce broke down. "
)


def _best(func: object, repeat: int) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Print the load and scan times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best is reported)")
    args = parser.parse_args()
    kb = _best(ActorKB.load, args.repeat)
    text = PARAGRAPH * 25  # 100 sentences
    scan = _best(lambda: find_timexes(text, date(2026, 3, 8)), args.repeat)
    print(f"ActorKB.load            {kb * 1000:8.1f} ms")
    print(f"find_timexes / sentence {scan / 100 * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
