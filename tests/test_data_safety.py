"""Crashes mid-write lose nothing: the index and the model file are replaced atomically, and
the app's files are private; nothing writes telemetry or reaches the network."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coach import offline

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _run_and_kill(script: str, args: list[str], ready: str, timeout: float = 60) -> None:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args],
                            stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if ready in line:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


INDEX_SCRIPT = """
    import sys, time
    from pathlib import Path
    import chromadb
    from coach.knowledge import chunk_guide
    from coach.retrieval import KnowledgeIndex
    from tests.conftest import HashEmbedder

    class Slow(HashEmbedder):
        def embed(self, texts):
            print("embedding", flush=True)
            time.sleep(30)
            return super().embed(texts)

    index = KnowledgeIndex(chromadb.PersistentClient(sys.argv[1]), Slow())
    index.build(chunk_guide(Path(sys.argv[2])), force=True)
"""


def test_an_index_rebuild_killed_midway_leaves_the_old_index_serving(tmp_path: Path) -> None:
    import shutil

    import chromadb

    from coach.knowledge import chunk_guide
    from coach.retrieval import KnowledgeIndex

    from .conftest import KNOWLEDGE, HashEmbedder

    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE / "guide", knowledge / "guide")
    db = tmp_path / "chroma"
    KnowledgeIndex(chromadb.PersistentClient(str(db)), HashEmbedder()).build(
        chunk_guide(knowledge))
    (knowledge / "guide" / "09-key-takeaways.md").write_text("# Key Takeaways\n\nNew text.\n")
    _run_and_kill(INDEX_SCRIPT, [str(db), str(knowledge)], "embedding")
    reader = KnowledgeIndex(chromadb.PersistentClient(str(db)), HashEmbedder())
    status = reader.status()
    assert status.ready and status.chunks > 100  # the previous, complete index
    assert reader.retrieve("thank-you email", k=2)
    report = reader.build(chunk_guide(knowledge))  # and the next build completes
    assert report.changed and reader.status().chunks == report.total


JOIN_SCRIPT = """
    import sys
    from pathlib import Path
    from coach import offline
    print("joining", flush=True)
    offline.ensure_model(Path(sys.argv[1]))
"""


def test_a_model_join_killed_midway_is_redone(tmp_path: Path) -> None:
    target = tmp_path / "models" / "model.gguf"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(JOIN_SCRIPT), str(target)],
                            stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    partial = target.with_name(target.name + ".partial")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (partial.exists() and
                                                partial.stat().st_size > 50_000_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not target.exists()  # never a half file under the real name
    assert not offline.model_ok(target)
    offline.ensure_model(target)
    assert offline.model_ok(target)


PRIVACY_SCRIPT = """
    import sys
    from datetime import date
    from pathlib import Path
    from coach.config import Settings
    from coach.services import bootstrap
    services = bootstrap(Settings(_env_file=None, data_dir=Path(sys.argv[1]),
                                  classify_with_model=False))
    services.refresh_index()
    services.search("how soon should I send a thank-you email?")
    services.interpret("We'll decide by Friday.", date(2026, 11, 26))
    services.assess("Could you tell me the next steps?")
    import gradio  # imported for its side effects: it must not phone home either
    print("done", flush=True)
"""


def test_a_full_scenario_writes_no_telemetry_and_keeps_files_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TIKTOKEN"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(PRIVACY_SCRIPT), str(data)],
                          env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    leftovers = [str(p.relative_to(home)) for p in home.rglob("*")]
    assert leftovers == [], leftovers  # no ~/.cache/Microsoft, huggingface, chroma telemetry…
    for path in [data, *data.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
