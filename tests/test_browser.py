"""End-to-end in a real browser: Debian's Chromium driven by Playwright against the launched
app. The language model here is a scripted fake (ScriptedChat, injected into the services),
so the flows are deterministic; the embedded model has its own marked tests."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from .conftest import serving

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)",
                allow_module_level=True)


class ScriptedChat:
    """A model that answers like a cooperative interviewer and writes a fixed email."""

    name = "scripted"
    label = "scripted test model"
    context_window = 4096

    def complete(self, messages, **kwargs) -> str:
        return self._answer(messages)

    def stream(self, messages, **kwargs):
        answer = self._answer(messages)
        if "paragraph of a job candidate's email" not in messages[0]["content"]:
            yield from answer.split(" ")[:1]
            yield " " + " ".join(answer.split(" ")[1:])
            return
        for n, word in enumerate(answer.split(" ")):  # a draft is written word by word
            time.sleep(0.08)
            yield word if n == 0 else " " + word

    def parse(self, messages, schema, **kwargs):
        raise NotImplementedError

    def _answer(self, messages) -> str:
        system = messages[0]["content"]
        if "paragraph of a job candidate's email" in system:
            return ("I especially enjoyed our conversation about the route planner and how the "
                    "team decides what to build next. It made me even more certain that this "
                    "role is a good match for what I want to do, and I would be glad to "
                    "contribute to the team.")
        last = [m for m in messages if m["role"] == "user"][-1]["content"].lower()
        if "take your time" in last:  # an interviewer who thinks before answering
            time.sleep(2.5)
            return "Good question; let me think. We are still talking to people."
        if "next step" in last or "timeline" in last:
            return "We'll decide by Friday next week and the recruiter will email you."
        return "Thanks for that. Do you have any questions for me?"



@pytest.fixture(scope="module")
def url(real_services):
    real_services.model = ScriptedChat()
    with serving(real_services) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch(p)
        yield instance
        instance.close()


def launch(playwright, *extra: str):
    """Debian's Chromium, headless, with nothing of its own reaching the network."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", *extra])


