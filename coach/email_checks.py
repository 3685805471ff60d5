"""Checks a draft email must pass: facts from the request only, no unfilled placeholders,
a subject, a length for its kind, and the guide's tone (gratitude first, no pressure)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.emails import EmailRequest

PLACEHOLDERS = {
    "candidate_name": "[Your name]", "interviewer_name": "[Interviewer's name]",
    "company": "[Company]", "role": "[Role]", "topics": "[Something specific you discussed]",
    "experience": "[Your relevant experience]", "interview_date": "[Interview date]",
}
# Capitalised words any email may use without them being facts about this interview.
COMMON = frozenset("""
i i'm i've i'd i'll dear hi hello hey best regards kind warm warmly sincerely thank thanks
subject monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december mon tue tues wed thu thur thurs fri
sat sun jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms mx dr prof re cv ok please
cheers looking yours many again all the a an it this that my our your we you he she they
linkedin email interview follow-up follow up team hiring manager english
""".split())
# "I hope this message finds you well" is not listed: the guide's own sample emails open so.
CLICHES = ("just checking in", "just following up", "just wanted to check", "touch base",
           "per my last email")
PRESSURE = re.compile(
    r"\b(?:asap|as soon as possible|urgent(?:ly)?|immediately|right away|i need (?:an answer|to "
    r"know|a decision)|other offers?|competing offers?|by (?:tomorrow|end of (?:the )?day)|"
    r"expect (?:a|your) (?:response|answer|decision)|why (?:haven't|have not) you)\b",
    re.IGNORECASE,
)
GRATITUDE = re.compile(r"\b(?:thank|thanks|grateful|gratitude|appreciat)", re.IGNORECASE)
SQUARE = re.compile(r"\[[^\]\n]{1,60}\]")
OTHER_SLOTS = re.compile(r"\{[^}\n]{1,40}\}|<[A-Za-z][^>\n]{0,40}>|\bX{3,}\b|\bTBD\b|\bTODO\b")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")


# Markers the templates use for what only the user can supply (availability, an attachment).
EXTRA_PLACEHOLDERS = ("[Two or three times that suit you]",
                      "[What you would like to add: an example of work, a reference]")


def placeholder(field: str) -> str:
    """The visible marker used for a field the user left empty."""
    return PLACEHOLDERS.get(field, f"[{field.replace('_', ' ').capitalize()}]")


def _bare(word: str) -> str:
    """A word without a possessive ending or edge punctuation: "Berg's" is Berg."""
    return re.sub(r"['’]s$", "", word).strip("'’-")


def allowed_words(request: EmailRequest) -> set[str]:
    """Lower-cased words the request supplies (names, company, topics, the reply's words)."""
    text = " ".join(str(getattr(request, f) or "") for f in (
        "candidate_name", "interviewer_name", "company", "role", "topics", "experience", "extra"))
    interp = request.interpretation
    if interp is not None:
        text += " " + interp.text
        if interp.deadline:  # the prompt shows the deadline's phrase and its dates
            text += f" {interp.deadline.phrase} {interp.deadline.label}"
    words = {_bare(w).lower() for w in WORD.findall(text)}
    words |= {_bare(w).lower() for p in PLACEHOLDERS.values() for w in WORD.findall(p)}
    return words | COMMON


def allowed_numbers(request: EmailRequest) -> set[str]:
    """Numbers the request supplies (fields, dates), plus 24 and 48 (hours)."""
    text = " ".join(str(getattr(request, f) or "") for f in (
        "role", "topics", "experience", "extra", "company"))
    numbers = set(re.findall(r"\d+", text)) | {"24", "48"}
    dates = [request.interview_date]
    interp = request.interpretation
    if interp is not None:
        numbers |= set(re.findall(r"\d+", interp.text))
        if interp.deadline:
            dates += [interp.deadline.start, interp.deadline.end]
    for d in dates:
        if d is not None:
            numbers |= {str(d.day), f"{d.day:02d}", str(d.year), str(d.month)}
    return numbers


def invented_terms(body: str, request: EmailRequest) -> list[str]:
    """Capitalised words mid-sentence that the request never mentioned (likely invented)."""
    allowed = allowed_words(request)
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?:])\s+|\n+", body):
        tokens = WORD.findall(sentence)
        for token in tokens[1:]:  # the first word of a sentence is capitalised anyway
            bare = _bare(token)
            if bare[:1].isupper() and bare.lower() not in allowed and bare not in found:
                found.append(bare)
    return found


