"""The built wheel carries everything the app reads at run time: installed into a folder of its
own and run from another folder, `coach doctor` finds the prompts, the guide, the banks and the
reader's data, and the app serves its page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """The wheel, and the folder it was installed into (its dependencies are this venv's)."""
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy, so setuptools' build/ folder never lands in the checkout.
    source = tmp_path_factory.mktemp("source") / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "*.egg-info", "__pycache__", "docs", "tests", "bench"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(source)], check=True, capture_output=True)
    wheel = next(out.glob("next_steps_coach-*.whl"))
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    return wheel, target


def test_the_wheel_ships_prompts_guide_banks_and_data(installed) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("coach/prompts/interviewer.md", "coach/knowledge/guide/00-introduction.md",
                   "coach/reading/model.npz", "coach/voice/cues.jsonl", "coach/dates/corpus.jsonl",
                   "app.py"):
        assert needed in names, needed
    assert any(n.startswith("coach/knowledge/replies/real/") for n in names)
    assert any(n.startswith("coach/knowledge/asks/") for n in names)
    assert any(n.startswith("coach/reading/patterns/") for n in names)


def _env(target: Path, data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(PYTHONPATH=str(target), COACH_DATA_DIR=str(data))
    return env


def test_installed_elsewhere_doctor_and_app_run_from_another_folder(installed,
                                                                  tmp_path) -> None:
    _, target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(target, tmp_path / "data")
    where = subprocess.run([sys.executable, "-c", "import coach, app; print(coach.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(target))  # the installed copy, not this checkout
    index = subprocess.run([sys.executable, "-m", "coach.cli", "index"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=300)
    assert index.returncode == 0, index.stderr
    doctor = subprocess.run([sys.executable, "-m", "coach.cli", "doctor"], cwd=elsewhere,
                            env=env | {"COACH_BACKEND": "openai",
                                       "COACH_OPENAI_BASE_URL": "http://127.0.0.1:9/v1"},
                            capture_output=True, text=True, timeout=300)
    out = doctor.stdout + doctor.stderr
    for line in ("tiktoken", "embedder", "index"):
        assert any(row.startswith("[ok") and f"] {line}:" in row for row in out.splitlines()), out
    port = free_port()
    app = subprocess.Popen([sys.executable, "-c", "import app; app.main()"], cwd=elsewhere,
                           env=env | {"COACH_PORT": str(port), "COACH_BACKEND": "openai",
                                      "COACH_OPENAI_BASE_URL": "http://127.0.0.1:9/v1"},
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("the installed app never answered")
        assert b"Next Steps Coach" in page
    finally:
        app.terminate()
        app.wait(timeout=30)
