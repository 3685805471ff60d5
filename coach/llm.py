"""The model seam: a small ChatModel protocol and one OpenAI-compatible implementation."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, Protocol, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx2
import openai
from pydantic import BaseModel, ValidationError

from coach.errors import CoachError, ModelError, ModelOutputError, ModelUnavailable

T = TypeVar("T", bound=BaseModel)
Message = dict[str, str]
Format = Literal["json_schema", "json_object", "text"]


class ChatModel(Protocol):
    """What every capability needs from a language model."""

    name: str
    context_window: int

    def complete(self, messages: Sequence[Message], *, max_tokens: int = 512,
                 temperature: float = 0.7) -> str:
        """The whole reply."""
        ...

    def stream(self, messages: Sequence[Message], *, max_tokens: int = 512,
               temperature: float = 0.7) -> Iterator[str]:
        """The reply in pieces as they are generated."""
        ...

    def parse(self, messages: Sequence[Message], schema: type[T], *, max_tokens: int = 512,
              temperature: float = 0.0) -> T:
        """A reply validated into the pydantic schema (asks once more on a validation error)."""
        ...


def display_url(url: str) -> str:
    """The URL without any user:password part, safe to show."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def extract_json(text: str) -> str:
    """The JSON object in a reply that may wrap it in prose or a code fence."""
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", text, re.DOTALL)
    if fenced:
        return fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    return text[start : end + 1] if 0 <= start < end else text


def schema_hint(schema: type[BaseModel]) -> str:
    """A compact description of the expected JSON, for models that do not read the schema.

    Servers such as llama.cpp enforce the schema's shape with a grammar but never show the
    model its descriptions or numeric bounds, so those travel in the prompt.
    """
    spec = schema.model_json_schema()
    lines = [f"Reply with only a JSON object with these fields ({schema.__name__}):"]
    for name, prop in spec.get("properties", {}).items():
        kind = " | ".join(prop["enum"]) if "enum" in prop else prop.get("type", "value")
        if "anyOf" in prop:
            kind = " or ".join(p.get("type", "object") for p in prop["anyOf"])
        if "minimum" in prop and "maximum" in prop:
            kind += f" from {prop['minimum']} to {prop['maximum']}"
        note = f" — {prop['description']}" if prop.get("description") else ""
        lines.append(f"- {name}: {kind}{note}")
    return "\n".join(lines)


def with_hint(messages: Sequence[Message], hint: str) -> list[Message]:
    """Messages with the hint appended to the system prompt (kept first for prompt caching)."""
    out = [dict(m) for m in messages]
    if out and out[0].get("role") == "system":
        out[0]["content"] = f"{out[0]['content']}\n\n{hint}"
    else:
        out.insert(0, {"role": "system", "content": hint})
    return out


