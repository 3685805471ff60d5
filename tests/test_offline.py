from __future__ import annotations

import hashlib
import io
import os
import re
import socket
import stat
from pathlib import Path

import pytest

from coach import offline
from coach.errors import AssetError


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Three small parts standing in for the 22 model chunks."""
    blobs = [os.urandom(1000 + i) for i in range(3)]
    paths = []
    for i, blob in enumerate(blobs):
        path = tmp_path / f"part{i}.bin"
        path.write_bytes(blob)
        paths.append(path)
    whole = b"".join(blobs)
    monkeypatch.setattr(offline, "model_parts", lambda: paths)
    monkeypatch.setattr(offline, "MODEL_SIZE", len(whole))
    monkeypatch.setattr(offline, "MODEL_SHA256", hashlib.sha256(whole).hexdigest())
    return whole


def test_model_is_joined_verified_and_private(tmp_path: Path, fake_parts: bytes) -> None:
    target = tmp_path / "models" / "m.gguf"
    offline.ensure_model(target)
    assert target.read_bytes() == fake_parts
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_a_partial_or_corrupt_model_is_rebuilt(tmp_path: Path, fake_parts: bytes,
                                               damage: str) -> None:
    target = tmp_path / "m.gguf"
    offline.ensure_model(target)
    data = bytearray(target.read_bytes())
    if damage == "truncate":
        data = data[:-10]
    elif damage == "flip":
        data[500] ^= 0xFF
    else:
        data = bytearray()
    target.write_bytes(bytes(data))
    assert not offline.model_ok(target)
    messages: list[str] = []
    offline.ensure_model(target, progress=messages.append)
    assert target.read_bytes() == fake_parts
    assert any("rebuilding" in m for m in messages)


def test_parts_that_do_not_add_up_are_refused(tmp_path: Path, fake_parts: bytes,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "MODEL_SHA256", "0" * 64)
    target = tmp_path / "m.gguf"
    with pytest.raises(AssetError, match="checksum"):
        offline.ensure_model(target)
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial"))


def test_real_model_packages_are_installed() -> None:
    parts = offline.model_parts()
    assert len(parts) == 22
    assert sum(p.stat().st_size for p in parts) == offline.MODEL_SIZE


def test_tiktoken_encodings_come_from_the_local_cache(tmp_path: Path) -> None:
    offline.seed_tiktoken(tmp_path)
    for name, cached in offline.TIKTOKEN_FILES.items():
        assert (tmp_path / cached).stat().st_size > 100_000, name
    import tiktoken

    # TIKTOKEN_CACHE_DIR was pointed at a seeded folder by conftest; with sockets limited to
    # loopback, loading proves no download happened.
    assert tiktoken.get_encoding("o200k_base").encode("next steps")


def test_embedder_files_come_from_packages() -> None:
    model, tokenizer = offline.embedder_files()
    assert model.suffix == ".onnx" and tokenizer.name == "tokenizer.json"


def test_telemetry_switches_are_on() -> None:
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"
    assert os.environ["HF_HUB_OFFLINE"] == "1"


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_blocked_except_loopback() -> None:
    from pytest_socket import SocketConnectBlockedError

    # 0.0.0.1 is never routable, so even without the guard no packet would leave the machine.
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("0.0.0.1", 9), timeout=0.1)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), timeout=1):
        pass
    server.close()


# -- progress of the join and the check ------------------------------------------------------

def _assert_one_pass(calls: list[tuple[int, int]], total: int) -> None:
    """Calls of one pass: from (0, total), never backwards, ending at (total, total)."""
    assert calls[0] == (0, total)
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read 256 bytes at a time, so the ~3 KB fake model takes a dozen steps."""
    monkeypatch.setattr(offline, "BLOCK", 256)


def test_join_progress_rises_to_the_total(tmp_path: Path, fake_parts: bytes,
                                          small_blocks: None) -> None:
    calls: list[tuple[int, int]] = []
    messages: list[str] = []
    offline.ensure_model(tmp_path / "m.gguf", progress=messages.append,
                         on_bytes=lambda done, total: calls.append((done, total)))
    _assert_one_pass(calls, len(fake_parts))
    assert len(calls) > 10
    assert any("one-time join of 3 parts" in m for m in messages)


