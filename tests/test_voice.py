"""Voice practice: delivery measures from word timings, the cue patterns as data, bad audio
refused before any model runs, the Whisper asset joined and verified once, spoken turns in
sessions, reports and the CLI; real speech (espeak-ng) through the real model."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from coach.voice import (
    Transcriber,
    Transcript,
    VoiceError,
    Word,
    assets,
    compare,
    measure,
    summarize,
)
from coach.voice.delivery import cues, find
from coach.voice.transcribe import RATE, word_errors

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed "
                                  "(.ci/run installs it)")


def timed(text: str, gaps: dict[int, float] | None = None, per_word: float = 0.4,
          lang: str = "en") -> Transcript:
    """A transcript whose words each take `per_word` seconds, with extra silence before the
    words at the indexes in `gaps`."""
    words, t = [], 0.0
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        words.append(Word(text=w, start=round(t, 2), end=round(t + per_word - 0.05, 2),
                          probability=0.9))
        t += per_word
    return Transcript(text=text, words=words, duration=t, language=lang,
                      language_probability=0.9)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def speak(path: Path, text: str, voice: str = "en-us") -> Path:
    assert ESPEAK is not None
    subprocess.run([ESPEAK, "-v", voice, "-s", "150", "-w", str(path), text], check=True)
    return path


def wer(reference: str, heard: str) -> float:
    """Word error rate: word-level edit distance over the reference's length."""
    edits, words = word_errors(reference, heard)
    return edits / words


# -- the cue patterns are data, each with examples and counter-examples ---------------------

def test_every_cue_finds_its_examples_and_none_of_its_counter_examples() -> None:
    seen = set()
    for cue in cues():
        assert cue.id not in seen and cue.family in ("filler", "hedge", "apology")
        seen.add(cue.id)
        assert cue.id.split(".")[:2] == [cue.family, cue.lang]
        for example in cue.examples:
            assert cue.pattern.search(example), (cue.id, example)
        for counter in cue.counter:
            assert not cue.pattern.search(counter), (cue.id, counter)
    assert {c.lang for c in cues()} == {"en", "es", "de", "fr", "pt"}


def test_a_hit_names_the_pattern_that_fired_and_only_the_words_it_counts() -> None:
    hits = find("So, you know, what are the next steps?", "en")
    assert [(h.cue, h.text) for h in hits] == [("filler.en.you_know", "you know")]
    assert find("Could you let me know the next steps?", "en") == []


# -- delivery measures from word timings -----------------------------------------------------

def test_a_hesitant_spoken_ask_is_measured_and_coached() -> None:
    said = ("Um, sorry to ask, but I was just wondering, uh, what the next steps are and "
            "when I might hear back?")
    d = measure(timed(said, gaps={9: 2.5}))
    assert [h.text.lower() for h in d.fillers] == ["um", "uh"]
    assert {h.cue for h in d.hedges} == {"apology.en.sorry", "hedge.en.just_wondering"}
    assert [(p.after, p.seconds) for p in d.pauses] == [("wondering,", 2.5)]
    assert d.words == 21 and d.wpm == round(60 * 21 / d.seconds)
    assert d.ask_seconds is not None and d.ask_seconds == d.seconds  # one sentence, all ask
    tips = " ".join(t.text for t in d.tips)
    assert "Drop the apology (“sorry”)" in tips and "2.5 s pause after “wondering,”" in tips
    assert all(t.heading for t in d.tips)
    line = d.line()
    assert "2 fillers (“um”, “uh”)" in line and "1 long pause (longest 2.5 s)" in line


def test_a_direct_ask_at_a_calm_pace_gets_no_delivery_tips() -> None:
    d = measure(timed("Thank you for your time today. What are the next steps in the process?",
                      per_word=0.42))
    assert d.fillers == [] and d.hedges == [] and d.pauses == []
    assert 130 <= (d.wpm or 0) <= 160 and d.tips == []
    assert "no fillers" in d.line() and "no hedges or apologies" in d.line()


