"""The embedded model: llama.cpp (xllamacpp) serving the OpenAI chat API on 127.0.0.1."""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from coach.errors import ModelUnavailable
from coach.offline import MODEL_NAME, ByteProgress, ensure_model

Progress = Callable[[str], None]


class LocalServer:
    """Starts llama.cpp lazily in this process, health-checks it and restarts it after a crash.

    Two slots, each with the configured context, so two conversations keep their prompt cache
    (llama.cpp's `cache_prompt`) instead of evicting each other.
    """

    def __init__(self, model_path: Path, *, threads: int = 2, context: int = 4096,
                 slots: int = 2, nice: int = 10, progress: Progress | None = None,
                 tune: Callable[[Any], None] | None = None) -> None:
        self.model_path = model_path
        self.tune = tune  # changes the llama.cpp parameters before a start (bench/speculative)
        self.threads = threads
        self.nice = nice
        self.context = context
        self.slots = slots
        self.progress = progress or (lambda _msg: None)
        self._server: Any = None
        self._url: str | None = None
        self._lock = threading.Lock()
        self.starts = 0
        atexit.register(self.stop)

    @property
    def running(self) -> bool:
        """True when a server object exists (it may still have died: see healthy())."""
        return self._server is not None

    def url(self) -> str:
        """Base URL of the OpenAI-compatible API, starting the server if needed."""
        with self._lock:
            if self._server is None or not self._healthy():
                self._start()
            assert self._url is not None
            return self._url

    def prepare(self, on_bytes: ByteProgress | None = None,
                progress: Progress | None = None) -> None:
        """Check (or, the first time, join) the model file now, reporting bytes as it goes.

        The server start does this anyway; calling it first lets a caller show progress. It
        holds the start lock, so two first requests never join the file at the same time.
        """

        def say(message: str) -> None:
            self.progress(message)
            if progress is not None:
                progress(message)

        with self._lock:
            ensure_model(self.model_path, progress=say, on_bytes=on_bytes)

    def _healthy(self) -> bool:
        try:
            return httpx.get(f"{self._root}/health", timeout=2.0).status_code == 200
        except httpx.HTTPError:
            return False

    @property
    def _root(self) -> str:
        return (self._url or "").removesuffix("/v1")

    def _start(self) -> None:
        if self._server is not None:
            self.progress("The built-in model stopped answering; restarting it.")
            self._stop_locked()
        ensure_model(self.model_path, progress=self.progress)
        import xllamacpp

        params = server_params(self.model_path, threads=self.threads, context=self.context,
                               slots=self.slots)
        if self.tune is not None:
            self.tune(params)
        self.progress(f"Starting the built-in model ({MODEL_NAME})...")
        started = time.perf_counter()
        try:
            self._server = with_lower_priority(lambda: xllamacpp.Server(params), self.nice)
        except Exception as exc:
            raise ModelUnavailable(f"The built-in model could not start: {exc}") from exc
        address = str(self._server.listening_address).rstrip("/")
        if not address.startswith(("http://127.0.0.1", "http://localhost")):
            self._stop_locked()
            raise ModelUnavailable(f"The built-in model listened on {address}, not loopback.")
        self._url = f"{address}/v1"
        deadline = time.monotonic() + 60
        while not self._healthy():
            if time.monotonic() > deadline:
                self._stop_locked()
                raise ModelUnavailable("The built-in model did not become ready in 60 s.")
            time.sleep(0.1)
        self.starts += 1
        self.progress(f"Built-in model ready in {time.perf_counter() - started:.1f} s.")

    def _stop_locked(self) -> None:
        server, self._server, self._url = self._server, None, None
        del server  # xllamacpp shuts its HTTP loop down when the object is released

    def stop(self) -> None:
        """Shut the server down (also registered to run at exit)."""
        with self._lock:
            self._stop_locked()


def server_params(model_path: Path, *, threads: int, context: int, slots: int) -> Any:
    """llama.cpp's parameters for the embedded server: `slots` conversations of `context` tokens
    each, keeping their prompt cache, on `threads` threads, on a free loopback port."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model_path)
    params.n_parallel = slots
    params.n_ctx = context * slots  # llama.cpp splits n_ctx across the slots
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.cache_prompt = True
    params.port = 0  # a free port chosen by the OS
    params.verbosity = 0  # llama.cpp logs every request at its default level
    return params


def with_lower_priority(make: Callable[[], Any], nice: int) -> Any:
    """`make()`, run in a thread whose nice value is first raised by `nice`.

    On Linux the nice value belongs to a thread and the threads it starts inherit it, so
    llama.cpp's workers started from here run at low priority: with idle CPUs they generate
    at full speed, and on a busy machine a quick request (interpret, search) preempts them
    instead of waiting for a time slice. Elsewhere os.nice would slow the whole app: skipped.
    """
    if nice <= 0 or not sys.platform.startswith("linux"):
        return make()
    result: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            os.nice(nice)
            result.append(make())
        except BaseException as exc:  # handed to the caller's thread below
            errors.append(exc)

    thread = threading.Thread(target=run, name="model-start", daemon=True)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]
