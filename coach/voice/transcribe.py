"""Offline speech-to-text for a practice turn: one recording in, the words with their times out.

Bad audio never reaches the model as if it were speech: a file that is not audio, a recording
too long for a turn, silence, noise with no words in it and a language the coaching does not
read each raise a VoiceError with a message for the user (the turn is not taken, nothing is
lost).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from coach.errors import CoachError

log = logging.getLogger(__name__)

RATE = 16_000
MAX_SECONDS = 120  # a closing answer and ask is well under two minutes
MAX_BYTES = 50 << 20
MIN_SECONDS = 0.3
SILENCE_RMS = 0.002  # below this the microphone picked up nothing (float samples, -1..1)
# Languages the coaching reads (their asks are coached); others get an honest message.
LANGUAGES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French",
             "pt": "Portuguese"}
# Whisper tends to tidy fillers away; a prompt written with them keeps them in the transcript,
# and the fillers are what the delivery coaching counts.
NO_WORDS = ("I couldn't make out any words — only noise. Speak a little closer to the "
            "microphone, or type your turn.")
FILLER_PROMPT = {"en": "Umm, so, uh, I was, like, wondering... Hmm. Okay, you know, I mean,"}


class VoiceError(CoachError):
    """The recording can't be used as a turn (the message says why and what to do)."""


class VoiceUnavailable(VoiceError):
    """Speech-to-text is not installed or its model is missing."""


class Word(BaseModel):
    """One transcribed word with its time in the recording (seconds)."""

    text: str
    start: float
    end: float
    probability: float = Field(ge=0, le=1)


class Transcript(BaseModel):
    """What was said, word by word."""

    text: str
    words: list[Word]
    duration: float  # the whole recording, seconds
    language: str
    language_probability: float
    seconds: float = 0.0  # time spent transcribing


def load_audio(path: Path) -> np.ndarray:
    """The recording as 16 kHz mono float samples, or a VoiceError saying what is wrong."""
    try:
        size = path.stat().st_size
    except OSError:
        raise VoiceError("The recording could not be found; record again.") from None
    if size == 0:
        raise VoiceError("The recording is empty; record again.")
    if size > MAX_BYTES:
        raise VoiceError(f"That file is {size / 1e6:.0f} MB: a spoken turn is a short "
                         "recording (at most two minutes).")
    try:
        from faster_whisper.audio import decode_audio

        audio = decode_audio(str(path), sampling_rate=RATE)
    except ImportError as exc:
        raise VoiceUnavailable(_missing()) from exc
    except Exception:  # av raises its own zoo of errors for files that are not audio
        raise VoiceError("That file is not audio I can read. Record with the microphone, or "
                         "upload a WAV, MP3, OGG, WebM or M4A file.") from None
    if not isinstance(audio, np.ndarray) or audio.size == 0:
        raise VoiceError("The recording holds no sound; record again.")
    return audio.astype(np.float32, copy=False)


def screen(audio: np.ndarray) -> None:
    """Refuse recordings that are too short, too long or silent, before any model runs."""
    seconds = audio.size / RATE
    if seconds > MAX_SECONDS:
        raise VoiceError(f"That recording is {_minutes(seconds)} long; a turn here is at "
                         "most two minutes. Record just what you would say to the "
                         "interviewer.")
    if seconds < MIN_SECONDS:
        raise VoiceError("The recording is too short to hear anything; hold the button a "
                         "little longer.")
    if float(np.sqrt(np.mean(np.square(audio)))) < SILENCE_RMS:
        raise VoiceError("I heard only silence. Check that the browser may use the "
                         "microphone and that it is not muted, then record again.")


def _minutes(seconds: float) -> str:
    whole = int(round(seconds))
    if whole < 90:
        return f"{whole} seconds"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} minutes"


def _missing() -> str:
    return ("Voice practice needs faster-whisper, which is not installed: run `make run` "
            "again, or type your turn.")


