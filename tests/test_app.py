from __future__ import annotations

import pytest

from .conftest import serving

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def launched(real_services):
    with serving(real_services) as url:
        yield url


def test_importing_app_starts_nothing() -> None:
    import app

    assert callable(app.build_demo) and callable(app.main)


def test_search_guide_endpoint_returns_cards_with_headings(launched) -> None:
    from gradio_client import Client

    client = Client(launched, verbose=False)
    html_out = client.predict("how soon should I send a thank-you email?", 3,
                              api_name="/search_guide")
    assert html_out.count("class='result-card'") == 3
    assert "Post-Interview Follow-Up › Sending a Thank-You Email" in html_out


@pytest.mark.parametrize("query", ["banana", "asdf qwerty zxcv", "How do I bake sourdough bread?",
                                   "Who won the football world cup in 2018?"])
def test_the_guide_says_when_it_does_not_cover_a_question(launched, query) -> None:
    from gradio_client import Client

    html_out = Client(launched, verbose=False).predict(query, 3, api_name="/search_guide")
    assert "The guide does not cover this." in html_out and "relevance" not in html_out


def test_passages_written_for_employers_are_labelled(launched) -> None:
    from gradio_client import Client

    client = Client(launched, verbose=False)
    employer = client.predict("how should employers give candidates constructive feedback?", 3,
                              api_name="/search_guide")
    first = employer.split("class='result-card'")[1]
    assert "Best Practices for Employers" in first and "Written for employers" in first
    candidate = client.predict("how soon should I send a thank-you email?", 1,
                               api_name="/search_guide")
    assert "Written for employers" not in candidate


def test_search_guide_empty_query_is_a_message_not_an_error(launched) -> None:
    from gradio_client import Client

    html_out = Client(launched, verbose=False).predict("", 3, api_name="/search_guide")
    assert "Type a question" in html_out


def test_guidance_cards_escape_text() -> None:
    from coach.retrieval import Guidance
    from coach.views import guidance_cards

    g = Guidance(text="<script>alert(1)</script>", heading_path="<b>x</b>", source="s.md",
                 score=0.5, chunk_id="s.md#0")
    out = guidance_cards([g])
    assert "<script>" not in out and "&lt;script&gt;" in out and "<b>x</b>" not in out


def test_interpret_endpoint_returns_card_calendar_and_json(launched) -> None:
    from gradio_client import Client

    card, ics, details, step = Client(launched, verbose=False).predict(
        "Thanks for coming in! We'll let you know by Friday. <script>alert(1)</script>",
        "2026-11-26", "2026-11-25", False, api_name="/interpret")
    assert "Clear timeline" in card and "Fri 27 Nov 2026" in card
    assert "<script>" not in card and "alert(1)" not in card  # read as HTML: script dropped
    assert details["category"] == "clear_timeline"
    assert open(ics, encoding="utf-8").read().startswith("BEGIN:VCALENDAR")
    assert step["value"] == "thank_you" and len(step["choices"]) >= 3  # plan steps with emails


def test_interpret_endpoint_bad_date_is_a_message(launched) -> None:
    from gradio_client import Client

    card, ics, details, _ = Client(launched, verbose=False).predict(
        "We'll be in touch.", "26/11/2026", "", False, api_name="/interpret")
    assert "should look like 2026-11-26" in card and ics is None and "error" in details


def test_interpret_endpoint_escapes_markup_that_is_not_html(launched) -> None:
    from gradio_client import Client

    card, _, _, _ = Client(launched, verbose=False).predict(
        "We'll decide by Friday. 1 < 2 & <svg onload=alert(1)> ok", "2026-11-26", "",
        False, api_name="/interpret")
    assert "<svg" not in card and "&lt;svg onload=alert(1)&gt;" in card


def test_draft_email_endpoint_gives_a_draft_and_an_eml(launched) -> None:
    from gradio_client import Client

    subject, body, info, eml, details = Client(launched, verbose=False).predict(
        "thank_you", "Amara", "Dana <b>Reyes</b>", "Northwind", "Data Engineer", "2026-11-25",
        "route planning", "", "", "warm", "", api_name="/draft_email")
    assert subject and "Dana <b>Reyes</b>" in body  # the text box shows it as typed
    assert "<b>Reyes" not in info
    assert open(eml, encoding="utf-8").read().startswith("Subject:") or "Subject:" in open(
        eml, encoding="utf-8").read()
    assert details["kind"] == "thank_you"


