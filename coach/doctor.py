"""Health checks shared by `coach doctor` and the app's Settings panel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx2
from pydantic import BaseModel

from coach.errors import CoachError
from coach.llm import display_url
from coach.offline import MODEL_LICENCE, MODEL_NAME, MODEL_SIZE, embedder_files, model_ok
from coach.services import Services


class ModelInfo(BaseModel):
    """What the About/Settings panel and `coach doctor` say about the model."""

    backend: str
    model: str
    endpoint: str
    licence: str | None = None
    reachable: bool
    detail: str


def model_info(services: Services, probe: bool = True) -> ModelInfo:
    """Backend, model, licence and whether it answers; `probe` may start the built-in model."""
    s = services.settings
    if s.backend == "local":
        server = services.local_server
        reachable, detail = server.running, "running" if server.running else "starts on first use"
        if probe:
            try:
                server.url()
                reachable, detail = True, "running on 127.0.0.1"
            except CoachError as exc:
                reachable, detail = False, str(exc)
        return ModelInfo(backend="built-in (llama.cpp)", model=MODEL_NAME,
                         endpoint="127.0.0.1 (in this process)", licence=MODEL_LICENCE,
                         reachable=reachable, detail=detail)
    where = display_url(s.openai_base_url)
    reachable, detail = False, "not checked"
    if probe:
        key = s.openai_api_key.get_secret_value() if s.openai_api_key else "not-needed"
        try:
            answer = httpx2.get(s.openai_base_url.rstrip("/") + "/models", timeout=5.0,
                                headers={"Authorization": f"Bearer {key}"})
            reachable = answer.status_code == 200
            detail = "answers" if reachable else f"answered HTTP {answer.status_code}"
        except httpx2.HTTPError:
            detail = f"cannot reach {where}"
    return ModelInfo(backend="OpenAI-compatible endpoint", model=s.openai_model, endpoint=where,
                     reachable=reachable, detail=detail)


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


def voice_check(folder: Path) -> Check:
    """Whether voice practice can work: faster-whisper and the verified Whisper model."""
    from coach.voice.assets import WHISPER_LICENCE, WHISPER_NAME, voice_problem, whisper_ok
    from coach.voice.speech import TTS_NAME, tts_problem

    problem = voice_problem()
    if problem:
        return Check("voice", False, problem)
    if not whisper_ok(folder):
        return Check("voice", False, f"{folder} has no verified Whisper model: run "
                     "`coach setup`.")
    speaks = "interviewer's voice: " + (tts_problem() or f"{TTS_NAME} available")
    return Check("voice", True, f"{WHISPER_NAME} (licence {WHISPER_LICENCE}, sha256 "
                 f"verified) in {folder}; {speaks}")


def run_checks(services: Services, probe_model: bool = True) -> list[Check]:
    """Check the encodings, embedder, model file, model and index; never raises."""
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
    checks.append(voice_check(settings.whisper_dir))
    info = model_info(services, probe=probe_model)
    checks.append(Check("model", info.reachable,
                        f"{info.model} at {info.endpoint}: {info.detail}"
                        + (f" (licence {info.licence})" if info.licence else "")))
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
