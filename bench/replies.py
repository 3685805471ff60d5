"""The reply reader on real messages only, with whole sources held out.

Five folds of the real corpus (coach/knowledge/replies/real), grouped by independent source (a site,
a repository): each fold is read by a reader trained on the written banks and the other folds'
sources, through the whole interpret() path. The calibration of a fold (a temperature, then a
map from confidence to how often such readings were right) is fitted on the other folds'
held-out readings, as the shipped reader's is fitted on all of them.

Prints macro-F1, per-class precision/recall/F1, the confusion matrix, calibration (expected
calibration error, and how often a reading with confidence >= 0.8 is wrong), an ablation (cues
alone, learned model alone, both, both + the language model), latency and start time, and the
rows per source.

Run: .venv/bin/python bench/replies.py [--no-llm]
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.embeddings import default_embedder  # noqa: E402
from coach.errors import CoachError  # noqa: E402
from coach.reading.banks import load_examples  # noqa: E402
from coach.reading.interpret import interpret  # noqa: E402
from coach.reading.reader import (  # noqa: E402
    TRAINED_ON,
    Modes,
    Reader,
    ReaderModel,
    cross_source_models,
    predict,
)
from coach.schemas import CATEGORIES  # noqa: E402

SHORT = {"clear_timeline": "timeline", "vague": "vague", "immediate": "immediate",
         "none": "none", "rejection": "rejection"}
K = 5
MODES = {
    "cues alone (patterns, dates, precedence rules)": Modes(cues=True, sentences=False, rules=True),
    "learned model alone (sentence embeddings)": Modes(cues=False, sentences=True, rules=False),
    "both (shipped reader)": Modes(),
}


def held_out_models(reader: Reader, examples, prepared, modes: Modes
                    ) -> list[tuple[list[int], ReaderModel]]:
    """The fold models, each calibrated on the other folds' readings."""
    folds = cross_source_models(prepared, examples, K, modes)
    raw = {i: predict(model, prepared[i]) for held, model in folds for i in held}
    for held, model in folds:
        others = [i for i in raw if i not in set(held)]
        model.calibrate([raw[i] for i in others], [examples[i].label for i in others])
    return folds


def run(reader: Reader, examples, folds, llm=None):
    """(gold, predicted, confidence, method, latency ms) per held-out real row."""
    rows = []
    for held, model in folds:
        reader.use(model)
        for i in held:
            started = time.perf_counter()
            try:
                result = interpret(examples[i].text, received=TRAINED_ON, reader=reader,
                                   model=llm)
                category, confidence, method = result.category, result.confidence, result.method
            except CoachError:  # refused as unreadable: counts as a wrong reading
                category, confidence, method = "none" if examples[i].label != "none" else \
                    "vague", 0.0, "refused"
            rows.append((examples[i].label, category, confidence, method,
                         (time.perf_counter() - started) * 1000, examples[i]))
    return rows


def f1_table(gold, predicted):
    out = {}
    for c in CATEGORIES:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[c] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0, tp + fn)
    return out


def calibration(gold, predicted, confidence, bins: int = 10) -> tuple[float, float, int]:
    """Expected calibration error, error rate at confidence >= 0.8 and how many such."""
    right = np.array([g == p for g, p in zip(gold, predicted, strict=True)], dtype=float)
    conf = np.array(confidence)
    ece = 0.0
    for b in range(bins):
        inside = (conf > b / bins) & (conf <= (b + 1) / bins)
        if inside.any():
            ece += inside.mean() * abs(right[inside].mean() - conf[inside].mean())
    sure = conf >= 0.8
    return ece, (1 - right[sure].mean()) if sure.any() else 0.0, int(sure.sum())


def summary(rows) -> dict:
    gold = [r[0] for r in rows]
    predicted = [r[1] for r in rows]
    table = f1_table(gold, predicted)
    ece, sure_wrong, sure_n = calibration(gold, predicted, [r[2] for r in rows])
    lat = sorted(r[4] for r in rows)
    return {"macro": statistics.mean(v[2] for v in table.values()), "table": table,
            "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(rows),
            "ece": ece, "sure_wrong": sure_wrong, "sure_n": sure_n,
            "p50": statistics.median(lat), "p95": lat[max(0, int(0.95 * len(lat)) - 1)],
            "asked": sum(r[3] == "rules+model" for r in rows),
            "unsure": sum(r[2] < 0.6 for r in rows), "gold": gold, "predicted": predicted}


