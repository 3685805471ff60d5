"""Scanning a message for time phrases, and choosing the one about the decision."""

from __future__ import annotations

import bisect
import functools
import json
import re
import warnings
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from coach.dates.days import _monday, _plus, add_business_days
from coach.dates.models import DateRange, Deadline
from coach.dates.past import looks_back, marks_absence
from coach.dates.rules import RULES, _Ctx, _lead
from coach.dates.vocabulary import _MONTH, _WD
from coach.text.quoting import reply_region

MAX_SCAN_CHARS = 20_000
# dateparser's search is slow and quadratic-ish on long input, so it only ever sees short windows.
_DATEPARSER_MAX_CHARS = 300
_DATEPARSER_MAX_WINDOWS = 4


@dataclass(frozen=True)
class _Cand:
    i: int
    j: int
    start: date
    end: date
    business_days: bool
    kind: str
    lead: str
    rule: str = ""


def _rule_candidates(scan: str, ctx: _Ctx) -> list[_Cand]:
    found: list[tuple[int, int, _Cand]] = []
    for priority, rule in enumerate(RULES):
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
            cand = _Cand(m.start(), m.end(), start, end, business, rule.kind, _lead(m), rule.name)
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
    # Absences are kept for now: a time may be reckoned from them (_after_absence).
    return [c for c in taken if not looks_back(scan, c.i, c.j, absence=False)]


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
                    f"{prev.rule}+{cand.rule}",
                )
                continue
        merged.append(cand)
    return merged


# An absence, then a time reckoned from the return: "I'm out of the office until 4 December;
# we'll decide the week after."
_AWAY = re.compile(
    r"\b(?:out\s+of\s+(?:the\s+)?office|OOO|away|on\s+(?:leave|holiday|vacation|annual\s+leave)"
    r"|travel+ing|off)\b[^.!?\n]{0,40}?\b(?:until|till|til|through|thru|back\s+on|returning(?:\s+on)?)"
    r"\s*$", re.I)
_AFTER_RETURN = re.compile(
    r"(?:(?!\n\s*\n)[\s\S]){0,80}?\b(?:(?P<week>the\s+(?:week|days)\s+(?:after|following)(?:\s+(?:that|my\s+return))?)"
    r"|(?P<day>the\s+day\s+after(?:\s+(?:that|my\s+return))?)"
    r"|(?P<back>(?:when|once)\s+(?:I['’]m|I\s+am|I\s+get|we['’]re|we\s+are|she['’]s|he['’]s|they['’]re)"
    r"\s+back|on\s+(?:my|her|his|their)\s+return))", re.I)


def _after_absence(scan: str, cands: list[_Cand]) -> list[_Cand]:
    """A return date followed by "the week after" or "when I'm back" becomes that time."""
    out = []
    for cand in cands:
        follow = _AFTER_RETURN.match(scan, cand.j) if _AWAY.search(scan, max(0, cand.i - 80),
                                                                     cand.i + 6) else None
        if follow is None or cand.kind not in _MERGEABLE + ("range",):
            out.append(cand)
            continue
        back = cand.end
        if follow["week"]:
            start = _plus(_monday(back), 7)
            end = _plus(start, 4)
        elif follow["day"]:
            start = end = add_business_days(back, 1)
        else:
            start, end = back, add_business_days(back, 2)
        out.append(_Cand(cand.i, follow.end(), start, end, False, "period", cand.lead, "absence"))
    return out


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
            if occupied.find(1, i, j) >= 0 or looks_back(scan, i, j, absence=False):
                continue
            found.append(_Cand(i, j, when, when, False, "day", "", "dateparser"))
            occupied[i:j] = b"\x01" * (j - i)
    return found


def _scan(text: str, received: date, *, whole: bool) -> tuple[str, list[_Cand]]:
    scan = text[:MAX_SCAN_CHARS] if whole else reply_region(text, MAX_SCAN_CHARS)
    ctx = _Ctx(received, whole, scan)
    cands = _merge_neighbours(scan, _rule_candidates(scan, ctx))
    if not whole:
        cands = sorted(cands + _dateparser_candidates(scan, received, cands), key=lambda c: c.i)
        # An absence with no time reckoned from it ("out of the office until 3 December")
        # is not the time of a decision.
        cands = [c for c in _after_absence(scan, cands)
                 if c.rule == "absence" or not marks_absence(scan, c.i)]
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
    if _OFF_TOPIC.search(window) and cand.rule != "absence":
        score -= 4.0
    return score


