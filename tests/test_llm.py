from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import httpx2
import pytest
from pydantic import BaseModel, Field

from coach.errors import ModelError, ModelOutputError, ModelUnavailable
from coach.llm import FallbackChat, OpenAIChat, display_url, extract_json

from .fakes import FakeChat

KEY = "sk-test-DO-NOT-LEAK-123"
URL = "http://user:pw@127.0.0.1:9/v1"


class Verdict(BaseModel):
    category: str
    confidence: float


def chat_reply(content: str) -> dict:
    return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}]}


def model_with(handler: Callable[[httpx2.Request], httpx2.Response], **kw) -> OpenAIChat:
    client = httpx2.Client(transport=httpx2.MockTransport(handler))
    return OpenAIChat(URL, "m", api_key=KEY, timeout=kw.pop("timeout", 60.0),
                      max_retries=0, http_client=client, **kw)


def raising(exc: Exception) -> Callable[[httpx2.Request], httpx2.Response]:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise exc
    return handler


def status(code: int) -> Callable[[httpx2.Request], httpx2.Response]:
    return lambda request: httpx2.Response(code, json={"error": {"message": "nope"}})


MSGS = [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize(
    ("handler", "error", "words"),
    [
        (raising(httpx2.ConnectError("refused")), ModelUnavailable, "Cannot reach"),
        (raising(httpx2.ReadTimeout("slow")), ModelUnavailable, "did not answer in 60 s"),
        (status(429), ModelUnavailable, "rate-limiting"),
        (status(500), ModelUnavailable, "HTTP 500"),
        (status(503), ModelUnavailable, "HTTP 503"),
        (status(401), ModelError, "COACH_OPENAI_API_KEY"),
        (status(404), ModelError, "COACH_OPENAI_MODEL"),
        (lambda r: httpx2.Response(200, content=b"{not json",
                                   headers={"content-type": "application/json"}),
         ModelOutputError, "could not be read"),
    ],
    ids=["refused", "timeout", "429", "500", "503", "401", "404", "malformed"],
)
def test_client_errors_become_messages_for_the_user(handler, error, words) -> None:
    with pytest.raises(error) as caught:
        model_with(handler).complete(MSGS)
    message = str(caught.value)
    assert words in message
    assert KEY not in message and "pw@" not in message
    assert "127.0.0.1:9/v1" in message or error is ModelOutputError


def test_a_stream_cut_midway_raises_model_unavailable() -> None:
    class CutStream(httpx2.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            piece = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                     "choices": [{"index": 0, "delta": {"content": "Hello"}}]}
            yield f"data: {json.dumps(piece)}\n\n".encode()
            raise httpx2.RemoteProtocolError("peer closed connection")

    model = model_with(lambda r: httpx2.Response(
        200, headers={"content-type": "text/event-stream"}, stream=CutStream()))
    got = []
    with pytest.raises(ModelUnavailable, match="broke off"):
        for piece in model.stream(MSGS):
            got.append(piece)
    assert got == ["Hello"]


def test_streaming_yields_pieces_in_order() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        events = []
        for word in ["We ", "will ", "decide."]:
            chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                     "choices": [{"index": 0, "delta": {"content": word}}]}
            events.append(f"data: {json.dumps(chunk)}\n\n")
        events.append("data: [DONE]\n\n")
        return httpx2.Response(200, headers={"content-type": "text/event-stream"},
                               content="".join(events).encode())

    assert "".join(model_with(handler).stream(MSGS)) == "We will decide."


def test_parse_uses_json_schema_and_validates() -> None:
    seen: list[dict] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(json.loads(request.content))
        return httpx2.Response(200, json=chat_reply('{"category": "vague", "confidence": 0.7}'))

    verdict = model_with(handler).parse(MSGS, Verdict)
    assert verdict == Verdict(category="vague", confidence=0.7)
    assert seen[0]["response_format"]["type"] == "json_schema"
    assert seen[0]["response_format"]["json_schema"]["schema"]["required"] == [
        "category", "confidence"]


def test_parse_reasks_once_with_the_validation_error() -> None:
    replies = iter(['{"category": "vague"}', '```json\n{"category": "vague", '
                    '"confidence": 0.5}\n```'])
    bodies: list[dict] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content))
        return httpx2.Response(200, json=chat_reply(next(replies)))

    assert model_with(handler).parse(MSGS, Verdict).confidence == 0.5
    assert len(bodies) == 2
    reask = bodies[1]["messages"][-1]["content"]
    assert "confidence" in reask and "Field required" in reask


def test_parse_gives_up_after_two_bad_answers_and_keeps_the_text() -> None:
    model = model_with(lambda r: httpx2.Response(200, json=chat_reply("I think it is vague.")))
    with pytest.raises(ModelOutputError) as caught:
        model.parse(MSGS, Verdict)
    assert caught.value.last_text == "I think it is vague."


def test_parse_falls_back_when_the_server_rejects_json_schema() -> None:
    formats: list[str | None] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        fmt = body.get("response_format", {}).get("type")
        formats.append(fmt)
        if fmt == "json_schema":
            return httpx2.Response(400, json={"error": {"message": "unknown response_format"}})
        return httpx2.Response(200, json=chat_reply('{"category": "none", "confidence": 1}'))

    model = model_with(handler)
    assert model.parse(MSGS, Verdict).category == "none"
    assert model.parse(MSGS, Verdict).category == "none"
    assert formats == ["json_schema", "json_object", "json_object"]  # remembered


def test_fallback_answers_with_the_built_in_model_and_says_why() -> None:
    remote = model_with(raising(httpx2.ConnectError("refused")))
    local = FakeChat("local answer")
    chat = FallbackChat(remote, lambda: local)
    assert chat.complete(MSGS) == "local answer"
    assert chat.last_notice and "Cannot reach" in chat.last_notice
    assert "built-in model instead" in chat.last_notice


def test_without_fallback_the_user_sees_the_reason() -> None:
    with pytest.raises(ModelUnavailable, match="switch back to the built-in model"):
        model_with(raising(httpx2.ConnectError("refused"))).complete(MSGS)


def test_display_url_hides_credentials() -> None:
    assert display_url("https://bob:secret@api.example.com:8443/v1") == \
        "https://api.example.com:8443/v1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [('{"a": 1}', '{"a": 1}'), ('Sure! ```json\n{"a": 1}\n``` done', '{"a": 1}'),
     ('Here: {"a": {"b": 2}} ok', '{"a": {"b": 2}}'), ("no json", "no json")],
)
def test_extract_json(text: str, expected: str) -> None:
    assert extract_json(text) == expected


def test_fake_chat_records_calls_and_raises_queued_errors() -> None:
    fake = FakeChat("one", ModelUnavailable("down"))
    assert fake.complete(MSGS) == "one"
    with pytest.raises(ModelUnavailable):
        fake.complete(MSGS)
    assert len(fake.calls) == 2


def test_parse_tells_the_model_the_fields_and_bounds() -> None:
    bodies: list[dict] = []

    class Scored(BaseModel):
        """A verdict."""

        label: str
        score: float = Field(ge=0, le=1, description="how sure you are")

    def handler(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content))
        return httpx2.Response(200, json=chat_reply('{"label": "x", "score": 0.5}'))

    model_with(handler).parse([{"role": "system", "content": "Judge."}, *MSGS], Scored)
    system = bodies[0]["messages"][0]["content"]
    assert system.startswith("Judge.")
    assert "score: number from 0 to 1 — how sure you are" in system