def check_draft(subject: str, body: str, request: EmailRequest,
                bounds: tuple[int, int]) -> list[str]:
    """Everything wrong with a draft, as short phrases the model can act on ([] = passes)."""
    problems: list[str] = []
    if not subject.strip():
        problems.append("start with a 'Subject:' line")
    elif len(subject) > 120:
        problems.append("shorten the subject")
    missing = {placeholder(f) for f in PLACEHOLDERS if not getattr(request, f, None)}
    if not request.extra:
        missing.update(EXTRA_PLACEHOLDERS)
    text = f"{subject}\n{body}"
    stray = [m for m in SQUARE.findall(text) if m not in missing]
    stray += OTHER_SLOTS.findall(text)
    if stray:
        problems.append("fill in or remove the template gaps " + ", ".join(sorted(set(stray))[:3]))
    invented = invented_terms(body, request)
    if invented:
        problems.append("do not mention names or things not in the facts: "
                        + ", ".join(invented[:4]))
    # "1." starting a list line is layout, not a fact.
    unlisted = re.sub(r"(?m)^\s*\d{1,2}[.)]\s", "", body)
    numbers = set(re.findall(r"\d+", unlisted)) - allowed_numbers(request)
    if numbers:
        problems.append("do not invent numbers or dates: " + ", ".join(sorted(numbers)[:3]))
    words = len(body.split())
    low, high = bounds
    if words < low:
        problems.append(f"write at least {low} words (now {words})")
    elif words > high:
        problems.append(f"keep it under {high} words (now {words})")
    lowered = body.lower()
    cliche = [c for c in CLICHES if c in lowered]
    if cliche:
        problems.append(f"avoid the cliché '{cliche[0]}'")
    pressure = PRESSURE.search(body)
    if pressure:
        problems.append(f"remove the pressure ('{pressure.group(0)}')")
    lines = [line for line in body.splitlines() if line.strip()]
    opening = " ".join(lines[1:3] if len(lines) > 2 else lines[:2])
    if not GRATITUDE.search(opening):
        problems.append("open with thanks, right after the greeting")
    return problems


# Which field a model-invented [gap] most likely stands for, by the words inside it.
GAP_FIELDS = (("topic", "topics"), ("discuss", "topics"), ("project", "topics"),
              ("interviewer", "interviewer_name"), ("hiring manager", "interviewer_name"),
              ("recipient", "interviewer_name"), ("company", "company"), ("initiative", "topics"),
              ("organi", "company"), ("position", "role"), ("job title", "role"),
              ("role", "role"), ("your name", "candidate_name"), ("experience", "experience"),
              ("date", "interview_date"), ("availab", "extra"), ("time", "extra"),
              ("slot", "extra"))


def repair(text: str, request: EmailRequest) -> str:
    """Mend what needs no model: gaps the request can fill are filled or marked properly; known
    names the model put in brackets lose them; sentences with gaps nobody can fill, clichés or
    pressure are dropped."""
    values = {str(getattr(request, f) or "").lower(): str(getattr(request, f))
              for f in ("candidate_name", "interviewer_name", "company", "role", "extra")}
    values.pop("", None)

    def fill(match: re.Match[str]) -> str:
        inside = match.group(0).lower()
        if inside[1:-1].strip() in values:  # a known name the model put in brackets
            return values[inside[1:-1].strip()]
        for word, field in GAP_FIELDS:
            if word in inside:
                value = getattr(request, field, None)
                if field == "extra" and not value:
                    return EXTRA_PLACEHOLDERS[0]
                if field == "interview_date" and value:
                    return f"{value:%A %d %B}"
                return str(value) if value else placeholder(field)
        return match.group(0)

    allowed = {placeholder(f) for f in PLACEHOLDERS} | set(EXTRA_PLACEHOLDERS)

    def mend(text: str) -> str:
        return SQUARE.sub(lambda m: m.group(0) if m.group(0) in allowed else fill(m), text)

    # Split into sentences and line breaks, keeping the separators, so only the offending
    # sentence goes and the layout stays.
    pieces = re.split(r"((?<=[.!?])[ \t]+|\n)", mend(text))
    kept = [piece for piece in pieces
            if not (any(c in piece.lower() for c in CLICHES) or PRESSURE.search(piece)
                    or any(g not in allowed for g in SQUARE.findall(piece)))]
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()