def test_practice_endpoints_keep_the_session_per_client(launched) -> None:
    from gradio_client import Client

    client = Client(launched, verbose=False)
    chat, coaching, _, _, _ = client.predict(
        "Northwind", "Data Engineer", "Dana Reyes", "warm", "final_round", "clear_timeline",
        api_name="/practice_start")
    assert chat[0]["role"] == "assistant" and "?" in chat[0]["content"][0]["text"]
    # The test app's model is unreachable: the turn fails with a clear message.
    with pytest.raises(Exception, match="No language model"):
        client.predict("Could you tell me the next steps?", api_name="/practice_turn")


def test_off_loopback_needs_a_login() -> None:
    import app
    from coach.config import Settings
    from coach.errors import CoachError

    assert "auth" not in app.launch_options(Settings(_env_file=None))
    with pytest.raises(CoachError, match="COACH_AUTH"):
        app.launch_options(Settings(_env_file=None, host="0.0.0.0"))
    options = app.launch_options(Settings(_env_file=None, host="0.0.0.0", auth="ana:s3cret"))
    assert options["auth"] == [("ana", "s3cret")] and options["share"] is False
    several = app.launch_options(Settings(_env_file=None, host="0.0.0.0",
                                          auth="ana:s3cret, ben:pa:ss"))
    assert several["auth"] == [("ana", "s3cret"), ("ben", "pa:ss")]
    with pytest.raises(CoachError, match="COACH_AUTH"):
        app.launch_options(Settings(_env_file=None, host="0.0.0.0", auth="ana:x,ben"))


def _catalogue():
    from .test_bad_input import CASES

    return CASES


@pytest.mark.parametrize(("name", "text"), _catalogue(), ids=[n for n, _ in _catalogue()])
def test_bad_input_catalogue_through_the_api(launched, name: str, text: str) -> None:
    from gradio_client import Client

    client = Client(launched, verbose=False)
    card, _, details, _ = client.predict(text, "2026-11-26", "", False, api_name="/interpret")
    assert ("category" in details) or ("error" in details and "Problem:" in card)
    assert "Traceback" not in card and "<script" not in card
    found = client.predict(text, 3, api_name="/search_guide")
    assert "Traceback" not in found and "<script" not in found


def test_invalid_utf8_bytes_through_the_api_are_refused_cleanly(launched) -> None:
    import httpx2

    url = launched + "gradio_api/call/interpret"
    body = b'{"data": ["\xff\xfe\xfa bytes", "2026-11-26", "", false]}'
    answer = httpx2.post(url, content=body, headers={"Content-Type": "application/json"},
                         timeout=10)
    assert 400 <= answer.status_code < 500
    from gradio_client import Client

    card, _, details, _ = Client(launched, verbose=False).predict(
        "We'll decide by Friday.", "2026-11-26", "", False, api_name="/interpret")
    assert details["category"] == "clear_timeline"  # the app still answers


def test_the_model_the_reader_and_the_voice_start_in_the_background() -> None:
    import app

    started: list[str] = []

    class Transcriber:
        def warm(self) -> None:
            started.append("voice")

    class Settings:
        backend = "local"

    class Server:
        @property
        def url(self) -> str:
            started.append("model")
            return "http://127.0.0.1:1"

    class Reader:
        @property
        def model(self) -> object:
            started.append("reader")
            return object()

    class FakeServices:
        reader = Reader()
        local_server = Server()
        transcriber = Transcriber()
        settings = Settings()

    app.warm_up(FakeServices()).join(timeout=5)  # type: ignore[arg-type]
    assert started == ["reader", "model", "voice"]
    Settings.backend = "openai"  # an endpoint: the built-in model is not started
    started.clear()
    app.warm_up(FakeServices()).join(timeout=5)  # type: ignore[arg-type]
    assert started == ["reader", "voice"]
