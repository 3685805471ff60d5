"""The user's details as the email may use them: cut to size, notes split into items, lines
that instruct a model set aside as data, and a check that every item made it into the draft."""

from __future__ import annotations

import re

from coach.emails.kinds import KIND
from coach.emails.models import DETAIL_FIELDS, TEXT_FIELDS, EmailRequest
from coach.text.cleaning import _CONTROL
from coach.text.injection import INJECTION

MAX_FIELD = 10_000
MAX_ITEMS = 6
BULLET = re.compile(r"^\s*(?:[-*•·–—>]+\s*|\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)")
NOISE = ((re.compile(r"\s*[!?]{2,}"), ""), (re.compile(r"(?i)\s+(?:lol|haha|lmao)\b"), ""),
         (re.compile(r"\s+-{1,2}\s+"), ", "))
SPLIT = re.compile(r"\n+|;\s*|\s+[•·]\s+|(?<=[.!?])\s+(?=[A-Z])")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words too common to show that a detail made it into the draft.
STOP = frozenset("""
a about above after again also am an and any are as at be been being before both but by can
could did do does doing during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once
only or other our ours out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours discussed discuss talked talk spoke
mentioned interview interviewer role team company position things thing lot bit really
""".split())


def clean_field(value: object) -> str:
    """A field without control characters or surrounding space."""
    return _CONTROL.sub("", str(value or "")).strip()


def items(text: str) -> list[str]:
    """Notes as separate items: one per line, bullet, semicolon or sentence, without their
    bullet marks and trailing full stops; repeated items once."""
    out: list[str] = []
    for piece in SPLIT.split(text):
        piece = BULLET.sub("", piece)
        for pattern, replacement in NOISE:
            piece = pattern.sub(replacement, piece)
        piece = re.sub(r"\s+", " ", piece).strip().rstrip(".,;:").strip()
        if piece and piece.lower() not in {o.lower() for o in out}:
            out.append(piece)
    return out


def as_list(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    parts = [lower_first(p) for p in parts if p]
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def as_sentence(text: str) -> str:
    """A note as a sentence of its own: capitalised, with a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def lower_first(phrase: str) -> str:
    """The phrase with its first letter lowered when that capital is only a sentence start
    ("The pipeline", "Any afternoon"), never for a name ("Kafka", "Tuesday", "SQL")."""
    first = phrase.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.lower() in STOP:
        return phrase[0].lower() + phrase[1:]
    return phrase


def key_words(text: str) -> set[str]:
    """The words of a detail that show it was used: not stop words, four letters or more,
    compared by their first five letters so "pipelines" matches "pipeline"."""
    return {w.lower()[:5] for w in WORD.findall(text) if len(w) >= 4 and w.lower() not in STOP}


def tidy(request: EmailRequest) -> tuple[EmailRequest, list[str]]:
    """Fields cut to size and stripped of control characters; lines of the notes that instruct
    a model are left out (they are the user's data, never the drafter's orders). Returns the
    tidied request and a warning for each change."""
    warnings: list[str] = []
    updates: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = clean_field(getattr(request, name))
        if len(value) > MAX_FIELD:
            value = value[:MAX_FIELD]
            warnings.append(f"The {name.replace('_', ' ')} field was cut to "
                            f"{MAX_FIELD:,} characters.")
        if INJECTION.search(value):
            kept = [line for line in value.split("\n") if not INJECTION.search(line)]
            dropped = len(value.split("\n")) - len(kept)
            value = "\n".join(kept).strip()
            warnings.append(f"{dropped} line(s) of the {name.replace('_', ' ')} field read like "
                            "instructions to a model; they were left out of the draft.")
        updates[name] = value
    return request.model_copy(update=updates), warnings


def used_fields(request: EmailRequest) -> tuple[str, ...]:
    """The detail fields this kind of email carries (a missed-call note has no use for what
    was discussed in the interview)."""
    return KIND[request.kind].uses


def unused_fields(request: EmailRequest) -> list[str]:
    """Detail fields the user filled that this kind of email does not use."""
    return [f for f in DETAIL_FIELDS if getattr(request, f) and f not in used_fields(request)]


def detail_items(request: EmailRequest) -> dict[str, list[str]]:
    """Each used detail field's items, the longest notes cut to the first MAX_ITEMS (the
    concise tone: three)."""
    most = 3 if request.tone == "concise" else MAX_ITEMS
    return {f: items(str(getattr(request, f)))[:most] for f in used_fields(request)
            if getattr(request, f)}


def left_out(body: str, request: EmailRequest) -> list[str]:
    """Items of the user's details the body does not carry: none of their key words appear,
    or fewer than half of them for an item of four or more."""
    present = key_words(body)
    missing: list[str] = []
    for field in used_fields(request):
        for part in items(str(getattr(request, field))):
            words = key_words(part)
            if not words:
                continue
            found = len(words & present)
            if found == 0 or (len(words) >= 4 and found * 2 < len(words)):
                missing.append(part)
    return missing


def has_details(request: EmailRequest) -> bool:
    """Whether the user gave anything the model could make the email specific with."""
    interp = request.interpretation
    return any(getattr(request, f) for f in used_fields(request)) or bool(
        interp is not None and (interp.deadline or interp.asks or interp.next_step != "none"))
