from __future__ import annotations

import shutil
from pathlib import Path

import chromadb
import pytest

from coach.knowledge import chunk_guide
from coach.retrieval import KnowledgeIndex

from .conftest import KNOWLEDGE, HashEmbedder


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE / "guide", copy / "guide")
    return copy


@pytest.fixture
def index(tmp_path: Path) -> KnowledgeIndex:
    return KnowledgeIndex(chromadb.PersistentClient(str(tmp_path / "chroma")), HashEmbedder())


def _ids(index: KnowledgeIndex) -> list[str]:
    active = index._active()
    assert active is not None
    return sorted(active.get(include=[])["ids"])


def test_building_twice_gives_the_same_ids_and_embeds_nothing_new(index, knowledge) -> None:
    chunks = chunk_guide(knowledge)
    first = index.build(chunks)
    ids = _ids(index)
    second = index.build(chunks)
    assert first.embedded == len(chunks) and first.changed
    assert second.embedded == 0 and not second.changed
    assert _ids(index) == ids and len(ids) == len(chunks)


def test_editing_one_file_re_embeds_only_its_changed_chunks(index, knowledge) -> None:
    index.build(chunk_guide(knowledge))
    path = knowledge / "guide" / "09-key-takeaways.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Clear communication", "Clear, honest communication"), encoding="utf-8")
    embedder = index.embedder
    assert isinstance(embedder, HashEmbedder)
    before = embedder.embedded
    report = index.build(chunk_guide(knowledge))
    assert report.changed and report.embedded == 1 == embedder.embedded - before
    active = index._active()
    assert active is not None
    docs = active.get(include=["documents"])["documents"] or []
    assert sum("Clear, honest communication" in d for d in docs) == 1


def test_removed_chunks_are_deleted(index, knowledge) -> None:
    index.build(chunk_guide(knowledge))
    (knowledge / "guide" / "10-conclusion.md").unlink()
    report = index.build(chunk_guide(knowledge))
    assert report.removed == 1
    assert not any(i.startswith("10-conclusion.md") for i in _ids(index))
    assert index.status().chunks == report.total


def test_a_build_that_dies_midway_leaves_the_previous_index_in_service(
    tmp_path: Path, knowledge: Path
) -> None:
    client = chromadb.PersistentClient(str(tmp_path / "chroma"))
    KnowledgeIndex(client, HashEmbedder()).build(chunk_guide(knowledge))
    for path in (knowledge / "guide").glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8") + "\nAn added closing line.\n",
                        encoding="utf-8")
    dying = KnowledgeIndex(client, HashEmbedder(fail_after=3))
    with pytest.raises(RuntimeError):
        dying.build(chunk_guide(knowledge))
    reader = KnowledgeIndex(client, HashEmbedder())
    results = reader.retrieve("thank-you email", k=3)
    assert results and all("An added closing line" not in r.text for r in results)
    # The next build completes and serves the new text.
    reader.build(chunk_guide(knowledge))
    assert any("An added closing line" in r.text
               for r in reader.retrieve("An added closing line", k=5))


def test_status_before_and_after_building(index, knowledge) -> None:
    assert not index.status().ready
    index.build(chunk_guide(knowledge))
    status = index.status()
    assert status.ready and status.chunks > 40 and status.built_at
