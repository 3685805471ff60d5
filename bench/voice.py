"""Voice benchmark: offline speech-to-text on generated speech of the kind of sentences
candidates say (bench/data/voice_sentences.txt), spoken by espeak-ng (two voices, two speeds)
and by the optional Piper voice; transcription time against the clip's length on these cores;
word error rate; filler recall; bad audio (messages and time); and the interviewer's voice.

`--prompts` adds an ablation of the filler prompt given to Whisper.

Run: .venv/bin/python bench/voice.py [--prompts]
"""

from __future__ import annotations

import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.config import Settings  # noqa: E402
from coach.services import bootstrap  # noqa: E402
from coach.voice import Transcriber, VoiceError, measure  # noqa: E402
from coach.voice import transcribe as stt  # noqa: E402
from coach.voice.speech import Speaker, tts_problem  # noqa: E402
from coach.voice.transcribe import word_errors  # noqa: E402

FILLERS = re.compile(r"\b(?:um+|uh+|like|you know|basically)\b", re.IGNORECASE)


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def sentences() -> list[str]:
    path = ROOT / "bench" / "data" / "voice_sentences.txt"
    return [s for s in path.read_text(encoding="utf-8").splitlines()
            if s.strip() and not s.startswith("#")]


def voices(folder: Path, lines: list[str]) -> dict[str, list[tuple[str, Path]]]:
    """Each voice's recordings of the sentences."""
    out: dict[str, list[tuple[str, Path]]] = {}
    espeak = shutil.which("espeak-ng")
    if espeak:
        for name, args in (("espeak en-us 150 wpm", ["-v", "en-us", "-s", "150"]),
                           ("espeak en-us 185 wpm", ["-v", "en-us", "-s", "185"]),
                           ("espeak en-gb 160 wpm", ["-v", "en-gb", "-s", "160"])):
            rows = []
            for i, line in enumerate(lines):
                wav = folder / f"{name.replace(' ', '_')}-{i}.wav"
                subprocess.run([espeak, *args, "-w", str(wav), line], check=True)
                rows.append((line, wav))
            out[name] = rows
    if tts_problem() is None:
        speaker = Speaker()
        rows = []
        for i, line in enumerate(lines):
            wav = folder / f"piper-{i}.wav"
            shutil.copyfile(speaker.speak(line, f"b{i}"), wav)
            rows.append((line, wav))
        out["piper joe (neural)"] = rows
    return out


def clip_seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def transcription(transcriber: Transcriber, recorded: dict[str, list[tuple[str, Path]]]
                  ) -> None:
    print("\n## Transcription (generated speech, Whisper base int8, 2 threads)\n")
    print("| voice | clips | WER | time / clip length p50 | p95 | fillers heard |")
    print("|---|---|---|---|---|---|")
    all_edits = all_words = 0
    ratios_all: list[float] = []
    worst: list[tuple[float, str, str]] = []
    for name, rows in recorded.items():
        edits = words = 0
        ratios = []
        said_fillers = heard_fillers = 0
        for line, wav in rows:
            started = time.perf_counter()
            result = transcriber.transcribe(wav)
            elapsed = time.perf_counter() - started
            ratios.append(elapsed / clip_seconds(wav))
            e, n = word_errors(line, result.text)
            edits, words = edits + e, words + n
            worst.append((e / n, name, f"{line} → {result.text}"))
            expected = len(FILLERS.findall(line))
            said_fillers += expected
            heard_fillers += min(expected, len(measure(result).fillers))
        all_edits, all_words = all_edits + edits, all_words + words
        ratios_all += ratios
        fill = f"{heard_fillers}/{said_fillers}" if said_fillers else "–"
        print(f"| {name} | {len(rows)} | {100 * edits / words:.1f}% | "
              f"{statistics.median(ratios):.2f}x | {pct(ratios, 0.95):.2f}x | {fill} |")
    print(f"| **all** | {sum(len(r) for r in recorded.values())} | "
          f"**{100 * all_edits / all_words:.1f}%** | {statistics.median(ratios_all):.2f}x | "
          f"{pct(ratios_all, 0.95):.2f}x | |")
    print("\nTargets: WER <= 10%, time <= 0.3x the clip's length.\n\nWorst clips:")
    for rate, name, text in sorted(worst, reverse=True)[:5]:
        print(f"- {rate:.0%} ({name}): {text}")


