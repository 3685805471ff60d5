"""Test doubles: a fake chat model with queued replies and a record of its calls."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coach.errors import ModelOutputError
from coach.llm import Message, extract_json

T = TypeVar("T", bound=BaseModel)


class FakeChat:
    """ChatModel double: replies are taken from a queue; an Exception in the queue is raised."""

    name = "fake-model"
    label = "fake model"
    context_window = 4096

    def __init__(self, *replies: str | Exception) -> None:
        self.replies: deque[str | Exception] = deque(replies)
        self.calls: list[list[Message]] = []
        self.kwargs: list[dict[str, Any]] = []

    def enqueue(self, *replies: str | Exception) -> FakeChat:
        self.replies.extend(replies)
        return self

    def _next(self, messages: Sequence[Message], **kwargs: Any) -> str:
        self.calls.append([dict(m) for m in messages])
        self.kwargs.append(kwargs)
        if not self.replies:
            raise AssertionError("FakeChat has no reply queued for this call")
        reply = self.replies.popleft()
        if isinstance(reply, Exception):
            raise reply
        return reply

    def complete(self, messages: Sequence[Message], **kwargs: Any) -> str:
        return self._next(messages, **kwargs)

    def stream(self, messages: Sequence[Message], **kwargs: Any) -> Iterator[str]:
        text = self._next(messages, **kwargs)
        for i in range(0, len(text), 7):
            yield text[i : i + 7]

    def parse(self, messages: Sequence[Message], schema: type[T], **kwargs: Any) -> T:
        text = self._next(messages, **kwargs)
        try:
            return schema.model_validate_json(extract_json(text))
        except ValidationError:
            raise ModelOutputError("fake model answered badly", last_text=text) from None


class DownChat(FakeChat):
    """A model that is never reachable: capabilities must fall back gracefully."""

    def _next(self, messages: Sequence[Message], **kwargs: Any) -> str:
        self.calls.append([dict(m) for m in messages])
        from coach.errors import ModelUnavailable

        raise ModelUnavailable("No language model in this test.")
