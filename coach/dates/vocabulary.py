"""The English words and regex fragments the date rules are written in."""

from __future__ import annotations

import re
from datetime import date

from coach.dates.days import _last_day, _next_month_day

_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH_INDEX = {
    name: i
    for i, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}

# Abbreviations, "March" and "May" must be capitalised: "may", "mar", "sun", "sat" are words too.
_WD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
    # Lower-case abbreviations only where they are no English word ("wed", "sat" are).
    r"|(?:tues|weds|thurs?|fri)\.?)(?!\w)"
)
_MONTH = (
    r"(?:(?:january|february|(?-i:March)|april|(?-i:May)|june|july|august|september|october"
    r"|november|december)|(?:jan|feb|(?-i:Mar)|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?!\w)"
)
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?!:\d)"
_YEAR = r"(?:20\d\d|'\d\d)(?!\d)"
_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
_ORDINAL_VALUE = {word: i for i, word in enumerate(_ORDINAL_WORDS, 1)}
_ORDINAL_VALUE.update({f"twenty{word}": 20 + i for i, word in enumerate(_ORDINAL_WORDS[:9], 1)})
_ORDINAL_VALUE.update({"thirtieth": 30, "thirtyfirst": 31})
_DAYWORD = (
    r"(?:(?:twenty[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth|thirty[\s-]?first)(?!\w)"
)
_MD = rf"{_MONTH}\s*(?:the\s+)?(?:{_DAYNUM}|{_DAYWORD})(?:,?\s*{_YEAR})?"
_DM = rf"(?:{_DAYNUM}\s+(?:of\s+)?|{_DAYWORD}\s+of\s+){_MONTH}(?:,?\s*{_YEAR})?"
_NUMERIC = r"(?<![\w/.:$])\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?(?![\w/])(?![.,]\d)"
_ISO = r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w-])"
_DATE = rf"(?:{_MD}|{_DM}|{_NUMERIC}|{_ISO})"

_MD_RE = re.compile(
    rf"(?P<month>{_MONTH})\s*(?:the\s+)?(?P<day>\d{{1,2}}|{_DAYWORD})(?:st|nd|rd|th)?"
    rf"(?:,?\s*(?P<year>{_YEAR}))?",
    re.I,
)
_DM_RE = re.compile(
    rf"(?P<day>\d{{1,2}}|{_DAYWORD})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
    rf"(?:,?\s*(?P<year>{_YEAR}))?",
    re.I,
)
_NUMERIC_RE = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?")
_ISO_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")

_TZ = r"(?-i:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|GMT|UTC|BST|CET)"
_TIME = (
    r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]m|[ap]\.m\.)|(?:[01]?\d|2[0-3]):[0-5]\d"
    rf"|noon|midday|midnight)(?:\s+{_TZ})?"
)
_EOD = (
    r"(?:EOD|COB|EOB|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:business|play)"
    r"|end\s+of\s+business)"
)
_PRE = rf"(?:(?:{_EOD}|first\s+thing|(?:by|at|before|around|until)\s+{_TIME})(?:\s+on)?,?\s+)?"
_POST = (
    rf"(?:,?\s+(?:(?:in\s+the\s+)?(?:morning|afternoon|evening)|night|{_EOD}"
    rf"|(?:by|at|before|around|until)\s+(?:the\s+)?{_EOD}|(?:by|at|before|around|until|from)\s+{_TIME}"
    rf"|{_TIME}|at\s+the\s+(?:latest|earliest)))?"
)
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle\s+of|beginning\s+of"
    r"|start\s+of|end\s+of|first\s+half\s+of|second\s+half\s+of|back\s+half\s+of"
    r"|latter\s+half\s+of)(?:\s+part\s+of)?)"
)
_LEAD = (
    r"(?P<lead>(?:by|on|before|until|till|til|through|thru|around|at|towards?|sometime|some\s+time"
    r"|no\s+later\s+than|not\s+later\s+than|latest\s+by|as\s+of|for|from|starting(?:\s+on)?"
    r"|during|over|in|within)\s+)?"
)
_START = r"(?<![\w'’/])"
_END = r"(?!\w)(?!['’]\w)"

_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fortyeight": 48, "seventytwo": 72,
}  # fmt: skip
_NUM = (
    r"(?:\d{1,3}|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|few|several|an?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty"
    r"|forty[\s-]?eight|seventy[\s-]?two)"
)
# (low, high) counts of a unit for the vague quantities.
_VAGUE = {
    "couple": {"day": (1, 2), "week": (1, 2), "month": (1, 2), "hour": (2, 2)},
    "few": {"day": (1, 3), "week": (2, 3), "month": (2, 3), "hour": (3, 3)},
    "several": {"day": (2, 5), "week": (2, 4), "month": (2, 4), "hour": (5, 5)},
}


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("-", " ").split())


def _weekday(token: str) -> int:
    return _WEEKDAY_INDEX[token.lower()[:3]]


def _month(token: str) -> int:
    return _MONTH_INDEX[token.lower()[:3]]


def _year(token: str) -> int:
    token = token.lstrip("'")
    return int(token) + 2000 if len(token) == 2 else int(token)


def _parse_date(text: str, received: date, weekday: int | None = None
                ) -> tuple[date, bool, bool] | None:
    """An explicit date -> (day, stated a year, was a bare numeric month/day). A weekday
    stated with a numeric date settles its order: "Friday 4/12" is 4 December if that is a
    Friday and 12 April is not."""
    text = text.strip()
    month: int
    day: int
    year: int | None = None
    numeric = False
    if m := _ISO_RE.fullmatch(text):
        year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    elif m := _NUMERIC_RE.fullmatch(text):
        a, b = int(m["a"]), int(m["b"])
        # US month/day first; fall back to day/month only when the first number cannot be a month.
        if 1 <= a <= 12:
            month, day = a, b
        elif 1 <= b <= 12:
            month, day = b, a
        else:
            return None
        year = _year(m["year"]) if m["year"] else None
        numeric = year is None
        if weekday is not None and 1 <= b <= 12 and a != b:
            orders = [(a, b), (b, a)] if 1 <= a <= 12 else [(b, a)]
            for mo, dy in orders:
                found = _dated(received, mo, dy, year)
                if found is not None and found.weekday() == weekday:
                    month, day = mo, dy
                    break
    elif (m := _MD_RE.fullmatch(text)) or (m := _DM_RE.fullmatch(text)):
        month = _month(m["month"])
        token = re.sub(r"[\s-]", "", m["day"].lower())
        day = int(token) if token.isdigit() else _ORDINAL_VALUE[token]
        year = _year(m["year"]) if m["year"] else None
    else:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    found = _dated(received, month, day, year)
    if found is None:
        return None
    return found, year is not None, numeric


def _dated(received: date, month: int, day: int, year: int | None) -> date | None:
    """The day month/day[/year] names: in `year`, or the next one on or after `received`."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        return _next_month_day(received, month, day)
    if day > _last_day(year, month):
        return None
    return date(year, month, day)


# --------------------------------------------------------------------------- rules

Span = tuple[date, date, bool]
