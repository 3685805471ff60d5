"""The guide's Chroma index: build it (atomically, re-embedding only what changed) and query it."""

from __future__ import annotations

import collections
import hashlib
import math
import re
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from coach.embeddings import Embedder
from coach.errors import InputError, KnowledgeError
from coach.knowledge import Chunk

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from coach.config import Settings

MAX_QUERY_CHARS = 2000
MAX_REMEMBERED = 512  # remembered answers (a few KB each)
RRF_K = 60  # the usual reciprocal-rank-fusion constant; not tuned
_STOPWORDS = frozenset(
    "a an the and or of to in on for is are be it i my me you your we our they their this that "
    "what how do does should can with at as from about if when after before will would".split()
)


class Guidance(BaseModel):
    """One retrieved passage of the guide."""

    text: str
    heading_path: str
    source: str
    score: float
    chunk_id: str

    @property
    def for_employers(self) -> bool:
        """True for the guide's advice to employers (not to candidates)."""
        return self.heading_path.startswith(EMPLOYER_SECTION)


# The guide's chapter written for employers: its passages are labelled as such.
EMPLOYER_SECTION = "Best Practices for Employers"
# A search whose best passage is less similar than this (MiniLM cosine) is one the guide does
# not cover: on bench/data, 98% of questions about the guide score above it and 88% of
# off-topic or nonsense queries below (bench/retrieval.py prints both).
RELEVANT = 0.25


class BuildReport(BaseModel):
    """What a build or refresh of the index did."""

    total: int
    embedded: int
    reused: int
    removed: int
    changed: bool
    seconds: float
    collection: str


class IndexStatus(BaseModel):
    """What the index holds, for the Settings panel and `coach doctor`."""

    ready: bool
    chunks: int = 0
    built_at: str | None = None
    collection: str | None = None


