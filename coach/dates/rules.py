"""The date rules: each a name, a pattern and a handler that turns a match into days.

RULES is the one list; its order is the priority when two rules match the same span."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from coach.dates.days import (
    _add_months,
    _first_business_day_of_january,
    _last_day,
    _monday,
    _next_week_monday,
    _plus,
    _recently_past,
    _thanksgiving,
    _this_week_monday,
    add_business_days,
    easter,
)
from coach.dates.vocabulary import (
    _DATE,
    _DAYNUM,
    _END,
    _EOD,
    _LEAD,
    _MOD,
    _MONTH,
    _NUM,
    _POST,
    _PRE,
    _START,
    _VAGUE,
    _WD,
    _WORD_NUMBERS,
    _YEAR,
    Span,
    _month,
    _norm,
    _parse_date,
    _weekday,
)


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
class Rule:
    """A named date rule: its pattern and the handler that turns a match into days."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    kind: str  # "day" can merge with a neighbour ("Monday or Tuesday"), "weekday" too


# Filled in order by @_rule below: the order is the priority when two rules match one span.
RULES: list[Rule] = []


def _rule(body: str, kind: str = "period", *, lead: bool = True) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        pattern = _START + (_LEAD if lead else "") + "(?:" + body + ")" + _END
        name = handler.__name__.strip("_").removesuffix("_rule")
        RULES.append(Rule(name, re.compile(pattern, re.I), handler, kind))
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


@_rule(r"(?:(?:in|within|over|during)\s+)?(?:the\s+)?(?:next|coming)\s+day\s+or\s+(?:two|2|so)",
       lead=False)
def _next_day_or_two(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return _plus(ctx.received, 1), _plus(ctx.received, 2), False


# Reported speech, reckoned from the day it was said: "I'd hear the next day", "a call the
# following morning", "they would decide that afternoon", "after the weekend".
@_rule(r"(?P<rel>(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening)"
       r"|(?:later\s+)?(?:that|the\s+same)\s+(?:day|afternoon|evening|night)"
       r"|after\s+the\s+weekend)", "day")
def _reported_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    rel = _norm(m["rel"])
    if rel.startswith("after"):
        monday = _next_week_monday(ctx.received)
        return monday, _plus(monday, 1), False
    if "next" in rel or "following" in rel:
        return _day(_plus(ctx.received, 1))
    return _day(ctx.received)


# Reported speech: "I would be contacted that evening or the next day" (said on the day).
@_rule(r"(?:that|the\s+same|this)\s+(?:evening|day|night|afternoon)\s+or\s+(?:the\s+)?"
       r"(?:next|following)\s+(?:day|morning)", "day")
def _same_or_next_day(m: re.Match[str], ctx: _Ctx) -> Span | None:
    return ctx.received, _plus(ctx.received, 1), False


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
    weekday = _weekday(m["wd"]) if m["wd"] else None
    parsed = _parse_date(m["date"], ctx.received, weekday)
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
    rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?|the\s+)(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
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
    days = []
    for ahead in range(3):
        month = _add_months(first, ahead)
        if day <= _last_day(month.year, month.month) and date(month.year, month.month, day) >= r:
            days.append(date(month.year, month.month, day))
    if not days:
        return None
    wd = _weekday(m["wd"]) if m["wd"] else None
    # "Wednesday the 9th": the month whose 9th is a Wednesday, if one of the next is.
    return _day(next((d for d in days if d.weekday() == wd), days[0]))


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
    r"|the\s+current|the)\s+)?month(?!\s+of\b)|(?P<eom>month[\s-]end|EOM))"
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


def _holiday_day(name: str, year: int) -> date:
    if name.startswith(("christmas", "xmas")):
        return date(year, 12, 25)
    if name.startswith("new"):
        return date(year + 1, 1, 1)  # "by New Year's" said in a year: the coming 1 January
    if name.startswith("thanksgiving"):
        return _thanksgiving(year)
    return easter(year)


@_rule(
    r"(?P<when>by|until|till|til|around|round|about|at|over|near|towards?|close\s+to"
    r"|in\s+time\s+for|sometime\s+(?:around|before))\s+(?:the\s+)?(?P<name>christmas"
    r"(?:\s+(?:day|eve|time|break|holidays?))?|xmas|new\s+year(?:['’]?s)?(?:\s+(?:day|eve))?"
    r"|thanksgiving(?:\s+(?:day|weekend|break))?|easter(?:\s+(?:sunday|weekend|break|holidays?))?)",
    "day",
    lead=False,
)
def _holiday(m: re.Match[str], ctx: _Ctx) -> Span | None:
    """"By Christmas", "around Thanksgiving", "over Easter": days by or around the holiday
    ("after"/"before" the holidays have their own rules)."""
    r = ctx.received
    name, when = _norm(m["name"]), _norm(m["when"])
    by = when in ("by", "until", "till", "til", "in time for") or when.endswith("before")
    for year in (r.year, r.year + 1):
        day = _holiday_day(name, year)
        if name.endswith("eve"):
            day = _plus(day, -1)
        if by:
            start, end = _plus(r, 1), _plus(day, -1) if not name.endswith("eve") else day
        else:
            start, end = _plus(day, -4), _plus(day, 3)
        if end >= r and start <= end and (day - r).days <= 300:
            return max(start, r), end, False
    return None  # the holiday has just passed: no day ahead is stated


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
