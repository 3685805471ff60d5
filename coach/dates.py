"""Turn the deadline phrases in a recruiter's message into calendar dates."""

from __future__ import annotations

import bisect
import calendar
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel

__all__ = [
    "MAX_SCAN_CHARS",
    "DateRange",
    "Deadline",
    "add_business_days",
    "find_deadline",
    "find_deadlines",
    "resolve",
]

MAX_SCAN_CHARS = 20_000
# dateparser's search is slow and quadratic-ish on long input, so it only ever sees short windows.
_DATEPARSER_MAX_CHARS = 300
_DATEPARSER_MAX_WINDOWS = 4


class DateRange(BaseModel):
    """An inclusive span of calendar days; start == end for a single day."""

    start: date
    end: date
    business_days: bool = False


class Deadline(BaseModel):
    """A time phrase found in a message: its verbatim text and the days it stands for."""

    phrase: str
    start: date
    end: date
    business_days: bool = False


# --------------------------------------------------------------------------- calendar arithmetic


def add_business_days(d: date, n: int) -> date:
    """Move n Monday-to-Friday days forward (negative n: backward); n == 0 returns d itself."""
    if n == 0:
        return d
    step = 1 if n > 0 else -1
    # From a weekend day, counting starts as if from the adjacent Friday (forward) or Monday.
    if d.weekday() >= 5:
        d = d - timedelta(days=d.weekday() - 4) if step > 0 else d + timedelta(days=7 - d.weekday())
    weeks, rest = divmod(abs(n), 5)
    d = d + timedelta(days=7 * weeks * step)
    while rest:
        d = d + timedelta(days=step)
        if d.weekday() < 5:
            rest -= 1
    return d


def _plus(d: date, days: int) -> date:
    return d + timedelta(days=days)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(d: date, n: int) -> date:
    year, month0 = divmod(d.month - 1 + n, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, _last_day(year, month0 + 1)))


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _this_week_monday(received: date) -> date:
    # Said on a weekend, "this week" means the working week that is about to start.
    return _plus(_monday(received), 7 if received.weekday() >= 5 else 0)


def _next_week_monday(received: date) -> date:
    return _plus(_monday(received), 7)


def _first_business_day_of_january(year: int) -> date:
    # January 1st is a public holiday nearly everywhere, so counting starts on the 2nd.
    d = date(year, 1, 2)
    while d.weekday() >= 5:
        d = _plus(d, 1)
    return d


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)


def _recently_past(d: date, received: date) -> bool:
    """True when d, a next occurrence, fell within the 90 days before received a year earlier."""
    if d.year == received.year:
        return False
    try:
        last_time = d.replace(year=d.year - 1)
    except ValueError:
        return False
    return 0 < (received - last_time).days <= 90


def _next_month_day(received: date, month: int, day: int) -> date | None:
    """The next month/day on or after received (Feb 29 waits for a leap year)."""
    for year in range(received.year, received.year + 9):
        if day <= _last_day(year, month):
            d = date(year, month, day)
            if d >= received:
                return d
    return None


# --------------------------------------------------------------------------- regex vocabulary

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


def _parse_date(text: str, received: date) -> tuple[date, bool, bool] | None:
    """An explicit date -> (day, stated a year, was a bare numeric month/day)."""
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
    elif (m := _MD_RE.fullmatch(text)) or (m := _DM_RE.fullmatch(text)):
        month = _month(m["month"])
        token = re.sub(r"[\s-]", "", m["day"].lower())
        day = int(token) if token.isdigit() else _ORDINAL_VALUE[token]
        year = _year(m["year"]) if m["year"] else None
    else:
        return None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        found = _next_month_day(received, month, day)
        return (found, False, numeric) if found else None
    if day > _last_day(year, month):
        return None
    return date(year, month, day), True, False


# --------------------------------------------------------------------------- rules

Span = tuple[date, date, bool]


@dataclass(frozen=True)
class _Ctx:
    received: date
    whole: bool  # interpreting one phrase the caller chose, not scanning free text
    text: str = ""

    def covers(self, m: re.Match[str]) -> bool:
        """True when m is the whole phrase the caller asked about, give or take spaces."""
        return (
            self.whole and not self.text[: m.start()].strip() and not self.text[m.end() :].strip()
        )


Handler = Callable[[re.Match[str], _Ctx], Span | None]


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    handler: Handler
    kind: str  # "day" can merge with a neighbour ("Monday or Tuesday"), "weekday" too


_RULES: list[_Rule] = []


def _rule(body: str, kind: str = "period", *, lead: bool = True) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        pattern = _START + (_LEAD if lead else "") + "(?:" + body + ")" + _END
        _RULES.append(_Rule(re.compile(pattern, re.I), handler, kind))
        return handler

    return register


def _lead(m: re.Match[str]) -> str:
    return _norm(m.groupdict().get("lead"))


def _day(d: date) -> Span:
    return d, d, False


def _mod_kind(mod: str | None) -> str:
    mod = _norm(mod).removeprefix("the ").removeprefix("very ").removesuffix(" part of")
    if mod in ("early", "earlier", "beginning of", "start of"):
        return "early"
    if mod in ("mid", "middle of"):
        return "mid"
    if mod in ("late", "second half of", "back half of", "latter half of"):
        return "late"
    if mod == "first half of":
        return "first_half"
    return {"later": "later", "end of": "end"}.get(mod, "")