def print_detail(title: str, s: dict) -> None:
    print(f"\n### {title}\n")
    print(f"macro-F1 **{s['macro']:.3f}** · accuracy {s['accuracy']:.3f} · ECE {s['ece']:.3f} · "
          f"wrong at confidence >= 0.8: {s['sure_wrong']:.1%} of {s['sure_n']} · shown as unsure "
          f"(< 0.6): {s['unsure']}\n")
    print("| class | precision | recall | F1 | n |\n|---|---|---|---|---|")
    for c, (prec, rec, f1, n) in s["table"].items():
        print(f"| {SHORT[c]} | {prec:.2f} | {rec:.2f} | {f1:.2f} | {n} |")
    print("\nconfusion (rows = truth, columns = reading)\n")
    print("| | " + " | ".join(SHORT[c] for c in CATEGORIES) + " |")
    print("|---" * (len(CATEGORIES) + 1) + "|")
    for g in CATEGORIES:
        cells = [sum(gg == g and p == c for gg, p in zip(s["gold"], s["predicted"], strict=True))
                 for c in CATEGORIES]
        print(f"| {SHORT[g]} | " + " | ".join(str(x) for x in cells) + " |")


def main() -> None:
    t0 = time.perf_counter()
    embedder = default_embedder()
    t_embedder = time.perf_counter() - t0
    reader = Reader(ROOT / "coach" / "knowledge", embedder)
    t1 = time.perf_counter()
    shipped = reader.model
    t_model = time.perf_counter() - t1
    interpret("We will decide by Friday.", received=TRAINED_ON, reader=reader)
    examples = load_examples(reader.bank_dir)
    real = [e for e in examples if e.origin == "real"]
    print(f"# Reply reader on real messages, whole sources held out ({K} folds) — "
          f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, 2 cores\n")
    print(f"{len(real)} real messages from {len({e.group for e in real})} independent sources; "
          f"{len(examples) - len(real)} written rows train only.\n")
    print("| source | rows | " + " | ".join(SHORT[c] for c in CATEGORIES) + " |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    by_group: dict[str, Counter] = {}
    for e in real:
        by_group.setdefault(e.group, Counter())[e.label] += 1
    for group, counts in sorted(by_group.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {group} | {sum(counts.values())} | "
              + " | ".join(str(counts[c]) for c in CATEGORIES) + " |")
    prepared = reader.prepare_examples(examples)
    results = {}
    folds_both = None
    for title, modes in MODES.items():
        folds = held_out_models(reader, examples, prepared, modes)
        if modes == Modes():
            folds_both = folds
        results[title] = summary(run(reader, examples, folds))
    if "--no-llm" not in sys.argv and folds_both is not None:
        from coach.config import Settings
        from coach.services import bootstrap

        services = bootstrap(Settings())
        services.model.complete([{"role": "user", "content": "hi"}], max_tokens=1)  # start it
        results["both + the language model (asked when unsure)"] = summary(
            run(reader, examples, folds_both, llm=services.model))
        services.local_server.stop()
    print("\n## Ablation (real messages, held-out sources)\n")
    print("| reader | macro-F1 | min class F1 | accuracy | ECE | wrong at >= 0.8 | p50 ms | "
          "p95 ms | LLM asked |\n|---|---|---|---|---|---|---|---|---|")
    for title, s in results.items():
        print(f"| {title} | {s['macro']:.3f} | {min(v[2] for v in s['table'].values()):.2f} | "
              f"{s['accuracy']:.3f} | {s['ece']:.3f} | {s['sure_wrong']:.1%} ({s['sure_n']}) | "
              f"{s['p50']:.0f} | {s['p95']:.0f} | {s['asked']} |")
    for title, s in results.items():
        print_detail(title, s)
    reader = Reader(ROOT / "coach" / "knowledge", embedder)  # a fresh one: no sentence seen before
    reader.use(shipped)
    lat = []
    for e in real:
        started = time.perf_counter()
        interpret(e.text, received=TRAINED_ON, reader=reader)
        lat.append((time.perf_counter() - started) * 1000)
    lat.sort()
    print("\n## Speed (shipped reader, every real message, sentence embeddings included)\n")
    print("| measure | value |\n|---|---|")
    print(f"| embedder load | {t_embedder:.2f} s |")
    print(f"| reader model load (shipped file) | {t_model * 1000:.0f} ms |")
    print(f"| reading p50 | {statistics.median(lat):.0f} ms |")
    print(f"| reading p95 | {lat[int(0.95 * len(lat)) - 1]:.0f} ms |")


if __name__ == "__main__":
    main()
