"""Coaching-verdict benchmark: on held-out candidate messages written by an author who never
saw the training banks, and on real closing asks candidates reported (coach/knowledge/asks/real/,
never trained on): verdict accuracy, per-verdict precision and recall and the confusion matrix,
for the rules alone and with the example-based fallback the app uses; and, on the real asks,
agreement by source.

Run: .venv/bin/python bench/asks.py
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.config import Settings  # noqa: E402
from coach.feedback import VERDICTS, assess  # noqa: E402
from coach.reading.banks import source_group  # noqa: E402
from coach.services import bootstrap  # noqa: E402


def main() -> None:
    services = bootstrap(Settings())
    written = [json.loads(line) for line in
               (ROOT / "bench" / "data" / "asks_heldout.jsonl").read_text().splitlines()
               if line.strip()]
    real = []
    for path in sorted((ROOT / "coach" / "knowledge" / "asks" / "real").glob("*.jsonl")):
        real += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    for name, rows in (("held-out written messages", written), ("real closing asks", real)):
        if rows:
            evaluate(services, name, rows)


def evaluate(services, name: str, rows: list[dict]) -> None:
    print(f"\n## Coaching verdicts on {len(rows)} {name} — "
          f"{time.strftime('%Y-%m-%d')}, {platform.machine()}")
    for title, model in (("rules alone", None), ("rules + example-based fallback (the app)",
                                                 services.ask_model)):
        predicted, latencies = [], []
        for row in rows:
            started = time.perf_counter()
            # As in a practice session: "after_answer" means the next steps were given already.
            result = assess(row["text"], row["moment"],
                            already_answered=row["moment"] == "after_answer", model=model)
            latencies.append((time.perf_counter() - started) * 1000)
            predicted.append(result.verdict)
        gold = [row["verdict"] for row in rows]
        pairs = list(zip(gold, predicted, strict=True))
        accuracy = sum(g == p for g, p in pairs) / len(rows)
        print(f"\n### {title}\n\naccuracy {accuracy:.2f} · p50 "
              f"{statistics.median(latencies):.1f} ms\n")
        print("| verdict | precision | recall | n |\n|---|---|---|---|")
        for v in VERDICTS:
            tp = sum(g == v and p == v for g, p in pairs)
            fp = sum(g != v and p == v for g, p in pairs)
            n = sum(g == v for g in gold)
            print(f"| {v} | {tp / (tp + fp) if tp + fp else 0:.2f} | {tp / n if n else 0:.2f} "
                  f"| {n} |")
        print("\n| truth \\ predicted | " + " | ".join(VERDICTS) + " |")
        print("|---" * (len(VERDICTS) + 1) + "|")
        for g in VERDICTS:
            print(f"| {g} | " + " | ".join(str(sum(1 for a, b in pairs if a == g and b == p))
                                           for p in VERDICTS) + " |")
        if any("source" in r for r in rows):
            by: dict[str, list[bool]] = {}
            for r, (g, p) in zip(rows, pairs, strict=True):
                by.setdefault(source_group(r.get("source", "")), []).append(g == p)
            print("\nagreement by source (sources with 3 or more asks; the rest pooled)\n")
            print("| source | asks | agree |\n|---|---|---|")
            small: list[bool] = []
            for group, oks in sorted(by.items(), key=lambda kv: -len(kv[1])):
                if len(oks) >= 3:
                    print(f"| {group} | {len(oks)} | {sum(oks) / len(oks):.2f} |")
                else:
                    small += oks
            if small:
                print(f"| {len(by) - sum(len(o) >= 3 for o in by.values())} smaller sources | "
                      f"{len(small)} | {sum(small) / len(small):.2f} |")
            means = [sum(o) / len(o) for o in by.values()]
            print(f"\nmean agreement over sources: {statistics.mean(means):.2f} (target >= 0.90)")


if __name__ == "__main__":
    main()