class OpenAIChat:
    """ChatModel over any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, LM Studio, llama.cpp."""

    def __init__(
        self,
        endpoint: Callable[[], str] | str,
        model: str,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 1,
        context_window: int = 8192,
        label: str | None = None,
        http_client: httpx2.Client | None = None,
    ) -> None:
        self._endpoint = endpoint if callable(endpoint) else (lambda: endpoint)
        self.name = model
        self.label = label or model
        self.context_window = context_window
        self._api_key = api_key or "not-needed"
        self._timeout = timeout
        self._max_retries = max_retries
        self._http_client = http_client
        self._clients: dict[str, openai.OpenAI] = {}
        self._formats: list[Format] = ["json_schema", "json_object", "text"]
        self._lock = threading.Lock()

    # -- plumbing ----------------------------------------------------------------------------
    def _client(self) -> tuple[openai.OpenAI, str]:
        url = self._endpoint()
        with self._lock:
            if url not in self._clients:
                self._clients[url] = openai.OpenAI(
                    base_url=url, api_key=self._api_key, timeout=self._timeout,
                    max_retries=self._max_retries, http_client=self._http_client,
                )
            return self._clients[url], url

    def _error(self, exc: Exception, url: str) -> CoachError:
        """Translate a client error into a message for the user (never containing the key)."""
        where = display_url(url)
        back = "or switch back to the built-in model in Settings."
        if isinstance(exc, openai.APITimeoutError):
            return ModelUnavailable(f"The model server at {where} did not answer in "
                                    f"{self._timeout:.0f} s. Check that it is running, {back}")
        if isinstance(exc, openai.APIConnectionError | httpx2.TransportError):
            return ModelUnavailable(f"Cannot reach the model server at {where} (or it broke off "
                                    f"its answer). Check that it is running, {back}")
        if isinstance(exc, openai.RateLimitError):
            return ModelUnavailable(f"The model server at {where} is rate-limiting requests "
                                    "(HTTP 429). Wait a minute and try again.")
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return ModelError(f"The model server at {where} refused the API key "
                              f"(HTTP {exc.status_code}). Check COACH_OPENAI_API_KEY.")
        if isinstance(exc, openai.NotFoundError):
            return ModelError(f"The model server at {where} has no model named "
                              f"'{self.name}' (HTTP 404). Check COACH_OPENAI_MODEL.")
        if isinstance(exc, openai.APIStatusError):
            if exc.status_code >= 500:
                return ModelUnavailable(f"The model server at {where} failed "
                                        f"(HTTP {exc.status_code}). Try again in a moment, {back}")
            return ModelError(f"The model server at {where} rejected the request "
                              f"(HTTP {exc.status_code}).")
        return ModelOutputError(f"The model server at {where} sent an answer that could not be "
                                "read. Try again.")

    def _call(self, **kwargs: Any) -> Any:
        client, url = self._client()
        try:
            return client.chat.completions.create(model=self.name, **kwargs)
        except (openai.APIError, httpx2.HTTPError, ValueError) as exc:
            raise self._error(exc, url) from exc

    # -- the protocol ------------------------------------------------------------------------
    def complete(self, messages: Sequence[Message], *, max_tokens: int = 512,
                 temperature: float = 0.7) -> str:
        """The whole reply."""
        reply = self._call(messages=list(messages), max_tokens=max_tokens,
                           temperature=temperature)
        if not reply.choices:
            raise ModelOutputError("The model sent an empty answer. Try again.")
        return str(reply.choices[0].message.content or "")

    def stream(self, messages: Sequence[Message], *, max_tokens: int = 512,
               temperature: float = 0.7) -> Iterator[str]:
        """The reply in pieces; a stream cut midway raises ModelUnavailable."""
        chunks = self._call(messages=list(messages), max_tokens=max_tokens,
                            temperature=temperature, stream=True)
        _, url = self._client()
        try:
            for chunk in chunks:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except (openai.APIError, httpx2.HTTPError, ValueError) as exc:
            raise self._error(exc, url) from exc

    def parse(self, messages: Sequence[Message], schema: type[T], *, max_tokens: int = 512,
              temperature: float = 0.0) -> T:
        """Ask for JSON matching the schema; re-ask once with the validation error attached."""
        convo = with_hint(messages, schema_hint(schema))
        last = ""
        for attempt in range(2):
            last = self._json_reply(convo, schema, max_tokens, temperature)
            try:
                return schema.model_validate_json(extract_json(last))
            except ValidationError as exc:
                if attempt == 1:
                    break
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}"
                    for e in exc.errors()[:5]
                )
                convo += [
                    {"role": "assistant", "content": last},
                    {"role": "user", "content": f"That JSON was invalid ({problems}). Answer again "
                                                "with only the corrected JSON object."},
                ]
        raise ModelOutputError(
            "The model's answer did not have the expected shape, even when asked twice.",
            last_text=last,
        )

    def _json_reply(self, convo: list[Message], schema: type[BaseModel], max_tokens: int,
                    temperature: float) -> str:
        """One JSON answer, using the best response format the server accepts."""
        json_schema = schema.model_json_schema()
        while True:
            fmt = self._formats[0]
            kwargs: dict[str, Any] = {"messages": convo, "max_tokens": max_tokens,
                                      "temperature": temperature}
            if fmt == "json_schema":
                kwargs["response_format"] = {"type": "json_schema", "json_schema": {
                    "name": schema.__name__, "schema": json_schema}}
            elif fmt == "json_object":
                kwargs["response_format"] = {"type": "json_object", "schema": json_schema}
            else:
                kwargs["messages"] = [*convo, {"role": "user", "content": (
                    "Answer with only a JSON object matching this JSON schema:\n"
                    + json.dumps(json_schema))}]
            try:
                reply = self._call(**kwargs)
            except ModelError as exc:
                # A server that does not know this response format says 400 or 422: try the next.
                unknown = openai.BadRequestError | openai.UnprocessableEntityError
                if isinstance(exc.__cause__, unknown) and fmt != "text":
                    self._formats.pop(0)
                    continue
                raise
            if not reply.choices:
                raise ModelOutputError("The model sent an empty answer. Try again.")
            return str(reply.choices[0].message.content or "")


class FallbackChat:
    """A remote endpoint that, when it cannot be reached, lets the built-in model answer.

    `last_notice` tells the user why the answer came from the built-in model.
    """

    def __init__(self, primary: OpenAIChat, fallback: Callable[[], ChatModel]) -> None:
        self.primary = primary
        self._fallback = fallback
        self.name = primary.name
        self.label = primary.label
        self.context_window = primary.context_window
        self.last_notice: str | None = None

    def _notice(self, exc: ModelUnavailable) -> ChatModel:
        self.last_notice = f"{exc} This answer came from the built-in model instead."
        return self._fallback()

    def complete(self, messages: Sequence[Message], *, max_tokens: int = 512,
                 temperature: float = 0.7) -> str:
        """The whole reply, from the endpoint or else the built-in model."""
        self.last_notice = None
        try:
            return self.primary.complete(messages, max_tokens=max_tokens, temperature=temperature)
        except ModelUnavailable as exc:
            return self._notice(exc).complete(messages, max_tokens=max_tokens,
                                              temperature=temperature)

    def stream(self, messages: Sequence[Message], *, max_tokens: int = 512,
               temperature: float = 0.7) -> Iterator[str]:
        """Streams from the endpoint; falls back only if it failed before its first piece."""
        self.last_notice = None
        started = False
        try:
            for piece in self.primary.stream(messages, max_tokens=max_tokens,
                                             temperature=temperature):
                started = True
                yield piece
        except ModelUnavailable as exc:
            if started:
                raise
            yield from self._notice(exc).stream(messages, max_tokens=max_tokens,
                                                temperature=temperature)

    def parse(self, messages: Sequence[Message], schema: type[T], *, max_tokens: int = 512,
              temperature: float = 0.0) -> T:
        """Structured reply, from the endpoint or else the built-in model."""
        self.last_notice = None
        try:
            return self.primary.parse(messages, schema, max_tokens=max_tokens,
                                      temperature=temperature)
        except ModelUnavailable as exc:
            return self._notice(exc).parse(messages, schema, max_tokens=max_tokens,
                                           temperature=temperature)
