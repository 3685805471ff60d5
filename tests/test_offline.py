from __future__ import annotations

import hashlib
import os
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
