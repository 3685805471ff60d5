"""Coaching on the candidate's ask: what it asks, its timing, phrasing, pushiness, follow-up,
a verdict (polite, pushy, premature, not an ask) and tips that cite the guide.

The verdict comes from rules alone, so the same message always gets the same verdict; a
language model, where used, only words the session report.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from coach.ask_cues import (
    ASK_CUES,
    CLAUSE,
    EITHER_OR,
    FUTURE_SELF,
    HIRING,
    OTHER_TOPIC,
    PRESUME,
    PROCESS,
    PUSHY,
    STYLE_CUES,
    find,
)
from coach.embeddings import Embedder
from coach.errors import InputError
from coach.reading.banks import read_banks
from coach.reading.softmax import train_softmax
from coach.text.cleaning import clean_reply
from coach.text.injection import strip_injection
from coach.text.sentences import split_sentences as _sentences
from coach.voice.delivery import Delivery

Moment = Literal["early", "invited", "after_answer"]
Verdict = Literal["polite", "pushy", "premature", "not_an_ask"]
AskKind = Literal["next_steps", "timeline", "decision_makers", "offers_info",
                  "follow_up_permission", "clarifies"]

G = "Inquiring About Next Steps"
HEADINGS = {
    "timing": f"{G} › Timing: When to Ask About Next Steps",
    "phrasing": f"{G} › Phrasing: How to Politely Inquire About Next Steps",
    "pushy": "Common Mistakes to Avoid › Being Too Aggressive or Pushy",
    "frame": "During the Interview › Inquiring About Next Steps for Candidates › "
             "How to Frame Your Questions",
    "crafting": "Pre-Interview Preparation › Preparing Questions for the Interviewer › "
                "Crafting Your Questions",
    "closing": "Pre-Interview Preparation › Preparing Questions for the Interviewer › "
               "Closing the Interview with Questions",
    "uncertainty": "During the Interview › Inquiring About Next Steps for Candidates › "
                   "Handling Uncertainty",
    "info": "During the Interview › Inquiring About Next Steps for Candidates › "
            "What to Do with the Information You Receive",
}


class Tip(BaseModel):
    """One short piece of advice and the guide section it comes from."""

    text: str
    heading: str


class Assessment(BaseModel):
    """How one candidate message handles the next-steps ask."""

    text: str
    moment: Moment
    asks: list[AskKind] = Field(default_factory=list)
    verdict: Verdict
    timing: Literal["too_early", "well_placed", "not_applicable"]
    presumptuous: bool = False
    polite: bool = False
    gratitude: bool = False
    open_ended: bool = False
    pushy_signals: list[str] = Field(default_factory=list)
    presumption_signals: list[str] = Field(default_factory=list)
    follow_up: Literal["clarifies", "asks_permission", "none", "not_applicable"] = \
        "not_applicable"
    tips: list[Tip] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    delivery: Delivery | None = None  # how it was said, when it was spoken


# A sentence that asks something: a question mark, or a request phrased without one.
QUESTION = re.compile(
    r"\?|^\s*(?:(?:so|and|ok(?:ay)?|but|also|um+|uh+|er+|like|right|well|yeah|fine|hmm+),?\s+)*(?:¿|could|can|would|"
    r"may|might|will|is|are|do|does|what|whats|when|how|who|which|where|"
    r"should|any chance|est-ce|wann|quand)\b|\b(?:let me know|tell me|walk me through|"
    r"i(?:'d| would) (?:love|like) to (?:know|understand|hear|ask)|i was wondering|"
    r"i want(?:ed)? to (?:know|ask)|(?:can|could|may) i (?:just )?ask|"
    r"i(?:'d| would) be grateful (?:for|if)|"
    r"i(?:'d| would) appreciate (?:a|an|any|some|knowing|it if))\b|"
    r"(?:^|[,;:—–-]\s*)(?:(?:and|so|but|uh+|um+|er+m?|like|anyway|actually|then|ok(?:ay)?|well|right)\s+)*"
    r"(?:what|when|how|who|which|where)(?:'s|\s)",
    re.IGNORECASE)
# A statement aimed at the interviewer or announcing the candidate's own plans.
ADDRESSED = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
# Generic asks that repeat what an answer has just covered.
REASK = re.compile(
    r"(?:so )?what(?:'s| is| are) the (?:next steps|timeline|time ?frame|process)\b(?! after)|"
    r"when (?:will|do|can|would) i (?:hear|know|get (?:an|a|the) (?:answer|decision))|"
    r"when(?:'s| is) the decision|when will you (?:decide|know)|"
    r"^\W*(?:(?:ok(?:ay)?|right|fine|sure|yes|yeah)\W+)*"
    r"but when\b(?! (?:you|we|i) (?:say|said|mention))",
    re.IGNORECASE)


def _whole_words(text: str, match: re.Match[str]) -> str:
    end = match.end()
    while end < len(text) and text[end].isalnum():  # "salar" -> "salary"
        end += 1
    return text[match.start():end].strip()


def _question_count(text: str) -> int:
    return text.count("?")


MOMENTS: tuple[Moment, ...] = ("early", "invited", "after_answer")
VERDICTS: tuple[Verdict, ...] = ("polite", "pushy", "premature", "not_an_ask")


class AskModel:
    """A softmax model on MiniLM embeddings of the ask banks, for what the cues miss.

    Consulted only when no cue fires, so cue-based verdicts stay exactly as the rules say;
    embeddings are deterministic, so the same message still gets the same verdict.
    `banks`: one bank file, a folder (every bank*.jsonl in it) or a list of bank files.
    """

    def __init__(self, banks: Path | Sequence[Path], embedder: Embedder) -> None:
        rows = read_banks(bank_files(banks), "labelled asks")
        rows = [r for r in rows if r.get("text") and r.get("verdict") in VERDICTS
                and r.get("moment") in MOMENTS]
        if not rows:
            raise ValueError(f"No labelled asks in {banks}.")
        self.embedder = embedder
        x = np.array([self._row(v, r["moment"]) for v, r in
                      zip(embedder.embed([r["text"] for r in rows]), rows, strict=True)])
        y = np.array([VERDICTS.index(r["verdict"]) for r in rows])
        self.size = len(rows)
        self.weights = train_softmax(x, y, classes=len(VERDICTS), epochs=2000, momentum=0.0)

    @staticmethod
    def _row(vector: list[float], moment: str) -> np.ndarray:
        return np.concatenate([vector, [2.0 if moment == m else 0.0 for m in MOMENTS]])

    def predict(self, text: str, moment: Moment) -> tuple[Verdict, float]:
        """The most likely verdict and its probability."""
        z = self._row(self.embedder.embed([text])[0], moment) @ self.weights
        p = np.exp(z - z.max())
        p /= p.sum()
        return VERDICTS[int(p.argmax())], float(p.max())


def bank_files(banks: Path | Sequence[Path]) -> list[Path]:
    """The bank files meant by a file, a folder of bank*.jsonl, or a list of files."""
    if isinstance(banks, Path):
        return sorted(banks.glob("bank*.jsonl")) if banks.is_dir() else [banks]
    return list(banks)


_models: dict[str, AskModel] = {}
_models_lock = threading.Lock()


def ask_model(knowledge_dir: Path, embedder: Embedder) -> AskModel:
    """The process-wide AskModel for this knowledge folder and embedder."""
    key = f"{knowledge_dir}|{embedder.name}"
    with _models_lock:
        if key not in _models:
            _models[key] = AskModel(knowledge_dir / "asks", embedder)  # every bank*.jsonl
        return _models[key]


# Words of statements before the first question that make a message an answer, then an ask.
ANSWER_WORDS = 8


def assess(text: str, moment: Moment = "invited", *, already_answered: bool = False,
           model: AskModel | None = None) -> Assessment:
    """Judge one candidate message said at `moment` of the interview's end.

    `already_answered`: the interviewer has already given the next steps in this session, so
    asking the same thing again (rather than clarifying it) counts as pushing.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("Type what you would say to the interviewer.")
    cleaned = clean_reply(text, max_chars=4000)
    body, injected = strip_injection(cleaned.text)
    notes = list(cleaned.notes)
    if injected:
        notes.append("Instructions aimed at an AI were ignored; only what you would say counts.")
    sentences = split_sentences(body)
    question_list = [q for q in sentences if QUESTION.search(q)]
    questions = " ".join(question_list)
    if moment == "early" and question_list:
        # Answering the interviewer's last question and then asking, in one message, is the
        # recommended move: the ask comes after the answer, not too early.
        first = sentences.index(question_list[0])
        answered = " ".join(sentences[:first])
        if len(re.findall(r"\w+", answered)) >= ANSWER_WORDS:
            moment = "invited"
    found: set[str] = set()
    for question in question_list:
        hits = {k for k, v in find(ASK_CUES, question).items() if v}
        if OTHER_TOPIC.search(question) and not HIRING.search(OTHER_TOPIC.sub(" ", question)):
            hits -= {"next_steps", "timeline"}
        if moment == "after_answer" and EITHER_OR.search(question) and PROCESS.search(question):
            hits.add("clarifies")
        found |= hits
    asks: list[AskKind] = [k for k in ASK_CUES if k in found]  # type: ignore[misc]
    if moment != "after_answer" and "clarifies" in asks:
        asks.remove("clarifies")  # "you mentioned" before any answer is about the role
    style = find(STYLE_CUES, body)
    pushy = [_whole_words(body, m) for m in PUSHY.finditer(body)]
    presume = [_whole_words(sentence, m) for sentence in split_sentences(body)
               if QUESTION.search(sentence) or FUTURE_SELF.search(sentence)
               for m in PRESUME.finditer(sentence)]
    if (moment == "after_answer" or already_answered) and REASK.search(questions) and not (
            {"clarifies", "follow_up_permission", "offers_info"} & set(asks)):
        pushy.append("asking again what was just answered")
    asking = [a for a in asks if a != "clarifies"]
    clauses = sum(len(CLAUSE.findall(q)) for q in question_list)
    if (len(asking) >= 2 and _question_count(body) >= 3) or (asks and clauses >= 4):
        pushy.append("several questions fired at once")

    if pushy:
        verdict: Verdict = "pushy"
    elif presume:
        verdict = "premature"
    elif asks and moment == "early":
        verdict = "premature"
    elif asks:
        verdict = "polite"
    else:
        verdict = "not_an_ask"
        if model is not None:
            guess, probability = model.predict(body, moment)
            # Asking needs a question or a request; pressure can also come as a statement
            # ("I'll call you Monday to check"), so only "pushy" may come without one.
            asked = bool(question_list) or (guess == "pushy" and bool(
                ADDRESSED.search(body) or FUTURE_SELF.search(body)))
            if guess != "not_an_ask" and probability > 0.5 and asked:
                verdict = guess
                notes.append("No familiar phrasing: this verdict comes from similar examples.")
    is_ask = bool(asks) or bool(presume) or bool(pushy) or verdict != "not_an_ask"
    timing = ("not_applicable" if not is_ask else
              "too_early" if moment == "early" else "well_placed")
    follow_up = "not_applicable"
    if moment == "after_answer":
        follow_up = ("clarifies" if "clarifies" in asks else
                     "asks_permission" if "follow_up_permission" in asks else "none")
    result = Assessment(
        text=body, moment=moment, asks=asks, verdict=verdict, timing=timing,
        presumptuous=bool(presume), polite=bool(style["polite"] or style["gratitude"]),
        gratitude=bool(style["gratitude"]), open_ended=bool(style["open_question"]),
        pushy_signals=pushy, presumption_signals=presume, follow_up=follow_up, notes=notes,
    )
    result.tips = tips_for(result)
    return result


