"""Delivery measures of a spoken turn: pace, fillers, hedges and apologies, long pauses and
how long the ask takes; tips with the guide section behind them; a comparison with the
user's earlier spoken turns.

Cue patterns are data (`cues.jsonl`: id, family, language, pattern, examples and
counter-examples); a hit names the pattern that fired. Thresholds are named below.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from coach.voice.transcribe import Transcript, Word

Family = Literal["filler", "hedge", "apology"]
CUES_FILE = Path(__file__).with_name("cues.jsonl")

# Conversational English runs at about 120–160 words a minute; past 170 an ask sounds hurried,
# under 100 halting.
FAST_WPM = 170
SLOW_WPM = 100
FILLERS_PER_100 = 4.0  # more than this many fillers per 100 words is a habit worth breaking
MIN_FILLERS = 2
LONG_PAUSE = 2.0  # seconds of silence between two words
LONG_ASK_SECONDS = 12.0  # the ask itself: one or two sentences take well under this
MIN_WORDS_FOR_PACE = 6  # too few words to judge a pace

HEADINGS = {
    "frame": "During the Interview › Inquiring About Next Steps for Candidates › "
             "How to Frame Your Questions",
    "delivery": "Pre-Interview Preparation › Preparing Questions for the Interviewer › "
                "Timing and Delivery of Questions",
}
ASK_WORDS = re.compile(
    r"\b(?:next steps?|timeline|time ?frame|hear back|hear from|decision|process|"
    r"pr[óo]ximos pasos|siguientes pasos|n[äa]chsten schritte|prochaines [ée]tapes|"
    r"pr[óo]ximos passos|proceso|processus|processo|prozess)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """One delivery pattern."""

    id: str
    family: Family
    lang: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counter: tuple[str, ...]


@cache
def cues() -> tuple[Cue, ...]:
    """The patterns of cues.jsonl, in file order."""
    out = []
    for line in CUES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(Cue(id=row["id"], family=row["family"], lang=row["lang"],
                           pattern=re.compile(row["pattern"], re.IGNORECASE),
                           examples=tuple(row["examples"]), counter=tuple(row["counter"])))
    return tuple(out)


class Hit(BaseModel):
    """A cue found in the transcript."""

    cue: str  # the pattern's id
    family: Family
    text: str


class Pause(BaseModel):
    """A silence between two words."""

    after: str
    seconds: float


class DeliveryTip(BaseModel):
    """Advice on delivery, with the guide section it rests on."""

    kind: str = ""  # which measure it answers: apology, hedge, fillers, fast, slow, ask, pause
    text: str
    heading: str


class Delivery(BaseModel):
    """How a spoken turn was delivered."""

    words: int
    seconds: float  # from the first word to the last
    wpm: float | None = None  # None when too few words to judge
    fillers: list[Hit] = Field(default_factory=list)
    hedges: list[Hit] = Field(default_factory=list)  # hedges and apologies
    pauses: list[Pause] = Field(default_factory=list)
    ask_seconds: float | None = None  # the sentence(s) that ask about next steps
    language: str = "en"
    tips: list[DeliveryTip] = Field(default_factory=list)
    said: str = ""  # the transcript it measures

    def measures(self, text: str) -> bool:
        """True when `text` is (nearly) what was said: the transcript, perhaps lightly edited;
        a turn rewritten or typed afresh is not measured by this recording."""
        heard = set(re.findall(r"[\w']+", self.said.lower()))
        sent = set(re.findall(r"[\w']+", (text or "").lower()))
        return bool(heard and sent) and len(heard & sent) / len(heard | sent) >= 0.6

    @property
    def fillers_per_100(self) -> float:
        return 100 * len(self.fillers) / self.words if self.words else 0.0

    def line(self) -> str:
        """One line for the coaching card and the CLI."""
        parts = [f"{self.wpm:.0f} words/min" if self.wpm is not None else
                 f"{self.words} words"]
        parts.append(_counted("filler", self.fillers))
        parts.append(_counted("hedge or apology", self.hedges, plural="hedges or apologies"))
        if self.pauses:
            longest = max(p.seconds for p in self.pauses)
            parts.append(f"{len(self.pauses)} long pause{'s' * (len(self.pauses) > 1)} "
                         f"(longest {longest:.1f} s)")
        if self.ask_seconds is not None:
            parts.append(f"the ask took {self.ask_seconds:.1f} s")
        return " · ".join(parts)


def _counted(name: str, hits: Sequence[Hit], plural: str | None = None) -> str:
    if not hits:
        return f"no {plural or name + 's'}"
    counts = Counter(h.text.lower() for h in hits)
    listed = ", ".join(f"“{t}”" + (f" ×{n}" if n > 1 else "") for t, n in counts.most_common(3))
    label = name if len(hits) == 1 else plural or name + "s"
    return f"{len(hits)} {label} ({listed})"


def find(text: str, lang: str, family: Family | None = None) -> list[Hit]:
    """The cues of `lang` (and of `family`, if given) that occur in `text`, in order."""
    hits: list[tuple[int, Hit]] = []
    for cue in cues():
        if cue.lang != lang or (family is not None and cue.family != family):
            continue
        for m in cue.pattern.finditer(text):
            # A pattern may name the words it counts (?P<w>...) apart from their context.
            said = (m.group("w") if "w" in m.re.groupindex else m.group(0)).strip(" ,.")
            hits.append((m.start(), Hit(cue=cue.id, family=cue.family, text=said)))
    return [h for _, h in sorted(hits, key=lambda pair: pair[0])]


def _sentences(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into sentences by the transcript's own end punctuation."""
    out: list[list[Word]] = [[]]
    for w in words:
        out[-1].append(w)
        if w.text.endswith((".", "?", "!")):
            out.append([])
    return [s for s in out if s]


