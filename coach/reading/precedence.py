"""Precedence rules: the few cases the labelling rules settle outright, named, in one list.

The first rule that applies decides the category; its name is shown as the reason. The order is
the priority: a later rule is only asked when no earlier one applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coach.reading.signals import ASKED, STRONG_REJECT, Signals
from coach.schemas import Category

# A role that is filled or eliminated stays gone, whatever else the message says about "for now".
_FOR_GOOD = re.compile(r"fill|eliminat|redundan|permanent|re-?open|cubiert|besetzt|pourvu|"
                       r"preenchid", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """A named precedence rule: when `applies`, the reply is `category`, for `reason`."""

    name: str
    category: Category
    reason: str
    applies: Callable[[Signals], bool]


def _strong_reject(s: Signals) -> bool:
    return s.has("reject_other_candidate", "reject_not_proceeding")


def _paused_not_gone(s: Signals) -> bool:
    for_good = any(h.family == "reject_role_gone" and _FOR_GOOD.search(h.phrase) for h in s.hits)
    return s.has("reject_role_gone") and s.has("temporary") and not _strong_reject(s) \
        and not for_good


def _rejected(s: Signals) -> bool:
    return s.has(*STRONG_REJECT)


# A contact or a decision promised for later: "she'd call the next day", "he expects to decide
# by Friday", "I'd receive a call the following morning", "you should hear back this week".
_PROMISE = re.compile(
    r"\b(?:will|'ll|would|'d|shall|going to|gonna|should|expects?(?:ed)?(?: to)?|"
    r"plans?(?:ned)? to|hopes?(?:d)? to|aims?(?:ed)? to|promised(?: to)?|intends? to|"
    r"said (?:she|he|they) (?:would|'d))\s+"
    r"(?:(?!like\b|love\b)\w+\s+){0,4}?(?:call|ring|phone|contact|email|e-mail|text|hear|"
    r"get back|come back|reach out|"
    r"be in touch|let (?:me|you|him|her|us|them) know|decide|make (?:a|the|their|her|his|our|my|"
    r"final) (?:\w+ )?decision|have (?:a|an) (?:decision|answer|update)|update|respond|reply|"
    r"follow up|know|mak\w* up (?:her|his|their|our|my) minds?|"
    r"receive (?:a|an|the) (?:call|email|answer|decision|update)|get (?:a|an) "
    r"(?:call|email|answer)|give (?:me|you|him|her|them) (?:a|an|my|our|the|their) (?:\w+ )?"
    r"(?:answer|decision|feedback|update|call))\b"
    r"|\bexpect (?:a|an|to hear|their|the) (?:call|answer|decision|email|update|back)"
    # The same promise in the other languages the reader knows.
    r"|\b(?:llamar[aá]n?|llamaremos|quedaron de (?:llamar|avisar|contactar|confirmar)|"
    r"se pondr[aá]n? en contacto|nos pondremos en contacto|confirmar[aá]n|confirmaremos|"
    r"avisar[aá]n|avisaremos|(?:confirm|llam|avis|contact)aban|daremos (?:una )?respuesta|"
    r"ficaram de (?:me )?(?:ligar|telefonar|avisar|contactar|responder|dar)|"
    r"entrar(?:ei|emos|[aã]o) em contato|ligar(?:ei|emos|[aã]o)|daremos (?:um )?retorno|"
    r"reviendr(?:a|ai|ons|ont) vers|rappeller(?:a|ai|ons|ont)|rappeler(?:a|ai|ons|ont)|"
    r"appeller(?:a|ai|ons|ont)|appeler(?:a|ai|ons|ont)|recontacter(?:a|ai|ons|ont)|"
    r"donner(?:a|ai|ons|ont) (?:une |sa |notre |leur )?réponse|"
    r"melden (?:uns|sich)|meldet sich|melde mich|"
    r"(?:werden|wird|würden?|wollten?) (?:\w+ ){0,6}?(?:melden|anrufen|entscheiden|informieren|"
    r"zurückmelden|zusammensetzen|beraten))\b",
    re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?\n]")
_CLAUSE = re.compile(r"[.!?;\n]|\b(?:but|however|although|though|pero|mais|aber|mas)\b",
                     re.IGNORECASE)


def _around(s: Signals, breaks: re.Pattern[str]) -> tuple[int, int, int, int] | None:
    """Where the stated time is (start, end) and the stretch between the breaks around it
    (its sentence or its clause), or None when there is no stated time in the text."""
    if s.deadline is None:
        return None
    at = s.text.find(s.deadline.phrase)
    if at < 0:
        return None
    end = at + len(s.deadline.phrase)
    before = [m.end() for m in breaks.finditer(s.text, 0, at)]
    after = breaks.search(s.text, end)
    return at, end, before[-1] if before else 0, after.start() if after else len(s.text)


def _timed_promise(s: Signals) -> bool:
    """The stated time is when they will call or decide, and nothing is being booked now."""
    if _rejected(s) or s.has("hold", "offer"):
        return False
    sentence, clause = _around(s, _SENTENCE), _around(s, _CLAUSE)
    if sentence is None or clause is None:
        return False
    if any(h.family == "schedule" and not h.phrase.lower().startswith("re")
           and sentence[2] <= h.start < sentence[3] for h in s.hits):
        return False  # a time being booked now ("are you free Monday?"), not a promise
    # The promise and the time share a clause: "they'd call me on Friday", not "I'd hear
    # fairly quickly, but today nothing". In English the promise comes first; German, French,
    # Spanish and Portuguese often put the time first ("Am nächsten Tag wollten sie ...").
    _, end, start, stop = clause
    return bool(_PROMISE.search(s.text, start, end if s.language == "en" else stop))


# A meeting that can be set for a day, in the languages the reader knows.
_MEETING = re.compile(
    r"\b(?:interview|entrevista|entretien|vorstellungsgespräch|gespräch|rendez-vous|"
    r"appointment|assessment day|test day)s?\b", re.IGNORECASE)
# Words of a decision or a reply, which make a clause about waiting, not about a meeting.
_WAITING = re.compile(
    r"\b(?:decid\w*|decision|hear\w*|answer|respon\w*|contact\w*|call(?:ed|ing)? back|"
    r"let (?:me|you|us|him|her|them) know|select\w*|candidates|went|had|was|were|did|"
    r"hope|if|whether|after|since|ago)\b", re.IGNORECASE)


def _meeting_set(s: Signals) -> bool:
    """An interview set for one day, in one clause with nothing about waiting for a decision:
    "the interview is on Friday", "they want a second interview with me on the 20th".
    (Asked only after promised_by_a_time, so a promise with a time never gets here.)"""
    if s.deadline is None or s.deadline.start != s.deadline.end or _rejected(s) \
            or s.has("hold"):
        return False
    if re.match(r"(?:by|before|until|till|within|no later)\b", s.deadline.phrase, re.I):
        return False  # "by Monday" is when something is due, not when a meeting is
    found = _around(s, _CLAUSE)
    if found is None:
        return False
    clause = s.text[found[2]:found[3]]
    return bool(_MEETING.search(clause)) and not _WAITING.search(clause)


# A next step offered now: "we would like to invite you to a final interview", "you have
# moved to the next round" (then a promised call sets it up: immediate, not vague).
_INVITED = re.compile(
    r"\b(?:invit\w*|would (?:like|love) to|(?:moved|moving|progress\w*|advanc\w*) (?:on )?to|"
    r"selected (?:you )?for|shortlisted for|congratulations|pleased to|happy to|"
    r"glad to|delighted to|invitamos|invitarte|invitarle|nous souhaitons|möchten (?:sie|dich)|"
    r"laden (?:sie|dich)|convidar|gostaríamos)\b", re.IGNORECASE)


def _promised_untimed(s: Signals) -> bool:
    """A contact promised with no time ("they'd call us for a final interview", "se pondrán en
    contacto conmigo") and nothing being arranged now: still waiting, no date."""
    if s.timed or _rejected(s) or s.has("hold", "schedule", "offer", "assessment",
                                        "references", "meet_team"):
        return False
    if s.has("next_interview") and _INVITED.search(s.text):
        return False  # the step is offered now; the promised call only sets it up
    return bool(_PROMISE.search(s.text)) and not s.has("reject_soft")


PRECEDENCE: list[Rule] = [
    Rule("another_role_offered", "immediate",
         "not this role, but an interview for another one", lambda s: s.offered_instead),
    Rule("paused_not_closed", "none", "the role is paused for now, not closed for good",
         _paused_not_gone),
    Rule("role_gone", "rejection", "the role is filled, closed, withdrawn or cancelled",
         lambda s: s.has("reject_role_gone")),
    Rule("promised_by_a_time", "clear_timeline",
         "they said when they would call or decide, and nothing is being booked yet",
         _timed_promise),
    Rule("meeting_set_for_a_day", "immediate", "an interview is set for a day",
         _meeting_set),
    Rule("timed_meeting_or_offer", "immediate", "they want to set up the next step",
         lambda s: s.deadline is not None and s.has("meet_team", "offer") and not _rejected(s)
         and not s.has("hold")),
    Rule("hiring_paused", "none", "the hiring is paused or on hold",
         lambda s: s.has("hold") and not _strong_reject(s) and not s.has(*ASKED, "offer")),
    Rule("offer_talk", "immediate", "they want to talk about an offer",
         lambda s: s.has("offer") and not _rejected(s) and not s.has("hold")),
    Rule("promised_without_a_time", "vague",
         "they will be in touch, with no time given and nothing arranged yet",
         _promised_untimed),
    # Interview words in a rejection look back at the process ("after your final round").
    Rule("not_moving_forward", "rejection", "they are not moving forward with you",
         lambda s: _strong_reject(s) and not s.has("hold", "other_role")),
]


def decide(s: Signals) -> Rule | None:
    """The first precedence rule that applies, or None."""
    return next((rule for rule in PRECEDENCE if rule.applies(s)), None)
