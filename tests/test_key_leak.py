"""The OpenAI-compatible endpoint's API key never leaves the process: not in the page, its
config, the API's answers or error messages, the Settings panel, the logs or `coach doctor`.

The app runs as a subprocess (so its stdout and stderr can be read) against a fake endpoint on
127.0.0.1 that records the Authorization header it receives — proving the key was in use — and
answers 401, 500 or not at all. Its error bodies echo the header back, as some servers do, so
an app that showed a server's raw error would leak the key here.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from .conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
SECRET = "sk-leaktest-" + secrets.token_hex(16)
# The key and pieces of it: a masked or cut copy ("sk-leaktest-3f9a…") is a leak too.
NEEDLES = [SECRET, SECRET[12:], SECRET[12:24], SECRET[-12:]]
TIMEOUT = 1.5  # COACH_LLM_TIMEOUT: the fake endpoint's "hang" outlasts it
AMBIGUOUS = "Let me take this away and mull it over."  # the rules are unsure: the model is asked
SCENARIO = ("Northwind", "Data Engineer", "Dana Reyes", "warm", "final_round", "clear_timeline")

pytestmark = pytest.mark.slow


class FakeOpenAI(BaseHTTPRequestHandler):
    """Chat completions and /models; `mode` is ok, 401, 500 or hang."""

    mode = "ok"
    seen: list[tuple[str, str, str]] = []  # (method, path, Authorization)

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _fault(self) -> bool:
        """Answer as the mode says; False when the request should be served normally."""
        mode = type(self).mode
        if mode == "hang":
            time.sleep(TIMEOUT + 2)
            self.close_connection = True
            return True
        if mode in ("401", "500"):
            echoed = self.headers.get("Authorization", "")
            self._answer(int(mode), json.dumps({"error": {
                "message": f"Incorrect API key provided: {echoed}", "type": "invalid_request_error",
                "code": "invalid_api_key"}}).encode())
            return True
        return False

    def do_GET(self) -> None:
        type(self).seen.append(("GET", self.path, self.headers.get("Authorization", "")))
        if not self._fault():
            self._answer(200, b'{"object": "list", "data": [{"id": "leak-model", '
                              b'"object": "model"}]}')

    def do_POST(self) -> None:
        type(self).seen.append(("POST", self.path, self.headers.get("Authorization", "")))
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self._fault():
            return
        text = ('{"category": "vague", "confidence": 0.9}' if "response_format" in body
                else "Thanks for asking. We will be in touch by Friday with the next steps.")
        if body.get("stream"):
            chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0,
                     "model": "leak-model", "choices": [{"index": 0, "delta": {"content": text}}]}
            self._answer(200, f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode(),
                         "text/event-stream")
            return
        self._answer(200, json.dumps({
            "id": "x", "object": "chat.completion", "created": 0, "model": "leak-model",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}]}).encode())


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    server.daemon_threads = True
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def app_env(endpoint: str, data: Path, home: Path) -> dict[str, str]:
    """The environment of a user who configured an endpoint and its key."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TIKTOKEN"))}
    env.update(HOME=str(home), PYTHONUNBUFFERED="1", COACH_BACKEND="openai",
               COACH_OPENAI_BASE_URL=endpoint, COACH_OPENAI_API_KEY=SECRET,
               COACH_OPENAI_MODEL="leak-model", COACH_LLM_TIMEOUT=str(TIMEOUT),
               COACH_LLM_MAX_RETRIES="0", COACH_DATA_DIR=str(data))
    return env


