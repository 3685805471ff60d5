"""Health checks shared by `coach doctor` and the app's Settings panel."""

from __future__ import annotations

from dataclasses import dataclass

from coach.errors import CoachError
from coach.offline import MODEL_SIZE, embedder_files, model_ok
from coach.services import Services


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


def run_checks(services: Services) -> list[Check]:
    """Check the encodings, embedder, model file and index; never raises."""
    settings = services.settings
    checks = []
    try:
        from coach.budget import count_tokens

        checks.append(Check("tiktoken", True, f"offline encodings ({count_tokens('ok')} token)"))
    except Exception as exc:  # the point of a doctor is to report, not to stop
        checks.append(Check("tiktoken", False, str(exc)))
    try:
        model, tokenizer = embedder_files()
        checks.append(Check("embedder", True, f"{model.name} + {tokenizer.name}"))
    except CoachError as exc:
        checks.append(Check("embedder", False, str(exc)))
    if settings.backend == "local":
        path = settings.model_path
        if not path.exists():
            checks.append(Check("model file", False, f"{path} missing: run `coach setup`."))
        elif not model_ok(path):
            checks.append(Check("model file", False,
                                f"{path} is incomplete or corrupt ({path.stat().st_size} of "
                                f"{MODEL_SIZE} bytes): run `coach setup` to rebuild it."))
        else:
            checks.append(Check("model file", True, f"{path} (sha256 verified)"))
    try:
        status = services.index.status()
        if status.ready:
            checks.append(Check("index", True,
                                f"{status.chunks} chunks, built {status.built_at}"))
        else:
            checks.append(Check("index", False, "not built: run `coach index`."))
    except Exception as exc:
        checks.append(Check("index", False, f"cannot open the index: {exc}"))
    return checks