def test_pace_too_fast_too_slow_and_an_ask_that_runs_on() -> None:
    ask = "Thank you. What are the next steps in the process?"
    fast = measure(timed(ask, per_word=0.25))
    assert fast.wpm == 240 and any("is fast" in t.text for t in fast.tips)
    slow = measure(timed(ask, per_word=0.8))
    assert slow.wpm == 75 and any("sounds hesitant" in t.text for t in slow.tips)
    long = ("Thank you. I would really love to understand what the next steps of the hiring "
            "process are going to look like from here on for me and also for the team?")
    d = measure(timed(long, per_word=0.5))
    assert d.ask_seconds is not None and d.ask_seconds > 12
    assert any("The ask took" in t.text for t in d.tips)
    assert measure(timed("Yes.")).wpm is None  # too few words to judge a pace


def test_other_languages_use_their_own_cues() -> None:
    d = measure(timed("Eh, perdón, ¿cuáles son los próximos pasos del proceso?", lang="es"))
    assert [h.cue for h in d.fillers] == ["filler.es.hesitation"]
    assert [h.cue for h in d.hedges] == ["apology.es.perdon"]
    assert d.ask_seconds is not None  # "próximos pasos" is the ask


def test_a_session_is_compared_with_the_earlier_spoken_ones() -> None:
    before = summarize([measure(timed("Um, uh, sorry, what are, like, the next steps?",
                                      per_word=0.3))])
    now = summarize([measure(timed("Thank you. What are the next steps?", per_word=0.42))])
    assert before is not None and now is not None
    lines = compare(now, before)
    assert any(line.startswith("Pace:") and "slower" in line for line in lines)
    assert any("fewer than before" in line for line in lines)
    assert any("down from" in line for line in lines)
    assert "first session spoken aloud" in compare(now, None)[0]
    assert summarize([]) is None


# -- bad audio is refused with a message, before the model is loaded -------------------------

