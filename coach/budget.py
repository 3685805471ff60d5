"""Token counting with tiktoken's offline encodings, and fitting messages into the context."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import tiktoken


@functools.cache
def _encoding() -> tiktoken.Encoding:
    # cl100k_base is a close stand-in for Qwen's tokenizer on English text; budgets keep a margin.
    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    """Number of tokens in text."""
    return len(_encoding().encode(text, disallowed_special=()))


Message = dict[str, str]
# Chat formats spend a few tokens per message on role markers.
PER_MESSAGE = 6
# cl100k_base and the served model's tokenizer differ: keep a tenth of the window in hand.
SAFETY = 0.9


def message_tokens(messages: Sequence[Message]) -> int:
    """Tokens the messages take, role markers included."""
    return sum(count_tokens(m.get("content", "")) + PER_MESSAGE for m in messages) + 3


def truncate_to_tokens(text: str, limit: int, marker: str = " […]") -> str:
    """The text cut to at most `limit` tokens (with a marker when cut)."""
    if limit <= 0:
        return ""
    tokens = _encoding().encode(text, disallowed_special=())
    if len(tokens) <= limit:
        return text
    keep = max(0, limit - count_tokens(marker))
    prefix = _encoding().decode(tokens[:keep])
    # A cut inside a multi-byte character decodes to U+FFFD: back off to a real prefix.
    while prefix and not text.startswith(prefix):
        prefix = prefix[:-1]
    return prefix + marker


def fit_messages(
    system: str,
    history: Sequence[Message],
    *,
    context_window: int,
    reserve: int = 512,
    guidance: Sequence[str] = (),
) -> list[Message]:
    """System prompt (+ guidance) and history that fit the window with `reserve` tokens spare.

    Drops the oldest turns first, then guidance passages from the last, then trims the system
    prompt, and finally cuts the newest turn itself; the newest turn is always kept.
    """
    budget = int(context_window * SAFETY) - reserve
    turns = [dict(m) for m in history if m.get("content", "").strip()]
    passages = list(guidance)

    def system_text() -> str:
        if not passages:
            return system
        return system + "\n\nFrom the guide:\n" + "\n\n".join(passages)

    def total() -> int:
        return message_tokens([{"role": "system", "content": system_text()}, *turns])

    while len(turns) > 1 and total() > budget:
        turns.pop(0)
    while passages and total() > budget:
        passages.pop()
    sys_text = system_text()
    if total() > budget:
        room = budget - (message_tokens(turns) if turns else 0) - PER_MESSAGE - 3
        sys_text = truncate_to_tokens(sys_text, max(room, budget // 4))
    out: list[Message] = [{"role": "system", "content": sys_text}] if sys_text else []
    if turns:
        used = message_tokens(out) + PER_MESSAGE
        turns[-1]["content"] = truncate_to_tokens(turns[-1]["content"], budget - used)
        out.extend(turns)
    return out