def ask_span(words: Sequence[Word]) -> float | None:
    """Seconds from the start of the first sentence that asks about next steps to the end of
    the last one, or None when no sentence does."""
    asking = [s for s in _sentences(words)
              if ASK_WORDS.search(" ".join(w.text for w in s))
              and (s[-1].text.endswith("?") or len(s) > 3)]
    if not asking:
        return None
    return round(asking[-1][-1].end - asking[0][0].start, 1)


def measure(transcript: Transcript) -> Delivery:
    """The delivery of one spoken turn, with tips."""
    words = transcript.words
    text = transcript.text
    lang = transcript.language
    seconds = round(words[-1].end - words[0].start, 1) if words else 0.0
    wpm = round(60 * len(words) / seconds, 0) if len(words) >= MIN_WORDS_FOR_PACE and \
        seconds > 0 else None
    pauses = [Pause(after=a.text, seconds=round(b.start - a.end, 1))
              for a, b in zip(words, words[1:], strict=False) if b.start - a.end >= LONG_PAUSE]
    delivery = Delivery(words=len(words), seconds=seconds, wpm=wpm,
                        fillers=find(text, lang, "filler"),
                        hedges=find(text, lang, "hedge") + find(text, lang, "apology"),
                        pauses=pauses, ask_seconds=ask_span(words), language=lang,
                        said=text)
    delivery.tips = tips(delivery)
    return delivery