@pytest.mark.parametrize(("name", "make", "message"), [
    ("missing", lambda p: p / "nothing.wav", "could not be found"),
    ("empty", lambda p: put(p / "e.wav", b""), "empty"),
    ("not audio", lambda p: put(p / "x.wav", b"%PDF-1.7 not a recording " * 200),
     "not audio I can read"),
    ("html", lambda p: put(p / "h.mp3", b"<html><body>hi</body></html>"),
     "not audio I can read"),
    ("silence", lambda p: write_wav(p / "s.wav", np.zeros(RATE * 3)), "only silence"),
    ("too short", lambda p: write_wav(p / "t.wav", np.full(RATE // 10, 0.3)), "too short"),
    ("ten minutes", lambda p: write_wav(p / "l.wav", np.full(RATE * 600, 0.05)),
     "10 minutes long"),
])
def test_bad_audio_gets_a_clear_message_and_never_loads_the_model(tmp_path, name, make,
                                                                  message) -> None:
    transcriber = Transcriber(tmp_path / "whisper")
    with pytest.raises(VoiceError, match=message):
        transcriber.transcribe(make(tmp_path))
    assert not transcriber.loaded and not (tmp_path / "whisper").exists()


# -- the Whisper asset: joined once, verified, rebuilt when damaged --------------------------

@pytest.fixture
def fake_whisper(tmp_path, monkeypatch) -> bytes:
    chunks = [b"first part " * 1000, b"second part " * 700]
    paths = []
    for i, chunk in enumerate(chunks, 1):
        path = tmp_path / f"model.bin.part{i}"
        path.write_bytes(chunk)
        paths.append(path)
    whole = b"".join(chunks)
    monkeypatch.setattr(assets, "whisper_parts", lambda: paths)
    monkeypatch.setattr(assets, "WHISPER_SIZE", len(whole))
    monkeypatch.setattr(assets, "WHISPER_SHA256", hashlib.sha256(whole).hexdigest())
    return whole


def test_the_whisper_model_is_joined_verified_and_rebuilt_when_damaged(tmp_path,
                                                                       fake_whisper) -> None:
    folder = tmp_path / "whisper-base"
    said: list[str] = []
    assets.ensure_whisper(folder, progress=said.append)
    assert (folder / "model.bin").read_bytes() == fake_whisper
    assert {p.name for p in folder.iterdir()} >= {"config.json", "tokenizer.json",
                                                   "vocabulary.txt", "model.bin"}
    assert (folder / "model.bin").stat().st_mode & 0o077 == 0 and assets.whisper_ok(folder)
    assert any("one-time join of 2 parts" in s for s in said)
    (folder / "model.bin").write_bytes(b"damaged")
    assert not assets.whisper_ok(folder)
    said.clear()
    assets.ensure_whisper(folder, progress=said.append)
    assert any("incomplete or corrupt" in s for s in said) and assets.whisper_ok(folder)


def test_the_real_parts_add_up_to_the_published_size() -> None:
    assert sum(p.stat().st_size for p in assets.whisper_parts()) == assets.WHISPER_SIZE
    assert assets.voice_problem() is None


def test_doctor_reports_voice_and_setup_prepares_it(tmp_path, monkeypatch, fake_whisper) -> None:
    from coach.cli import cli
    from coach.config import Settings
    from coach.doctor import voice_check

    folder = Settings(_env_file=None, data_dir=tmp_path / "d").whisper_dir
    check = voice_check(folder)
    assert not check.ok and "coach setup" in check.detail
    result = CliRunner().invoke(cli, ["setup", "--no-model"],
                                env={"COACH_DATA_DIR": str(tmp_path / "d")})
    assert result.exit_code == 0, result.output
    check = voice_check(folder)
    assert check.ok and "MIT" in check.detail and "sha256 verified" in check.detail


# -- spoken turns in a session and its report -------------------------------------------------

def test_a_spoken_turn_keeps_its_delivery_through_a_restart_and_into_the_report(tmp_path
                                                                                ) -> None:
    from coach.interview import PRESETS
    from coach.practice import resume, start, take_turn
    from coach.report import build_report, to_markdown
    from coach.store import Store

    from .fakes import FakeChat

    REPLY = "Of course — we'll decide by Friday next week and the recruiter will email you."
    store = Store(tmp_path / "p.db")
    scenario = PRESETS["Final round, clear timeline"]

    def play(spoken: str):
        session = start(scenario, store)
        model = FakeChat("Thanks. Any questions for me?", REPLY)
        list(take_turn(session, "I'd learn the routing code first.", model, store=store))
        delivery = measure(timed(spoken, per_word=0.3))
        list(take_turn(session, spoken, model, store=store, delivery=delivery))
        return session

    first = play("Um, sorry, uh, what are, like, the next steps?")
    build_report(first, None, store=store)
    second = play("Thank you. What are the next steps?")
    again = resume(store, second.id)
    assert again is not None
    kept = again[0].turns[-2].assessment
    assert kept is not None and kept.delivery is not None and kept.delivery.hedges == []
    report = build_report(second, None, store=store)
    assert report.delivery is not None and report.delivery.turns == 1
    assert any("fewer than before" in line for line in report.delivery_compared)
    text = to_markdown(report, second)
    assert "## Delivery (spoken turns)" in text and "Fillers:" in text
    # A session typed, not spoken, has no delivery section.
    typed = start(scenario, store)
    list(take_turn(typed, "What are the next steps?", FakeChat(REPLY)))
    assert "Delivery" not in to_markdown(build_report(typed, None, store=store), typed)


# -- real speech through the real model (espeak-ng's voice) ----------------------------------

@pytest.fixture(scope="module")
def transcriber(tmp_path_factory) -> Transcriber:
    t = Transcriber(tmp_path_factory.mktemp("whisper") / "whisper-base")
    t.warm()
    return t


@pytest.mark.slow
@needs_espeak
def test_spoken_english_is_transcribed_with_word_times(tmp_path, transcriber) -> None:
    said = ("Thank you for your time today. Could you tell me what the next steps are, and "
            "when I might hear back?")
    result = transcriber.transcribe(speak(tmp_path / "a.wav", said))
    assert result.language == "en" and wer(said, result.text) <= 0.15, result.text
    starts = [w.start for w in result.words]
    assert starts == sorted(starts) and result.words[-1].end <= result.duration + 0.1
    assert result.seconds < result.duration  # faster than real time on these cores


@pytest.mark.slow
@needs_espeak
def test_noise_another_language_and_spanish(tmp_path, transcriber) -> None:
    rng = np.random.default_rng(7)
    with pytest.raises(VoiceError, match="only noise"):
        transcriber.transcribe(write_wav(tmp_path / "n.wav", rng.normal(0, 0.2, RATE * 4)))
    italian = speak(tmp_path / "it.wav", "Buongiorno, vorrei sapere quali sono i prossimi "
                    "passi del processo di selezione e quando avrò una risposta.", "it")
    with pytest.raises(VoiceError, match="sounds like Italian"):
        transcriber.transcribe(italian)
    spanish = transcriber.transcribe(speak(tmp_path / "es.wav", "Muchas gracias por su "
                                           "tiempo. ¿Cuáles son los próximos pasos?", "es"))
    assert spanish.language == "es" and "próximos pasos" in spanish.text.lower()


@pytest.mark.slow
@needs_espeak
def test_coach_transcribe_prints_text_words_and_delivery(tmp_path, monkeypatch) -> None:
    from coach.cli import cli

    wav = speak(tmp_path / "ask.wav", "Sorry to ask, but what are the next steps?")
    env = {"COACH_DATA_DIR": str(tmp_path / "d")}
    result = CliRunner().invoke(cli, ["transcribe", str(wav), "--json"], env=env)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert "what are the next" in payload["transcript"]["text"].lower()
    assert payload["transcript"]["words"][0]["start"] >= 0
    assert payload["delivery"]["hedges"][0]["cue"] == "apology.en.sorry"
    plain = CliRunner().invoke(cli, ["transcribe", str(wav)], env=env)
    assert plain.exit_code == 0 and "Delivery:" in plain.stdout and "Words:" in plain.stdout
    bad = tmp_path / "notes.wav"
    bad.write_text("these are my notes, not a recording")
    failed = CliRunner().invoke(cli, ["transcribe", str(bad)], env=env)
    assert failed.exit_code == 1 and "not audio I can read" in failed.stderr
    assert "Traceback" not in failed.output


@pytest.mark.slow
def test_the_interviewer_speaks_and_whisper_hears_the_same_words(tmp_path,
                                                                 transcriber) -> None:
    from coach.voice.speech import Speaker, tts_problem

    assert tts_problem() is None  # make run and make test install the speak extra
    line = "Thanks for your questions. We will decide by Friday and the recruiter will email you."
    wav = Speaker().speak(line, "t")
    with wave.open(str(wav)) as w:
        assert w.getnframes() / w.getframerate() > 2
    assert wer(line, transcriber.transcribe(wav).text) <= 0.15


@pytest.mark.slow
@needs_espeak
def test_a_practice_script_can_speak_a_turn_and_a_bad_recording_loses_none(tmp_path,
                                                                          monkeypatch) -> None:
    from coach import cli as cli_module
    from coach.cli import cli
    from coach.config import Settings
    from coach.services import bootstrap

    from .conftest import KNOWLEDGE
    from .fakes import FakeChat

    services = bootstrap(Settings(_env_file=None, data_dir=tmp_path / "data",
                                  knowledge_dir=KNOWLEDGE, classify_with_model=False),
                         model=FakeChat("Thanks. Do you have any questions for me?",
                                        "We'll decide by Friday next week and the recruiter "
                                        "will email you.").enqueue(*["A line."] * 6))
    monkeypatch.setattr(cli_module, "_services", lambda: services)
    wav = speak(tmp_path / "ask.wav", "Um, sorry to ask, but what are the next steps?")
    junk = put(tmp_path / "junk.wav", b"not a recording at all" * 50)
    script = tmp_path / "lines.txt"
    script.write_text(f"I'd map the routing data first.\n/say {junk}\n/say {wav}\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["practice", "--preset", "Final round, clear timeline",
                                      "--script", str(script), "--json"])
    assert result.exit_code == 0, result.output
    assert "voice: That file is not audio I can read" in result.stderr
    turns = json.loads(result.stdout)["turns"]
    assert [t["role"] for t in turns] == ["interviewer", "candidate", "interviewer",
                                          "candidate", "interviewer"]
    spoken = turns[3]
    assert "next" in spoken["text"].lower() and spoken["delivery"]["hedges"]
    report = json.loads(result.stdout)["report"]
    assert report["delivery"]["turns"] == 1 and report["delivery_compared"]


def test_without_faster_whisper_voice_says_why_and_the_rest_works(tmp_path, monkeypatch) -> None:
    import sys

    from coach.voice import VoiceUnavailable
    from coach.voice.assets import voice_problem

    monkeypatch.setitem(sys.modules, "faster_whisper", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "faster_whisper.audio", None)
    monkeypatch.setattr("importlib.util.find_spec",
                        lambda name, *a: None if name == "faster_whisper" else object())
    assert "faster-whisper is not installed" in (voice_problem() or "")
    wav = write_wav(tmp_path / "a.wav", np.full(RATE, 0.2))
    with pytest.raises(VoiceUnavailable, match="type your turn"):
        Transcriber(tmp_path / "w").transcribe(wav)


def test_the_practice_tab_says_why_when_voice_is_unavailable(tmp_path, monkeypatch) -> None:
    import app
    from coach.config import Settings
    from coach.services import bootstrap

    from .conftest import KNOWLEDGE, HashEmbedder

    why = "Voice practice is unavailable: faster-whisper is not installed."
    monkeypatch.setattr("coach.ui.practice_tab.voice_problem", lambda: why)
    services = bootstrap(Settings(_env_file=None, data_dir=tmp_path, knowledge_dir=KNOWLEDGE),
                         embedder=HashEmbedder())
    demo = app.build_demo(services)
    blocks = demo.blocks.values()
    mic = next(b for b in blocks if getattr(b, "elem_id", None) == "voice-in")
    note = next(b for b in blocks if getattr(b, "elem_id", None) == "voice-note")
    assert mic.visible is False and note.value == why


def test_a_recording_measures_only_the_text_it_heard() -> None:
    d = measure(timed("Thank you. What are the next steps in the process?"))
    assert d.measures("Thank you. What are the next steps in the process?")
    assert d.measures("Thank you! What are the next steps of the process?")  # lightly edited
    assert not d.measures("I'd start by reading the routing code.")  # typed afresh
    assert not d.measures("")


def test_a_long_recording_says_its_length_in_minutes_and_seconds(tmp_path) -> None:
    wav = write_wav(tmp_path / "l.wav", np.full(RATE * 145, 0.05))
    with pytest.raises(VoiceError, match="2 min 25 s long; a turn here is at most two minutes"):
        Transcriber(tmp_path / "w").transcribe(wav)


def test_the_report_compares_with_spoken_sessions_only(tmp_path) -> None:
    from coach.interview import PRESETS
    from coach.practice import start, take_turn
    from coach.store import Store

    from .fakes import FakeChat

    store = Store(tmp_path / "p.db")
    reply = "Of course — we'll decide by Friday next week and the recruiter will email you."
    spoken = start(PRESETS["Final round, clear timeline"], store)
    list(take_turn(spoken, "What are the next steps?", FakeChat(reply), store=store,
                   delivery=measure(timed("What are the next steps?"))))
    for _ in range(3):  # typed sessions in between do not push it out
        typed = start(PRESETS["Final round, clear timeline"], store)
        list(take_turn(typed, "What are the next steps?", FakeChat(reply), store=store))
    now = start(PRESETS["Final round, clear timeline"], store)
    earlier = store.earlier_assessments(now.id, sessions=1)
    assert [bool(a.get("delivery")) for a in earlier] == [True]


def test_the_report_gives_each_delivery_tip_once_however_many_turns_earned_it() -> None:
    from coach.feedback import assess
    from coach.report import _delivery

    ask = "Thank you. What are the next steps in the process?"
    turns = []
    for per_word in (0.25, 0.3):  # 240 and 200 words a minute: both too fast
        a = assess(ask, "invited")
        a.delivery = measure(timed(ask, per_word=per_word))
        turns.append(a)
    _, _, tips = _delivery("s", turns, None)
    assert [t.kind for t in tips] == ["fast"] and "240 words a minute" in tips[0].text