def bad_audio(transcriber: Transcriber, folder: Path) -> None:
    rng = np.random.default_rng(1)

    def wav(name: str, samples: np.ndarray) -> Path:
        path = folder / name
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
        return path

    cases = {
        "silence (3 s)": wav("silence.wav", np.zeros(16000 * 3)),
        "white noise (4 s)": wav("noise.wav", rng.normal(0, 0.2, 16000 * 4)),
        "hum (50 Hz, 4 s)": wav("hum.wav", 0.3 * np.sin(np.arange(16000 * 4) * 2 * np.pi
                                                        * 50 / 16000)),
        "10 minutes": wav("long.wav", rng.normal(0, 0.05, 16000 * 600)),
        "not audio (a PDF)": folder / "doc.wav",
        "empty file": folder / "empty.wav",
    }
    (folder / "doc.wav").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (folder / "empty.wav").write_bytes(b"")
    espeak = shutil.which("espeak-ng")
    if espeak:
        for lang, code, text in (
                ("Italian", "it", "Buongiorno, vorrei sapere quali sono i prossimi passi del "
                 "processo e quando avrò una risposta."),
                ("Dutch", "nl", "Dank u wel voor uw tijd. Wat zijn de volgende stappen in het "
                 "proces?"),
                ("Spanish (supported)", "es", "Muchas gracias por su tiempo. ¿Cuáles son los "
                 "próximos pasos del proceso?"),
                ("German (supported)", "de", "Vielen Dank für das Gespräch. Wie sind die "
                 "nächsten Schritte?")):
            path = folder / f"{code}.wav"
            subprocess.run([espeak, "-v", code, "-w", str(path), text], check=True)
            cases[lang] = path
    print("\n## Bad audio\n")
    print("| recording | result | time |")
    print("|---|---|---|")
    for name, path in cases.items():
        started = time.perf_counter()
        try:
            result = transcriber.transcribe(path)
            outcome = f"transcribed ({result.language}): {result.text[:60]}"
        except VoiceError as exc:
            outcome = f"message: {exc}"
        print(f"| {name} | {outcome} | {time.perf_counter() - started:.2f} s |")


def interviewer_voice(transcriber: Transcriber, recorded: dict[str, list[tuple[str, Path]]]
                      ) -> None:
    if tts_problem() is not None:
        print(f"\nInterviewer's voice: {tts_problem()}")
        return
    lines = ["Thanks for your questions. We're meeting two more candidates this week, and "
             "you'll hear from the recruiter by Friday.",
             "That's a fair question. We haven't set a date yet; it depends on the budget "
             "review next month.",
             "Last question from my side: what would you want to achieve in your first three "
             "months?"]
    speaker = Speaker()
    started = time.perf_counter()
    speaker.speak("Warming up.", "warm")
    load = time.perf_counter() - started
    print("\n## The interviewer's voice\n")
    print("| engine | load | synthesis / audio length | round-trip WER (Whisper) |")
    print("|---|---|---|---|")
    ratios, edits, words = [], 0, 0
    for i, line in enumerate(lines):
        started = time.perf_counter()
        path = speaker.speak(line, f"i{i}")
        ratios.append((time.perf_counter() - started) / clip_seconds(path))
        e, n = word_errors(line, transcriber.transcribe(path).text)
        edits, words = edits + e, words + n
    print(f"| Piper joe medium | {load:.2f} s | {statistics.median(ratios):.3f}x | "
          f"{100 * edits / words:.1f}% |")
    espeak = shutil.which("espeak-ng")
    if espeak:
        edits = words = 0
        folder = Path(tempfile.mkdtemp())
        for i, line in enumerate(lines):
            path = folder / f"e{i}.wav"
            subprocess.run([espeak, "-v", "en-us", "-w", str(path), line], check=True)
            e, n = word_errors(line, transcriber.transcribe(path).text)
            edits, words = edits + e, words + n
        print(f"| espeak-ng en-us | – | – | {100 * edits / words:.1f}% |")


def prompt_ablation(transcriber: Transcriber, recorded: dict[str, list[tuple[str, Path]]]
                    ) -> None:
    print("\n## Whisper's prompt (all voices)\n")
    print("| prompt | WER | fillers heard |")
    print("|---|---|---|")
    original = dict(stt.FILLER_PROMPT)
    for name, prompt in (("none", None), ("filler prompt (the app's)", original.get("en"))):
        stt.FILLER_PROMPT.clear()
        if prompt:
            stt.FILLER_PROMPT["en"] = prompt
        edits = words = said = heard = 0
        for rows in recorded.values():
            for line, wav in rows:
                result = transcriber.transcribe(wav)
                e, n = word_errors(line, result.text)
                edits, words = edits + e, words + n
                expected = len(FILLERS.findall(line))
                said += expected
                heard += min(expected, len(measure(result).fillers))
        print(f"| {name} | {100 * edits / words:.1f}% | {heard}/{said} |")
    stt.FILLER_PROMPT.clear()
    stt.FILLER_PROMPT.update(original)


def main() -> None:
    services = bootstrap(Settings())
    print(f"# Voice bench — {platform.processor() or platform.machine()}, "
          f"{services.settings.local_threads} threads")
    transcriber = services.transcriber
    started = time.perf_counter()
    transcriber.warm()
    print(f"\nWhisper load (folder verified by its stamp): {time.perf_counter() - started:.2f} s")
    folder = Path(tempfile.mkdtemp(prefix="voice-bench-"))
    recorded = voices(folder, sentences())
    transcription(transcriber, recorded)
    if "--prompts" in sys.argv:
        prompt_ablation(transcriber, recorded)
    bad_audio(transcriber, folder)
    interviewer_voice(transcriber, recorded)


if __name__ == "__main__":
    main()