def tips(d: Delivery) -> list[DeliveryTip]:
    """Advice where a measure is past its threshold."""
    out = []
    apologies = [h for h in d.hedges if h.family == "apology"]
    if apologies:
        out.append(DeliveryTip(
            kind="apology",
            text=f"Drop the apology (“{apologies[0].text}”): asking about next steps is "
                 "expected at this point, not an imposition. Thank them, then ask directly.",
            heading=HEADINGS["frame"]))
    elif d.hedges:
        out.append(DeliveryTip(
            kind="hedge",
            text=f"“{d.hedges[0].text}” softens the ask until it sounds unsure. Be direct but "
                 "polite: “What are the next steps in the process?”",
            heading=HEADINGS["frame"]))
    if len(d.fillers) >= MIN_FILLERS and d.fillers_per_100 > FILLERS_PER_100:
        out.append(DeliveryTip(
            kind="fillers",
            text=f"{len(d.fillers)} fillers in {d.words} words. A silent pause sounds more "
                 "composed than “um”: take a breath before the question.",
            heading=HEADINGS["delivery"]))
    if d.wpm is not None and d.wpm > FAST_WPM:
        out.append(DeliveryTip(
            kind="fast",
            text=f"{d.wpm:.0f} words a minute is fast; slow to about 130–160 so the question "
                 "lands and sounds calm.", heading=HEADINGS["delivery"]))
    elif d.wpm is not None and d.wpm < SLOW_WPM:
        out.append(DeliveryTip(
            kind="slow",
            text=f"{d.wpm:.0f} words a minute sounds hesitant; prepare the closing ask so it "
                 "comes out in one go.", heading=HEADINGS["delivery"]))
    if d.ask_seconds is not None and d.ask_seconds > LONG_ASK_SECONDS:
        out.append(DeliveryTip(
            kind="ask",
            text=f"The ask took {d.ask_seconds:.0f} s. One or two sentences are enough: "
                 "thanks, then “what are the next steps?”", heading=HEADINGS["frame"]))
    if d.pauses:
        p = max(d.pauses, key=lambda x: x.seconds)
        out.append(DeliveryTip(
            kind="pause",
            text=f"A {p.seconds:.1f} s pause after “{p.after}”: knowing your closing question "
                 "before the interviewer invites it keeps it fluent.",
            heading=HEADINGS["delivery"]))
    return out


class DeliverySummary(BaseModel):
    """The spoken turns of one session (or of several), in averages."""

    turns: int
    wpm: float | None = None
    fillers_per_100: float = 0.0
    hedges: int = 0
    pauses: int = 0


def summarize(deliveries: Sequence[Delivery]) -> DeliverySummary | None:
    """Averages over spoken turns, or None when there were none."""
    if not deliveries:
        return None
    paced = [d.wpm for d in deliveries if d.wpm is not None]
    words = sum(d.words for d in deliveries)
    return DeliverySummary(
        turns=len(deliveries), wpm=round(sum(paced) / len(paced), 0) if paced else None,
        fillers_per_100=round(100 * sum(len(d.fillers) for d in deliveries) / words, 1)
        if words else 0.0,
        hedges=sum(len(d.hedges) for d in deliveries),
        pauses=sum(len(d.pauses) for d in deliveries))


def compare(now: DeliverySummary, before: DeliverySummary | None) -> list[str]:
    """What changed since the user's earlier spoken sessions, in words."""
    if before is None:
        return ["This is your first session spoken aloud: the next ones are compared with it."]
    lines = []
    if now.wpm is not None and before.wpm is not None:
        change = now.wpm - before.wpm
        trend = "about the same" if abs(change) < 10 else "faster" if change > 0 else "slower"
        lines.append(f"Pace: {now.wpm:.0f} words/min, {trend} than before ({before.wpm:.0f}).")
    if abs(now.fillers_per_100 - before.fillers_per_100) < 1:
        lines.append(f"Fillers: {now.fillers_per_100:.1f} per 100 words, as before.")
    else:
        better = now.fillers_per_100 < before.fillers_per_100
        lines.append(f"Fillers: {now.fillers_per_100:.1f} per 100 words, "
                     f"{'fewer' if better else 'more'} than before "
                     f"({before.fillers_per_100:.1f}).")
    now_rate = now.hedges / now.turns
    before_rate = before.hedges / before.turns
    if now_rate < before_rate:
        lines.append(f"Hedges and apologies: {now_rate:.1f} a turn, down from "
                     f"{before_rate:.1f}.")
    elif now_rate > before_rate:
        lines.append(f"Hedges and apologies: {now_rate:.1f} a turn, up from {before_rate:.1f}.")
    return lines