def _month_part(year: int, month: int, kind: str, received: date) -> tuple[date, date]:
    last = _last_day(year, month)
    lo, hi = {
        "early": (1, 10),
        "mid": (10, 20),
        "late": (21, last),
        "later": (1, last),
        "end": (last - 3, last),
        "first_half": (1, 15),
    }.get(kind, (1, last))
    start, end = date(year, month, lo), date(year, month, hi)
    if kind == "later":
        start = max(start, _plus(received, 1))
    return start, end


@_rule(r"(?:the\s+)?(?:next|following)\s+(?:business|working)\s+day", "day")
def _next_business_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    d = add_business_days(ctx.received, 1)
    return d, d, True


@_rule(r"(?:(?:within|in|over|during)\s+(?:the\s+(?:next|coming)\s+|a\s+|the\s+)?|"
       r"(?:the\s+)?(?:next|coming)\s+)fortnight(?:['’]?s?\s+time)?", lead=False)
def _fortnight(m: re.Match[str], ctx: _Ctx) -> Span | None:
    """British "within a fortnight", "in the next fortnight": the coming two weeks; "in a
    fortnight('s time)" is two weeks on, as "in two weeks" is."""
    if re.match(r"in\s+a\s+fortnight", m.group(0), re.I):
        return _plus(ctx.received, 14), _plus(ctx.received, 14), False
    return _plus(ctx.received, 1), _plus(ctx.received, 14), False


def _count(token: str, unit: str) -> tuple[int, int, bool] | None:
    token = _norm(token).removeprefix("a ").removesuffix(" of")
    if token in _VAGUE:
        lo, hi = _VAGUE[token][unit]
        return lo, hi, True
    if token.isdigit():
        return int(token), int(token), False
    value = _WORD_NUMBERS.get(token.replace(" ", "")) or _WORD_NUMBERS.get(token)
    if value is None:
        return None
    return value, value, False


