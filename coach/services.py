"""The objects a running app or command shares: settings, index and (later) the model."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from coach.config import Settings
from coach.embeddings import Embedder
from coach.errors import CoachError
from coach.llm import ChatModel, FallbackChat, OpenAIChat, display_url
from coach.offline import apply_switches, private_dir, seed_tiktoken
from coach.retrieval import BuildReport, Guidance, KnowledgeIndex
from coach.schemas import Category, Interpretation

if TYPE_CHECKING:
    from coach.applications import ApplicationStore, Tracker
    from coach.emails import EmailDraft, EmailRequest, Update
    from coach.feedback import AskModel, Assessment, Moment
    from coach.interview import Scenario
    from coach.local_model import LocalServer
    from coach.practice import Session
    from coach.reading.corrections import Correction, CorrectionStore
    from coach.reading.reader import Reader
    from coach.report import Report
    from coach.store import Store
    from coach.voice import Delivery, Transcriber, Transcript
    from coach.voice.speech import Speaker

LOCAL_MODEL_ID = "qwen2.5-coder-1.5b-instruct"
PREFILL_WAIT = 15.0  # seconds a first turn waits at most for its session's pre-read


class Services:
    """Built once at start-up and handed to the UI and the CLI."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 model: ChatModel | None = None,
                 progress: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._lock = threading.Lock()
        self.progress = progress or (lambda msg: print(msg, file=sys.stderr))
        self._user_corrections: dict[str, CorrectionStore] = {}  # COACH_AUTH users' own
        self._prefills: dict[str, threading.Thread] = {}  # sessions' pre-reads, by id
        if model is not None:
            self.model = model  # a fake in tests, or a model chosen for this session

    @cached_property
    def embedder(self) -> Embedder:
        """The injected embedder, or MiniLM loaded once."""
        if self._embedder is not None:
            return self._embedder
        from coach.embeddings import default_embedder

        return default_embedder()

    @cached_property
    def local_server(self) -> LocalServer:
        """The embedded llama.cpp server (started on first use)."""
        from coach.local_model import LocalServer

        s = self.settings
        return LocalServer(s.model_path, threads=s.local_threads, context=s.local_context,
                           nice=s.local_nice, progress=self.progress)

    def local_model(self) -> OpenAIChat:
        """The built-in model as a ChatModel."""
        s = self.settings
        return OpenAIChat(self.local_server.url, LOCAL_MODEL_ID, timeout=s.local_timeout,
                          max_retries=0, context_window=s.local_context, label="built-in model")

    @cached_property
    def model(self) -> ChatModel:
        """The configured model: built-in, or an endpoint (with optional fallback)."""
        s = self.settings
        if s.backend == "local":
            return self.local_model()
        remote = OpenAIChat(
            s.openai_base_url, s.openai_model,
            api_key=s.openai_api_key.get_secret_value() if s.openai_api_key else None,
            timeout=s.llm_timeout, max_retries=s.llm_max_retries,
            context_window=s.openai_context, label=s.openai_model,
        )
        return FallbackChat(remote, self.local_model) if s.fallback_to_local else remote

    def use_backend(self, backend: str, base_url: str = "", model: str = "",
                    api_key: str = "") -> None:
        """Switch the model for the rest of this run (the Settings tab)."""
        from pydantic import SecretStr

        from coach.errors import InputError

        if backend not in ("local", "openai"):
            raise InputError("Choose the built-in model or an OpenAI-compatible endpoint.")
        updates: dict[str, object] = {"backend": backend}
        if backend == "openai":
            if not base_url.strip().startswith(("http://", "https://")):
                raise InputError("The endpoint URL should start with http:// or https://.")
            current = self.settings.openai_base_url
            if base_url.strip() == display_url(current):  # the page shows it without a login
                base_url = current
            updates |= {"openai_base_url": base_url.strip(),
                        "openai_model": model.strip() or self.settings.openai_model}
            if api_key.strip():
                updates["openai_api_key"] = SecretStr(api_key.strip())
        self.settings = self.settings.model_copy(update=updates)
        self.__dict__.pop("model", None)  # rebuilt from the new settings on next use

    def restore_settings(self, settings: Settings) -> None:
        """Go back to `settings` (a switch to a model that did not answer)."""
        self.settings = settings
        self.__dict__.pop("model", None)

    @cached_property
    def index(self) -> KnowledgeIndex:
        """The guide's index in the configured Chroma."""
        from coach.retrieval import open_client

        return KnowledgeIndex(open_client(self.settings), self.embedder, self.settings.collection)

    def refresh_index(self, force: bool = False) -> BuildReport:
        """Build the index, or bring it up to date with the knowledge folder."""
        from coach.knowledge import chunk_guide

        with self._lock:
            return self.index.build(chunk_guide(self.settings.knowledge_dir), force=force)

    def search(self, query: str, k: int = 3) -> list[Guidance]:
        """Search the guide: the passages relevant to the query, none when the guide does not
        cover it."""
        from coach.errors import InputError
        from coach.retrieval import RELEVANT
        from coach.text.language import LANGUAGE_NAMES, detect_language

        found = self.index.retrieve(query, k)
        if not found or max(g.score for g in found) < RELEVANT:  # the best decides
            found = []
        # The hybrid search picks the passages; they are shown most similar first, so the
        # relevance each card shows never runs backwards down the list.
        found = sorted(found, key=lambda g: -g.score)
        language = detect_language(query)
        if not found and language not in ("en", "und"):
            raise InputError(f"The guide is in English and so is its search: ask in English "
                             f"(this looks like {LANGUAGE_NAMES.get(language, language)}).")
        return found

    @cached_property
    def store(self) -> Store:
        """Saved practice sessions."""
        from coach.store import Store

        return Store(self.settings.data_dir / "practice.db")

    @cached_property
    def applications(self) -> ApplicationStore:
        """The tracker's database: applications, events, steps."""
        from coach.applications import ApplicationStore

        return ApplicationStore(self.settings.data_dir / "applications.db")

    @cached_property
    def tracker(self) -> Tracker:
        """Applications with the reader behind them (replies and debriefs are read here)."""
        from coach.applications import Tracker

        def read(text: str, received: date, interview_date: date | None, thanked: bool,
                 choose: Category | None, owner: str) -> Interpretation:
            return self.interpret(text, received, interview_date, thank_you_sent=thanked,
                                  choose=choose, owner=owner)

        return Tracker(self.applications, read)

    def today(self) -> date:
        """Today, or the day COACH_TODAY sets (a fixed clock for trying the reminders)."""
        return self.settings.today or date.today()

    def calendar_feed(self, owner: str = "") -> bytes:
        """Every open step of the owner's applications as one iCalendar feed."""
        from coach.applications.calendar import feed

        store = self.applications
        apps = {a.id: a for a in store.applications(owner)}
        return feed(store.steps(owner), apps)

    @cached_property
    def ask_model(self) -> AskModel:
        """The example-based fallback for asks no cue recognises."""
        from coach.feedback import ask_model

        return ask_model(self.settings.knowledge_dir, self.embedder)

    # -- practice: the one session API the Practice tab and `coach practice` both use -------

    def start_practice(self, scenario: Scenario, owner: str = "") -> Session:
        """A new practice session of `owner` (a COACH_AUTH user, '' locally), saved as it
        goes."""
        from coach.practice import prefill, start

        session = start(scenario, self.store, owner)
        if self.uses_local_model():  # a paid endpoint is never sent a request nobody asked for
            reading = threading.Thread(target=prefill, args=(session, self.model),
                                       name="prefill", daemon=True)
            self._prefills[session.id] = reading
            reading.start()
        return session

    def uses_local_model(self) -> bool:
        """True when requests go to the built-in model (not an endpoint, nor a test's fake)."""
        model = self.model
        return (self.settings.backend == "local" and isinstance(model, OpenAIChat)
                and model.name == LOCAL_MODEL_ID)

    def resume_practice(self, session_id: str, owner: str = "") -> tuple[Session, str] | None:
        """The owner's unfinished session from the store, with a message that never got its
        reply."""
        from coach.practice import resume

        return resume(self.store, session_id, owner)

    def practice_turn(self, session: Session, text: str, delivery: Delivery | None = None
                      ) -> Iterator[tuple[Assessment, str]]:
        """Coach the candidate's message and stream the interviewer's checked reply;
        `delivery`: how it was said, when the turn was spoken."""
        from coach.practice import take_turn

        reading = self._prefills.pop(session.id, None)
        if reading is not None:  # a reply sent quickly waits for the pre-read to finish (it
            reading.join(timeout=PREFILL_WAIT)  # is most of the prompt) rather than race it
        return take_turn(session, text, self.model, ask_model=self.ask_model, store=self.store,
                         delivery=delivery)

    # -- voice ----------------------------------------------------------------------------

    @cached_property
    def transcriber(self) -> Transcriber:
        """Offline speech-to-text (Whisper base), loaded on first use."""
        from coach.voice import Transcriber

        return Transcriber(self.settings.whisper_dir, threads=self.settings.local_threads)

    @cached_property
    def speaker(self) -> Speaker:
        """The interviewer's voice (optional text-to-speech), loaded on first use."""
        from coach.voice.speech import Speaker

        return Speaker()

    def transcribe(self, path: Path | str) -> tuple[Transcript, Delivery]:
        """A spoken turn's words and how they were delivered (VoiceError for bad audio)."""
        from coach.voice import measure

        transcript = self.transcriber.transcribe(path)
        return transcript, measure(transcript)

    def practice_report(self, session: Session, candidate_name: str = "") -> Report:
        """Score the session, reveal the truth, plan and draft the thank-you; saved."""
        from coach.report import build_report

        return build_report(session, self.model, candidate_name=candidate_name,
                            index=self.index, store=self.store)

    def end_practice(self, session: Session) -> None:
        """Close a session without a report: it is not resumed."""
        self.store.end(session.id)

    def assess(self, text: str, moment: Moment = "invited") -> Assessment:
        """Coach one candidate message."""
        from coach.feedback import assess

        return assess(text, moment, model=self.ask_model)

    def draft_email(self, request: EmailRequest, *, avoid: str = "") -> EmailDraft:
        """Draft a follow-up email with the configured model and the guide (`avoid`: the body
        shown last, which a regenerated draft must differ from)."""
        from coach.emails import draft

        return draft(request, self.model, self.index, avoid=avoid)

    def stream_email(self, request: EmailRequest, *, avoid: str = "") -> Iterator[Update]:
        """The draft as it is written; the last update carries the checked draft."""
        from coach.emails import stream_draft

        return stream_draft(request, self.model, self.index, avoid=avoid)

    @cached_property
    def reader(self) -> Reader:
        """The reply reader (MiniLM sentence vectors, whatever embedder the index uses): the
        shipped model, or one trained once for a changed knowledge folder and cached."""
        from coach.reading.reader import default_reader

        return default_reader(self.settings.knowledge_dir, self.settings.data_dir / "reader")

    @cached_property
    def corrections(self) -> CorrectionStore:
        """The user's corrections of readings, kept on this machine."""
        from coach.reading.corrections import CorrectionStore

        return CorrectionStore(self.settings.data_dir / "corrections.sqlite3")

    def corrections_for(self, owner: str = "") -> CorrectionStore:
        """A signed-in user's own corrections ('' is the local user's), each in its own file."""
        if not owner:
            return self.corrections
        import hashlib

        from coach.reading.corrections import CorrectionStore

        with self._lock:
            if owner not in self._user_corrections:
                folder = hashlib.sha256(owner.encode()).hexdigest()[:16]
                self._user_corrections[owner] = CorrectionStore(
                    self.settings.data_dir / "users" / folder / "corrections.sqlite3")
            return self._user_corrections[owner]

    def interpret(self, text: str, received: date | None = None,
                  interview_date: date | None = None, thank_you_sent: bool = False,
                  choose: Category | None = None, owner: str = "") -> Interpretation:
        """Interpret a reply with the index for citations, the user's corrections and the
        model for unsure cases; `choose` is the user's own choice of reading."""
        from coach.reading.interpret import interpret

        model = self.model if self.settings.classify_with_model else None
        try:
            corrections: CorrectionStore | None = self.corrections_for(owner)
        except CoachError as exc:  # a damaged corrections file must not stop the reading
            corrections, problem = None, str(exc)
        else:
            problem = ""
        # An index that is not built yet shows up as a note on the result, not an error.
        result = interpret(text, received, interview_date, reader=self.reader, index=self.index,
                           model=model, corrections=corrections,
                           thank_you_sent=thank_you_sent, choose=choose)
        if problem:
            result.notes.append(problem)
        return result

    def correct(self, text: str, category: str, received: date | None = None,
                interview_date: date | None = None, thank_you_sent: bool = False,
                owner: str = "") -> tuple[Correction, Interpretation]:
        """Save the user's reading of a reply (a correction the reader learns from) and read
        the reply again: it, and messages like it, now read as `category`."""
        from coach.reading.reader import body_of

        before = self.interpret(text, received, interview_date, thank_you_sent, owner=owner)
        body, language, _ = body_of(text)
        prepared = self.reader.featurizer.prepare(body, before.received, language)
        was = before.alternatives[0].category if before.method == "correction" and \
            before.alternatives else before.category
        saved = self.corrections_for(owner).add(body, was, category, prepared.mean_vector)
        return saved, self.interpret(text, received, interview_date, thank_you_sent,
                                     owner=owner)


def bootstrap(settings: Settings | None = None, embedder: Embedder | None = None,
              model: ChatModel | None = None) -> Services:
    """Apply the offline switches, seed the encodings and return the shared services."""
    settings = settings or Settings()
    # Everything the app writes (database, index, downloads) is for this user's eyes only.
    os.umask(0o077)
    private_dir(settings.data_dir)
    apply_switches(settings.tiktoken_cache)
    seed_tiktoken(settings.tiktoken_cache)
    return Services(settings, embedder, model)
