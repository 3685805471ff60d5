"""Retrieval benchmark: recall@1/@3 on labelled questions, build time, query latency, peak RSS.

Run: .venv/bin/python bench/retrieval.py
"""

from __future__ import annotations

import json
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.config import Settings  # noqa: E402
from coach.services import bootstrap  # noqa: E402


def hit(path: str, expected: list[str]) -> bool:
    return any(path == e or path.startswith(e + " › ") for e in expected)


def main() -> None:
    questions = [json.loads(line) for line in
                 (ROOT / "bench" / "data" / "retrieval_questions.jsonl").read_text().splitlines()
                 if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        services = bootstrap(Settings(_env_file=None, data_dir=Path(tmp)))
        services.embedder.embed(["load the embedder before timing the build"])
        started = time.perf_counter()
        report = services.refresh_index()
        build = time.perf_counter() - started

        r1 = r3 = 0
        misses = []
        for q in questions:
            paths = [g.heading_path for g in services.index.retrieve(q["question"], 3)]
            r1 += hit(paths[0], q["expected"])
            ok = any(hit(p, q["expected"]) for p in paths)
            r3 += ok
            if not ok:
                misses.append((q["question"], paths[0]))

        # The relevance threshold: questions the guide covers keep their passages, off-topic
        # and nonsense queries get "the guide does not cover this".
        off_topic = [line for line in (ROOT / "bench" / "data" / "offtopic_queries.txt")
                     .read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#")]
        covered = sum(bool(services.search(q["question"], 3)) for q in questions)
        refused = sum(not services.search(q, 3) for q in off_topic)
        queries = [q["question"] for q in questions]
        latencies = []
        for i in range(200):
            started = time.perf_counter()
            services.search(queries[i % len(queries)], 3)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(questions)
    rows = [
        ("questions", f"{n}", ""),
        ("recall@1", f"{r1 / n:.3f}", ""),
        ("recall@3", f"{r3 / n:.3f}", ">= 0.90"),
        ("guide questions answered (relevance threshold)", f"{covered / n:.2f}", ""),
        (f"off-topic queries told 'not covered' ({len(off_topic)})",
         f"{refused / len(off_topic):.2f}", ""),
        ("cold index build (embedder loaded)", f"{build:.2f} s ({report.total} chunks)", "<= 10 s"),
        ("query p50", f"{statistics.median(latencies):.1f} ms", ""),
        ("query p95", f"{latencies[int(0.95 * len(latencies)) - 1]:.1f} ms", "<= 30 ms"),
        ("peak RSS", f"{rss_mb:.0f} MB", ""),
    ]
    print(f"Retrieval benchmark — {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
          f"{platform.python_version()}")
    print("| metric | value | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    if misses:
        print("\nMisses at 3 (question -> top hit):")
        for question, top in misses:
            print(f"- {question} -> {top}")


if __name__ == "__main__":
    main()
