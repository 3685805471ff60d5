"""Practice benchmark with the embedded model: scripted candidates against every hidden truth.

Prints how often the interviewer's answer agrees with the hidden truth (read by interpret()),
how often the coach's verdict matches the scripted candidate's type, and time to first token
per turn. Run: .venv/bin/python bench/practice.py
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.config import Settings  # noqa: E402
from coach.interview import AGREES, DETAILS, PRESETS  # noqa: E402
from coach.practice import start, take_turn  # noqa: E402
from coach.reading.interpret import interpret  # noqa: E402
from coach.services import bootstrap  # noqa: E402

ANSWER = "I'd want to understand the team's biggest problems and ship one small win."
# (name, messages, index of the judged message, expected verdict)
SCRIPTS = [
    ("polite at the end", [ANSWER, "Thank you for your time today. What are the next steps?"],
     1, "polite"),
    ("premature", ["Before anything else — when will you make your decision?"], 0, "premature"),
    ("pushy and repeating", [ANSWER, "What are the next steps?",
                             "Okay, but when will I hear back? Just tell me now."], 2, "pushy"),
    ("never asks", [ANSWER, "What does the team work on day to day?"], 1, "not_an_ask"),
    ("good follow-up", [ANSWER, "Thanks! What does the timeline look like from here?",
                        "Thank you. Would it be all right to follow up after that if I "
                        "haven't heard?"], 2, "polite"),
]


def main() -> None:
    services = bootstrap(Settings(backend="local"))
    model = services.model
    model.complete([{"role": "user", "content": "hi"}], max_tokens=1)  # start-up not timed
    base = PRESETS["Final round, clear timeline"]
    agree_first = agree_final = asked = verdict_ok = verdicts = 0
    later_ttft: list[float] = []
    first_ttft: list[float] = []
    for truth in DETAILS:
        scenario = base.model_copy(update={"truth": truth, "detail": DETAILS[truth][0]})
        for name, messages, judged, expected in SCRIPTS:
            session = start(scenario)
            for n, message in enumerate(messages):
                started = time.perf_counter()
                first_piece = None
                replies = []
                for assessment, reply in take_turn(session, message, model,
                                                   ask_model=services.ask_model):
                    if first_piece is None:
                        first_piece = time.perf_counter() - started
                    replies.append(reply)
                    last_assessment = assessment
                (first_ttft if n == 0 else later_ttft).append(first_piece or 0.0)
                if n == judged:
                    verdicts += 1
                    verdict_ok += last_assessment.verdict == expected
                    if last_assessment.verdict != expected:
                        print(f"verdict {truth}/{name}: {last_assessment.verdict} "
                              f"(expected {expected})", file=sys.stderr)
                if {"next_steps", "timeline"} & set(last_assessment.asks) and \
                        truth != "open_questions":
                    asked += 1
                    streamed = replies[0] if len(replies) == 1 else replies[-2]
                    agree_first += interpret(streamed).category in AGREES[truth]
                    agree_final += interpret(session.turns[-1].text).category in AGREES[truth]
    services.local_server.stop()

    def p95(xs: list[float]) -> float:
        xs = sorted(xs)
        return xs[max(0, int(0.95 * len(xs)) - 1)]

    print(f"Practice with the embedded model — {time.strftime('%Y-%m-%d')}, "
          f"{platform.machine()}, 2 threads; 5 scripted candidates x 5 hidden truths")
    print("| metric | value | target |\n|---|---|---|")
    print(f"| interviewer agrees with the hidden truth, as shown (after check + regeneration) "
          f"| {agree_final / max(1, asked):.0%} ({agree_final}/{asked}) | >= 80% |")
    print(f"| ... first streamed attempt only | {agree_first / max(1, asked):.0%} | |")
    print(f"| coach verdict matches the scripted candidate | {verdict_ok / verdicts:.0%} "
          f"({verdict_ok}/{verdicts}) | >= 90% |")
    print(f"| time to first token, first turn p50 / p95 | {statistics.median(first_ttft):.2f} s"
          f" / {p95(first_ttft):.2f} s | |")
    print(f"| time to first token, later turns p50 / p95 | "
          f"{statistics.median(later_ttft):.2f} s / {p95(later_ttft):.2f} s | p50 <= 2 s |")


if __name__ == "__main__":
    main()