def open_client(settings: Settings) -> ClientAPI:
    """An embedded Chroma client in the data folder, or a client of the configured server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    from coach.offline import private_dir

    return chromadb.PersistentClient(
        path=str(private_dir(settings.chroma_path)), settings=chroma_settings
    )


class KnowledgeIndex:
    """Chunks of the guide in a Chroma collection, found through a pointer collection.

    A build writes a complete new collection and then flips the pointer, so a reader never
    sees a half-written index, and a build killed midway leaves the previous one in service.
    """

    def __init__(self, client: ClientAPI, embedder: Embedder, name: str = "guide") -> None:
        self.client = client
        self.embedder = embedder
        self.name = name
        self._pointer_name = f"{name}-active"
        self._lexical_cache: _Lexical | None = None
        # Remembered answers by (collection, query, k); a rebuilt index has a new name.
        self._answers: dict[tuple[str, str, int], list[Guidance]] = {}

    # -- the pointer -------------------------------------------------------------------------
    def _active_name(self) -> str | None:
        try:
            pointer = self.client.get_collection(self._pointer_name)
        except Exception:  # chromadb raises NotFoundError or ValueError by version
            return None
        target = (pointer.metadata or {}).get("active")
        return str(target) if target else None

    def _active(self) -> Any | None:
        name = self._active_name()
        if name is None:
            return None
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception:
            return None

    def _flip(self, target: str) -> None:
        pointer = self.client.get_or_create_collection(
            self._pointer_name, metadata={"active": target}, embedding_function=None
        )
        pointer.modify(metadata={"active": target})

    # -- building ----------------------------------------------------------------------------
    def build(self, chunks: Sequence[Chunk], force: bool = False) -> BuildReport:
        """Make the index hold exactly these chunks, embedding only new or changed text."""
        started = time.perf_counter()
        manifest = hashlib.sha256(
            "\n".join(f"{c.id} {c.hash}" for c in chunks).encode() + self.embedder.name.encode()
        ).hexdigest()[:16]
        current = self._active()
        old_meta = (current.metadata or {}) if current is not None else {}
        if current is not None and old_meta.get("manifest") == manifest and not force:
            return BuildReport(total=current.count(), embedded=0, reused=current.count(),
                               removed=0, changed=False, collection=current.name,
                               seconds=time.perf_counter() - started)
        known: dict[str, list[float]] = {}
        old_ids: set[str] = set()
        if current is not None and old_meta.get("embedder") == self.embedder.name and not force:
            stored = current.get(include=["metadatas", "embeddings"])
            old_ids = set(stored["ids"])
            for meta, vector in zip(stored["metadatas"] or [], stored["embeddings"], strict=True):
                known[str(meta["hash"])] = [float(x) for x in vector]
        elif current is not None:
            old_ids = set(current.get(include=[])["ids"])
        fresh = [c for c in chunks if c.hash not in known]
        vectors = dict(zip([c.hash for c in fresh],
                           self.embedder.embed([c.embed_text for c in fresh]), strict=True))
        vectors.update({h: v for h, v in known.items() if h not in vectors})

        target = f"{self.name}-{manifest}"
        self._drop(target)  # leftover of a build that was killed before its flip
        built_at = datetime.now(UTC).isoformat(timespec="seconds")
        collection = self.client.create_collection(
            target,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"manifest": manifest, "embedder": self.embedder.name, "built_at": built_at},
        )
        for start in range(0, len(chunks), 100):
            batch = chunks[start : start + 100]
            collection.upsert(
                ids=[c.id for c in batch],
                embeddings=cast(Any, [vectors[c.hash] for c in batch]),
                documents=[c.text for c in batch],
                metadatas=[{"source": c.source, "heading_path": c.heading_path, "hash": c.hash}
                           for c in batch],
            )
        self._flip(target)
        for stale in self._collections():
            if stale not in (target, self._pointer_name):
                self._drop(stale)
        return BuildReport(
            total=len(chunks), embedded=len(fresh), reused=len(chunks) - len(fresh),
            removed=len(old_ids - {c.id for c in chunks}), changed=True, collection=target,
            seconds=time.perf_counter() - started,
        )

    def _collections(self) -> list[str]:
        names = [getattr(c, "name", c) for c in self.client.list_collections()]
        return [str(n) for n in names if str(n).startswith(f"{self.name}-")]

    def _drop(self, name: str) -> None:
        try:
            self.client.delete_collection(name)
        except Exception:
            pass

    # -- reading -----------------------------------------------------------------------------
    def status(self) -> IndexStatus:
        """Whether the index is ready, with its size and build time."""
        current = self._active()
        if current is None:
            return IndexStatus(ready=False)
        meta = current.metadata or {}
        return IndexStatus(ready=True, chunks=current.count(), collection=current.name,
                           built_at=str(meta.get("built_at")) if meta.get("built_at") else None)

    def retrieve(self, query: str, k: int = 4, *, remember: bool = False) -> list[Guidance]:
        """The k best passages for the query, from k different sections, best first.

        `remember=True` keeps the answer for the life of this index build: for the fixed
        questions the app asks on every request (one per reply category or email kind).

        Ranks by meaning (MiniLM cosine) and by words (BM25) and fuses the two rankings; the
        score shown is the cosine similarity of passage and query.
        """
        query = " ".join(query.split())[:MAX_QUERY_CHARS]
        if not query:
            raise InputError("Type a question to search the guide.")
        collection = self._active()
        if collection is None:
            raise KnowledgeError("The guide is not indexed yet. Run `coach index` (or `make run`).")
        k = max(1, min(int(k), 50))
        key = (collection.name, query, k)
        if remember and key in self._answers:
            return [g.model_copy() for g in self._answers[key]]
        lexical = self._lexical(collection)
        pool = min(lexical.size, max(50, 10 * k))
        query_vector = self.embedder.embed([query])[0]
        found = collection.query(query_embeddings=[query_vector],
                                 n_results=pool, include=["distances"])
        similarity = {cid: 1.0 - d
                      for cid, d in zip(found["ids"][0], (found["distances"] or [[]])[0],
                                        strict=True)}
        fused: dict[str, float] = collections.defaultdict(float)
        for rank, cid in enumerate(similarity):
            fused[cid] += 1.0 / (RRF_K + rank)
        for rank, cid in enumerate(lexical.rank(query)[:pool]):
            fused[cid] += 1.0 / (RRF_K + rank)
        results: list[Guidance] = []
        seen: set[str] = set()
        for cid in sorted(fused, key=lambda c: -fused[c]):
            doc = lexical.docs[cid]
            if doc.heading_path in seen:
                continue
            seen.add(doc.heading_path)
            score = similarity.get(cid)
            if score is None:
                score = lexical.cosine(cid, query_vector)
            results.append(Guidance(text=doc.text, heading_path=doc.heading_path,
                                    source=doc.source, score=round(score, 4), chunk_id=cid))
            if len(results) == k:
                break
        if remember:
            if len(self._answers) >= MAX_REMEMBERED:
                self._answers.clear()
            self._answers[key] = [g.model_copy() for g in results]
        return results

    def _lexical(self, collection: Any) -> _Lexical:
        """BM25 over the active collection, built once per collection."""
        cached = self._lexical_cache
        if cached is None or cached.collection != collection.name:
            stored = collection.get(include=["documents", "metadatas", "embeddings"])
            cached = _Lexical(collection.name, stored)
            self._lexical_cache = cached
        return cached


class _Doc(BaseModel):
    text: str
    heading_path: str
    source: str


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS]


class _Lexical:
    """Okapi BM25 (k1=1.2, b=0.75) over heading path plus text of every chunk."""

    def __init__(self, collection: str, stored: Any) -> None:
        self.collection = collection
        self.docs: dict[str, _Doc] = {}
        self._vectors: dict[str, list[float]] = {}
        self._terms: dict[str, collections.Counter[str]] = {}
        self._lengths: dict[str, int] = {}
        for cid, text, meta, vector in zip(stored["ids"], stored["documents"],
                                           stored["metadatas"], stored["embeddings"],
                                           strict=True):
            doc = _Doc(text=text or "", heading_path=str(meta["heading_path"]),
                       source=str(meta["source"]))
            self.docs[cid] = doc
            self._vectors[cid] = [float(x) for x in vector]
            words = _words(f"{doc.heading_path} {doc.text}")
            self._terms[cid] = collections.Counter(words)
            self._lengths[cid] = len(words)
        self.size = len(self.docs)
        self._df = collections.Counter(w for terms in self._terms.values() for w in terms)
        self._avg = sum(self._lengths.values()) / max(1, self.size)

    def rank(self, query: str) -> list[str]:
        """Chunk ids with a positive BM25 score, best first."""
        scores: dict[str, float] = collections.defaultdict(float)
        for word in set(_words(query)):
            df = self._df.get(word)
            if not df:
                continue
            idf = math.log(1 + (self.size - df + 0.5) / (df + 0.5))
            for cid, terms in self._terms.items():
                tf = terms.get(word)
                if tf:
                    norm = 1.2 * (0.25 + 0.75 * self._lengths[cid] / self._avg)
                    scores[cid] += idf * tf * 2.2 / (tf + norm)
        return sorted(scores, key=lambda c: -scores[c])

    def cosine(self, cid: str, query_vector: list[float]) -> float:
        """Cosine similarity of a chunk found by words alone (vectors are unit length)."""
        return float(sum(a * b for a, b in zip(query_vector, self._vectors[cid], strict=True)))
