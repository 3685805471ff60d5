"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX), computed locally with no torch."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

import numpy as np

MAX_WORDPIECES = 256


class Embedder(Protocol):
    """Turns texts into unit-length vectors; injected wherever embeddings are needed."""

    name: str

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on onnxruntime, mean-pooled and L2-normalised (as sentence-transformers)."""

    name = "all-MiniLM-L6-v2-int8"

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int = 2) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        # The shipped tokenizer pads every input to 128 and cuts there: pad each batch only to
        # its longest input (padding to the maximum costs ~40x per query) and cut at 256.
        self._tokenizer.enable_truncation(max_length=MAX_WORDPIECES)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()

    def count_wordpieces(self, text: str) -> int:
        """Wordpieces the model would see, before truncation (includes [CLS] and [SEP])."""
        self._tokenizer.no_truncation()
        try:
            return len(self._tokenizer.encode(text).ids)
        finally:
            self._tokenizer.enable_truncation(max_length=MAX_WORDPIECES)

    def embed(self, texts: list[str], batch_size: int = 32) -> list[list[float]]:
        """Embed texts in batches; each batch is padded only to its longest member."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            with self._lock:
                encodings = self._tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            vectors.extend(pooled.astype(float).tolist())
        return vectors


_cache: dict[str, MiniLMEmbedder] = {}
_cache_lock = threading.Lock()


def default_embedder() -> MiniLMEmbedder:
    """The process-wide MiniLM embedder, loaded once."""
    from coach.offline import embedder_files

    with _cache_lock:
        if "minilm" not in _cache:
            model, tokenizer = embedder_files()
            _cache["minilm"] = MiniLMEmbedder(model, tokenizer)
        return _cache["minilm"]
