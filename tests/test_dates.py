"""Deadline phrases in recruiters' messages become the calendar days a candidate can plan around."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import dates
from coach.dates import (
    DateRange,
    add_business_days,
    find_deadline,
    find_deadlines,
    resolve,
)

THU = date(2026, 11, 26)  # Thanksgiving, a Thursday
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)
LATE_DEC = date(2026, 12, 28)  # a Monday, four days before the new year


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


# phrase -> (start, end) with received = Thursday 2026-11-26.
THURSDAY_TABLE = [
    # weekdays: strictly after the day received
    ("by Friday", d(11, 27), d(11, 27)),
    ("Friday", d(11, 27), d(11, 27)),
    ("on Tuesday", d(12, 1), d(12, 1)),
    ("EOD Thursday", d(12, 3), d(12, 3)),
    ("by end of day Thursday", d(12, 3), d(12, 3)),
    ("Thursday", d(12, 3), d(12, 3)),
    ("next Friday", d(12, 4), d(12, 4)),
    ("this Friday", d(11, 27), d(11, 27)),
    ("this coming Monday", d(11, 30), d(11, 30)),
    ("next Monday", d(11, 30), d(11, 30)),
    ("Monday morning", d(11, 30), d(11, 30)),
    ("first thing Monday", d(11, 30), d(11, 30)),
    ("by 5pm Friday", d(11, 27), d(11, 27)),
    ("Friday at 5pm ET", d(11, 27), d(11, 27)),
    ("by Wed.", d(12, 2), d(12, 2)),
    ("Friday of next week", d(12, 4), d(12, 4)),
    ("next week on Tuesday", d(12, 1), d(12, 1)),
    ("a week from Friday", d(12, 4), d(12, 4)),
    ("Monday or Tuesday", d(11, 30), d(12, 1)),
    ("between Monday and Wednesday", d(11, 30), d(12, 2)),
    ("next Tuesday or Wednesday", d(12, 1), d(12, 2)),
    # days
    ("today", d(11, 26), d(11, 26)),
    ("EOD", d(11, 26), d(11, 26)),
    ("by close of business today", d(11, 26), d(11, 26)),
    ("tomorrow", d(11, 27), d(11, 27)),
    ("by 10am tomorrow", d(11, 27), d(11, 27)),
    ("the day after tomorrow", d(11, 28), d(11, 28)),
    ("next business day", d(11, 27), d(11, 27)),
    ("in 3 days", d(11, 29), d(11, 29)),
    ("within 10 days", d(11, 27), d(12, 6)),
    ("a day or two", d(11, 27), d(11, 28)),
    ("in the next few days", d(11, 27), d(11, 29)),
    ("in a couple of days", d(11, 27), d(11, 28)),
    ("within 48 hours", d(11, 26), d(11, 28)),
    ("24 hours", d(11, 26), d(11, 27)),
    # weeks
    ("end of the week", d(11, 27), d(11, 27)),
    ("by the end of this week", d(11, 27), d(11, 27)),
    ("by the weekend", d(11, 27), d(11, 27)),
    ("later this week", d(11, 27), d(11, 27)),
    ("this week", d(11, 26), d(11, 27)),
    ("next week", d(11, 30), d(12, 4)),
    ("sometime next week", d(11, 30), d(12, 4)),
    ("early next week", d(11, 30), d(12, 1)),
    ("beginning of next week", d(11, 30), d(12, 1)),
    ("mid next week", d(12, 2), d(12, 2)),
    ("middle of next week", d(12, 2), d(12, 2)),
    ("end of next week", d(12, 3), d(12, 4)),
    ("by the end of next week", d(12, 3), d(12, 4)),
    ("the week after next", d(12, 7), d(12, 11)),
    ("within a week", d(11, 27), d(12, 3)),
    ("within the next week", d(11, 27), d(12, 3)),
    ("a week from today", d(12, 3), d(12, 3)),
    ("in two weeks", d(12, 10), d(12, 10)),
    ("2 weeks", d(12, 10), d(12, 10)),
    ("in two weeks' time", d(12, 10), d(12, 10)),
    ("2-3 weeks", d(12, 10), d(12, 17)),
    ("in a couple of weeks", d(12, 3), d(12, 10)),
    ("in the next couple of weeks", d(12, 3), d(12, 10)),
    ("a week or two", d(12, 3), d(12, 10)),
    ("in a few weeks", d(12, 10), d(12, 17)),
    ("this weekend", d(11, 28), d(11, 29)),
    ("mid-week", d(12, 2), d(12, 2)),
    # business days
    ("within 5 business days", d(11, 27), d(12, 3)),
    ("5 working days", d(11, 27), d(12, 3)),
    ("3-5 business days", d(12, 1), d(12, 3)),
    # months
    ("by the end of the month", d(11, 27), d(11, 30)),
    ("end of month", d(11, 27), d(11, 30)),
    ("this month", d(11, 26), d(11, 30)),
    ("next month", d(12, 1), d(12, 31)),
    ("early next month", d(12, 1), d(12, 10)),
    ("end of next month", d(12, 28), d(12, 31)),
    ("in a month", d(12, 26), d(12, 26)),
    ("mid-December", d(12, 10), d(12, 20)),
    ("mid December", d(12, 10), d(12, 20)),
    ("early January", d(1, 1, 2027), d(1, 10, 2027)),
    ("late January", d(1, 21, 2027), d(1, 31, 2027)),
    ("later in January", d(1, 21, 2027), d(1, 31, 2027)),
    ("later this month", d(11, 27), d(11, 30)),
    ("in January", d(1, 1, 2027), d(1, 31, 2027)),
    ("by January", d(1, 1, 2027), d(1, 10, 2027)),
    ("before December", d(11, 27), d(11, 30)),
    ("the first week of December", d(12, 1), d(12, 7)),
    ("the end of December", d(12, 28), d(12, 31)),
    ("December 2026", d(12, 1), d(12, 31)),
    # explicit dates: the next occurrence on or after the day received
    ("by December 15", d(12, 15), d(12, 15)),
    ("Dec. 15th", d(12, 15), d(12, 15)),
    ("15 December", d(12, 15), d(12, 15)),
    ("the 15th of December", d(12, 15), d(12, 15)),
    ("December the fifteenth", d(12, 15), d(12, 15)),
    ("on the 14th", d(12, 14), d(12, 14)),
    ("the 30th", d(11, 30), d(11, 30)),
    ("12/15", d(12, 15), d(12, 15)),
    ("12/15/2026", d(12, 15), d(12, 15)),
    ("2026-12-15", d(12, 15), d(12, 15)),
    ("Tuesday, December 1", d(12, 1), d(12, 1)),
    ("Friday, 12/4", d(12, 4), d(12, 4)),
    ("January 5", d(1, 5, 2027), d(1, 5, 2027)),
    ("November 20", d(11, 20, 2027), d(11, 20, 2027)),
    ("Dec 10-12", d(12, 10), d(12, 12)),
    ("10-12 December", d(12, 10), d(12, 12)),
    ("the week of December 7", d(12, 7), d(12, 11)),
    ("15.12.2026", d(12, 15), d(12, 15)),  # via dateparser
    # seasons and holidays
    ("after the holidays", d(1, 4, 2027), d(1, 11, 2027)),
    ("in the new year", d(1, 4, 2027), d(1, 11, 2027)),
    ("before the holidays", d(11, 27), d(12, 23)),
    ("after Thanksgiving", d(11, 30), d(12, 4)),
    ("by the end of the year", d(12, 15), d(12, 31)),
    ("early next year", d(1, 1, 2027), d(3, 31, 2027)),
    ("Q1", d(1, 1, 2027), d(3, 31, 2027)),
    ("end of Q1", d(3, 25, 2027), d(3, 31, 2027)),
]


@pytest.mark.parametrize(("phrase", "start", "end"), THURSDAY_TABLE)
def test_resolve_on_a_thursday(phrase: str, start: date, end: date) -> None:
    result = resolve(phrase, THU)
    assert result is not None
    assert (result.start, result.end) == (start, end)


def test_thursday_table_is_broad() -> None:
    assert len(THURSDAY_TABLE) >= 40
    assert len({phrase for phrase, _, _ in THURSDAY_TABLE}) == len(THURSDAY_TABLE)


@pytest.mark.parametrize(
    ("phrase", "received", "start", "end"),
    [
        # Friday: a weekday name never means today
        ("Friday", FRI, d(12, 4), d(12, 4)),
        ("this Friday", FRI, d(11, 27), d(11, 27)),
        ("next Friday", FRI, d(12, 4), d(12, 4)),
        ("end of the week", FRI, d(11, 27), d(11, 27)),
        ("later this week", FRI, d(11, 27), d(11, 27)),
        ("next week", FRI, d(11, 30), d(12, 4)),
        ("within 5 business days", FRI, d(11, 30), d(12, 4)),
        ("tomorrow", FRI, d(11, 28), d(11, 28)),
        # Saturday: "this week" is the working week about to start
        ("end of the week", SAT, d(12, 4), d(12, 4)),
        ("this week", SAT, d(11, 30), d(12, 4)),
        ("later this week", SAT, d(11, 30), d(12, 4)),
        ("next week", SAT, d(11, 30), d(12, 4)),
        ("end of next week", SAT, d(12, 3), d(12, 4)),
        ("Monday", SAT, d(11, 30), d(11, 30)),
        ("next Friday", SAT, d(12, 4), d(12, 4)),
        ("within 2 business days", SAT, d(11, 30), d(12, 1)),
        ("this weekend", SAT, d(11, 28), d(11, 29)),
        # Sunday
        ("next Monday", SUN, d(11, 30), d(11, 30)),
        ("early next week", SUN, d(11, 30), d(12, 1)),
        # late December: the year rolls over
        ("next week", LATE_DEC, d(1, 4, 2027), d(1, 8, 2027)),
        ("Friday", LATE_DEC, d(1, 1, 2027), d(1, 1, 2027)),
        ("end of next week", LATE_DEC, d(1, 7, 2027), d(1, 8, 2027)),
        ("within 5 business days", LATE_DEC, d(12, 29), d(1, 4, 2027)),
        ("in two weeks", LATE_DEC, d(1, 11, 2027), d(1, 11, 2027)),
        ("early January", LATE_DEC, d(1, 1, 2027), d(1, 10, 2027)),
        ("by January 5", LATE_DEC, d(1, 5, 2027), d(1, 5, 2027)),
        ("1/5", LATE_DEC, d(1, 5, 2027), d(1, 5, 2027)),
        ("on the 5th", LATE_DEC, d(1, 5, 2027), d(1, 5, 2027)),
        ("next month", LATE_DEC, d(1, 1, 2027), d(1, 31, 2027)),
        ("end of the month", LATE_DEC, d(12, 28), d(12, 31)),
        ("mid-December", LATE_DEC, d(12, 10, 2027), d(12, 20, 2027)),
        ("December 15", LATE_DEC, d(12, 15, 2027), d(12, 15, 2027)),
        ("after the holidays", LATE_DEC, d(1, 4, 2027), d(1, 11, 2027)),
        ("by the end of the year", LATE_DEC, d(12, 28), d(12, 31)),
        # mid-month: a range that has begun starts on the day received
        ("mid-December", d(12, 15), d(12, 15), d(12, 20)),
        ("after the holidays", d(1, 6, 2027), d(1, 6, 2027), d(1, 11, 2027)),
    ],
)
def test_resolve_on_other_days(phrase: str, received: date, start: date, end: date) -> None:
    result = resolve(phrase, received)
    assert result is not None
    assert (result.start, result.end) == (start, end)


@pytest.mark.parametrize(
    "phrase",
    [
        "within 5 business days",
        "5 working days",
        "3-5 business days",
        "next business day",
    ],
)
def test_business_day_phrases_are_flagged(phrase: str) -> None:
    result = resolve(phrase, THU)
    assert result is not None and result.business_days


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "soon",
        "ASAP",
        "shortly",
        "hello there",
        "2 candidates",
        "call me at 555-123-4567",
        "last Friday",
        "3 days ago",
        "twice a week",
        "May I ask a question?",
        "the 2nd round",
        "at the end of the day, it's about fit",
        "Happy Friday!",
        "thanks for meeting on Tuesday",
        "early this week",
    ],
)
def test_resolve_returns_none_when_no_time_is_stated(phrase: str) -> None:
    assert resolve(phrase, THU) is None


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (THU, 0, THU),
        (THU, 1, FRI),
        (THU, 2, d(11, 30)),
        (THU, 5, d(12, 3)),
        (THU, 10, d(12, 10)),
        (SAT, 1, d(11, 30)),
        (SUN, 5, d(12, 4)),
        (FRI, -1, d(11, 26)),
        (d(11, 30), -1, FRI),
        (SAT, -1, FRI),
        (LATE_DEC, 4, d(1, 1, 2027)),
    ],
)
def test_add_business_days(start: date, n: int, expected: date) -> None:
    assert add_business_days(start, n) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(-60, 60))
def test_add_business_days_matches_a_day_by_day_count(start: date, n: int) -> None:
    day, left, step = start, abs(n), 1 if n > 0 else -1
    while left:
        day += timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    assert add_business_days(start, n) == day


EMAIL = """Hi Sam,