@_rule(
    r"(?:(?P<pre>within(?:\s+the\s+next|\s+the\s+coming)?|inside\s+of|in\s+the\s+next"
    r"|in\s+the\s+coming|over\s+the\s+next|over\s+the\s+coming|during\s+the\s+next|the\s+next|next"
    rf"|in)\s+)?(?P<n>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_NUM}))?[\s-]+(?:more\s+)?"
    r"(?:(?P<bd>business|working|work)[\s-]+)?(?P<unit>days?|weeks?|months?|hours?|hrs?)"
    r"(?P<post>\s+or\s+(?:two|2|three|3|so)|\s+from\s+(?:now|today)|['’]?\s+time|\s+out)?"
    r"(?!\s+(?:ago|before|prior|earlier|back|a|an|per|each|every)\b)"
    # "of" is allowed only where it points at the interview ("within 5 days of your interview").
    r"(?![\s'’]*(?:of\b(?!\s+(?:today|your|the|their|this|our|receipt|receiving)\b)|notice"
    r"|experience|old|long|contract|probation|paid|pto|leave|off\b))",
    lead=False,
)
def _duration(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    unit = _norm(m["unit"]).rstrip("s")
    unit = "hour" if unit in ("hr", "hour") else unit
    pre, post = _norm(m["pre"]), _norm(m["post"])
    first = _count(m["n"], unit)
    if first is None:
        return None
    lo, hi, vague = first
    if m["n2"]:
        second = _count(m["n2"], unit)
        if second is None:
            return None
        lo, hi = min(lo, second[0]), max(hi, second[1])
    if post.startswith("or "):
        extra = post.removeprefix("or ")
        hi = lo + 1 if extra == "so" else max(hi, _WORD_NUMBERS.get(extra) or int(extra))
    if not pre and not post and _norm(m["n"]) in ("a", "an", "one") and not ctx.covers(m):
        return None  # "twice a week", "one day I'd like to ..." state no deadline
    if hi < 1 or hi > 999:
        return None
    within = pre.startswith(("within", "inside"))
    rolling = within or (pre not in ("", "in") and lo == hi and not vague)
    if unit == "hour":
        return r, _plus(r, math.ceil(hi / 24)), False
    if m["bd"] and unit == "day":
        first_day = 1 if (rolling or lo == hi) else lo
        return add_business_days(r, first_day), add_business_days(r, hi), True
    if unit == "month":
        start = _plus(r, 1) if rolling else _add_months(r, lo)
        return start, _add_months(r, hi), False
    days = 7 if unit == "week" else 1
    start = _plus(r, 1) if rolling else _plus(r, lo * days)
    return start, _plus(r, hi * days), False


@_rule(
    rf"{_PRE}(?:(?P<q>this\s+coming|the\s+coming|coming|this|next|the\s+following|following)\s+)?"
    rf"(?P<wd>{_WD})(?P<nw>\s+(?:of\s+)?next\s+week|\s+(?:of\s+)?this\s+week|\s+after\s+next)?{_POST}",
    "weekday",
)
def _weekday_rule(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    wd, q, nw = _weekday(m["wd"]), _norm(m["q"]), _norm(m["nw"])
    if nw.endswith("after next"):
        d = _plus(_next_week_monday(r), 7 + wd)
    elif nw.endswith("next week") or q in ("next", "following", "the following"):
        d = _plus(_next_week_monday(r), wd)
    elif nw.endswith("this week"):
        d = _plus(_this_week_monday(r), wd)
        if d < r:
            return None
    elif q:
        d = _plus(r, (wd - r.weekday()) % 7)
    else:
        d = _plus(r, (wd - r.weekday()) % 7 or 7)
    return _day(d)


@_rule(rf"next\s+week(?:\s+on|,)?\s+(?P<wd>{_WD}){_POST}", "weekday")
def _next_week_weekday(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return _day(_plus(_next_week_monday(ctx.received), _weekday(m["wd"])))


@_rule(
    r"(?P<n>a|one|1|two|2|three|3)\s+weeks?\s+from\s+(?:(?P<q>this|next)\s+)?"
    rf"(?P<ref>tomorrow|{_WD})",
    "day",
)
def _weeks_from(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    n = _count(m["n"], "week")
    if n is None:
        return None
    if _norm(m["ref"]) == "tomorrow":
        base = _plus(r, 1)
    else:
        wd = _weekday(m["ref"])
        if _norm(m["q"]) == "next":
            base = _plus(_next_week_monday(r), wd)
        else:
            base = _plus(r, (wd - r.weekday()) % 7 or 7)
    return _day(_plus(base, 7 * n[0]))


@_rule(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<date>{_DATE}){_POST}", "day")
def _explicit_date(m: re.Match[str], ctx: _Ctx) -> Span | None:
    parsed = _parse_date(m["date"], ctx.received)
    if parsed is None:
        return None
    d, has_year, bare_numeric = parsed
    # "24/7" or "1/2" in running text is rarely a date; "by 12/15" or "Tue 12/15" is.
    if bare_numeric and not (_lead(m) or m["wd"] or ctx.covers(m)):
        return None
    if not ctx.whole and not has_year and _recently_past(d, ctx.received):
        return None  # "my note from 11/20" recalls a day gone by, not one eleven months away
    return _day(d)


@_rule(
    rf"(?:between\s+)?(?P<a>{_DATE})\s*(?:-|–|—|to|through|thru|until|till|or|and)\s*"
    rf"(?P<b>{_DATE}|{_DAYNUM})",
    "day",
)
def _date_range(m: re.Match[str], ctx: _Ctx) -> Span | None:
    first = _parse_date(m["a"], ctx.received)
    if first is None:
        return None
    a = first[0]
    b_text = m["b"].strip()
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", b_text, re.I):
        day = int(re.sub(r"\D", "", b_text))
        if day > _last_day(a.year, a.month) or day < a.day:
            return None
        b = date(a.year, a.month, day)
    else:
        second = _parse_date(b_text, a)
        if second is None:
            return None
        b = second[0]
    if b < a or (b - a).days > 62:
        return None
    return a, b, False


@_rule(
    rf"(?P<a>{_DAYNUM})\s*(?:-|–|—|to|or)\s*(?P<b>{_DAYNUM})\s+(?:of\s+)?(?P<month>{_MONTH})"
    rf"(?:,?\s*(?P<year>{_YEAR}))?",
    "day",
)
def _day_range_month(m: re.Match[str], ctx: _Ctx) -> Span | None:
    day_a = re.sub(r"\D", "", m["a"])
    first = _parse_date(f"{m['month']} {day_a} {m['year'] or ''}", ctx.received)
    if first is None:
        return None
    a = first[0]
    day = int(re.sub(r"\D", "", m["b"]))
    if day < a.day or day > _last_day(a.year, a.month):
        return None
    return a, date(a.year, a.month, day), False


@_rule(rf"(?:the\s+)?week\s+of\s+(?:the\s+)?(?P<date>{_DATE})")
def _week_of(m: re.Match[str], ctx: _Ctx) -> Span | None:
    parsed = _parse_date(m["date"], ctx.received)
    if parsed is None:
        return None
    monday = _monday(parsed[0])
    return monday, _plus(monday, 4), False


@_rule(
    rf"(?:(?P<wd>{_WD}),?\s+)?the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
    r"(?:\s+of\s+(?P<rel>this|next)\s+month)?"
    r"(?!\s+(?:rounds?|interviews?|stages?|steps?|time|place|calls?|candidates?|floor|person"
    r"|one|version|draft|years?|grade|option|choice|attempt|meetings?|conversation|position"
    r"|panel|reference|day|week|month|quarter|of)\b)"
    rf"{_POST}",
    "day",
)
def _ordinal_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    day = int(m["day"])
    rel = _norm(m["rel"])
    first = date(r.year, r.month, 1)
    if rel:
        month = _add_months(first, 1 if rel == "next" else 0)
        if day > _last_day(month.year, month.month):
            return None
        return _day(date(month.year, month.month, day))
    for ahead in range(3):
        month = _add_months(first, ahead)
        if day <= _last_day(month.year, month.month):
            d = date(month.year, month.month, day)
            if d >= r:
                return _day(d)
    return None


@_rule(
    rf"{_PRE}(?P<rel>today|tonight|tomorrow|tmrw|(?:the\s+)?day\s+after\s+tomorrow|later\s+today"
    rf"|end\s+of\s+today|this\s+(?:morning|afternoon|evening)|this\s+time\s+next\s+week){_POST}",
    "day",
)
def _relative_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    rel = _norm(m["rel"])
    if "after" in rel:
        return _day(_plus(ctx.received, 2))
    if rel.startswith("tom") or rel == "tmrw":
        return _day(_plus(ctx.received, 1))
    if rel.endswith("next week"):
        return _day(_plus(ctx.received, 7))
    return _day(ctx.received)


# "At the end of the day" is an idiom, not a deadline.
@_rule(rf"(?<!\bat\s)(?<!\bat\sthe\s)(?:the\s+)?{_EOD}(?:\s+today)?", "day")
def _end_of_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    if _lead(m) == "at":
        return None
    return _day(ctx.received)


@_rule(r"(?:the\s+)?week\s+after\s+next")
def _week_after_next(m: re.Match[str], ctx: _Ctx) -> Span | None:
    monday = _plus(_next_week_monday(ctx.received), 7)
    return monday, _plus(monday, 4), False


@_rule(r"next\s+week\s+or\s+(?:the\s+)?(?:week\s+)?(?:after|following)(?:\s+that)?")
def _next_week_or_after(m: re.Match[str], ctx: _Ctx) -> Span | None:
    monday = _next_week_monday(ctx.received)
    return monday, _plus(monday, 11), False


_WEEK_OFFSETS = {"early": (0, 1), "mid": (2, 2), "late": (3, 4), "later": (3, 4), "end": (3, 4)}


@_rule(rf"(?:{_MOD}[\s-]+(?:in\s+)?)?(?P<the>the\s+)?(?P<which>next|following)\s+week")
def _next_week(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    kind = _mod_kind(m["mod"])
    if not kind and m["the"] and _norm(m["which"]) == "next":
        return _plus(r, 1), _plus(r, 7), False  # "within the next week": a rolling seven days
    monday = _next_week_monday(r)
    lo, hi = _WEEK_OFFSETS.get(kind, (0, 4))
    return _plus(monday, lo), _plus(monday, hi), False


@_rule(r"(?:this|the)\s+coming\s+week")
def _coming_week(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return _plus(ctx.received, 1), _plus(ctx.received, 7), False


@_rule(rf"(?:{_MOD}[\s-]+(?:in\s+)?)?(?:this|the\s+current)\s+week")
def _this_week(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    monday = _this_week_monday(r)
    friday = _plus(monday, 4)
    kind = _mod_kind(m["mod"])
    if kind == "end":
        return _day(friday)
    if kind == "later":
        return min(max(_plus(r, 1), monday), friday), friday, False
    lo, hi = _WEEK_OFFSETS.get(kind, (0, 4))
    start, end = _plus(monday, lo), _plus(monday, hi)
    if end < r:
        return None
    return max(start, r), end, False


@_rule(
    r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:work\s*|working\s+|business\s+)?week|EOW"
    r"|(?P<pre>by|before)\s+the\s+weekend"
)
def _end_of_week(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return _day(_plus(_this_week_monday(ctx.received), 4))


@_rule(r"(?:the\s+)?(?:middle\s+of\s+the\s+week|mid[\s-]?week)")
def _midweek(m: re.Match[str], ctx: _Ctx) -> Span | None:
    wednesday = _plus(_this_week_monday(ctx.received), 2)
    return _day(wednesday if wednesday >= ctx.received else _plus(wednesday, 7))


@_rule(
    r"(?P<pre>this|next|over\s+the|the\s+coming|this\s+coming|during\s+the)\s+weekend", lead=False
)
def _weekend(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    if _norm(m["pre"]) == "next":
        saturday = _plus(_next_week_monday(r), 5)
        return saturday, _plus(saturday, 1), False
    saturday = _plus(_monday(r), 5)
    return max(saturday, r), _plus(saturday, 1), False


@_rule(
    rf"(?:{_MOD}[\s-]+(?:in\s+)?)?(?:(?:(?P<which>this|next|the\s+following|the\s+coming"
    r"|the\s+current|the)\s+)?month|(?P<eom>month[\s-]end|EOM))"
)
def _relative_month(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    kind = _mod_kind(m["mod"])
    which = _norm(m["which"])
    if m["eom"]:
        kind = "end"
    elif which in ("the", "") and not kind:
        return None  # "for the month" is no point in time
    first = date(r.year, r.month, 1)
    if which in ("next", "the following", "the coming"):
        first = _add_months(first, 1)
    start, end = _month_part(first.year, first.month, kind, r)
    if end < r:
        return None
    return max(start, r), end, False


@_rule(
    rf"(?:{_MOD}[\s-]+(?:in\s+)?|(?P<wk>(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth"
    r"|4th|last|final)\s+(?:full\s+)?week\s+(?:of|in)\s+))?"
    rf"(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?P<year>20\d\d)(?!\d))?(?![.\s]*(?:the\s+)?\d)"
)
def _named_month(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    lead, kind = _lead(m), _mod_kind(m["mod"])
    if not (lead or kind or m["wk"] or m["year"] or ctx.covers(m)):
        return None  # a bare month name in running text is too weak a signal
    if lead in ("by", "until", "till", "til", "no later than", "not later than") and not kind:
        kind = "early"
    month = _month(m["month"])
    if kind == "later" and month != r.month:
        kind = "late"  # "later in January" said in November: the back part of January
    nth = _norm(m["nth"])

    def span(year: int) -> tuple[date, date]:
        last = _last_day(year, month)
        if nth:
            index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}.get(nth)
            if index is None and nth in ("fourth", "4th"):
                index = 3
            lo = last - 6 if index is None else 1 + 7 * index
            return date(year, month, lo), date(year, month, min(lo + 6, last))
        if lead == "before" and not kind:
            return _plus(r, 1), _plus(date(year, month, 1), -1)
        return _month_part(year, month, kind, r)

    if m["year"]:
        start, end = span(int(m["year"]))
    else:
        start, end = span(r.year)
        if end < r:
            start, end = span(r.year + 1)
    if start > end:
        return None
    if end >= r:
        start = max(start, r)
    return start, end, False


@_rule(r"(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?:calendar\s+)?year|year[\s-]end|EOY)")
def _end_of_year(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    return max(date(r.year, 12, 15), r), date(r.year, 12, 31), False


@_rule(rf"(?:{_MOD}[\s-]+(?:in\s+)?)?next\s+year")
def _next_year(m: re.Match[str], ctx: _Ctx) -> Span | None:
    year = ctx.received.year + 1
    kind = _mod_kind(m["mod"])
    months = {"early": (1, 3), "mid": (5, 8), "late": (10, 12), "end": (12, 12)}.get(kind, (1, 12))
    if _norm(m["mod"]).removeprefix("the ") in ("beginning of", "start of"):
        months = (1, 1)
    return date(year, months[0], 1), date(year, months[1], _last_day(year, months[1])), False


def _after_holidays(received: date) -> Span:
    year = received.year if (received.month == 1 and received.day <= 14) else received.year + 1
    start = _first_business_day_of_january(year)
    end = _plus(start, 7)
    return max(start, received), max(end, received), False


@_rule(
    r"(?:after|following|post)[\s-]+(?:the\s+)?(?:holidays|holiday(?:\s+(?:season|break|period))?"
    r"|christmas(?:\s+break)?|xmas|new\s+year(?:['’]?s)?(?:\s+day)?|(?:winter|year[\s-]end"
    r"|end[\s-]of[\s-]year)\s+break|break)"
    r"|(?:in|early\s+in|at\s+the\s+(?:start|beginning)\s+of)\s+the\s+new\s+year"
    r"|(?:back|return(?:ing)?)\s+from\s+the\s+(?:holidays|holiday\s+break)",
    lead=False,
)
def _after_holidays_rule(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return _after_holidays(ctx.received)


@_rule(
    r"(?:before|ahead\s+of|prior\s+to)\s+(?:the\s+)?(?:holidays|holiday(?:\s+(?:season|break))?"
    r"|christmas|xmas|(?:winter|year[\s-]end)\s+break|break)",
    lead=False,
)
def _before_holidays(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    cutoff = date(r.year, 12, 23)
    if cutoff <= r:
        return None  # the holidays have begun; no future day is stated
    return _plus(r, 1), cutoff, False


@_rule(
    r"(?P<when>after|following|before|ahead\s+of|prior\s+to)\s+(?:the\s+)?thanksgiving"
    r"(?:\s+(?:break|weekend|holiday))?",
    lead=False,
)
def _thanksgiving_rule(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    after = _norm(m["when"]) in ("after", "following")
    for year in (r.year, r.year + 1):
        day = _thanksgiving(year)
        if after:
            monday = _plus(day, 4)
            if _plus(monday, 4) >= r:
                return max(monday, r), _plus(monday, 4), False
        elif _plus(day, -1) > r:
            return _plus(r, 1), _plus(day, -1), False
    return None


@_rule(
    rf"(?:{_MOD}[\s-]+(?:in\s+)?)?(?:(?P<q>[Qq][1-4]|(?:first|second|third|fourth|1st|2nd|3rd|4th)"
    r"\s+quarter)(?:\s+(?:of\s+)?(?P<year>20\d\d))?|(?P<rel>this|next|the)\s+quarter)"
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> Span | None:
    r = ctx.received
    kind = _mod_kind(m["mod"])
    current = (r.month - 1) // 3
    rel = _norm(m["rel"])
    if rel:
        if rel == "the" and not kind:
            return None
        index, year = current + (1 if rel == "next" else 0), r.year
        year, index = year + index // 4, index % 4
    else:
        q = _norm(m["q"])
        if q.startswith("q"):
            index = int(q[1]) - 1
        else:
            index = {"fi": 0, "1s": 0, "se": 1, "2n": 1, "th": 2, "3r": 2, "fo": 3, "4t": 3}[q[:2]]
        year = int(m["year"]) if m["year"] else r.year
        if not m["year"] and date(year, 3 * index + 3, _last_day(year, 3 * index + 3)) < r:
            year += 1
    first_month = 3 * index + 1
    start = date(year, first_month, 1)
    end = date(year, first_month + 2, _last_day(year, first_month + 2))
    if kind == "end":
        start = _plus(end, -6)
    elif kind == "early":
        end = date(year, first_month, _last_day(year, first_month))
    elif kind in ("late", "later"):
        start = date(year, first_month + 2, 1)
    elif kind == "mid":
        start = date(year, first_month + 1, 1)
        end = date(year, first_month + 1, _last_day(year, first_month + 1))
    if end < r and not m["year"]:
        return None
    if end >= r:
        start = max(start, r)
    return start, end, False


# --------------------------------------------------------------------------- context filters

_MEETING_WORDS = (
    r"(?:meet|meeting|met|speak|speaking|spoke|chat|chatting|talk|talking|see|seeing|connect"
    r"|connecting|interview\w*|visit\w*|coming\s+in|joining|your\s+time|the\s+time|time"
    r"|conversation|call|stopping\s+by)"
)
# Courtesies that look back at the interview: "thanks for meeting on Tuesday".
_COURTESY = re.compile(
    rf"\b(?:thanks|thank\s+you|thanking\s+you)\b(?:\s+\w+){{0,3}}?\s+for\b(?:\s+\w+){{0,3}}?\s+"
    rf"{_MEETING_WORDS}\b"
    r"|\b(?:great|nice|good|lovely|wonderful|pleasure)\s+(?:to\s+|of\s+)?(?:meet|meeting|speak"
    r"|speaking|chat|chatting|talk|talking|see|seeing|connect|connecting)\b"
    rf"|\b(?:enjoyed|appreciated?)\b(?:\s+\w+){{0,3}}?\s+{_MEETING_WORDS}\b",
    re.I,
)
_PAST_VERB = re.compile(
    r"\b(?:met|spoke|talked|chatted|interviewed|visited|came\s+in|joined\s+us|sat\s+down)\b", re.I
)
# Once the clause turns to the future ("the team I spoke with will decide by ..."), the phrase
# after it is no longer about the past meeting.
_FUTURE_TURN = re.compile(
    r"\b(?:will|shall|would|should|could|can|may|might|plan\w*|expect\w*|hope\w*|aim\w*"
    r"|going\s+to|intend\w*|target\w*|decid\w*|decision)\b|['’](?:ll|d)\b",
    re.I,
)
_PAST_WORD_BEFORE = re.compile(
    r"\b(?:last|past|previous|earlier|happy|black|cyber|every|since|yesterday)\s+$", re.I
)
_PAST_AFTER = re.compile(r"\s*(?:ago|went|was|were|had|has\s+been|have\s+been)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n]|\b(?:and|but|however|although|though|whereas)\b", re.I)


def _is_past_reference(scan: str, i: int, j: int) -> bool:
    """True when the phrase at scan[i:j] refers back to a past event or is a greeting."""
    before = scan[max(0, i - 160) : i]
    if _PAST_WORD_BEFORE.search(before[-30:]):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    # The phrase itself joins in: "thanks for coming in today" has its lead "in" inside it.
    if _COURTESY.search(clause + scan[i:j]):
        return True
    verbs = list(_PAST_VERB.finditer(clause))
    if verbs and not _FUTURE_TURN.search(clause, verbs[-1].end()):
        return True
    return bool(_PAST_AFTER.match(scan, j, min(len(scan), j + 40)))


# --------------------------------------------------------------------------- message cleanup

_QUOTE_HEADER = re.compile(
    r"(?im)^[ \t>]*On\s[^\n]{0,250}?(?:\n[^\n]{0,250}?)?\bwrote:[ \t]*$"
    r"|^[ \t]*-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}"
    r"|^[ \t]*Begin\s+forwarded\s+message:"
    r"|^[ \t]*_{10,}[ \t]*$"
    r"|^[ \t]*From:[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date):"
)
_SIGNOFF = re.compile(
    r"(?:best|best\s+regards|kind\s+regards|warm\s+regards|warmly|regards|cheers|thanks"
    r"|thank\s+you|many\s+thanks|thanks\s+again|sincerely|all\s+the\s+best|talk\s+soon"
    r"|take\s+care|respectfully|with\s+thanks)[\s,!.]*(?P<name>(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*)?)?",
    re.I,
)
# "Jane Doe", "Bob", "Jane Doe | Senior Recruiter": the line under a sign-off.
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*[|,–—-][^\n]*)?")
_SIG_MARK = re.compile(r"--\s*|Sent\s+from\s+my\s+\w+.*", re.I)
_SIGNATURE_MAX_LINES = 12
_MASKS = [
    re.compile(r"(?m)^[ \t]*>.*$"),  # quoted lines of an earlier message
    re.compile(r"(?:https?://|www\.)\S+", re.I),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?<![\w/])\+?(?:\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    re.compile(r"\+\d[\d\s().-]{7,}\d"),
    re.compile(
        r"(?im)^[ \t]*(?:(?:tel|phone|mobile|cell|fax|office|direct|address)\s*[:.]|[mtpf]\s*:)"
        r"[^\n]*$"
    ),
    re.compile(
        r"(?i)\b\d{1,6}\s+(?:[a-z0-9]+\s+){0,4}(?:st|street|ave|avenue|blvd|boulevard|road|rd"
        r"|drive|dr|lane|ln|way|suite|ste|floor|fl)\b\.?(?:,?\s+(?:suite|ste|floor|fl)\.?\s*#?\w+)?"
    ),
]


def _mask(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", "\x00", m.group())


def _prepare(text: str) -> str:
    """Text cut before quotes and signature, contact details NUL-masked, offsets unchanged."""
    region = text[:MAX_SCAN_CHARS]
    if cut := _QUOTE_HEADER.search(region):
        region = region[: cut.start()]
    lines = region.splitlines(keepends=True)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    offset = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and index > filled[0]:
            if _SIG_MARK.fullmatch(stripped):
                return _mask_contacts(region[:offset])
            if signoff := _SIGNOFF.fullmatch(stripped):
                tail = [lines[i].strip() for i in filled[bisect.bisect_right(filled, index) :]]
                if len(tail) <= _SIGNATURE_MAX_LINES and (
                    signoff["name"] or not tail or _NAME_LINE.fullmatch(tail[0])
                ):
                    return _mask_contacts(region[:offset])
        offset += len(line)
    return _mask_contacts(region)


def _mask_contacts(region: str) -> str:
    for pattern in _MASKS:
        region = pattern.sub(_mask, region)
    return region


# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class _Cand:
    i: int
    j: int
    start: date
    end: date
    business_days: bool
    kind: str
    lead: str


def _rule_candidates(scan: str, ctx: _Ctx) -> list[_Cand]:
    found: list[tuple[int, int, _Cand]] = []
    for priority, rule in enumerate(_RULES):
        for m in rule.regex.finditer(scan):
            try:
                span = rule.handler(m, ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                span = None
            if span is None:
                continue
            start, end, business = span
            if start > end:
                start, end = end, start
            cand = _Cand(m.start(), m.end(), start, end, business, rule.kind, _lead(m))
            found.append((-(m.end() - m.start()), priority, cand))
    # Longest match wins, then the earlier rule: "end of next week" beats "next week".
    found.sort(key=lambda t: (t[0], t[1], t[2].i))
    taken: list[_Cand] = []
    occupied = bytearray(len(scan))
    for _, _, cand in found:
        if occupied.find(1, cand.i, cand.j) < 0:
            taken.append(cand)
            occupied[cand.i : cand.j] = b"\x01" * (cand.j - cand.i)
    taken.sort(key=lambda c: c.i)
    return [c for c in taken if not _is_past_reference(scan, c.i, c.j)]


_JOINER = re.compile(r"\s*,?\s*(?:or|to|through|thru|-|–|—|and)\s*", re.I)
_MERGEABLE = ("day", "weekday")


def _merge_neighbours(scan: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "Monday or Tuesday" and "between Dec 1 and Dec 3" into one range."""
    merged: list[_Cand] = []
    for cand in cands:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind in _MERGEABLE
            and cand.kind in _MERGEABLE
            and _JOINER.fullmatch(scan, prev.j, cand.i)
        ):
            second = cand
            if cand.kind == "weekday" and cand.end < prev.start and cand.end.year < 9999:
                second = replace(cand, start=_plus(cand.start, 7), end=_plus(cand.end, 7))
            if prev.start <= second.end and (second.end - prev.start).days <= 14:
                i = prev.i
                if scan[max(0, i - 8) : i].lower().endswith("between "):
                    i -= len("between ")
                merged[-1] = _Cand(
                    i,
                    cand.j,
                    min(prev.start, second.start),
                    max(prev.end, second.end),
                    prev.business_days or second.business_days,
                    "range",
                    prev.lead,
                )
                continue
        merged.append(cand)
    return merged


_TRIGGER = re.compile(
    rf"{_MONTH}[^\n\d]{{0,12}}\d|\d[^\n\d]{{0,12}}{_MONTH}"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    re.I,
)
_WINDOW_BREAK = re.compile(r"[.!?]\s|\n\s*\n|\x00")
_MONTH_WITH_DAY = re.compile(rf"{_MONTH}[\s\S]*\d|\d[\s\S]*{_MONTH}", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_WEEKDAY_RE = re.compile(_WD, re.I)
_MONTH_RE = re.compile(_MONTH, re.I)
_PAST_WORDS = re.compile(r"\b(?:ago|last|yesterday|since|previous)\b", re.I)


def _dateparser() -> Any:
    import dateparser
    import dateparser.search

    return dateparser


def _dp_settings(received: date) -> dict[str, Any]:
    return {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": datetime(received.year, received.month, received.day),
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
    }


def _dp_acceptable(fragment: str, *, lenient: bool) -> bool:
    """Keep hits naming a month and a day or a numeric date (lenient: any month or weekday)."""
    if _PAST_WORDS.search(fragment):
        return False
    if _MONTH_WITH_DAY.search(fragment) or _NUMERIC_DATE.search(fragment):
        return True
    return lenient and bool(_WEEKDAY_RE.search(fragment) or _MONTH_RE.search(fragment))


def _dp_parse(phrase: str, received: date) -> date | None:
    if len(phrase) > _DATEPARSER_MAX_CHARS or not _dp_acceptable(phrase, lenient=True):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = _dateparser().parse(phrase, languages=["en"], settings=_dp_settings(received))
    except Exception:  # dateparser raises assorted internal errors on odd input
        return None
    return result.date() if isinstance(result, datetime) else None


def _dp_search(window: str, received: date) -> list[tuple[str, date]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = _dateparser().search.search_dates(
                window, languages=["en"], settings=_dp_settings(received)
            )
    except Exception:  # dateparser raises assorted internal errors on odd input
        return []
    return [(text, when.date()) for text, when in hits or [] if isinstance(when, datetime)]


def _dateparser_candidates(scan: str, received: date, taken: list[_Cand]) -> list[_Cand]:
    """Dates in forms the rules do not know ("15.12.2026"), found by dateparser in short windows."""
    occupied = bytearray(len(scan))
    for c in taken:
        occupied[c.i : c.j] = b"\x01" * (c.j - c.i)
    found: list[_Cand] = []
    windows: set[tuple[int, int]] = set()
    for trigger in _TRIGGER.finditer(scan):
        if len(windows) >= _DATEPARSER_MAX_WINDOWS:
            break
        if occupied.find(1, trigger.start(), trigger.end()) >= 0:
            continue
        lo = max(0, trigger.start() - _DATEPARSER_MAX_CHARS // 2)
        hi = min(len(scan), trigger.end() + _DATEPARSER_MAX_CHARS // 2)
        for boundary in _WINDOW_BREAK.finditer(scan, lo, trigger.start()):
            lo = boundary.end()
        if stop := _WINDOW_BREAK.search(scan, trigger.end(), hi):
            hi = stop.start() + 1
        if (lo, hi) in windows:
            continue
        windows.add((lo, hi))
        cursor = lo
        for raw, when in _dp_search(scan[lo:hi], received):
            fragment = raw.strip()
            i = scan.find(fragment, cursor, hi) if fragment else -1
            if i < 0:
                continue
            j = cursor = i + len(fragment)
            if when < received or not _dp_acceptable(fragment, lenient=False):
                continue
            if occupied.find(1, i, j) >= 0 or _is_past_reference(scan, i, j):
                continue
            found.append(_Cand(i, j, when, when, False, "day", ""))
            occupied[i:j] = b"\x01" * (j - i)
    return found


def _scan(text: str, received: date, *, whole: bool) -> tuple[str, list[_Cand]]:
    scan = text[:MAX_SCAN_CHARS] if whole else _prepare(text)
    ctx = _Ctx(received, whole, scan)
    cands = _merge_neighbours(scan, _rule_candidates(scan, ctx))
    if not whole:
        cands = sorted(cands + _dateparser_candidates(scan, received, cands), key=lambda c: c.i)
    return scan, cands


# --------------------------------------------------------------------------- relevance

_STRONG = re.compile(
    r"\b(?:decid\w*|decision\w*|hear(?:ing)?\s+(?:back|from)|get(?:ting)?\s+back|back\s+to\s+you"
    r"|circle\s+back|update\w*|in\s+touch|let\s+you\s+know|reach(?:ing)?\s+out|feedback"
    r"|next\s+steps?|follow(?:ing)?[\s-]?up|touch\s+base|respond|response|reply|outcome|news"
    r"|results?|answer|notify|contact\s+you|come\s+back\s+to\s+you|make\s+a\s+(?:call|choice))\b",
    re.I,
)
_WEAK = re.compile(
    r"\b(?:offer|timeline|finali[sz]e\w*|wrap(?:ping)?\s+up|confirm\w*|call|debrief|hiring\s+manager"
    r"|team\s+(?:meets|will\s+meet))\b",
    re.I,
)
_OFF_TOPIC = re.compile(
    r"\b(?:start\s+date|out\s+of\s+(?:the\s+)?office|OOO|vacation|on\s+leave|holiday\s+party"
    r"|office\s+(?:is\s+)?closed|benefits|payroll|apply\s+by|application\s+deadline)\b",
    re.I,
)
_DEADLINE_LEADS = ("by", "before", "no later than", "not later than", "within")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _score(scan: str, cand: _Cand, ends: list[int]) -> float:
    first = bisect.bisect_left(ends, cand.i)
    lo = ends[first - 1] if first > 0 else 0
    last = bisect.bisect_left(ends, cand.j)
    hi = ends[last] if last < len(ends) else len(scan)
    window = scan[lo:hi]
    score = 0.0
    for pattern, weight in ((_STRONG, 10.0), (_WEAK, 4.0)):
        for m in pattern.finditer(window):
            a, b = lo + m.start(), lo + m.end()
            distance = max(0, a - cand.j, cand.i - b)
            score = max(score, weight - min(distance, 120) / 15)
    if cand.lead in _DEADLINE_LEADS or cand.business_days:
        score += 0.5
    if _OFF_TOPIC.search(window):
        score -= 4.0
    return score


def _to_deadline(text: str, cand: _Cand) -> Deadline:
    return Deadline(
        phrase=text[cand.i : cand.j],
        start=cand.start,
        end=cand.end,
        business_days=cand.business_days,
    )


# --------------------------------------------------------------------------- public API


def resolve(phrase: str, received: date) -> DateRange | None:
    """Interpret one time phrase relative to the day it was received; None if it states no time."""
    if not phrase or not phrase.strip():
        return None
    _, cands = _scan(phrase, received, whole=True)
    if cands:
        c = cands[0]
        return DateRange(start=c.start, end=c.end, business_days=c.business_days)
    if (day := _dp_parse(phrase.strip(), received)) is not None:
        return DateRange(start=day, end=day)
    return None


def find_deadlines(text: str, received: date) -> list[Deadline]:
    """Every time phrase in a message outside quotes and signatures, in order of appearance."""
    if not text:
        return []
    _, cands = _scan(text, received, whole=False)
    return [_to_deadline(text, c) for c in cands]


def find_deadline(text: str, received: date) -> Deadline | None:
    """The time phrase about the decision or the next contact, or None if the text has none."""
    if not text:
        return None
    scan, cands = _scan(text, received, whole=False)
    if not cands:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(scan)]
    best = max(cands, key=lambda c: (_score(scan, c, ends), -c.i))
    return _to_deadline(text, best)
