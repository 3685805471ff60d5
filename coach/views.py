"""HTML for the web app's result cards; every piece of user or model text is escaped here."""

from __future__ import annotations

import html
from collections.abc import Sequence

from coach.feedback import Assessment
from coach.retrieval import Guidance
from coach.schemas import CATEGORY_LABELS, Interpretation
from coach.store import SessionSummary

BADGE_COLOURS = {
    "clear_timeline": "#1d7a46", "vague": "#8a6d00", "immediate": "#1f5fbf",
    "none": "#6b6b6b", "rejection": "#a23a3a",
}
CSS = """
.result-card {border: 1px solid var(--border-color-primary); border-radius: 8px;
              padding: 0.6rem 0.9rem; margin-bottom: 0.6rem; overflow-wrap: anywhere;}
.heading-path {font-weight: 600;}
.muted {opacity: 0.75; font-size: 0.9em;}
.badge {display: inline-block; color: #fff; border-radius: 999px; padding: 0.15rem 0.7rem;
        font-weight: 600;}
.reply-text {white-space: pre-wrap; border-left: 3px solid var(--border-color-primary);
             padding-left: 0.7rem; max-height: 18rem; overflow-y: auto;}
.reply-text mark {background: #ffe58a; color: #000; border-radius: 3px;}
.timeline {list-style: none; padding-left: 0;}
.timeline li {border-left: 3px solid var(--color-accent); margin: 0 0 0.7rem 0.4rem;
              padding-left: 0.8rem;}
.timeline .when {font-weight: 600;}
"""


def esc(text: object) -> str:
    """HTML-escaped text (quotes included)."""
    return html.escape(str(text), quote=True)


def highlight(text: str, phrases: Sequence[str]) -> str:
    """The text escaped, with every occurrence of the phrases wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        if not phrase:
            continue
        start = text.find(phrase)
        while start != -1:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + len(phrase))
    spans.sort()
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def guidance_cards(results: Sequence[Guidance]) -> str:
    """Guide passages as cards: heading path, source and text."""
    cards = []
    for r in results:
        body = "<br>".join(esc(p) for p in r.text.split("\n") if p.strip())
        cards.append(
            f"<div class='result-card'><div class='heading-path'>{esc(r.heading_path)}</div>"
            f"<div class='muted'>{esc(r.source)} · relevance {r.score:.2f}</div>"
            f"<p>{body}</p></div>"
        )
    return "\n".join(cards)


def interpretation_card(result: Interpretation) -> str:
    """The Interpret tab's result: badge, reason, highlighted reply, dates, plan, citations."""
    colour = BADGE_COLOURS[result.category]
    parts = [
        "<div class='result-card'>",
        f"<span class='badge' style='background:{colour}'>{esc(CATEGORY_LABELS[result.category])}"
        f"</span> <span class='muted'>confidence {result.confidence:.0%}"
        f"{' · checked with the language model' if result.method == 'rules+model' else ''}"
        "</span>",
        f"<p>{esc(result.reason)}</p>",
    ]
    if result.deadline:
        parts.append(f"<p><b>When:</b> “{esc(result.deadline.phrase)}” → "
                     f"{esc(result.deadline.label)}"
                     f"{' (business days)' if result.deadline.business_days else ''}</p>")
    if result.next_step != "none":
        parts.append(f"<p><b>Next step:</b> {esc(result.next_step.replace('_', ' '))}</p>")
    if result.asks:
        parts.append(f"<p><b>They ask you for:</b> {esc(', '.join(result.asks))}</p>")
    for note in result.notes:
        parts.append(f"<p class='muted'>Note: {esc(note)}</p>")
    parts.append(f"<div class='reply-text'>{highlight(result.text, result.evidence)}</div>")
    parts.append("</div>")
    parts.append("<div class='result-card'><div class='heading-path'>Your plan</div>"
                 "<ul class='timeline'>")
    for step in result.plan.steps:
        email = (f" <span class='muted'>· email: {esc(step.email_kind.replace('_', ' '))}</span>"
                 if step.email_kind else "")
        source = f"<div class='muted'>Guide: {esc(step.source)}</div>" if step.source else ""
        parts.append(f"<li><span class='when'>{step.on:%a %d %b %Y}</span> — "
                     f"{esc(step.action)}{email}<div>{esc(step.detail)}</div>{source}</li>")
    parts.append("</ul></div>")
    if result.guidance:
        parts.append("<div class='heading-path'>What the guide says</div>")
        parts.append(guidance_cards(result.guidance))
    return "\n".join(parts)


VERDICT_COLOURS = {"polite": "#1d7a46", "pushy": "#a23a3a", "premature": "#8a6d00",
                   "not_an_ask": "#6b6b6b"}


def assessment_card(a: Assessment) -> str:
    """Coaching on one candidate message: verdict, what it asked, signals and tips."""
    label = a.verdict.replace("_", " ")
    asks = ", ".join(x.replace("_", " ") for x in a.asks) or "nothing about next steps"
    parts = [f"<div class='result-card'><span class='badge' "
             f"style='background:{VERDICT_COLOURS[a.verdict]}'>{esc(label)}</span> "
             f"<span class='muted'>{esc(a.moment.replace('_', ' '))}</span>",
             f"<p class='muted'>“{esc(a.text[:300])}”</p>", f"<p><b>Asks:</b> {esc(asks)}</p>"]
    signals = a.pushy_signals + a.presumption_signals
    if signals:
        parts.append("<p><b>Watch:</b> " + ", ".join(f"“{esc(s)}”" for s in signals) + "</p>")
    for tip in a.tips:
        parts.append(f"<p><b>Tip:</b> {esc(tip.text)}<br><span class='muted'>Guide: "
                     f"{esc(tip.heading)}</span></p>")
    parts.append("</div>")
    return "".join(parts)


def history_table(rows: Sequence[SessionSummary]) -> str:
    """Past practice sessions with their scores, newest first."""
    if not rows:
        return "<p class='muted'>No practice sessions yet.</p>"
    head = ("<table><tr><th>When</th><th>Role</th><th>Turns</th><th>Asked</th><th>Timing</th>"
            "<th>Phrasing</th><th>No pressure</th><th>Follow-up</th></tr>")
    body = []
    for r in rows:
        scores = r.scores or {}
        cells = "".join(f"<td>{scores.get(c, '–')}</td>" for c in
                        ("asked", "timing", "phrasing", "composure", "follow_up"))
        body.append(f"<tr><td>{esc(r.created[:16].replace('T', ' '))}</td>"
                    f"<td>{esc(r.role)} · {esc(r.company)}</td><td>{r.turns}</td>{cells}</tr>")
    return "<div class='result-card'><b>Your practice history</b>" + head + "".join(body) \
        + "</table></div>"
