"""Phrase cues for the candidate's side: what a message asks, and how it asks it."""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _p(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


ASK_CUES: dict[str, re.Pattern[str]] = {
    "next_steps": _p(
        r"next steps?", r"what (?:happens|comes) (?:next|now|after)", r"(?:rest of|the) (?:hiring |interview |recruitment )?process",
        r"(?:further|another|second|more|final|next|technical) (?:rounds?|interviews?|stages?|assessments?)",
        r"(?:take-?home|assignment|assessment|test|reference checks?)\b.{0,40}\?", r"from here", r"what'?s next",
        r"próximos pasos|prochaines étapes|nächsten schritte|nächste schritt|volgende stap",
        r"how many (?:rounds|stages|interviews|steps)", r"(?:rounds?|stages?) in total", r"(?:last|final|only) (?:round|stage|interview)",
        r"(?:more|later|another|other) (?:rounds?|stages?|interviews?)\b", r"\b(?:on-?site|take-?home|references?|reference checks?|assessment|panel)\b",
        r"meet(?:ing)? the (?:team|team lead|manager|director|ceo|cto)", r"(?:who else|anyone else) (?:will|would) (?:be )?(?:interview|meet)",
        r"what (?:should|do) i (?:prepare|expect)", r"after (?:this|today|the (?:on-?site|interview|final))",
        r"(?:decision|update|news|answer|outcome|offer)s?\b.{0,30}\b(?:come|be sent|arrive|from you|by (?:email|phone))", r"expect (?:updates?|news|to hear|an? (?:email|call))",
        r"how (?:the|a|your) decision (?:will be|is|gets) made", r"(?:good|best|right) (?:point|time|way) (?:for me )?to follow up", r"follow up with (?:you|them|him|her)\b",
        r"(?:next|following|final) conversation", r"before a decision", r"(?:anyone|someone) else\b.{0,40}\b(?:speak|talk|meet)",
    ),
    "timeline": _p(
        r"time ?line", r"time ?frame", r"when (?:can|could|should|will|would|do|might) (?:i|we|you)", r"when (?:is|are|will) (?:the|a|your)",
        r"how (?:long|soon|quickly)", r"hear (?:back|from)", r"(?:expect|expecting) (?:to hear|a decision|an answer|news|feedback)",
        r"decision (?:date|by|time)", r"\bby when\b", r"(?:this|next) week\?", r"cuándo|quand |wann ", r"\bdeadline\b",
        r"(?:have|make) (?:a|the|your) decision", r"someone in (?:place|the role|post)",
        r"hoping to (?:fill|hire|decide|have)", r"(?:decide|decision|hear|know|answer)\b.{0,20}\bby (?:monday|tuesday|wednesday|thursday|friday|the|end|next|this|tomorrow)",
        r"(?:will|would|do) you (?:decide|know|have (?:news|an answer))", r"when(?:'s| is) (?:the|a|your) (?:decision|call|answer)",
        r"what day", r"(?:specific|exact) date", r"d'ici (?:vendredi|lundi|la fin)",
    ),
    "decision_makers": _p(
        r"who (?:else )?(?:will|would|is|are|makes|decides|gets|has)\b.{0,30}(?:decision|decid|involved|say|final)",
        r"(?:involved|part of) (?:in )?the (?:decision|hiring|final)", r"(?:final|the) (?:say|sign-?off|call)\b",
        r"decision[- ]makers?", r"(?:committee|panel|board) (?:decide|who)", r"who decides", r"quién decide|qui décide|wer entscheidet",
    ),
    "offers_info": _p(
        r"anything (?:else )?(?:i can|you need|that would|to help|further)", r"(?:can|could|should|may) i (?:send|provide|share|forward)",
        r"(?:send|share|provide) (?:you |over )?(?:a |some |my |any |the )?(?:references?|examples?|portfolio|samples?|case stud|work|links?|more)",
        r"would it (?:be )?help(?:ful)? (?:if|to)", r"happy to (?:send|provide|share)", r"anything (?:else )?(?:from|missing)",
        r"would (?:a|an|some|my)\b.{0,80}\bbe (?:useful|helpful|of use|of help)", r"expand on\b.{0,30}\b(?:in writing|further|later)", r"(?:useful|helpful) (?:for|to) (?:you|the panel|the team)",
    ),
    "follow_up_permission": _p(
        r"(?:ok(?:ay)?|all right|alright|fine|appropriate|acceptable|welcome) (?:if|for me )?(?:i |to )?(?:follow(?: |-)?up|check in|reach out|get in touch|email|send)",
        r"(?:may|can|could|should|shall) i (?:follow(?: |-)?up|check in|reach out|get in touch|email|contact|send a (?:quick )?(?:note|email))",
        r"(?:best|preferred) way to (?:follow|stay|get|reach|contact)", r"who should i (?:follow|contact|reach)",
        r"(?:follow(?: |-)?up|check in)\b.{0,40}\bif i (?:haven'?t|have not|don'?t) heard",
        r"(?:would|will|is) it (?:be )?(?:ok(?:ay)?|all right|alright|fine|cool|acceptable|appropriate)\b.{0,20}\bif i (?:nudge|check|email|follow|reach|ping|call|contact|sen[dt]|drop)",
        r"(?:nudge|ping|chase|relancer|nachfragen|contactar)", r"if i (?:don'?t|do not|haven'?t|have not) (?:hear|heard)",
    ),
    "clarifies": _p(
        r"just (?:so i'?m|to be) clear", r"(?:to )?clarify", r"you mentioned", r"(?:is|was) (?:that|the) (?:friday|decision|date|\w+day)\b",
        r"\bso (?:that|this) (?:means|is)", r"(?:email|phone|call) or (?:email|phone|call)", r"(?:will|is) (?:that|it) (?:be )?(?:by|via|through)",
    ),
}

STYLE_CUES: dict[str, re.Pattern[str]] = {
    "gratitude": _p(r"\bthank", r"\bthanks\b", r"appreciat", r"grateful", r"enjoyed", r"(?:a|it'?s been a|was a) pleasure",
                    r"gracias|merci|danke|bedankt"),
    "polite": _p(r"\bplease\b", r"\bcould you\b", r"\bwould you\b", r"\bmay i\b", r"\bwould it be\b", r"\bdo you (?:mind|know)\b",
                 r"if (?:you don'?t mind|possible|that'?s ok)", r"\bkindly\b", r"i'?d (?:love|like) to (?:know|understand|hear)",
                 r"i was wondering", r"(?:could|can) i ask"),
    "open_question": _p(r"^\s*(?:what|how|who|which|could you (?:share|tell|walk|describe|explain)|can you (?:share|tell|walk|describe|explain)|would you (?:share|tell|walk))\b",
                        r"[.!,]\s*(?:what|how|who|which|could you (?:share|tell|walk)|can you (?:share|tell|walk))\b"),
    "closed_question": _p(r"(?:^|[.!,]\s*)(?:will|is|are|do|does|did|can i|should i|am i|have you|has)\b[^?]{0,80}\?"),
}

PRESUME = _p(
    r"\bsalar", r"\bpay(?:ing)?\b(?! attention)", r"compensation", r"how much (?:does|will|would|is)", r"\bbonus", r"\bequity\b", r"stock options",
    r"\bvacation", r"\bpto\b", r"time off", r"holiday (?:days|allowance|entitlement)", r"annual leave", r"days off", r"urlaub",
    r"\bbenefits?\b", r"health (?:insurance|plan|cover)", r"pension", r"401\s?k", r"relocation (?:package|budget|support|bonus)",
    r"start date", r"when (?:would|could|can|do|will) i (?:start|begin|join)", r"(?:my|the) first day", r"\bwould i start\b",
    r"promot(?:ion|ed)", r"\braise\b", r"(?:work|working) from home|remote days|wfh|hybrid days",
    r"my (?:desk|laptop|equipment|team|office|parking)\b", r"when do i get", r"\bonboarding\b", r"notice period", r"sueldo|salaire|gehalt|vacaciones|congés",
    r"\bprobation", r"hand in my notice", r"\bnotice\b", r"\blaptop\b", r"company car", r"day one", r"(?:would|will) i (?:be )?(?:fully )?remote|work(?:ing)? remote(?:ly)?", r"(?:have|need) to come into the office",
    r"(?:tell|inform) my (?:manager|boss|employer)", r"\bresign|quit my", r"take my (?:\w+ )?(?:weeks?|holiday|vacation|leave|days)",
    r"(?:would|will) i (?:get|be able to)\b", r"my (?:salary|title|contract|start)\b",
)
PUSHY = _p(
    r"(?:did|have|do) i get (?:it|the (?:job|role|position)|in)", r"(?:am|are) (?:i|you) (?:moving|going|taking me) (?:forward|through|ahead)\s*\?",
    r"tell me (?:now|today|right now|straight)", r"(?:right|here and) now", r"on the spot", r"yes or no",
    r"how (?:do|did|would) i (?:compare|rank|stack up|measure up|do compared)", r"(?:better|worse) than (?:the )?(?:other|last|others)",
    r"where do i (?:rank|stand)", r"(?:top|front-?runner|short-?list|first choice|number one)\b.{0,20}\?", r"other candidates? (?:are|were|is)\b.{0,30}\?",
    r"(?:what|any) (?:reservations|doubts|concerns|hesitations)\b.{0,60}(?:address|clear up|answer|change your mind|overcome|fix|convince|right now|so i can)",
    r"(?:let me|i can|i'?ll) (?:address|clear up|overcome|convince|change your mind)", r"why (?:wouldn'?t|would not|won'?t) you",
    r"i need (?:an answer|to know|a decision|you to)", r"(?:by|before) (?:tomorrow|tonight|end of (?:the )?day|eod|monday|friday|\d+ ?(?:pm|am))\b.{0,30}(?:or|otherwise|else|because)",
    r"(?:other|another|competing) offers?\b", r"(?:or )?i'?ll (?:assume|take|go|accept)", r"within \d+ hours",
    r"(?:can'?t|cannot|won'?t) wait", r"(?:hurry|speed (?:it|this|things) up|asap|as soon as possible)", r"\bexactly\b\s*\?",
    r"(?:i'?ll|i will) (?:call|email|ring|check in|follow up) (?:you )?(?:every|each|daily|tomorrow|twice)",
    r"(?:wait|sorry)[,—-]+\s*(?:before you|let me)", r"(?:let me|can i) (?:just )?(?:interrupt|cut in|jump in)",
    r"\bwhy (?:so|is it taking|does it take) (?:long|slow)", r"(?:seriously|come on)\b",
    r"am i (?:hired|through|in\b|ahead|the (?:strongest|best|top|front)|on the (?:list|shortlist))", r"i'?m (?:hired|through|ahead), (?:yes|right)", r"(?:did|have) i (?:get|got|make) (?:it|the)",
    r"(?:is it|it'?s) a yes", r"j'ai le poste|tengo el puesto|habe ich die stelle", r"thumbs (?:up|down)",
    r"(?:hint|verbal offer|answer|decision|offer)\b.{0,20}\b(?:now|today|tonight|before i leave)", r"(?:give|tell) me (?:a hint|an answer|the decision|if|whether|now)",
    r"where (?:am|do) i (?:on the list|rank|stand|sit)", r"(?:ahead|in front) of (?:them|the others|others|everyone)", r"front of the queue",
    r"(?:can|could) you (?:please )?(?:let me know|decide|tell me|get back to me) by\b", r"too (?:far|long|slow)\b",
    r"what every (?:company|employer|one|recruiter) says", r"\*actually\*|actually hear", r"let'?s (?:say|make it)\b",
    r"every (?:day|morning|single day)", r"(?:call|text|ring|phone) me (?:tonight|today|later|back tonight)", r"direct (?:number|line|email)",
    r"push (?:this|it|things) along", r"i need (?:a|an|to|the|you)\b", r"only (?:doing this|interested|staying) if", r"unless you",
    r"remind you", r"(?:skip|cut) (?:the rest|you off|to the)", r"what would it take", r"(?:argue|fix|defend|rebut) (?:it|them|that|those)\b",
    r"(?:didn'?t|did not|don'?t) you like", r"so decide", r"like,? what day", r"not like i (?:have|don'?t)", r"\b\w+\.\s+\w+\.\s+\w+\.\s+\w+\.",
    r"[!?]{3,}", r"dites-le-moi|dímelo|sagen sie es mir", r"make me an offer", r"(?:speak|talk) to (?:them|him|her|the panel|the decision)\b.{0,20}\b(?:today|now|tonight)",
    r"stopping you from", r"(?:only|just) tell me", r"can we skip",
)


def find(patterns: dict[str, re.Pattern[str]], text: str) -> dict[str, list[str]]:
    """For each cue family, the phrases of text that matched."""
    return {name: [m.group(0) for m in pattern.finditer(text) if m.group(0).strip()]
            for name, pattern in patterns.items()}