@pytest.fixture(scope="module")
def served(endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`python app.py` with the endpoint configured; its logs go to files read at the end."""
    work = tmp_path_factory.mktemp("leak")
    (work / "home").mkdir()
    port = free_port()
    env = app_env(endpoint, work / "data", work / "home") | {"COACH_PORT": str(port)}
    out, err = open(work / "stdout.log", "wb"), open(work / "stderr.log", "wb")  # noqa: SIM115
    # Run from an empty folder, so no .env of the developer's is read.
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=work,
                            stdout=out, stderr=err)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("the app exited:\n" + (work / "stderr.log").read_text()[-3000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the app did not start listening in 240 s")
    state: dict[str, Any] = {"url": f"http://127.0.0.1:{port}/", "work": work,
                             "endpoint": endpoint}
    yield state
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    out.close()
    err.close()


def queue_call(url: str, api_name: str, data: list[Any]) -> Any:
    """Run an event the way the page does (for the Settings buttons, which have no API)."""
    import httpx2

    config = httpx2.get(url + "config", timeout=10).json()
    dep = next(d for d in config["dependencies"] if d.get("api_name") == api_name)
    session = secrets.token_hex(6)
    joined = httpx2.post(url + "gradio_api/queue/join", timeout=10, json={
        "data": data, "event_data": None, "fn_index": dep["id"],
        "trigger_id": dep["targets"][0][0], "session_hash": session})
    joined.raise_for_status()
    with httpx2.stream("GET", url + "gradio_api/queue/data", params={"session_hash": session},
                       timeout=60) as stream:
        for line in stream.iter_lines():
            if not line.startswith("data:"):
                continue
            message = json.loads(line[5:])
            if message.get("msg") == "process_completed":
                assert message.get("success"), message
                return message["output"]["data"]
    raise AssertionError(f"{api_name} never completed")


def predict(served: dict[str, Any], client: Any, *args: Any, api_name: str) -> Any:
    """client.predict, with the app's log in the message when it crashed (not a clear error)."""
    from gradio_client.exceptions import AppError

    try:
        return client.predict(*args, api_name=api_name)
    except AppError as exc:
        if "verbose error reporting" in str(exc):
            log = (served["work"] / "stderr.log").read_text(errors="replace")
            raise AssertionError(f"{api_name} crashed the handler:\n{log[-4000:]}") from None
        raise


def text_of(value: Any) -> str:
    """Everything a response shows, files it offers included."""
    parts = [json.dumps(value, ensure_ascii=False, default=str)]
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, str) and item.startswith("/") and Path(item).is_file():
            parts.append(Path(item).read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def assert_no_key(label: str, text: str) -> None:
    for needle in NEEDLES:
        assert needle not in text, f"{label} shows the API key (or part of it: {needle!r})"


@pytest.mark.parametrize("mode", ["401", "500", "hang"])
def test_the_key_is_used_but_never_shown(served: dict[str, Any], mode: str) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    url = served["url"]
    seen: dict[str, str] = {}
    FakeOpenAI.mode, FakeOpenAI.seen = "ok", []
    client = Client(url, verbose=False)
    predict(served, client, *SCENARIO, api_name="/practice_start")
    ok_turn = predict(served, client, "Could you tell me the next steps?",
                      api_name="/practice_turn")
    seen["a practice turn that worked"] = text_of(ok_turn)

    FakeOpenAI.mode = mode
    seen["interpret"] = text_of(predict(served, client, AMBIGUOUS, "2026-11-26", "", False,
                                        api_name="/interpret"))
    assert "could not help" in seen["interpret"] or "did not answer" in seen["interpret"]
    seen["draft_email"] = text_of(predict(
        served, client, "thank_you", "Amara", "Dana Reyes", "Northwind", "Analyst",
        "2026-11-25", "routing", "", "", "warm", AMBIGUOUS, api_name="/draft_email"))
    assert "template" in seen["draft_email"]  # it fell back, with the reason
    with pytest.raises(AppError) as failed:
        predict(served, client, "And when will I hear back?", api_name="/practice_turn")
    seen["a practice turn that failed"] = str(failed.value)
    assert "model server at http://127.0.0.1" in str(failed.value)  # a clear message, from our code
    try:
        seen["practice_report"] = text_of(predict(served, client, "Amara",
                                                  api_name="/practice_report"))
    except AppError as exc:
        seen["practice_report"] = str(exc)
    seen["Settings: check the model"] = text_of(queue_call(url, "check", []))
    seen["Settings: use it (key typed in)"] = text_of(queue_call(
        url, "switch", ["openai", served["endpoint"], "leak-model", SECRET]))
    for label, text in seen.items():
        assert_no_key(f"{label} ({mode})", text)

    auth = {header for _, _, header in FakeOpenAI.seen}
    assert auth == {f"Bearer {SECRET}"}, auth  # every request carried the key, and only it
    paths = {(method, path) for method, path, _ in FakeOpenAI.seen}
    assert ("POST", "/v1/chat/completions") in paths and ("GET", "/v1/models") in paths


def test_the_page_config_and_api_info_do_not_show_the_key(served: dict[str, Any]) -> None:
    import httpx2

    url = served["url"]
    for path in ("", "config", "gradio_api/info", "gradio_api/openapi.json"):
        answer = httpx2.get(url + path, timeout=10)
        if path != "gradio_api/openapi.json":
            assert answer.status_code == 200, path
        assert_no_key(f"/{path}", answer.text)


@pytest.mark.browser
def test_the_rendered_pages_do_not_show_the_key(served: dict[str, Any]) -> None:
    """Every tab as Chromium renders it (text, HTML and the values of its boxes), at desktop
    and phone width, after Settings has checked the endpoint."""
    import shutil

    from .test_browser import launch

    if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    FakeOpenAI.mode = "401"
    with sync_playwright() as p:
        browser = launch(p)
        for width, height in ((1280, 900), (390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(served["url"])
            page.wait_for_selector("text=Next Steps Coach")
            tabs = page.get_by_role("tab")
            for n in range(tabs.count()):
                tab = tabs.nth(n)
                name = tab.inner_text()
                tab.click()
                if "Settings" in name:
                    page.get_by_role("button", name=re.compile("Check", re.I)).first.click()
                    page.wait_for_timeout(2500)
                page.wait_for_timeout(300)
                values = page.eval_on_selector_all(
                    "input, textarea", "els => els.map(e => e.value).join('\\n')")
                shown = page.inner_text("body") + page.content() + values
                assert_no_key(f"the {name} tab at {width} px", shown)
            page.close()
        browser.close()


def test_routine_mistakes_are_messages_not_tracebacks(served: dict[str, Any]) -> None:
    """A user's slips get a clear message in the page and leave no traceback in the log."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(served["url"], verbose=False)
    before = (served["work"] / "stderr.log").read_text(errors="replace")
    with pytest.raises(AppError, match="at most 200 characters"):
        client.predict("N" * 300, *SCENARIO[1:], api_name="/practice_start")
    predict(served, client, "", api_name="/practice_turn")  # no session: a notice
    predict(served, client, "Amara", api_name="/practice_report")  # nothing to report yet
    for text, received in (("", "2026-11-26"), ("We'll be in touch.", "26/11/2026"),
                           ("\x00\x01\x02", "2026-11-26")):
        shown = text_of(predict(served, client, text, received, "", False,
                                api_name="/interpret"))
        assert "Traceback" not in shown
    predict(served, client, "", 5, api_name="/search_guide")
    time.sleep(0.5)  # let the server flush what it logged
    after = (served["work"] / "stderr.log").read_text(errors="replace")[len(before):]
    assert "Traceback" not in after, after[-3000:]


def test_the_logs_do_not_show_the_key(served: dict[str, Any]) -> None:
    """Run last in this file (pytest keeps file order): the other tests wrote these logs."""
    logs = (served["work"] / "stdout.log").read_text(errors="replace") + \
        (served["work"] / "stderr.log").read_text(errors="replace")
    assert "Next Steps Coach on http://" in logs  # the app's own start-up lines are here
    assert_no_key("the app's stdout/stderr", logs)
    # Endpoints that fail or hang are reported in one line each, never as a traceback.
    assert "Traceback" not in logs, logs[-3000:]


@pytest.mark.parametrize("mode", ["ok", "401", "500"])
def test_coach_doctor_does_not_show_the_key(endpoint: str, tmp_path: Path, mode: str) -> None:
    FakeOpenAI.mode, FakeOpenAI.seen = mode, []
    (tmp_path / "home").mkdir()
    done = subprocess.run([sys.executable, "-c", "from coach.cli import main; main()", "doctor"],
                          env=app_env(endpoint, tmp_path / "data", tmp_path / "home"),
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert "leak-model at http://127.0.0.1" in output, output
    assert ("answers" if mode == "ok" else f"answered HTTP {mode}") in output, output
    assert_no_key(f"coach doctor ({mode})", output)
    assert FakeOpenAI.seen == [("GET", "/v1/models", f"Bearer {SECRET}")]


def test_credentials_in_the_endpoint_url_are_not_served(tmp_path: Path) -> None:
    import app
    from coach.config import Settings
    from coach.services import bootstrap

    from .conftest import KNOWLEDGE, HashEmbedder

    password = "pw-" + secrets.token_hex(8)
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE,
                        backend="openai", openai_api_key=SECRET,
                        openai_base_url=f"http://proxyuser:{password}@127.0.0.1:9/v1")
    demo = app.build_demo(bootstrap(settings, embedder=HashEmbedder()))
    config = json.dumps(demo.get_config_file(), default=str)
    assert_no_key("the page config", config)
    assert password not in config


def test_an_unchanged_endpoint_box_keeps_the_configured_login(tmp_path: Path) -> None:
    from coach.config import Settings
    from coach.llm import display_url
    from coach.services import bootstrap

    from .conftest import KNOWLEDGE, HashEmbedder

    url = "http://proxyuser:pw-123@127.0.0.1:9/v1"
    services = bootstrap(Settings(_env_file=None, data_dir=tmp_path / "data",
                                  knowledge_dir=KNOWLEDGE, backend="local",
                                  openai_base_url=url), embedder=HashEmbedder())
    services.use_backend("openai", display_url(url), "m")
    assert services.settings.openai_base_url == url  # as shown, so the login is kept
    services.use_backend("openai", "http://127.0.0.1:8/v1", "m")
    assert services.settings.openai_base_url == "http://127.0.0.1:8/v1"
