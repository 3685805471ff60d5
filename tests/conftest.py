"""Shared fixtures: offline switches, a deterministic embedder, settings in a temporary folder."""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.config import KNOWLEDGE_DIR, Settings
from coach.offline import apply_switches, seed_tiktoken

from .fakes import DownChat

# Before any test imports chromadb, gradio or onnxruntime.
_TIKTOKEN = Path(tempfile.mkdtemp(prefix="coach-tiktoken-"))
apply_switches(_TIKTOKEN)
seed_tiktoken(_TIKTOKEN)

KNOWLEDGE = KNOWLEDGE_DIR


class HashEmbedder:
    """Tiny deterministic bag-of-words embedder that records how many texts it embedded."""

    name = "hash-64"

    def __init__(self, fail_after: int | None = None) -> None:
        self.embedded = 0
        self.fail_after = fail_after

    def embed(self, texts: list[str]) -> list[list[float]]:
        vectors = []
        for text in texts:
            if self.fail_after is not None and self.embedded >= self.fail_after:
                raise RuntimeError("embedder died midway")
            self.embedded += 1
            vec = [0.0] * 64
            for word in re.findall(r"\w+", text.lower()):
                vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1.0
            norm = math.sqrt(sum(v * v for v in vec)) or 1.0
            vectors.append([v / norm for v in vec])
        return vectors


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody is listening on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(services: Any) -> Iterator[str]:
    """The app for these services, launched on a free loopback port; yields its URL."""
    import app
    from coach import views

    demo = app.build_demo(services)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                        share=False, quiet=True, css=views.CSS)
    app.add_calendar_feed(demo.server_app, services)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own COACH_* settings never leak into a test."""
    import os

    for key in list(os.environ):
        if key.startswith("COACH_"):
            monkeypatch.delenv(key)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE)


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture(scope="session")
def minilm():
    from coach.embeddings import default_embedder

    return default_embedder()


@pytest.fixture(scope="session")
def real_services(tmp_path_factory: pytest.TempPathFactory):
    """Services with the real MiniLM embedder and a built index, shared by the session."""
    from coach.services import bootstrap

    data = tmp_path_factory.mktemp("real-data")
    services = bootstrap(Settings(_env_file=None, data_dir=data, knowledge_dir=KNOWLEDGE,
                                  classify_with_model=False), model=DownChat())
    services.refresh_index()
    return services