class Transcriber:
    """Whisper base on the CPU, loaded on first use; one transcription at a time."""

    def __init__(self, folder: Path, threads: int = 2) -> None:
        self.folder = folder
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self) -> Any:
        if self._model is None:
            from coach.errors import AssetError
            from coach.voice.assets import ensure_whisper

            try:
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise VoiceUnavailable(_missing()) from exc
            try:
                folder = ensure_whisper(self.folder)
            except AssetError as exc:
                raise VoiceUnavailable(str(exc)) from exc
            self._model = WhisperModel(str(folder), device="cpu", compute_type="int8",
                                       cpu_threads=self.threads)
        return self._model

    def warm(self) -> None:
        """Load the model now (the app does it in the background at start)."""
        with self._lock:
            self._load()

    def transcribe(self, path: Path | str) -> Transcript:
        """Transcribe one recording (see the module's notes on what is refused)."""
        audio = load_audio(Path(path))
        screen(audio)
        with self._lock:
            model = self._load()
            started = time.perf_counter()
            speech = _speech(audio)
            window = _window(audio)
            language, probability = self._language(model, speech, _window(speech))
            segments, _ = model.transcribe(
                audio, language=language, beam_size=1, word_timestamps=True,
                vad_filter=True, condition_on_previous_text=False, temperature=0.0,
                initial_prompt=FILLER_PROMPT.get(language), chunk_length=window)
            words = [Word(text=w.word.strip(), start=round(float(w.start), 2),
                          end=round(float(w.end), 2),
                          probability=round(min(1.0, max(0.0, float(w.probability))), 3))
                     for s in segments if not _hallucinated(s)
                     for w in (s.words or []) if w.word.strip()]
            elapsed = time.perf_counter() - started
        if not words:
            raise VoiceError(NO_WORDS)
        text = " ".join(w.text for w in words)
        text = text[:1].upper() + text[1:]  # the filler prompt can leave it lower-case
        return Transcript(text=text, words=words, duration=round(audio.size / RATE, 2),
                          language=language, language_probability=round(probability, 3),
                          seconds=round(elapsed, 2))

    @staticmethod
    def _language(model: Any, audio: np.ndarray, window: int) -> tuple[str, float]:
        """The language spoken, among those the coaching reads; a VoiceError for another.

        Whisper pads what it hears to a 30 s window; detecting on a window the length of the
        recording gives the same answer on short turns for a fifth of the time (measured in
        bench/voice.py), so the language is read from that window's encoding.
        """
        from faster_whisper.audio import pad_or_trim

        features = model.feature_extractor(audio, chunk_length=window)
        encoded = model.encode(pad_or_trim(features, window * 100))
        ranked = [(token[2:-2], float(p)) for token, p in model.model.detect_language(encoded)[0]]
        probabilities = dict(ranked)
        top, top_p = max(ranked, key=lambda pair: pair[1])
        if top in LANGUAGES:
            return top, float(top_p)
        best = max(LANGUAGES, key=lambda code: probabilities.get(code, 0.0))
        if top_p >= 0.5 and probabilities.get(best, 0.0) < 0.2:
            raise VoiceError(f"That sounds like {_language_name(top)}. Voice practice "
                             "understands English, Spanish, German, French and Portuguese; "
                             "type your turn instead.")
        return best, float(probabilities.get(best, 0.0))


def word_errors(reference: str, heard: str) -> tuple[int, int]:
    """(word edits, reference words): the word-level edit distance behind a word error rate
    (case and punctuation ignored), for bench/voice.py and the tests."""
    ref = re.findall(r"[\w']+", reference.lower())
    hyp = re.findall(r"[\w']+", heard.lower())
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1], len(ref)


def _speech(audio: np.ndarray) -> np.ndarray:
    """The parts of the recording with speech in them (Silero VAD), or a VoiceError when
    there are none: noise and hum never reach the language detection or the transcription."""
    from faster_whisper.vad import collect_chunks, get_speech_timestamps

    chunks = get_speech_timestamps(audio, sampling_rate=RATE)
    if not chunks:
        raise VoiceError(NO_WORDS)
    pieces, _ = collect_chunks(audio, chunks, sampling_rate=RATE)
    return np.concatenate(pieces)


def _window(audio: np.ndarray) -> int:
    """Seconds of audio Whisper looks at in one pass: the recording and a margin, 5 to 30."""
    return max(5, min(30, int(np.ceil(audio.size / RATE)) + 2))


def _hallucinated(segment: Any) -> bool:
    """Whisper's own signs of text made up from non-speech."""
    return bool(segment.no_speech_prob > 0.6 and segment.avg_logprob < -1.0)


def _language_name(code: str) -> str:
    names = {"it": "Italian", "nl": "Dutch", "ru": "Russian", "zh": "Chinese",
             "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "hi": "Hindi", "pl": "Polish",
             "tr": "Turkish", "sv": "Swedish", "uk": "Ukrainian", "ca": "Catalan"}
    return names.get(code, f"another language ({code})")