def _to_deadline(text: str, cand: _Cand) -> Deadline:
    return Deadline(
        phrase=text[cand.i : cand.j],
        start=cand.start,
        end=cand.end,
        business_days=cand.business_days,
        rule=cand.rule,
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


def find_deadline(text: str, received: date, language: str = "en") -> Deadline | None:
    """The time phrase about the decision or the next contact, or None if the text has none.

    English phrases go through the named rules; other languages through dateparser's data
    for that language (never for a language the reader does not know)."""
    if not text:
        return None
    if language != "en":
        return foreign_deadline(text, received, language)
    scan, cands = _scan(text, received, whole=False)
    if not cands:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(scan)]
    best = max(cands, key=lambda c: (_score(scan, c, ends), -c.i))
    return _to_deadline(text, best)


# Languages whose date words dateparser knows and the reader has cues for.
FOREIGN = ("es", "de", "fr", "pt")
_FOREIGN_HINT = re.compile(
    r"\d|lunes|martes|miércoles|jueves|viernes|semana|mañana|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|woche|morgen|lundi|mardi|mercredi|jeudi|vendredi|semaine|demain|"
    r"segunda|terça|quarta|quinta|sexta|amanhã", re.IGNORECASE)


# A greeting or a time of today before "Morgen", "mañana", "matin": not a day ahead.
_NOT_A_DAY = re.compile(r"\b(?:guten|esta|por\s+la|de\s+la|la|buena|buenos|bom|boa|cette|ce|"
                        r"heute|hoje\s+de)\s+$", re.IGNORECASE)
_WEEK_WORD = re.compile(r"semana|woche|semaine", re.IGNORECASE)


@functools.cache
def _foreign_phrases() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    data = json.loads(Path(__file__).with_name("foreign.json").read_text(encoding="utf-8"))
    return {lang: [(re.compile(rf"\b(?:{k})", re.IGNORECASE), v) for k, v in table.items()]
            for lang, table in data.items() if not lang.startswith("_")}


def _foreign_hits(sentence: str, received: date, language: str) -> list[tuple[str, date]]:
    settings = {**_dp_settings(received), "DATE_ORDER": "DMY"}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = _dateparser().search.search_dates(sentence, languages=[language],
                                                     settings=settings)
    except Exception:  # dateparser raises assorted internal errors on odd input
        return []
    return [(raw.strip(), when.date()) for raw, when in hits or []
            if isinstance(when, datetime) and when.date() > received
            and _FOREIGN_HINT.search(raw) and len(raw.strip()) >= 3
            # A day without a year that is most of a year away is a day gone by.
            and ((when.date() - received).days < 200 or re.search(r"\d{4}", raw))]


def foreign_deadline(text: str, received: date, language: str) -> Deadline | None:
    """The first future time in a reply written in `language`: a relative phrase of
    foreign.json (resolved by the English rules), or a date dateparser finds, a stated day
    and month winning over a bare weekday beside it ("Freitag, den 4. Dezember")."""
    if language not in FOREIGN:
        return None
    scan = reply_region(text, MAX_SCAN_CHARS)
    # "4. Dezember": a dot after a number does not end a sentence.
    for sentence in re.split(r"(?<=\D[.!?])\s+|\n+", scan)[:60]:
        if len(sentence) > _DATEPARSER_MAX_CHARS * 2:
            continue
        found: list[tuple[int, int, date, date]] = []
        for regex, english in _foreign_phrases().get(language, []):
            for m in regex.finditer(sentence):
                span = resolve(english, received)
                if span is not None:
                    found.append((m.start(), m.end(), span.start, span.end))
        if _FOREIGN_HINT.search(sentence):
            cursor = 0
            for fragment, when in _foreign_hits(sentence, received, language):
                i = sentence.find(fragment, cursor)
                if i < 0:
                    continue
                cursor = i + len(fragment)
                if _NOT_A_DAY.search(sentence, 0, i):  # "Guten Morgen", "esta mañana"
                    continue
                start = end = when
                if _WEEK_WORD.search(fragment):  # "nächste Woche": that working week
                    start = when - timedelta(days=when.weekday())
                    end, start = start + timedelta(days=4), max(start, received + timedelta(1))
                found.append((i, cursor, start, end))
        found = [f for f in found if not any(o != f and o[0] <= f[0] and f[1] <= o[1]
                                             for o in found)]  # inside a longer one
        found.sort()
        for n, (i, j, start, end) in enumerate(found):
            # A bare weekday next to a stated date: the date, spanning both.
            if n + 1 < len(found) and not re.search(r"\d", sentence[i:j]) \
                    and found[n + 1][0] - j <= 10 and re.search(r"\d", sentence[
                        found[n + 1][0]:found[n + 1][1]]):
                j, start, end = found[n + 1][1], found[n + 1][2], found[n + 1][3]
            phrase = sentence[i:j]
            at = text.find(phrase)
            if at < 0 or looks_back(text, at, at + len(phrase)):
                continue
            return Deadline(phrase=phrase, start=start, end=end, rule=f"foreign-{language}")
    return None