def tips_for(a: Assessment) -> list[Tip]:
    """One or two tips, most important first, each citing a guide heading."""
    tips: list[Tip] = []
    if a.verdict == "pushy":
        tips.append(Tip(text="Ask once, with curiosity rather than urgency, and let them finish; "
                             "pressing for a verdict or a ranking leaves a poor impression.",
                        heading=HEADINGS["pushy"]))
    if a.presumptuous or (a.verdict == "premature" and a.timing != "too_early"):
        tips.append(Tip(text="Save salary, start dates and benefits for when an offer is on the "
                             "table; now, ask about the process instead.",
                        heading=HEADINGS["timing"]))
    if a.timing == "too_early" and not a.presumptuous:
        tips.append(Tip(text="Wait until they invite your questions near the end; asking about "
                             "next steps this early can come across as presumptuous.",
                        heading=HEADINGS["timing"]))
    if a.verdict == "not_an_ask":
        tips.append(Tip(text="Before you leave, ask what the next steps are — for example, "
                             "\"What are the next steps in the process?\"",
                        heading=HEADINGS["closing"]))
    if a.verdict == "polite":
        if not a.gratitude:
            tips.append(Tip(text="Open with a quick thank-you before the question; it sets a "
                                 "warm, professional tone.", heading=HEADINGS["frame"]))
        if not a.open_ended and a.asks and a.asks != ["clarifies"]:
            tips.append(Tip(text="Make it open-ended (\"What does the timeline look like?\") so "
                                 "they tell you more than yes or no.",
                            heading=HEADINGS["crafting"]))
        if a.moment == "after_answer" and a.follow_up == "none":
            tips.append(Tip(text="After their answer, ask whether it's all right to follow up "
                                 "after the date they gave.", heading=HEADINGS["phrasing"]))
        if not tips:
            tips.append(Tip(text="Well done: note the answer, and plan your follow-up from it.",
                            heading=HEADINGS["info"]))
    return tips[:2]


def verdict_line(a: Assessment) -> str:
    """One sentence for the coaching panel."""
    label = {"polite": "Polite and well placed", "pushy": "Pushy",
             "premature": "Premature", "not_an_ask": "Not an ask about next steps"}[a.verdict]
    asked = ", ".join(x.replace("_", " ") for x in a.asks) or "nothing about next steps"
    return f"{label} — asks: {asked}."


def split_sentences(text: str) -> list[str]:
    """Sentences of a message, for quoting in the report."""
    return [s.text for s in _sentences(text.strip())]