@pytest.fixture
def page(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("text=Next Steps Coach")
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


BROKEN_WORDS_JS = """([selector, cells]) => {
  const broken = [];
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
  document.body.appendChild(probe);
  const query = cells.split(",").map((c) => selector + " " + c.trim()).join(", ");
  for (const cell of document.querySelectorAll(query)) {
    if (!cell.offsetParent) continue;  // hidden at this width
    const style = getComputedStyle(cell);
    probe.style.font = style.font;
    const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const word of cell.innerText.split(/\\s+/)) {
      probe.textContent = word;
      if (word && probe.getBoundingClientRect().width > inner + 1) broken.push(word);
    }
  }
  probe.remove();
  return broken;
}"""


def cells_breaking_words(page, selector: str, cells: str = "th, td") -> list[str]:
    """Words in the `cells` of a table that do not fit their cell (so the browser breaks them
    mid-word)."""
    return page.evaluate(BROKEN_WORDS_JS, [selector, cells])


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_interpret_a_reply_and_download_the_calendar(page, tmp_path) -> None:
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill(
        "Thanks for coming in! We're finishing interviews and will let you know by the end of "
        "next week.")
    page.get_by_label("Received on (YYYY-MM-DD)").fill("2026-11-26")
    page.get_by_role("button", name="Interpret", exact=True).click()
    page.wait_for_selector("text=Clear timeline")
    assert page.get_by_text("Thu 3 Dec – Fri 4 Dec 2026").first.is_visible()
    assert page.locator("mark", has_text="by the end of next week").count() >= 1
    with page.expect_download() as info:
        page.locator("#ics-file a[download='follow-up-plan.ics']").click()
    path = tmp_path / "plan.ics"
    info.value.save_as(path)
    assert path.read_text().startswith("BEGIN:VCALENDAR")
    shot(page, "interpret")


def test_user_text_is_rendered_as_text(page) -> None:
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill(
        "We'll decide by Friday. <svg onload=alert('svg')> <img src=x onerror=alert('img')>")
    page.get_by_role("button", name="Interpret", exact=True).click()
    page.wait_for_selector("text=Clear timeline")
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator(".reply-text svg, .reply-text img").count() == 0


def test_draft_a_thank_you_and_copy_it(page) -> None:
    page.get_by_text("Your interview (entered once, used by every tab)").click()
    page.get_by_label("Your name").fill("Amara Okafor")
    page.get_by_label("Company").first.fill("Northwind Logistics")
    page.get_by_label("Role").first.fill("Senior Data Engineer")
    page.get_by_label("Interviewer's name").fill("Dana Reyes")
    page.get_by_role("tab", name="Write").click()
    page.get_by_label("What you discussed (topics, projects)").fill("the route planner")
    page.get_by_role("button", name="Draft", exact=True).click()
    body = page.locator("#email-body textarea")
    page.wait_for_selector("text=its middle written by the model and checked")
    assert "Amara Okafor" in body.input_value()
    assert "about the route planner" in body.input_value()  # the model's paragraph, checked
    page.locator("#email-body button").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Dear Dana Reyes" in copied
    shot(page, "write")


def test_a_draft_streams_in_and_regenerate_gives_another(page) -> None:
    page.get_by_text("Your interview (entered once, used by every tab)").click()
    page.get_by_label("Your name").fill("Amara Okafor")
    page.get_by_label("Company").first.fill("Northwind Logistics")
    page.get_by_label("Role").first.fill("Senior Data Engineer")
    page.get_by_label("Interviewer's name").fill("Dana Reyes")
    page.get_by_role("tab", name="Write").click()
    page.get_by_label("What you discussed (topics, projects)").fill("the route planner")
    page.get_by_role("button", name="Draft", exact=True).click()
    body = page.locator("#email-body textarea")
    # While the model writes, the frame and the words so far are already on the page.
    page.wait_for_selector("text=Writing…")
    page.wait_for_function(
        "() => document.querySelector('#email-body textarea').value.includes('especially')")
    partial = body.input_value()
    assert partial.startswith("Dear Dana Reyes") and "contribute to the team" not in partial
    page.wait_for_selector("text=its middle written by the model and checked")
    first = body.input_value()
    assert "contribute to the team" in first
    page.get_by_role("button", name="Regenerate").click()
    page.wait_for_function(
        "(first) => { const v = document.querySelector('#email-body textarea').value;"
        " return v !== first && v.includes('Amara Okafor') &&"
        " !document.body.innerText.includes('Writing…'); }", arg=first)
    second = body.input_value()
    assert second != first and "Dear Dana Reyes" in second and "route planner" in second
    shot(page, "write-regenerated")


def start_practice(page) -> None:
    """Open the Practice tab and start a session with the default scenario."""
    page.get_by_role("tab", name="Practice").click()
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_selector("text=Last question from my side")


def say(page, text: str, answer: str) -> None:
    """Send one candidate message and wait for the interviewer's `answer`."""
    said = page.get_by_label("You say")
    said.fill(text)
    said.press("Enter")
    page.wait_for_selector(f"text={answer}")


def reopen_practice(page) -> None:
    """Reload the page and go back to the Practice tab."""
    page.reload()
    page.wait_for_selector("text=Next Steps Coach")
    page.get_by_role("tab", name="Practice").click()


def test_two_practice_turns_and_a_report(page) -> None:
    start_practice(page)
    say(page, "I'd learn the team's biggest problems and ship one small win.",
        "Do you have any questions for me?")
    say(page, "Thank you for your time. Could you share what the next steps are?",
        "We'll decide by Friday next week")
    page.wait_for_selector("text=polite")
    shot(page, "practice")
    page.get_by_role("button", name="End and get my report").click()
    page.wait_for_selector("text=Practice report")
    assert page.get_by_text("The hidden truth").first.is_visible()
    shot(page, "report")
    # The report's tips cite guide headings (Markdown links): each opens the Guide tab there.
    link = page.get_by_text("Try next time").locator("xpath=following::a[starts-with("
                                                     "@href, '#guide-')]").first
    href = link.get_attribute("href")
    link.click()
    _heading_in_view(page, href)


FIELDS_FIT_JS = """labels => labels.map(label => {
  const box = [...document.querySelectorAll('label')].find(l => l.innerText.trim() === label)
    ?.closest('label, .block')?.querySelector('textarea, input');
  // One line of text: a wrapped second line would make it nearly twice as tall.
  return box ? [label, box.scrollWidth <= box.clientWidth + 1 &&
                box.scrollHeight < box.clientHeight * 1.4, box.value] : [label, null];
})"""


def test_practice_at_phone_width_waits_while_answering_and_shows_the_report(page) -> None:
    """At 390 px: the scenario's names fit their boxes; what is sent shows at once and the box
    waits while the interviewer answers (a message typed then was lost); the report comes
    into view when it is ready."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("tab", name="Practice").click()
    # Nothing to take to Interpret or Write before a session; the empty chat says what to do.
    assert not page.get_by_role("button", name="Draft the thank-you in Write").is_visible()
    assert page.get_by_text("the interviewer's last question appears here").is_visible()
    fits = page.evaluate(FIELDS_FIT_JS, ["Company", "Role", "Interviewer"])
    assert all(f[1] for f in fits), fits
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_selector("text=Last question from my side")
    said = page.get_by_label("You say")
    said.fill("I would take your time to learn the routing data first.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".message >> text=learn the routing data first")  # shown at once
    assert said.is_disabled()  # the interviewer is still answering
    page.wait_for_selector("text=still talking to people")
    page.wait_for_function("() => !document.querySelector('textarea[data-testid=\"textbox\"]"
                           ":disabled')")
    assert said.is_enabled()
    say(page, "Thank you. Could you share what the next steps are?", "We'll decide by Friday")
    page.get_by_role("button", name="End and get my report").click()
    heading = page.get_by_text("Practice report").first
    heading.wait_for()
    page.wait_for_timeout(800)
    from playwright.sync_api import expect

    expect(heading).to_be_in_viewport()  # not a thousand pixels below, out of sight
    assert cells_breaking_words(page, "#practice-report table") == []
    shot(page, "practice-report-390")


def test_interpret_at_phone_width_shows_what_happened(page) -> None:
    """At 390 px: no empty plan controls before a reading; the message for an empty paste and
    the reading itself come into view instead of appearing below the fold."""
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("tab", name="Interpret").click()
    assert not page.locator("#ics-file").is_visible()
    assert not page.get_by_label("Draft the email for a plan step").is_visible()
    page.get_by_role("button", name="Interpret", exact=True).click()
    problem = page.locator("#interpret-result").get_by_text("Paste what the recruiter")
    problem.wait_for()
    page.wait_for_timeout(500)
    expect(problem).to_be_in_viewport()
    page.get_by_label("Their reply").fill(
        "Thanks for coming in. We're still interviewing and will get back to you by the end "
        "of next week.")
    page.get_by_role("button", name="Interpret", exact=True).click()
    badge = page.locator("#interpret-result .badge").first
    badge.wait_for()
    page.wait_for_timeout(500)
    expect(badge).to_be_in_viewport()
    expect(page.locator("#ics-file")).to_be_visible()
    expect(page.get_by_label("Draft the email for a plan step")).to_be_visible()


def test_search_the_guide(page) -> None:
    page.get_by_role("tab", name="Guide").click()
    page.get_by_label("Ask the guide").fill("How soon should I send a thank-you email?")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("#search-results >> text=Sending a Thank-You Email")
    shot(page, "guide")


THANK_YOU = "#guide-post-interview-follow-up--sending-a-thank-you-email"


def _heading_in_view(page, href: str) -> None:
    """The Guide tab is showing, with the heading the link points to in view."""
    from playwright.sync_api import expect

    expect(page.get_by_role("tab", name="Guide")).to_have_attribute("aria-selected", "true")
    heading = page.locator(href)
    expect(heading).to_be_in_viewport(ratio=1)
    assert page.url.endswith(href)


def test_a_search_result_jumps_to_its_heading_in_the_guide(page) -> None:
    page.get_by_role("tab", name="Guide").click()
    page.get_by_label("Ask the guide").fill("How soon should I send a thank-you email?")
    page.get_by_role("button", name="Search").click()
    link = page.locator(f"#search-results a[href='{THANK_YOU}']").first
    link.click()
    _heading_in_view(page, THANK_YOU)
    # Another heading further down the guide: the guide scrolls to it as well.
    page.locator("#whole-guide summary").click()
    page.locator("#whole-guide .guide-toc a", has_text="Tools and Resources").click()
    _heading_in_view(page, "#guide-tools-and-resources")
    shot(page, "guide-link")


def test_a_citation_in_another_tab_opens_the_guide_there(page) -> None:
    """The Guide tab has never been shown in this page: Gradio renders it on the click."""
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill("We've decided to go with another candidate.")
    page.get_by_role("button", name="Interpret", exact=True).click()
    page.wait_for_selector("text=What the guide says")
    assert page.locator("#guide-post-interview-follow-up").count() == 0  # not rendered yet
    link = page.locator(".result-card a.guide-link").last
    href = link.get_attribute("href")
    assert href and href.startswith("#guide-")
    link.click()
    _heading_in_view(page, href)


def test_an_address_with_a_guide_anchor_opens_at_that_heading(page, url) -> None:
    page.goto(url + THANK_YOU)
    _heading_in_view(page, THANK_YOU)


def test_guide_links_work_at_phone_width(page) -> None:
    """At phone width the tabs wrap onto two rows; a guide link still opens the Guide."""
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    assert page.get_by_role("tab", name="Guide").is_visible()  # in sight, not in a menu
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill("We'll let you know by Friday.")
    page.get_by_role("button", name="Interpret", exact=True).click()
    link = page.locator(".result-card a.guide-link").first
    link.wait_for()
    href = link.get_attribute("href")
    link.click()
    expect(page.locator(href)).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400  # the guide fits too


def test_settings_and_phone_width(page) -> None:
    page.get_by_role("tab", name="Settings & About").click()
    page.wait_for_selector("text=Apache-2.0")
    shot(page, "settings")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 400, overflow  # readable at phone width: no sideways scrolling
    # Every tab in sight (no "More tabs" menu), and no header broken mid-word.
    for name in ("Practice", "Interpret", "Write", "Applications", "Guide", "Settings & About"):
        assert page.get_by_role("tab", name=name).is_visible(), name
    assert page.get_by_role("button", name="More tabs").count() == 0
    # Headers never break mid-word (a long model name or path in a value may wrap).
    assert cells_breaking_words(page, ".result-card table", "th") == []
    shot(page, "phone")


@pytest.mark.parametrize("width", [1280, 390])
def test_an_unsure_reading_is_chosen_corrected_and_undone(page, width) -> None:
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill("Got your note. Let me check with the team.")
    page.get_by_label("Received on (YYYY-MM-DD)").fill("2026-11-26")
    page.get_by_role("button", name="Interpret", exact=True).click()
    page.wait_for_selector("text=Two readings — which is it?")
    assert page.locator(".unsure li").count() == 2
    shot(page, f"interpret-unsure-{width}")
    # The user's choice: the plan follows it.
    reading = page.locator("#your-reading input")
    reading.click()
    page.get_by_role("option", name="Rejection").click()
    page.get_by_role("button", name="Use this reading").click()
    page.locator(".badge", has_text="Rejection").wait_for()
    assert page.locator(".result-card", has_text="your choice").count() >= 1
    assert page.locator(".timeline", has_text="Reply graciously").count() == 1
    # Saved as a correction: said what was learned, listed, and undone.
    page.get_by_role("button", name="Save as a correction").click()
    page.wait_for_selector("text=Learned: this message")
    page.get_by_text("Your corrections").click()
    item = page.locator("code").filter(has_text=re.compile(r"^[0-9a-f]{8}$")).first
    item.wait_for()
    correction_id = item.inner_text()
    page.get_by_label("Correction id to undo").fill(correction_id)
    page.get_by_role("button", name="Undo", exact=True).click()
    page.wait_for_selector("text=Undone:")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width + 10, overflow


def test_a_reload_resumes_the_session_and_clearing_ends_it(page) -> None:
    start_practice(page)
    say(page, "I'd map the delivery data first and fix the slowest route.",
        "Do you have any questions for me?")
    page.wait_for_timeout(500)  # the browser stores the session id after the turn
    reopen_practice(page)
    page.wait_for_selector("text=I'd map the delivery data first")  # the transcript is back
    say(page, "Thank you. Could you share what the next steps are?",
        "We'll decide by Friday next week")
    page.get_by_role("button", name="End and get my report").click()
    page.wait_for_selector("text=Practice report")
    history = page.locator("table", has_text="Northwind").first
    history.wait_for()  # the history shows the session at once, not after a restart
    # A finished session is not resumed; a cleared one ends.
    reopen_practice(page)
    page.wait_for_timeout(800)
    assert page.get_by_text("I'd map the delivery data first").count() == 0
    assert page.locator("table", has_text="Northwind").count() >= 1
    start_practice(page)
    page.get_by_label("Clear").first.click()
    page.wait_for_timeout(500)
    reopen_practice(page)
    page.wait_for_timeout(800)
    assert page.get_by_text("Last question from my side").count() == 0


def test_a_language_it_cannot_read_is_not_read_until_the_user_chooses(page) -> None:
    page.get_by_role("tab", name="Interpret").click()
    page.get_by_label("Their reply").fill(
        "Terima kasih atas lamaran Anda. Kami akan menghubungi Anda minggu depan tanggal 4.")
    page.get_by_label("Received on (YYYY-MM-DD)").fill("2026-11-26")
    page.get_by_role("button", name="Interpret", exact=True).click()
    page.locator(".badge", has_text="Not read").wait_for()
    assert page.locator(".timeline").count() == 0  # no plan from a guess
    shot(page, "interpret-not-read")
    page.locator("#your-reading input").click()
    page.get_by_role("option", name="Vague — still in process").click()
    page.get_by_role("button", name="Use this reading").click()
    page.locator(".badge", has_text="Vague").wait_for()
    assert page.locator(".timeline li").count() >= 1


def open_tab(page, name: str) -> None:
    """Select a tab, through Gradio's "More tabs" menu when it does not fit (phone width)."""
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.is_visible():
        tab.click()
        return
    page.get_by_role("button", name="More tabs").click()
    page.locator(".overflow-dropdown button", has_text=name).click()


def pick(page, element_id: str, option: str) -> None:
    page.locator(f"#{element_id} input").click()
    page.get_by_role("option", name=option).first.click()


@pytest.mark.parametrize("width", [1280, 390])
def test_one_application_from_interview_to_close_the_loop(page, real_services, monkeypatch,
                                                          width) -> None:
    from datetime import date

    def on(day: date) -> None:  # the fake clock: the app's "today", then a reload
        monkeypatch.setattr(real_services, "settings",
                            real_services.settings.model_copy(update={"today": day}))
        page.reload()
        page.wait_for_selector("text=Next Steps Coach")

    def sent(step: str) -> None:
        pick(page, "due-choice", step)
        page.get_by_role("button", name="I sent it").click()
        page.wait_for_selector("text=Marked as sent")

    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    company = f"Northwind {width}"
    on(date(2026, 12, 1))
    open_tab(page, "Applications")
    page.locator("#apps-list").wait_for()
    page.get_by_text("Add an application", exact=True).click()
    page.locator("#app-company textarea").fill(company)
    page.locator("#app-role textarea").fill("Data Engineer")
    page.locator("#app-contact textarea").fill("Dana Reyes")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_selector(f"text=Added {company}")
    try:
        page.get_by_text("Interview held (with what they said").click()
        pick(page, "held-stage", "Final round")
        page.get_by_label("What they said about next steps").fill(
            "Dana said they will decide by Friday 11 December and email me either way.")
        page.get_by_role("button", name="Record the interview").click()
        page.locator(".badge", has_text="Clear timeline").first.wait_for()
        page.locator("#due-list", has_text="Send a thank-you email").wait_for()
        sent("Send a thank-you email")
        # The date they gave has passed: the app opens on Applications, the nudge quotes them.
        on(date(2026, 12, 15))
        page.locator("#due-list", has_text="by Friday 11 December").wait_for()
        shot(page, f"applications-due-{width}")
        pick(page, "due-choice", "Follow up if you have not heard back")
        page.get_by_role("button", name="Open its email in Write").click()
        page.get_by_label("Email", exact=True).first.wait_for()
        page.wait_for_function(
            "document.querySelector('#email-body') && "
            "getComputedStyle(document.querySelector('#email-body')).display !== 'none'")
        page.get_by_text("Your interview (entered once, used by every tab)").click()
        box = page.locator("#shared-company textarea, #shared-company input").first
        assert box.input_value() == company  # the application's details came along
        open_tab(page, "Applications")
        sent("Follow up if you have not heard back")
        # A reply comes: read, shown, and nothing changes until it is confirmed.
        page.get_by_label("Paste what they wrote").fill(
            "Thanks for your patience. We are still interviewing and will be in touch soon.")
        page.get_by_role("button", name="Read it").click()
        page.wait_for_selector("text=Nothing has changed yet")
        page.wait_for_function("document.querySelector('#pending input').value !== ''")
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_selector("text=Confirmed: Vague")
        on(date(2026, 12, 22))
        sent("Follow up if you have not heard back")
        on(date(2026, 12, 29))
        sent("Second and last follow-up")
        # Two nudges without an answer: the close-the-loop note, then quiet.
        on(date(2027, 1, 5))
        page.locator("#due-list", has_text="Close the loop and move on").wait_for()
        shot(page, f"applications-close-the-loop-{width}")
        sent("Close the loop and move on")
        on(date(2027, 3, 1))
        open_tab(page, "Applications")
        page.locator("#due-list", has_text="Nothing due").wait_for()
        page.wait_for_timeout(300)
        # Nothing due: no empty step menu nor buttons that would do nothing.
        assert not page.get_by_role("button", name="I sent it").is_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width + 10, overflow
    finally:  # other tests share these services: leave nothing due behind
        for app in real_services.applications.applications():
            real_services.applications.delete(app.id)


@pytest.mark.parametrize("width", [1280, 390])
def test_slips_are_notices_that_go_away_not_error_overlays(page, width) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.get_by_role("tab", name="Practice").click()
    page.get_by_role("button", name="Send").click()  # no session yet
    page.get_by_text("Start a session first").first.wait_for()
    page.get_by_role("button", name="End and get my report").click()
    page.get_by_text("Say something to the interviewer first").first.wait_for()
    start_practice(page)
    page.get_by_role("button", name="Send").click()  # an empty message
    page.get_by_text("Type what you would say").first.wait_for()
    shot(page, f"slip-notice-{width}")
    # No component is covered by an error badge, and the interview is still there.
    assert page.get_by_text("Error", exact=True).count() == 0
    assert page.get_by_text("Last question from my side").first.is_visible()
    # The notices leave by themselves.
    page.get_by_text("Type what you would say").first.wait_for(state="hidden", timeout=20_000)
    say(page, "I'd map the delivery data first.", "Do you have any questions for me?")
    # No empty download box before there is a report to download.
    assert not page.get_by_text("Download the report (.md)").first.is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_email_kind_menu_shows_its_whole_name(page, width) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.get_by_role("tab", name="Write").click()
    menu = page.get_by_label("Email", exact=True)
    menu.wait_for()
    cut = menu.evaluate("(el) => el.scrollWidth > el.clientWidth + 1")
    assert not cut, menu.input_value()


def test_details_are_typed_once_and_never_overwritten_by_a_practice(page) -> None:
    page.get_by_text("Your interview (entered once, used by every tab)").click()
    page.get_by_label("Company").first.fill("Acme Robotics")
    page.get_by_label("Role").first.fill("QA Engineer")
    page.get_by_role("tab", name="Practice").click()
    # What the user typed above is the practice scenario too, and the menu says so.
    fields = page.get_by_label("Company")
    assert fields.nth(1).input_value() == "Acme Robotics"
    assert page.get_by_label("Role").nth(1).input_value() == "QA Engineer"
    assert page.get_by_label("Scenario").input_value() == "Your own scenario"
    # "Surprise me" draws a coherent scenario and the menu shows it is not a preset.
    page.get_by_role("button", name="Surprise me").click()
    page.wait_for_timeout(500)
    assert page.get_by_label("Scenario").input_value() == "Your own scenario"
    assert fields.nth(1).input_value() != "Acme Robotics"
    page.get_by_role("button", name="Start the session").click()
    page.get_by_text(re.compile(r"wrap up|One last one|Last question")).first.wait_for()
    say(page, "I'd start with the test plan.", "Do you have any questions for me?")
    page.get_by_role("button", name="Draft the thank-you in Write").click()
    page.get_by_text("Write keeps your interview details").first.wait_for()
    assert page.get_by_label("Company").first.input_value() == "Acme Robotics"
    assert page.get_by_label("Role").first.input_value() == "QA Engineer"