def test_check_of_an_existing_file_reports_progress(tmp_path: Path, fake_parts: bytes,
                                                    small_blocks: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.gguf"
    offline.ensure_model(target)
    monkeypatch.setattr(offline, "_verified", set())  # as in a new process
    calls: list[tuple[int, int]] = []
    messages: list[str] = []
    offline.ensure_model(target, progress=messages.append,
                         on_bytes=lambda done, total: calls.append((done, total)))
    _assert_one_pass(calls, len(fake_parts))
    assert any(m.startswith("Checking the built-in model") for m in messages)
    assert not any("join" in m for m in messages)
    calls.clear()
    offline.ensure_model(target, on_bytes=lambda done, total: calls.append((done, total)))
    assert calls == []  # checked once per process


def test_a_corrupt_file_is_checked_then_joined_each_pass_monotonic(
        tmp_path: Path, fake_parts: bytes, small_blocks: None) -> None:
    target = tmp_path / "m.gguf"
    target.write_bytes(bytes(len(fake_parts)))  # right size, wrong bytes
    calls: list[tuple[int, int]] = []
    offline.ensure_model(target, on_bytes=lambda done, total: calls.append((done, total)))
    restart = next(i for i in range(1, len(calls)) if calls[i][0] < calls[i - 1][0])
    _assert_one_pass(calls[:restart], len(fake_parts))
    _assert_one_pass(calls[restart:], len(fake_parts))
    assert target.read_bytes() == fake_parts


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _feed(meter: object, total: int, step: int) -> None:
    for done in [*range(0, total, step), total]:
        meter(done, total)  # type: ignore[operator]


def test_meter_redraws_one_line_on_a_terminal() -> None:
    from coach.cli import ByteMeter

    out = _Terminal()
    _feed(ByteMeter(out), 1_117_320_768, 8 << 20)
    text = out.getvalue()
    assert text.endswith("100%  1.12 of 1.12 GB\n") and text.count("\n") == 1
    shown = [int(m) for m in re.findall(r"\r\s*(\d+)%", text)]
    assert shown == sorted(set(shown)) and shown[0] == 0 and shown[-1] == 100


def test_meter_writes_a_few_plain_lines_elsewhere() -> None:
    from coach.cli import ByteMeter

    out = io.StringIO()
    meter = ByteMeter(out)
    _feed(meter, 1_117_320_768, 8 << 20)
    _feed(meter, 1_000, 1_000)  # a second pass starts again
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert [line.split("%")[0].strip() for line in lines] == ["25", "50", "75", "100", "100"]


def test_setup_shows_the_one_time_join(tmp_path: Path, fake_parts: bytes, small_blocks: None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from coach.cli import cli
    from coach.retrieval import BuildReport
    from coach.services import Services

    monkeypatch.setattr(Services, "refresh_index", lambda self, force=False: BuildReport(
        total=1, embedded=0, reused=1, removed=0, changed=False, seconds=0.0, collection="c"))
    result = CliRunner().invoke(cli, ["setup"], env={"COACH_DATA_DIR": str(tmp_path / "d")})
    assert result.exit_code == 0, result.output
    assert "one-time join" in result.stderr and "100%" in result.stderr
    assert "The built-in model is ready." in result.stderr
    assert (tmp_path / "d" / "models").is_dir()


def test_the_app_shows_the_join_as_a_progress_bar(tmp_path: Path, fake_parts: bytes,
                                                  small_blocks: None) -> None:
    from coach.config import Settings
    from coach.services import Services
    from coach.ui.common import announce_cold_start

    services = Services(Settings(_env_file=None, data_dir=tmp_path / "d"),
                        progress=lambda _msg: None)
    assert services.uses_local_model()
    bar: list[tuple[float, str]] = []
    announce_cold_start(services, lambda value, desc: bar.append((value, desc)))
    assert services.settings.model_path.read_bytes() == fake_parts
    assert bar[0][0] == 0 and bar[-1][0] == 1.0
    assert [v for v, _ in bar] == sorted(v for v, _ in bar)
    assert "one-time join" in bar[-1][1]
    assert not services.local_server.running  # only the file: the server starts on first use


def test_a_test_model_never_triggers_the_join(tmp_path: Path) -> None:
    from coach.config import Settings
    from coach.services import Services
    from coach.ui.common import announce_cold_start

    from .fakes import DownChat

    services = Services(Settings(_env_file=None, data_dir=tmp_path / "d"), model=DownChat())
    assert not services.uses_local_model()
    announce_cold_start(services, lambda *a, **k: pytest.fail("no progress expected"))
    assert not services.settings.model_path.exists()


def test_the_checksum_is_remembered_across_starts_until_the_file_changes(
        tmp_path: Path, fake_parts: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.gguf"
    offline.ensure_model(target)
    monkeypatch.setattr(offline, "_verified", set())
    assert offline.model_ok(target)  # checked once, and the stamp written
    monkeypatch.setattr(offline, "_verified", set())  # a later start
    hashed: list[int] = []
    monkeypatch.setattr(offline, "sha256_file",
                        lambda path, on_bytes=None: hashed.append(1) or "x")
    assert offline.model_ok(target) and hashed == []  # the stamp, not 1.1 GB of reading
    target.write_bytes(bytes(len(fake_parts)))  # the file changed: checked again, and bad
    os.utime(target, ns=(1, 1))
    monkeypatch.setattr(offline, "_verified", set())
    assert not offline.model_ok(target) and hashed == [1]
