"""Token counting with tiktoken's offline encodings, and fitting messages into the context."""

from __future__ import annotations

import functools

import tiktoken


@functools.cache
def _encoding() -> tiktoken.Encoding:
    # cl100k_base is a close stand-in for Qwen's tokenizer on English text; budgets keep a margin.
    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    """Number of tokens in text."""
    return len(_encoding().encode(text, disallowed_special=()))
