"""HTML for the web app's result cards; every piece of user or model text is escaped here."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from coach.feedback import Assessment
from coach.knowledge import Block, Heading, anchor
from coach.retrieval import Guidance
from coach.schemas import CATEGORY_LABELS, Interpretation
from coach.store import SessionSummary

BADGE_COLOURS = {
    "clear_timeline": "#1d7a46", "vague": "#8a6d00", "immediate": "#1f5fbf",
    "none": "#6b6b6b", "rejection": "#a23a3a",
}
# After a reading: on a phone the result is below the fold; bring its top into view.
SHOW_RESULT_JS = """() => {
  const card = document.getElementById('interpret-result');
  if (card && card.getBoundingClientRect().top > window.innerHeight * 0.6)
    card.scrollIntoView({block: 'start'});
}"""

CSS = """
.result-card {border: 1px solid var(--border-color-primary); border-radius: 8px;
              padding: 0.6rem 0.9rem; margin-bottom: 0.6rem; overflow-wrap: anywhere;}
.result-card th {overflow-wrap: normal; word-break: normal; text-align: left;
                 vertical-align: top; padding-right: 0.6rem;}
.heading-path {font-weight: 600;}
.unsure {border-left: 4px solid #8a6d00; padding-left: 0.7rem; margin: 0.4rem 0;}
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
.guide-doc {max-height: 70vh; overflow-y: auto; overflow-wrap: anywhere; padding: 0 1rem;
            border: 1px solid var(--border-color-primary); border-radius: 8px;}
.guide-heading {scroll-margin-top: 0.5rem; border-radius: 4px;
                transition: background-color 1.2s ease-out;}
.guide-heading.guide-flash {background-color: rgba(255, 229, 138, 0.6);}
.guide-heading:focus {outline: none;}
.guide-self {margin-left: 0.4rem; opacity: 0; text-decoration: none;}
.guide-heading:hover .guide-self, .guide-self:focus {opacity: 0.6;}
.guide-toc ul {list-style: none; padding-left: 0; columns: 2 18rem;}
.guide-toc li.toc-2 {margin-left: 1rem; font-size: 0.92em;}
.due {list-style: none; padding-left: 0;}
.due li {margin: 0.5rem 0;}
.badge.due-overdue {background: #b3261e;}
.badge.due-today {background: #b35c00;}
.badge.due-this-week {background: #1f5fa8;}
.badge.due-later {background: #6b6b6b;}
.badge.audience {background: #5a4b8a; font-size: 0.8em; margin-bottom: 0.3rem;}
.apps-table, .history-table {width: 100%; border-collapse: collapse; overflow-wrap: normal;}
.apps-table th, .history-table th, .history-table td:first-child {white-space: nowrap;}
.apps-table td, .apps-table th, .history-table td, .history-table th {
    text-align: left; padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--border-color-primary);}
.history-table .narrow {display: none;}
/* Tables keep whole words; a narrow screen scrolls the table, not the page. */
#practice-report table, .history-table {display: block; max-width: 100%; overflow-x: auto;}
#practice-report th, #practice-report td {overflow-wrap: normal; word-break: normal;}
#practice-report th {white-space: nowrap;}
@media (max-width: 600px) {.apps-table .wide, .history-table .wide {display: none;}
                           .history-table .narrow {display: table-cell;}}
"""

# Element ids of the guide's headings in the page: "guide-" + the anchor from coach.knowledge.
GUIDE_ID_PREFIX = "guide-"
# Installed once per page by every HTML panel that can show a guide link (js_on_load): a click
# on a link to "#guide-..." anywhere in the page (cards, the report, the guide itself) selects
# the Guide tab, waits until Gradio has rendered it (tabs render lazily on first selection and
# hide the others), scrolls the heading into view and flashes it. The URL keeps the anchor, so
# a copied address such as http://127.0.0.1:7860/#guide-<anchor> opens at that heading.
GUIDE_LINKS_JS = r"""
(() => {
  if (window.__coachGuideLinks) return;
  window.__coachGuideLinks = true;
  const PREFIX = '#guide-';
  // The tab's button (id from its elem_id); on a narrow screen Gradio moves tabs that do not
  // fit into a "More tabs" menu, whose buttons have no id, hence the fallback by name.
  const guideTab = () => document.getElementById('tab-guide-button') ||
    [...document.querySelectorAll('.overflow-dropdown button, button[role="tab"]')]
      .find((b) => b.textContent.trim() === 'Guide');
  let pending = 0;
  const reveal = (id) => {
    const ticket = ++pending;
    const tab = guideTab();
    if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
    const until = performance.now() + 8000;
    const seek = () => {
      if (ticket !== pending) return;  // a newer click took over
      const el = document.getElementById(id);
      if (el && el.offsetParent !== null) {
        el.scrollIntoView({block: 'start'});
        el.focus({preventScroll: true});
        el.classList.add('guide-flash');
        setTimeout(() => el.classList.remove('guide-flash'), 1500);
        // Once more after layout settles (a just-rendered tab can still grow above it).
        setTimeout(() => { if (ticket === pending) el.scrollIntoView({block: 'start'}); }, 250);
        return;
      }
      if (performance.now() < until) requestAnimationFrame(seek);
    };
    seek();
  };
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = event.target.closest && event.target.closest('a[href^="#guide-"]');
    if (!link) return;
    event.preventDefault();
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    history.replaceState(history.state, '', '#' + id);
    reveal(id);
  }, true);
  const fromAddress = () => {
    if (location.hash.startsWith(PREFIX)) reveal(decodeURIComponent(location.hash.slice(1)));
  };
  window.addEventListener('hashchange', fromAddress);
  fromAddress();
})();
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


def guide_href(heading_path: str) -> str:
    """The in-page link to a section of the guide (see GUIDE_LINKS_JS)."""
    return f"#{GUIDE_ID_PREFIX}{anchor(heading_path)}"


def guide_link(heading_path: str, text: str | None = None) -> str:
    """A link that opens the Guide tab at this heading (the heading path as its text)."""
    return (f"<a class='guide-link' href='{esc(guide_href(heading_path))}' "
            f"title='Show this section in the guide'>{esc(text or heading_path)}</a>")


def guidance_cards(results: Sequence[Guidance]) -> str:
    """Guide passages as cards: heading path (a link to it in the guide), source and text."""
    cards = []
    for r in results:
        body = "<br>".join(esc(p) for p in r.text.split("\n") if p.strip())
        audience = ("<span class='badge audience'>Written for employers</span> "
                    if r.for_employers else "")
        cards.append(
            f"<div class='result-card'>{audience}<div class='heading-path'>"
            f"{guide_link(r.heading_path)}</div><div class='muted'>{esc(r.source)} · "
            f"relevance {r.score:.2f}</div><p>{body}</p></div>"
        )
    return "\n".join(cards)


NOT_COVERED = ("<div class='result-card'><b>The guide does not cover this.</b> "
               "<p class='muted'>It is about the end of an interview and what follows: asking "
               "about next steps, reading the answer, thank-you and follow-up emails, waiting "
               "and moving on. Try a question about one of those.</p></div>")


_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")


def _block_html(lines: Sequence[str]) -> str:
    """One paragraph block of the guide: text lines, bullet or numbered items; all escaped."""
    out: list[str] = []
    text: list[str] = []
    items: list[str] = []
    kind, start = "", 1

    def end_text() -> None:
        if text:
            out.append(f"<p>{'<br>'.join(text)}</p>")
            text.clear()

    def end_list() -> None:
        nonlocal kind
        if items:
            first = f" start='{start}'" if kind == "ol" and start != 1 else ""
            out.append(f"<{kind}{first}>" + "".join(f"<li>{i}</li>" for i in items)
                       + f"</{kind}>")
            items.clear()
        kind = ""

    for line in lines:
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet is None and numbered is None:
            end_list()
            text.append(esc(line.strip()))
            continue
        end_text()
        this = "ul" if bullet is not None else "ol"
        if this != kind:
            end_list()
            kind = this
            start = int(numbered.group(1)) if numbered is not None else 1
        items.append(esc(bullet.group(1) if bullet is not None else
                         numbered.group(2) if numbered is not None else ""))
    end_text()
    end_list()
    return "".join(out)


def guide_document(blocks: Sequence[Block]) -> str:
    """The whole guide as HTML: contents, then every heading with id "guide-<anchor>".

    Everything is escaped; an anchor that repeats (two identical heading paths) gets "-2",
    "-3" in the page so ids stay unique, and links go to the first.
    """
    seen: set[str] = set()
    toc: list[str] = []
    body: list[str] = []
    for block in blocks:
        if not isinstance(block, Heading):
            body.append(_block_html(block))
            continue
        ident = GUIDE_ID_PREFIX + block.anchor
        n = 2
        while ident in seen:
            ident = f"{GUIDE_ID_PREFIX}{block.anchor}-{n}"
            n += 1
        seen.add(ident)
        tag = f"h{min(block.level + 1, 6)}"
        body.append(f"<{tag} id='{esc(ident)}' class='guide-heading' tabindex='-1' "
                    f"data-source='{esc(block.source)}'>{esc(block.title)}"
                    f"<a class='guide-self' href='#{esc(ident)}' "
                    f"title='Link to this section'>#</a></{tag}>")
        if block.level <= 2:
            toc.append(f"<li class='toc-{block.level}'><a href='#{esc(ident)}'>"
                       f"{esc(block.title)}</a></li>")
    return ("<details class='guide-toc'><summary>Contents</summary><ul>" + "".join(toc)
            + "</ul></details><div class='guide-doc'>" + "".join(body) + "</div>")


def interpretation_card(result: Interpretation) -> str:
    """The Interpret tab's result: badge, reason, highlighted reply, dates, plan, citations."""
    if result.not_read:
        # A language the reader cannot read: no reading is shown, only the way forward.
        return ("<div class='result-card'><span class='badge' style='background:#6b6b6b'>"
                f"Not read</span><p>{esc(result.reason)}</p>"
                + "".join(f"<p class='muted'>Note: {esc(n)}</p>" for n in result.notes)
                + f"<div class='reply-text'>{esc(result.text)}</div></div>")
    colour = BADGE_COLOURS[result.category]
    how = {"rules+model": " · checked with the language model", "user": " · your choice",
           "correction": " · as you corrected a similar message"}.get(result.method, "")
    parts = [
        "<div class='result-card'>",
        f"<span class='badge' style='background:{colour}'>{esc(CATEGORY_LABELS[result.category])}"
        f"</span> <span class='muted'>"
        f"{'your choice' if result.method == 'user' else f'confidence {result.confidence:.0%}'}"
        f"{how if result.method != 'user' else ''}</span>",
        f"<p>{esc(result.reason)}</p>",
    ]
    if result.unsure and result.alternatives:
        parts.append("<div class='unsure'><b>Two readings — which is it?</b><ul>")
        for alt in result.alternatives:
            quote = f" — “{esc(alt.evidence[0])}”" if alt.evidence else ""
            parts.append(f"<li><b>{esc(alt.label)}</b> <span class='muted'>"
                         f"{alt.confidence:.0%}</span>{quote}</li>")
        parts.append("</ul><span class='muted'>Pick the right one under “Your reading” and "
                     "press “Use this reading”: the plan follows your choice.</span></div>")
    if result.learned:
        parts.append(f"<p class='muted'>{esc(result.learned)}</p>")
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
        email = (f" <span class='muted'>· email: {esc(email_label(step.email_kind))}</span>"
                 if step.email_kind else "")
        source = (f"<div class='muted'>Guide: {guide_link(step.source)}</div>"
                  if step.source else "")
        parts.append(f"<li><span class='when'>{step.on:%a %d %b %Y}</span> — "
                     f"{esc(step.action)}{email}<div>{esc(step.detail)}</div>{source}</li>")
    parts.append("</ul></div>")
    if result.guidance:
        parts.append("<div class='heading-path'>What the guide says</div>")
        parts.append(guidance_cards(result.guidance))
    return "\n".join(parts)


VERDICT_COLOURS = {"polite": "#1d7a46", "pushy": "#a23a3a", "premature": "#8a6d00",
                   "not_an_ask": "#6b6b6b"}


VERDICT_LABELS = {"polite": "Polite ask", "pushy": "Pushy", "premature": "Premature",
                  "not_an_ask": "Not an ask about next steps"}
MOMENT_LABELS = {"early": "before they invited your questions",
                 "invited": "when they invited your questions",
                 "after_answer": "after they answered"}


def email_label(kind: str) -> str:
    """The Write tab's name for an email kind ("Follow-up after no response")."""
    from coach.emails.kinds import KIND

    return KIND[kind].label if kind in KIND else kind.replace("_", " ")


def assessment_card(a: Assessment) -> str:
    """Coaching on one candidate message: verdict, what it asked, signals and tips."""
    label = VERDICT_LABELS[a.verdict]
    asks = ", ".join(x.replace("_", " ") for x in a.asks) or "nothing about next steps"
    parts = [f"<div class='result-card'><span class='badge' "
             f"style='background:{VERDICT_COLOURS[a.verdict]}'>{esc(label)}</span> "
             f"<span class='muted'>{esc(MOMENT_LABELS[a.moment])}</span>",
             f"<p class='muted'>“{esc(a.text[:300])}”</p>", f"<p><b>Asks:</b> {esc(asks)}</p>"]
    signals = a.pushy_signals + a.presumption_signals
    if signals:
        parts.append("<p><b>Watch:</b> " + ", ".join(f"“{esc(s)}”" for s in signals) + "</p>")
    for tip in a.tips:
        parts.append(f"<p><b>Tip:</b> {esc(tip.text)}<br><span class='muted'>Guide: "
                     f"{guide_link(tip.heading)}</span></p>")
    if a.delivery is not None:
        parts.append(f"<p class='delivery'><b>Delivery:</b> {esc(a.delivery.line())}</p>")
        for dtip in a.delivery.tips:
            parts.append(f"<p><b>Delivery tip:</b> {esc(dtip.text)}<br><span class='muted'>"
                         f"Guide: {guide_link(dtip.heading)}</span></p>")
    parts.append("</div>")
    return "".join(parts)


def history_table(rows: Sequence[SessionSummary]) -> str:
    """Past practice sessions with their scores, newest first (at phone width: the total)."""
    if not rows:
        return "<p class='muted'>No practice sessions yet.</p>"
    criteria = ("asked", "timing", "phrasing", "composure", "follow_up")
    labels = ("Asked", "Timing", "Phrasing", "No pressure", "Follow-up")
    head = ("<table class='history-table'><tr><th>When</th><th>Role</th>"
            "<th class='wide'>Turns</th>"
            + "".join(f"<th class='wide'>{label}</th>" for label in labels)
            + "<th class='narrow'>Score</th></tr>")
    body = []
    for r in rows:
        scores = r.scores or {}
        cells = "".join(f"<td class='wide'>{scores.get(c, '–')}</td>" for c in criteria)
        total = (f"{sum(scores.get(c, 0) for c in criteria)}/25" if scores else "–")
        body.append(f"<tr><td>{esc(r.created[:16].replace('T', ' '))}</td>"
                    f"<td>{esc(r.role)} · {esc(r.company)}</td><td class='wide'>{r.turns}</td>"
                    f"{cells}<td class='narrow'>{total}</td></tr>")
    return "<div class='result-card'><b>Your practice history</b>" + head + "".join(body) \
        + "</table></div>"
