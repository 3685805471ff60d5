"""A fake OpenAI-compatible server on 127.0.0.1 that misbehaves on command: every capability
shows a clear message, keeps the practice transcript, and works again on retry."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from coach.emails import EmailRequest, draft
from coach.errors import CoachError
from coach.interview import PRESETS
from coach.llm import OpenAIChat
from coach.practice import start, take_turn
from coach.reading.interpret import interpret

pytestmark = pytest.mark.slow
GOOD = "We'll decide by Friday next week and the recruiter will email you."


class Faulty(BaseHTTPRequestHandler):
    mode = "ok"
    calls = 0

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        cls = type(self)
        cls.calls += 1
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        mode = cls.mode
        if mode == "429-then-ok":
            mode = "429" if cls.calls == 1 else "ok"
        if mode == "hang":
            time.sleep(6)
            return
        if mode in ("429", "500"):
            self.send_response(int(mode))
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "nope"}}')
            return
        if mode == "bad-json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{not json")
            return
        text = '{"category": "vague", "confidence": 0.9}' if "response_format" in body else GOOD
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            words = text.split(" ")
            for i, word in enumerate(words):
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                         "choices": [{"index": 0, "delta": {"content": word + " "}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
                if mode == "cut" and i == 2:
                    self.connection.close()  # the stream breaks off midway
                    return
            self.wfile.write(b"data: [DONE]\n\n")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({
            "id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}]}).encode())


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Faulty)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


@pytest.fixture
def model(server):
    Faulty.calls = 0
    return OpenAIChat(server, "fake", timeout=2.5, max_retries=0, context_window=4096)


FAULTS = ["refused", "hang", "429", "500", "bad-json", "cut"]


def _set(mode: str, model: OpenAIChat) -> OpenAIChat:
    Faulty.mode = mode
    if mode == "refused":
        return OpenAIChat("http://127.0.0.1:9/v1", "fake", timeout=2.5, max_retries=0)
    return model


@pytest.mark.parametrize("mode", FAULTS)
def test_practice_turn_fails_clearly_keeps_the_transcript_and_recovers(model, mode) -> None:
    session = start(PRESETS["Final round, clear timeline"])
    broken = _set(mode, model)
    before = [t.text for t in session.turns]
    try:
        list(take_turn(session, "Could you tell me the next steps?", broken))
    except CoachError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert [t.text for t in session.turns] == before
    else:  # a stream cut after some words still leaves a complete, checked turn
        assert mode == "cut" and session.turns[-1].role == "interviewer"
    Faulty.mode = "ok"
    list(take_turn(session, "Thanks — could you tell me the next steps?", model))
    assert session.turns[-1].role == "interviewer" and session.turns[-1].text


@pytest.mark.parametrize("mode", FAULTS)
def test_email_falls_back_to_the_template_with_the_reason(model, mode) -> None:
    broken = _set(mode, model)
    # With a detail to weave in, the model is asked (with none, the guide's wording is used).
    result = draft(EmailRequest(kind="thank_you", interviewer_name="Dana", company="Acme",
                                role="Analyst", candidate_name="Amara", topics="the roadmap"),
                   broken)
    assert result.method == "template" and result.body
    assert any("template" in w for w in result.warnings)


@pytest.mark.parametrize("mode", [m for m in FAULTS if m != "cut"])  # parse() does not stream
def test_interpret_keeps_its_fast_reading_with_a_note(model, mode) -> None:
    broken = _set(mode, model)
    result = interpret("Let me take this away and mull it over.", received=date(2026, 11, 26),
                       model=broken)
    assert result.method == "rules"
    assert any("could not help" in n for n in result.notes)


def test_429_then_200_works_when_retries_are_on(server) -> None:
    Faulty.mode, Faulty.calls = "429-then-ok", 0
    patient = OpenAIChat(server, "fake", timeout=5.0, max_retries=1, context_window=4096)
    assert patient.complete([{"role": "user", "content": "hi"}]) == GOOD
    assert Faulty.calls == 2