Happy Thanksgiving! Thank you so much for coming in on Tuesday to meet the team, everyone
enjoyed the conversation.

We're wrapping up the last two interviews early next week, and the hiring manager expects to
make a decision by Friday, December 4. I'll reach out either way with next steps.

Best regards,
Jane Doe
Senior Recruiter | Acme Corp
Phone: (555) 123-4567 | Mobile +1 415 555 0199
123 Market Street, Suite 400, San Francisco, CA
Office closed Dec 24 - Jan 2

On Mon, Nov 2, 2026 at 10:03 AM Sam Lee <sam@example.com> wrote:
> Hi Jane, I'm available on November 10 or 11.
> Thanks, Sam
"""


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        (EMAIL, "by Friday, December 4", d(12, 4), d(12, 4)),
        (
            "Quick update: I spoke with Maria this morning and she said they'd decide by Friday.",
            "by Friday",
            d(11, 27),
            d(11, 27),
        ),
        (
            "Thanks for meeting on Tuesday, we'll get back to you by next Wednesday.",
            "by next Wednesday",
            d(12, 2),
            d(12, 2),
        ),
        (
            "Hello,\nThanks for your time today. Our team meets Monday to compare notes and we'll "
            "let you know within 5 business days.\nCheers,\nBob\nSent from my iPhone",
            "within 5 business days",
            d(11, 27),
            d(12, 3),
        ),
        (
            "We met last Friday and the panel was impressed. You'll hear from us in the next "
            "couple of weeks. Call 212-555-0100 with questions.",
            "in the next couple of weeks",
            d(12, 3),
            d(12, 10),
        ),
        (
            "Your final round is scheduled for Tuesday, December 1 at 2pm ET. We'll make our "
            "decision by mid-December.",
            "by mid-December",
            d(12, 10),
            d(12, 20),
        ),
        (
            "Great chatting yesterday! The team is heads-down on a launch until the 10th, so "
            "expect an update\nin a week or two. Have a good weekend.",
            "in a week or two",
            d(12, 3),
            d(12, 10),
        ),
        (
            "Hi! We're pausing the search over the holidays and will circle back after the "
            "holidays.",
            "after the holidays",
            d(1, 4, 2027),
            d(1, 11, 2027),
        ),
        (
            "Hi Sam,\r\n\r\nWe expect feedback from the panel EOD Thursday.\r\n\r\nThanks,\r\nAl",
            "EOD Thursday",
            d(12, 3),
            d(12, 3),
        ),
    ],
)
def test_find_deadline_in_realistic_messages(
    text: str, phrase: str, start: date, end: date
) -> None:
    found = find_deadline(text, THU)
    assert found is not None
    assert (found.phrase, found.start, found.end) == (phrase, start, end)
    assert found.phrase in text and found.rule


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hi Sam, thanks again for your interest. We enjoyed learning about your background.",
        "Thanks for meeting on Tuesday! The team really liked you.",
        "We have 2 candidates left; call me at 555-123-4567 or email jane@acme.com.",
        "Best,\nJane\n555-867-5309\n\nOn Tue, Nov 24, 2026 at 9:00 AM Sam wrote:\n> See you 12/3",
        "> We will decide by Friday.\n> Regards",
        "I'm available 24/7, and 1/2 of the team is remote.",
        "At the end of the day, what matters is fit. May I ask what you're looking for?",
    ],
)
def test_find_deadline_returns_none_without_a_future_time(text: str) -> None:
    assert find_deadline(text, THU) is None
    assert find_deadlines(text, THU) == []


def test_find_deadlines_lists_all_in_order_outside_quotes_and_signature() -> None:
    found = find_deadlines(EMAIL, THU)
    assert [x.phrase for x in found] == ["early next week", "by Friday, December 4"]
    assert [x.start for x in found] == [d(11, 30), d(12, 4)]
    positions = [EMAIL.index(x.phrase) for x in found]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "Thanks for meeting on Tuesday, we'll get back to you by next Wednesday.",
            ["by next Wednesday"],
        ),
        ("Thank you for coming in today. I'll reach out tomorrow.", ["tomorrow"]),
        ("We met on Tuesday and the panel will decide by Friday.", ["by Friday"]),
        ("The team I spoke with will decide by Friday.", ["by Friday"]),
        ("Great to meet you on Tuesday! More soon.", []),
        ("I really enjoyed our conversation on Monday.", []),
        ("Tuesday was great. Two weeks ago we had 40 applicants.", []),
        ("Good news: we will call you on Monday.", ["on Monday"]),
        ("Thanks for your patience as we decide by Friday.", ["by Friday"]),
        ("Just following up on my note from 11/20: any questions before 12/1?", ["before 12/1"]),
        ("As discussed in our call on Nov. 20, expect an offer by December 4.", ["by December 4"]),
    ],
)
def test_past_references_are_not_deadlines(text: str, phrases: list[str]) -> None:
    assert [x.phrase for x in find_deadlines(text, THU)] == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Hi Sam,\n\nThanks!\n\nWe will decide by Friday.\n", ["by Friday"]),
        ("We will decide by Friday.\nThanks, Sam\nOut of office Dec 15", ["by Friday"]),
        ("Decide Monday.\nBest,\n\nJane Doe | Recruiter\nOut Dec 3", ["Monday"]),
        ("Decision by Monday.\n-- \nJane\nCareer fair on December 10!", ["by Monday"]),
        ("Our office: 500 5th Ave, Suite 200, New York. See you on the 3rd!", ["on the 3rd"]),
        ("Call (555) 123-4567 or +44 20 7946 0958 by Friday.", ["by Friday"]),
    ],
)
def test_signatures_and_contact_details_are_skipped(text: str, phrases: list[str]) -> None:
    assert [x.phrase for x in find_deadlines(text, THU)] == phrases


def test_phrase_spans_a_hard_line_break_verbatim() -> None:
    text = "We should have a decision by\nFriday, December 4 at the latest."
    found = find_deadline(text, THU)
    assert found is not None
    assert found.phrase == "by\nFriday, December 4 at the latest"
    assert found.start == d(12, 4)


def test_huge_text_is_capped_and_still_fast() -> None:
    text = "We'll decide by Friday. " + "filler words and numbers 12 34 " * 20_000
    found = find_deadline(text, THU)
    assert found is not None and found.phrase == "by Friday"
    late = "filler " * (dates.MAX_SCAN_CHARS // 7 + 10) + "We'll decide by Friday."
    assert find_deadline(late, THU) is None


def test_dateparser_failure_never_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser
    import dateparser.search

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("dateparser broke")

    monkeypatch.setattr(dateparser, "parse", boom)
    monkeypatch.setattr(dateparser.search, "search_dates", boom)
    assert resolve("15.12.2026", THU) is None
    assert find_deadlines("Decision expected on 15.12.2026, give or take.", THU) == []
    assert resolve("by Friday", THU) == DateRange(start=FRI, end=FRI)


PHRASES = [phrase for phrase, _, _ in THURSDAY_TABLE]
FILLER = ["Hi Sam,", "thanks", "we'll decide", "\n", "> quoted", "555-123-4567", ".", ", "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=200),
    received=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_never_raises_on_arbitrary_text(text: str, received: date) -> None:
    result = resolve(text, received)
    assert result is None or result.start <= result.end
    found = find_deadline(text, received)
    assert found is None or (found.start <= found.end and found.phrase in text)
    for item in find_deadlines(text, received):
        assert item.start <= item.end
        assert item.phrase and item.phrase in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.sampled_from(PHRASES + FILLER) | st.text(max_size=12), max_size=12),
    separators=st.lists(st.sampled_from([" ", "\n", " or ", "-", ", ", " by ", ""]), max_size=12),
    received=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_phrases_are_verbatim_substrings_in_mixed_text(
    parts: list[str], separators: list[str], received: date
) -> None:
    text = "".join(p + (separators[i] if i < len(separators) else " ") for i, p in enumerate(parts))
    found = find_deadlines(text, received)
    for item in found:
        assert item.start <= item.end
        assert item.phrase.strip() == item.phrase and item.phrase in text
    best = find_deadline(text, received)
    assert (best is None) == (not found)
    if best is not None:
        assert best in found
    for phrase in parts:
        result = resolve(phrase, received)
        assert result is None or result.start <= result.end


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We'll get back to you within the next fortnight.", date(2026, 11, 27),
         date(2026, 12, 10)),
        ("You'll hear within a fortnight.", date(2026, 11, 27), date(2026, 12, 10)),
        ("We'll decide in a fortnight's time.", date(2026, 12, 10), date(2026, 12, 10)),
        ("will let u know by thurs", date(2026, 12, 3), date(2026, 12, 3)),
        ("Decision by weds at the latest.", date(2026, 12, 2), date(2026, 12, 2)),
    ],
)
def test_british_and_casual_spellings(text: str, start: date, end: date) -> None:
    found = find_deadline(text, date(2026, 11, 26))
    assert found is not None and (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text", ["A fortnight ago we met.", "We wed in the spring of 2020.",
                                  "I was fried after the flight."])
def test_words_that_only_look_like_dates(text: str) -> None:
    found = find_deadline(text, date(2026, 11, 26))
    assert found is None or "fortnight" not in found.phrase and "wed" not in found.phrase.lower()
