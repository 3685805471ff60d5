"""Reply-classifier benchmark on the held-out set: accuracy, macro-F1, per-class precision and
recall, confusion matrix and latency, for the fast path alone and with the embedded model.

Run: .venv/bin/python bench/replies.py [--no-llm]
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.config import Settings  # noqa: E402
from coach.replies import interpret  # noqa: E402
from coach.schemas import CATEGORIES  # noqa: E402
from coach.services import bootstrap  # noqa: E402

SHORT = {"clear_timeline": "timeline", "vague": "vague", "immediate": "immediate",
         "none": "none", "rejection": "rejection"}


def evaluate(rows: list[dict], model=None) -> tuple[list[str], list[float], int]:
    predicted, latencies, asked = [], [], 0
    for row in rows:
        started = time.perf_counter()
        result = interpret(row["text"], received=date.fromisoformat(row["received"]), model=model)
        latencies.append((time.perf_counter() - started) * 1000)
        predicted.append(result.category)
        asked += result.method == "rules+model"
    return predicted, latencies, asked


def report(title: str, gold: list[str], predicted: list[str], latencies: list[float],
           asked: int) -> None:
    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    f1s = []
    lines = ["| class | precision | recall | F1 | n |", "|---|---|---|---|---|"]
    for c in CATEGORIES:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        lines.append(f"| {SHORT[c]} | {prec:.2f} | {rec:.2f} | {f1:.2f} | {tp + fn} |")
    latencies = sorted(latencies)
    p95 = latencies[max(0, int(0.95 * len(latencies)) - 1)]
    print(f"\n### {title}\n")
    print(f"accuracy {accuracy:.3f} · macro-F1 {statistics.mean(f1s):.3f} · latency p50 "
          f"{statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms · model asked on {asked}/{n}\n")
    print("\n".join(lines))
    print("\nconfusion (rows = truth, columns = predicted)\n")
    print("| | " + " | ".join(SHORT[c] for c in CATEGORIES) + " |")
    print("|---" * (len(CATEGORIES) + 1) + "|")
    for g in CATEGORIES:
        cells = [sum(gg == g and p == c for gg, p in zip(gold, predicted, strict=True))
                 for c in CATEGORIES]
        print(f"| {SHORT[g]} | " + " | ".join(str(x) for x in cells) + " |")


def main() -> None:
    rows = [json.loads(line) for line in
            (ROOT / "bench" / "data" / "replies_heldout.jsonl").read_text().splitlines()
            if line.strip()]
    gold = [r["label"] for r in rows]
    services = bootstrap(Settings())
    interpret("warm up: we will decide by Friday", received=date(2026, 11, 26))
    print(f"Reply classifier on the held-out set ({len(rows)} replies never used for tuning) — "
          f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, 2 cores")
    predicted, latencies, asked = evaluate(rows)
    report("Fast path (cues + deadline finder + softmax model)", gold, predicted, latencies, asked)
    if "--no-llm" not in sys.argv:
        services.model.complete([{"role": "user", "content": "hi"}], max_tokens=1)  # start it
        predicted, latencies, asked = evaluate(rows, model=services.model)
        report("Fast path + embedded model for low-confidence replies", gold, predicted,
               latencies, asked)
        services.local_server.stop()


if __name__ == "__main__":
    main()
