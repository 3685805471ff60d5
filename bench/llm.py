"""Embedded-model benchmark: cold start, time to first token, tokens/s, parse() latency, RSS.

Run: .venv/bin/python bench/llm.py
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Literal  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pydantic import BaseModel, Field  # noqa: E402

from coach.config import Settings  # noqa: E402
from coach.services import bootstrap  # noqa: E402

SYSTEM = (
    "You are Dana Reyes, engineering manager at Northwind Logistics, finishing a final-round "
    "interview for a Senior Data Engineer. Stay in character and answer in 1-3 sentences. "
    "The hiring process: two more candidates this week, a decision by Friday next week, the "
    "recruiter will email every candidate either way. Do not invent other steps. If asked "
    "something unrelated, steer back politely to the candidate's questions."
)
TURNS = [
    "Thank you for your time today. Could you tell me what the next steps are?",
    "That's helpful. When do you expect to make a decision?",
    "Would it be all right if I followed up after Friday if I haven't heard anything?",
]


class Classified(BaseModel):
    """The shape the reply classifier asks the model for (its reasons come from rules)."""

    category: Literal["clear_timeline", "vague", "immediate", "none", "rejection"]
    confidence: float = Field(ge=0, le=1)


def streamed(model, messages) -> tuple[float, float, int, str]:
    started = time.perf_counter()
    first = None
    pieces = []
    for piece in model.stream(messages, max_tokens=80, temperature=0.7):
        if first is None:
            first = time.perf_counter()
        pieces.append(piece)
    end = time.perf_counter()
    assert first is not None
    rate = (len(pieces) - 1) / (end - first) if end > first else 0.0
    return first - started, rate, len(pieces), "".join(pieces)


def main() -> None:
    services = bootstrap(Settings(backend="local"))
    model = services.model
    next(iter(model.stream([{"role": "user", "content": "Hi"}], max_tokens=1)))
    rows = [("cold start (process start -> first token, model file verified)",
             f"{time.perf_counter() - PROCESS_START:.1f} s", "")]
    messages = [{"role": "system", "content": SYSTEM}]
    for n, question in enumerate(TURNS, 1):
        messages.append({"role": "user", "content": question})
        ttft, rate, _, answer = streamed(model, messages)
        if n in (1, 3):
            target = "<= 1.5 s" if n == 3 else ""
            rows.append((f"turn {n}: time to first token", f"{ttft:.2f} s", target))
            rows.append((f"turn {n}: generation", f"{rate:.1f} tokens/s", ""))
        messages.append({"role": "assistant", "content": answer})

    parse_messages = [
        {"role": "system", "content": "Classify the recruiter's reply: clear_timeline, vague, "
         "immediate, none or rejection, with your confidence."},
        {"role": "user", "content": "Thanks again for coming in. We're wrapping up interviews "
         "and will let everyone know by the end of next week."},
    ]
    latencies = []
    for _ in range(5):
        started = time.perf_counter()
        model.parse(parse_messages, Classified, max_tokens=120)
        latencies.append(time.perf_counter() - started)
    rows.append(("parse() small schema, median of 5", f"{statistics.median(latencies):.2f} s",
                 "<= 2.5 s"))
    rows.append(("parse() small schema, max of 5", f"{max(latencies):.2f} s", ""))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    rows.append(("peak RSS (app process incl. model)", f"{rss:.2f} GB", "<= 3 GB"))
    services.local_server.stop()

    print(f"LLM benchmark — {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
          f"{services.settings.local_threads} threads, built-in model")
    print("| metric | value | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
