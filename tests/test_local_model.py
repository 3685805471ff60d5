"""Integration tests with the real embedded model (marked `model`; CI runs them)."""

from __future__ import annotations

import os
import sys
from typing import Literal

import pytest
from pydantic import BaseModel

from coach.config import Settings
from coach.llm import OpenAIChat
from coach.local_model import LocalServer

pytestmark = pytest.mark.model


class Reply(BaseModel):
    category: Literal["clear_timeline", "vague", "immediate", "none", "rejection"]
    reason: str


@pytest.fixture(scope="module")
def server():
    # The app's own data folder: the 1.1 GB model file is joined there once and reused.
    srv = LocalServer(Settings(_env_file=None).model_path, threads=2, context=4096)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def chat(server: LocalServer) -> OpenAIChat:
    return OpenAIChat(server.url, "local", timeout=120, max_retries=0, context_window=4096)


def test_short_chat(chat: OpenAIChat) -> None:
    answer = chat.complete([{"role": "user", "content": "Reply with one word: hello."}],
                           max_tokens=10, temperature=0)
    assert answer.strip()


def test_streamed_reply_arrives_in_pieces(chat: OpenAIChat) -> None:
    pieces = list(chat.stream([{"role": "user", "content": "Count from one to five in words."}],
                              max_tokens=30, temperature=0))
    assert len(pieces) > 2 and "three" in "".join(pieces).lower()


def test_parse_into_a_pydantic_model(chat: OpenAIChat) -> None:
    messages = [
        {"role": "system", "content": "Classify the recruiter's message. clear_timeline = a "
         "date for the decision; rejection = not moving forward."},
        {"role": "user", "content": "We've decided to move forward with another candidate."},
    ]
    reply = chat.parse(messages, Reply, max_tokens=80)
    assert reply.category in {"rejection", "none", "vague", "clear_timeline", "immediate"}
    assert reply.reason


def test_a_dead_server_is_restarted_on_the_next_request(server: LocalServer,
                                                        chat: OpenAIChat) -> None:
    server.url()
    before = server.starts
    stale_url = server._url
    server._stop_locked()
    server._server, server._url = object(), stale_url  # looks alive, answers nothing
    answer = chat.complete([{"role": "user", "content": "Say ok."}], max_tokens=5)
    assert answer.strip() and server.starts == before + 1


@pytest.mark.parametrize("kind", ["thank_you", "reply_to_rejection"])
def test_email_drafts_with_the_embedded_model(chat: OpenAIChat, kind: str) -> None:
    from coach.emails import EmailRequest, draft

    request = EmailRequest(kind=kind, candidate_name="Amara Okafor",  # type: ignore[arg-type]
                           interviewer_name="Dana Reyes", company="Northwind Logistics",
                           role="Data Engineer", topics="the route planner")
    result = draft(request, chat)
    assert result.subject and "Dana" in result.body
    assert result.method in ("model", "model (repaired)", "model (rewritten)", "template")
    if result.method != "template":
        assert "Apollo" not in result.body  # checked drafts hold only the request's facts


def test_a_short_practice_session_with_the_embedded_model(chat: OpenAIChat) -> None:
    from coach.interview import PRESETS
    from coach.practice import start, take_turn
    from coach.reading.interpret import interpret
    from coach.report import build_report

    session = start(PRESETS["Final round, clear timeline"])
    for line in ["I'd learn the team's problems first and ship one small win.",
                 "Thank you for your time. Could you tell me what the next steps are?"]:
        pieces = list(take_turn(session, line, chat))
        assert pieces and pieces[-1][1].strip()
    answer = session.turns[-1].text
    assert interpret(answer).category == "clear_timeline"  # checked against the hidden truth
    report = build_report(session, None)
    assert report.interpretation is not None and report.thank_you is not None


def _thread_nice_values() -> list[int]:
    from pathlib import Path

    values = []
    for stat in Path("/proc/self/task").glob("*/stat"):
        try:
            values.append(int(stat.read_text().rsplit(")", 1)[1].split()[16]))
        except (OSError, IndexError, ValueError):
            pass  # the thread ended meanwhile
    return values


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_the_models_threads_run_nicer_than_the_app(chat: OpenAIChat) -> None:
    chat.complete([{"role": "user", "content": "Say hi."}], max_tokens=4, temperature=0)
    values = _thread_nice_values()
    base = os.nice(0)  # this (the app's) thread is untouched
    assert values.count(base) >= 1 and values.count(base + 10) >= 2, values
