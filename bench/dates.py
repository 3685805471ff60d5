"""Dates: the corpus of time phrases keyed by rule (coach/dates/corpus.jsonl), resolved to the
right calendar days; and, on the real replies whose labeller marked a time phrase, how often
the finder picks that phrase (and how often it finds one where none was marked).

Run: .venv/bin/python bench/dates.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.dates import find_deadline  # noqa: E402
from coach.reading.banks import read_banks  # noqa: E402
from coach.reading.reader import TRAINED_ON, body_of  # noqa: E402
from coach.text.language import KNOWN  # noqa: E402


def corpus() -> None:
    rows = [r for r in read_banks([ROOT / "coach" / "dates" / "corpus.jsonl"], "dates corpus")
            if "_doc" not in r]
    by_rule: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        lang = r["rule"].removeprefix("foreign-") if r["rule"].startswith("foreign-") else "en"
        found = find_deadline(r["text"], date.fromisoformat(r["received"]), lang)
        if r["rule"] == "past":
            ok = found is None
        else:
            ok = found is not None and (str(found.start), str(found.end)) == (r["start"], r["end"])
        by_rule[r["rule"]].append(ok)
    total = [ok for oks in by_rule.values() for ok in oks]
    print(f"## Time phrases resolved to the right days: {sum(total)}/{len(total)} "
          f"({sum(total) / len(total):.1%}; target >= 95%)\n")
    print("| rule | phrases | right |\n|---|---|---|")
    for rule, oks in sorted(by_rule.items()):
        print(f"| {rule} | {len(oks)} | {sum(oks)} |")


def real() -> None:
    rows = []
    for path in sorted((ROOT / "coach" / "knowledge" / "replies" / "real").glob("*.jsonl")):
        rows += read_banks([path], "real replies")
    marked = same = extra = unmarked = 0
    latencies = []
    for r in rows:
        body, language, _ = body_of(r["text"])
        started = time.perf_counter()
        found = find_deadline(body, TRAINED_ON, language if language in KNOWN else "und")
        latencies.append((time.perf_counter() - started) * 1000)
        phrase = r.get("deadline_phrase")
        if phrase:
            marked += 1
            same += found is not None and (found.phrase.lower() in phrase.lower()
                                           or phrase.lower() in found.phrase.lower())
        else:
            unmarked += 1
            extra += found is not None
    latencies.sort()
    print(f"\n## Real replies ({len(rows)}): the phrase the labeller marked\n")
    print("| measure | value |\n|---|---|")
    print(f"| marked phrase found (overlapping) | {same}/{marked} ({same / max(marked, 1):.1%}) |")
    print(f"| a phrase found where none was marked | {extra}/{unmarked} "
          f"({extra / max(unmarked, 1):.1%}) |")
    print(f"| finder p50 / p95 | {statistics.median(latencies):.1f} / "
          f"{latencies[int(0.95 * len(latencies)) - 1]:.1f} ms |")


if __name__ == "__main__":
    print(f"# Dates — {time.strftime('%Y-%m-%d')}\n")
    corpus()
    real()
