"""The objects a running app or command shares: settings, index and (later) the model."""

from __future__ import annotations

import threading
from functools import cached_property

from coach.config import Settings
from coach.embeddings import Embedder
from coach.offline import apply_switches, private_dir, seed_tiktoken
from coach.retrieval import BuildReport, Guidance, KnowledgeIndex


class Services:
    """Built once at start-up and handed to the UI and the CLI."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._lock = threading.Lock()

    @cached_property
    def embedder(self) -> Embedder:
        """The injected embedder, or MiniLM loaded once."""
        if self._embedder is not None:
            return self._embedder
        from coach.embeddings import default_embedder

        return default_embedder()

    @cached_property
    def index(self) -> KnowledgeIndex:
        """The guide's index in the configured Chroma."""
        from coach.retrieval import open_client

        return KnowledgeIndex(open_client(self.settings), self.embedder, self.settings.collection)

    def refresh_index(self, force: bool = False) -> BuildReport:
        """Build the index, or bring it up to date with the knowledge folder."""
        from coach.knowledge import chunk_guide

        with self._lock:
            return self.index.build(chunk_guide(self.settings.knowledge_dir), force=force)

    def search(self, query: str, k: int = 3) -> list[Guidance]:
        """Search the guide."""
        return self.index.retrieve(query, k)


def bootstrap(settings: Settings | None = None, embedder: Embedder | None = None) -> Services:
    """Apply the offline switches, seed the encodings and return the shared services."""
    settings = settings or Settings()
    private_dir(settings.data_dir)
    apply_switches(settings.tiktoken_cache)
    seed_tiktoken(settings.tiktoken_cache)
    return Services(settings, embedder)
