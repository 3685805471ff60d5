"""Checks every draft must pass, each named: facts from the request only (no invented names,
numbers, compliments, values or achievements), no unfilled placeholders, the candidate never
presented as holding the role, a length for its kind and tone, and the guide's tone (gratitude
first, no pressure, no cliché). `repair` mends what needs no model."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coach.emails.models import (
    EXTRA_PLACEHOLDERS,
    PLACEHOLDERS,
    EmailRequest,
    placeholder,
)

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

# Words that praise the company or the conversation, or claim a value or an achievement: a small
# model reaches for them when it has nothing specific to say. Each needs the user's details (or
# the reply) to have used a word of the same stem; compared by their first six letters.
CLAIMS = tuple("""
innovat divers inclus cultur mission values vision passion energ enthusias contagi impress
inspir commitm committ excellen cutting world-c industry-lead market-lead leadership award
achiev accompl successf growth dynamic collabor supportiv fast-pac groundbr sustain reputat
renown track-r fascinat
proven expert skilled certifi brillian fantast amazing incredi outstand remarka exception
talent cohesiv friendl vibrant stellar dedicat integrit transpar empower
""".split())
CLAIM_WORD = re.compile(r"(?i)\b(?:" + "|".join(re.escape(c) for c in CLAIMS) + r")[\w-]*")


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
    words |= {_bare(w).lower() for p in (*PLACEHOLDERS.values(), *EXTRA_PLACEHOLDERS)
              for w in WORD.findall(p)}
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


def ungrounded_claims(body: str, request: EmailRequest, ours: str = "") -> list[str]:
    """Praise, values or achievements in the body whose stem neither the user's details, the
    reply nor our own frame (`ours`) used: "your team's contagious energy" from empty fields."""
    source = " ".join(str(getattr(request, f) or "") for f in (
        "company", "role", "topics", "experience", "extra"))
    if request.interpretation is not None:
        source += " " + request.interpretation.text
    known = {m.group(0).lower()[:6] for m in CLAIM_WORD.finditer(f"{source} {ours}")}
    found: list[str] = []
    for match in CLAIM_WORD.finditer(body):
        word = match.group(0)
        if word.lower()[:6] not in known and word.lower() not in {f.lower() for f in found}:
            found.append(word)
    return found


# A sentence in which the candidate states their own experience or an achievement. What it
# claims (the words after the match, up to where it turns to the company: "to your …") must
# come mostly from the user's experience field, so that a small model cannot recombine the
# details into a new claim ("my years with Airflow" when Airflow is the company's tool).
EXPERIENCE_CLAIM = re.compile(
    r"(?i)\b(?:I(?:'ve| have| had)? (?:led|built|managed|designed|developed|delivered|"
    r"launched|created|grew|increased|reduced|improved|migrated|scaled|automated|owned|"
    r"shipped|headed|worked as)|I(?:'ve| have) (?:[\w-]+ ){0,3}(?:years|experience|expertise|"
    r"background)|my (?:\d+ years|years|experience|background|track record|expertise|"
    r"skills?) (?:in|with|at|as|of|building|leading|running)|in my (?:previous|current|last|"
    r"past) (?:role|job|position))")
CLAIM_END = re.compile(r"(?i)\b(?:to|for|with|at|on|in|into|across) (?:your|the team|the "
                       r"company|this|the role|the position)\b|\b(?:and|which|so) I\b|"
                       r"\b(?:would|could|will|can|should|makes?|made|gives?|gave)\b|[,;:]")
STOP = frozenset("""
a an the and or of to in on at for with by from as is are was were be been being it its this
that these those my your our their i i've i'd i'm me we you he she they them his her would
could will can may might should also very really more most much many some any such into over
than then there here about up out so just well how what which who when where why all each
years year time work worked working experience background role position team company
interview process conversation call meeting today great good
""".split())


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in WORD.findall(text)
            if w.lower() not in STOP and len(w) > 2 and not w.isdigit()}


def ungrounded_experience(body: str, request: EmailRequest, ours: str = "") -> list[str]:
    """First-person experience or achievement claims not drawn from the user's experience or
    "also include" fields: at least half the claim's key words must be the user's own
    (sentences of our frame are exempt)."""
    own = _stems(f"{request.experience or ''} {request.extra or ''} {request.role or ''}")
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", body.replace("’", "'")):
        match = EXPERIENCE_CLAIM.search(sentence)
        if not match or (ours and sentence.strip() and sentence.strip() in ours):
            continue
        rest = sentence[match.end():]
        end = CLAIM_END.search(rest)
        key = _stems(rest[: end.start()] if end else rest)
        if key and len(key & own) * 2 < len(key):  # no object ("in my last role, ..."): none
            found.append(sentence.strip()[:80])
    return found


def claims_the_role(body: str, request: EmailRequest) -> str | None:
    """The candidate presented as already holding the role or speaking for the company ("as
    the Senior Data Engineer at Northwind", "our team at Northwind"), or the email addressed
    to the candidate."""
    role, company, name = request.role.strip(), request.company.strip(), \
        request.candidate_name.strip()
    patterns = []
    if role:
        patterns.append(r"\b(?:I am|I'm|as)\s+(?:the|your|a|an)\s+(?:new\s+)?"
                        + re.escape(role) + r"\b(?!\s+(?:role|position|interview|candidate|"
                        r"opening|vacancy|job))")
    if company:
        patterns.append(r"\b(?:we|our team|us) (?:here )?at " + re.escape(company) + r"\b")
    if name:
        patterns.append(r"(?m)^(?:Dear|Hi|Hello)\s+" + re.escape(name) + r"\b")
    for pattern in patterns:
        match = re.search(pattern, body, re.IGNORECASE)
        if match:
            return match.group(0)
    return None


@dataclass(frozen=True)
class Check:
    """One named rule a draft must pass; `run` returns what is wrong, or None."""

    id: str
    run: Callable[[str, str, EmailRequest, tuple[int, int], str], str | None]


def _subject(subject: str, *_: object) -> str | None:
    if not subject.strip():
        return "start with a 'Subject:' line"
    return "shorten the subject" if len(subject) > 120 else None


def _gaps(subject: str, body: str, request: EmailRequest, *_: object) -> str | None:
    missing = {placeholder(f) for f in PLACEHOLDERS if not getattr(request, f, None)}
    if not request.extra:
        missing.update(EXTRA_PLACEHOLDERS)
    text = f"{subject}\n{body}"
    stray = [m for m in SQUARE.findall(text) if m not in missing]
    stray += OTHER_SLOTS.findall(text)
    if stray:
        return "fill in or remove the template gaps " + ", ".join(sorted(set(stray))[:3])
    return None


def _names(_s: str, body: str, request: EmailRequest, *_: object) -> str | None:
    invented = invented_terms(body, request)
    return ("do not mention names or things not in the facts: " + ", ".join(invented[:4])
            if invented else None)


def _claims(_s: str, body: str, request: EmailRequest, _b: object, ours: str) -> str | None:
    claims = ungrounded_claims(body, request, ours)
    return ("do not praise or claim what the facts do not say: " + ", ".join(claims[:4])
            if claims else None)


def _experience(_s: str, body: str, request: EmailRequest, _b: object,
                ours: str) -> str | None:
    claims = ungrounded_experience(body, request, ours)
    return ("claim only the experience the facts give (" + claims[0] + ")" if claims
            else None)


def _numbers(_s: str, body: str, request: EmailRequest, *_: object) -> str | None:
    # "1." starting a list line is layout, not a fact.
    unlisted = re.sub(r"(?m)^\s*\d{1,2}[.)]\s", "", body)
    numbers = set(re.findall(r"\d+", unlisted)) - allowed_numbers(request)
    return ("do not invent numbers or dates: " + ", ".join(sorted(numbers)[:3])
            if numbers else None)


def _role(_s: str, body: str, request: EmailRequest, *_: object) -> str | None:
    said = claims_the_role(body, request)
    return (f"write as the candidate applying, not as someone who holds the role or works "
            f"there ('{said}')" if said else None)


def _length(_s: str, body: str, _r: EmailRequest, bounds: tuple[int, int],
            *_: object) -> str | None:
    words, (low, high) = len(body.split()), bounds
    if words < low:
        return f"write at least {low} words (now {words})"
    return f"keep it under {high} words (now {words})" if words > high else None


def _cliche(_s: str, body: str, *_: object) -> str | None:
    cliche = [c for c in CLICHES if c in body.lower()]
    return f"avoid the cliché '{cliche[0]}'" if cliche else None


def _pressure(_s: str, body: str, *_: object) -> str | None:
    pressure = PRESSURE.search(body)
    return f"remove the pressure ('{pressure.group(0)}')" if pressure else None


def _gratitude(_s: str, body: str, *_: object) -> str | None:
    lines = [line for line in body.splitlines() if line.strip()]
    opening = " ".join(lines[1:3] if len(lines) > 2 else lines[:2])
    return None if GRATITUDE.search(opening) else "open with thanks, right after the greeting"


CHECKS: tuple[Check, ...] = (
    Check("subject", _subject), Check("no_gaps", _gaps), Check("no_invented_names", _names),
    Check("no_invented_claims", _claims), Check("no_invented_experience", _experience),
    Check("no_invented_numbers", _numbers),
    Check("writes_as_candidate", _role), Check("length", _length), Check("no_cliche", _cliche),
    Check("no_pressure", _pressure), Check("thanks_first", _gratitude),
)
# What counts as an invented fact (the bench counts these in shown drafts: the target is 0).
INVENTION_CHECKS = frozenset({"no_invented_names", "no_invented_claims", "no_invented_experience",
                              "no_invented_numbers", "writes_as_candidate"})


def failures(subject: str, body: str, request: EmailRequest, bounds: tuple[int, int],
             ours: str = "") -> list[tuple[str, str]]:
    """(check id, what to fix) for every check the draft fails."""
    out = []
    for check in CHECKS:
        problem = check.run(subject, body, request, bounds, ours)
        if problem:
            out.append((check.id, problem))
    return out


def check_draft(subject: str, body: str, request: EmailRequest,
                bounds: tuple[int, int], ours: str = "") -> list[str]:
    """Everything wrong with a draft, as short phrases the model can act on ([] = passes)."""
    return [problem for _, problem in failures(subject, body, request, bounds, ours)]


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
    names the model put in brackets lose them; sentences with gaps nobody can fill, clichés,
    pressure, or a name, number, compliment or role claim the facts do not hold are dropped."""
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
    numbers = allowed_numbers(request)

    def bad(piece: str) -> bool:
        return bool(any(c in piece.lower() for c in CLICHES) or PRESSURE.search(piece)
                    or any(g not in allowed for g in SQUARE.findall(piece))
                    or invented_terms(piece, request) or ungrounded_claims(piece, request)
                    or ungrounded_experience(piece, request)
                    or set(re.findall(r"\d+", piece)) - numbers
                    or claims_the_role(piece, request))

    kept = [piece for piece in pieces if not bad(piece)]
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()

