"""Integration: the index on a real Chroma server started on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.config import Settings
from coach.knowledge import chunk_guide
from coach.retrieval import KnowledgeIndex, open_client

from .conftest import KNOWLEDGE, HashEmbedder, free_port

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert chroma, "the chroma command ships with chromadb"
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            assert proc.poll() is None, "chroma run exited"
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not listen within 60 s")
    yield port
    proc.terminate()
    proc.wait(timeout=20)


def test_index_and_retrieve_through_a_chroma_server(chroma_server: int, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, chroma_host="127.0.0.1",
                        chroma_port=chroma_server)
    client = open_client(settings)
    index = KnowledgeIndex(client, HashEmbedder(), name="server-guide")
    chunks = chunk_guide(KNOWLEDGE)
    first = index.build(chunks)
    second = index.build(chunks)
    assert first.embedded == len(chunks) and second.embedded == 0
    assert index.status().chunks == len(chunks)
    results = index.retrieve("thank-you email within 24 hours", k=3)
    assert len(results) == 3 and all(r.heading_path for r in results)
    # Nothing was written to the embedded database folder: the server holds the index.
    assert not settings.chroma_path.exists()
