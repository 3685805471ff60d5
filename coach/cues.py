"""Phrase cues for reading recruiters' replies: each family is a set of patterns with a name.

The classifier turns cue hits into features; the families also supply the evidence phrases the
UI highlights. Patterns aim at how hiring people actually write, in direct and reported speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


def _p(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


# Shared fragments.
WE = r"(?:we|they|she|he|i|the (?:team|company|client|panel|committee|hiring manager|business))"
ROLE = (r"(?:role|position|job|vacancy|opening|post|requisition|req|opportunity|search|"
        r"position you interviewed for)")
CAND = r"(?:candidate|applicant|person|profile|individual|someone)"

FAMILIES: dict[str, re.Pattern[str]] = {
    # --- rejection ------------------------------------------------------------------------
    "reject_other_candidate": _p(
        rf"(?:move|moving|go|going|proceed|proceeding|progress|progressing|went|gone|decided to go)"
        rf"\s+(?:forward\s+)?with\s+(?:an(?:other)?|other|a different|the other|one other)"
        rf"\s+(?:\w+\s+){{0,2}}{CAND}s?",
        rf"(?:offer(?:ed)?|give|given|gave|accepted)\s+(?:the\s+(?:\w+\s+)?{ROLE}\s+)?to\s+"
        rf"(?:an(?:other)?|a different|a more|one of|someone)\b",
        r"(?:made|making|completed|finali[sz]ed) (?:a|an|the|our) (?:hire|appointment|selection)",
        r"(?:go|going|gone|went|move|moving|proceed\w*|decided to go) (?:forward )?with (?:an )?internal",
        r"internal (?:hire|candidate|applicant) (?:was|has been|is being) (?:chosen|selected|appointed|offered)",
        r"(?:went|go|going|gone|take|taking|taken) (?:in )?(?:another|a different) direction",
        r"(?:go|going|gone|went|move|moving|proceed\w*) (?:forward )?with (?:someone|somebody|a candidate|the candidate|candidates?) (?:with|who|whose|that|more|else)",
        r"(?:have|has) (?:now |all |already |since )?been (?:filled|taken)",
        r"(?:selected|chose|chosen|picked|hired|appointed)\s+(?:an(?:other)?|a different|"
        r"someone else|other)", r"went (?:with|another way)", r"someone else",
        r"(?:candidates?|profiles?) (?:who|whose|that) (?:more closely|better|more)",
        r"closer match", r"better (?:fit|match|suited)", r"more closely match",
        r"more (?:directly )?relevant experience",
    ),
    "reject_not_proceeding": _p(
        r"(?:not|won'?t|will not|unable to|can(?:no|')t|decided not to|chosen not to|elected not to)"
        r"\s+(?:be\s+)?(?:moving|move|proceed|proceeding|progress|progressing|advance|advancing|"
        r"taking|take|going)\s+(?:you\s+|your\s+\w+\s+)?(?:forward|further|ahead|to the next)",
        r"(?:not|no longer) (?:be )?(?:moving|proceeding|progressing) with (?:you|your)",
        r"(?:were|was|have been|has been|are|is) (?:not|un)successful", r"unsuccessful",
        r"not (?:been )?selected", r"were not selected", r"not be progressing", r"no longer under consideration",
        r"didn'?t get (?:it|the (?:job|role|position|offer))", r"(?:it'?s|it is|this one'?s) a no", r"said no\b(?!\s+(?:decision|update|news|word|one))",
        r"(?:pursue|persue|pursuing) other", r"\brejected\b",
        r"(?:hire|hiring|procee?d\w*|go(?:ing)? ahead|move(?:d)? ahead|moving ahead|continu\w+|progress\w*) with (?:another|an(?:other)?|a|the other|one of the other)\s+(?:\w+\s+)?(?:applicant|candidate|person|profile|individual)",
        r"keep(?:ing)? looking", r"(?:going to|we'?ll|will|have to|decided to) pass\b", r"not (?:going to )?go ahead with you",
        r"not (?:moving|taking|progressing|advancing) you (?:to|forward|through)", r"not (?:been )?short-?listed",
        r"d[iy]ff?e?rent direction", r"(?:not|won'?t) be extending", r"(?:doesn'?t|does not|don'?t think it) makes? sense to (?:move|proceed|continue|progress)", r"not (?:to )?(?:proceed|move forward|go ahead) with (?:an|the|your|my)", r"won'?t be (?:offering|extending)",
        r"(?:unable|not able|not in a position|can(?:no|')t|won'?t be able|will not be able|"
        r"decided not) to (?:make (?:you )?an |extend (?:you )?an |offer)",
        r"not (?:going|able) to offer", r"no(?:t| longer) (?:being )?considered",
        r"(?:won'?t|will not|not) be making (?:you )?an offer", r"not (?:to )?(?:make|extend) (?:you )?an offer",
        r"(?:decision|decided) not to", r"this (?:one'?s|one is|is) a no",
        r"not (?:the )?right (?:fit|match|time)", r"(?:is|was|'s) a no\b",
        r"(?:we|they) (?:passed|have passed|are passing|'re passing|'ll pass)(?: on)?",
        r"(?:didn'?t|did not|don'?t|do not) (?:get|make) (?:it|the job|the role|through)",
        r"turned (?:me|you) down",
        r"won'?t be (?:scheduling|inviting|calling|contacting|asking)",
        r"(?:will not|won'?t|not) (?:be )?(?:invit|schedul)\w* (?:you )?(?:to|for|the|a)",
    ),
    "reject_role_gone": _p(
        rf"{ROLE}s?\s+(?:has|had|have|was|were|is|are|'s|got)\s+(?:now\s+|since\s+|already\s+|just\s+|actually\s+|officially\s+|unfortunately\s+)?(?:been\s+)?"
        r"(?:filled|closed|cancell?ed|eliminated|withdrawn|removed|scrapped|pulled|taken down|"
        r"discontinued|made redundant)",
        rf"(?:filled|closed|cancell?ed|eliminated|withdrawn|scrapped|pulled) (?:the|this|that)\s+"
        rf"(?:\w+\s+){{0,2}}{ROLE}",
        r"no longer (?:have|has|an?|need|hiring|recruiting|exists|available|open)",
        r"(?:permanently|won'?t be re-?opened|will not (?:be )?re-?open|not (?:be )?re-?opening)",
        r"decided not to (?:fill|hire|proceed with (?:the|this) (?:hire|role|position))(?!.{0,60}\buntil\b)",
        r"(?:won'?t|will not|not) be (?:filling|hiring for) (?:the|this|that)",
        r"(?:headcount|req(?:uisition)?) (?:was|has been) (?:cut|removed|eliminated|closed)",
    ),
    "reject_soft": _p(
        r"regret to (?:inform|let you know|advise|tell)", r"(?:we are|we're|i'?m) sorry to (?:say|tell|let you know|inform)",
        r"wish(?:ing)? you (?:the )?(?:very )?(?:best|luck|success|all the best)", r"\bunfortunately\b",
        r"best of luck (?:with|in) your (?:job )?search", r"future (?:endeavou?rs|opportunities|openings|roles|vacancies)",
        r"keep your (?:cv|resume|résumé|details|profile|information|application) on file", r"on file",
        r"encourage you to (?:re)?apply", r"(?:bad|disappointing|unfortunate) news", r"keep (?:you )?in mind",
    ),
    # --- none: paused / frozen / pending --------------------------------------------------
    "hold": _p(
        r"on hold", r"\bpaus(?:e|ed|ing)\b", r"\bfroze\b", r"\bsuspended\b",
        r"in limbo", r"stop(?:ping)? (?:all )?(?:hiring|recruitment|the process|appointments)", r"(?:can'?t|cannot|unable to) make any (?:appointments|hires|offers) until",
        r"hold (?:the|this|that) (?:position|role|vacancy|post) (?:open )?until", r"not (?:to )?fill any (?:\w+ )?until",
        r"until (?:the )?(?:audit|acquisition|merger|review|council|board|budget|funding|grant|reorg\w*|restructur\w*|new (?:fiscal|financial|budget) year)",
        r"reconsider(?:ing)? whether",
        r"pending (?:confirmation|approval|funding|budget|sign-?off|review|the outcome of)",
        r"(?:moving|move|proceed|proceeding|go|going) (?:forward|ahead) with (?:hiring|the hire|recruitment|the search|filling|any hires)",
        r"(?:can'?t|cannot|unable to) (?:move|proceed|progress) on anything", r"\bparked\b", r"\bdeferred\b", r"postponed indefinitely",
        r"hold(?:ing)? off", r"holding (?:the|this|that) (?:role|position|vacancy|req)",
        r"(?:temporarily|currently) (?:suspended|halted|stopped|closed|frozen|on hold)",
        r"(?:pushed|put) back", r"delayed (?:till|until|indefinitely)", r"who-?knows-?when",
        r"not (?:adding|taking on|bringing on|hiring) (?:any(?:one|body)?|new|staff|people)",
        r"sit tight", r"(?:future|next) (?:budget|funding) (?:cycle|round|year)", r"(?:hiring|recruitment|recruiting|headcount)\s+freeze",
        r"\bfrozen\b", r"\bfreez(?:e|ing)\b", r"put (?:things|it|everything|the \w+|hiring) on (?:ice|pause|hold)",
        r"on (?:ice|pause)", r"restructur", r"re-?org", r"re-?organi[sz]ation",
        r"budget (?:has(?:n'?t| not)|is(?:n'?t| not)|still|hasn'?t|not yet|approval|sign-?off|is being|review|uncertaint)",
        r"(?:waiting|wait) (?:on|for) (?:budget|approval|funding|sign-?off|headcount)",
        r"(?:funding|headcount|budget) (?:round )?(?:slipped|delayed|pending|not approved|under review)",
        r"(?:stopped|halted|suspended|frozen|paused) (?:all )?(?:hiring|recruit|the process|external)",
        r"(?:hiring|recruitment|the process|everything) (?:is|has been|was|are) (?:paused|suspended|halted|stopped|on hold|frozen)",
        r"no (?:clear )?next steps?(?: (?:at|for) (?:the moment|now|this time|right now))?",
        r"(?:not|aren'?t|isn'?t|won'?t be) (?:bringing|hiring) (?:anyone|anybody)",
        r"(?:can'?t|cannot|not able to|unable to) (?:move|progress) (?:forward|any further)?\s*(?:until|while|at (?:the moment|this time|this stage))",
        r"(?:if|when|once|should) (?:things|that|this|anything|the situation|the numbers|recruitment|hiring|it) (?:changes?|resumes?|moves?|picks? up|re-?opens?|go(?:es)? up)",
        r"(?:until|once) (?:the )?(?:new (?:structure|year budget|operating)|budget|funding|we know more about)",
        r"(?:role|position) (?:has not|hasn'?t) been (?:withdrawn|cancell?ed|closed)",
        r"not (?:been )?(?:withdrawn|cancell?ed|closed)", r"hiring manager (?:has )?(?:left|departed|resigned|moved on)",
        r"(?:new|pending) (?:leadership|management|director|ceo) (?:review|decision)",
        r"uncertain(?:ty)? (?:about|around|over) (?:the )?(?:role|headcount|budget|timing)",
    ),
    # --- immediate -------------------------------------------------------------------------
    "next_interview": _p(
        r"(?:second|2nd|third|3rd|final|next|follow-?up|further|another|technical|panel|onsite|on-site|"
        r"in-person|last)\s+(?:round|stage|interview|conversation|chat|meeting|call)",
        r"(?:invite|inviting|invitation|like to (?:have|bring|see|meet)|bring) you (?:back|in|for|to)",
        r"(?:move|moving|advance|advancing|progress|progressing|take|taking) you (?:forward|through|on|to the next)",
        r"(?:move|moving|progress|progressing) (?:you )?(?:forward|on)? ?to (?:the )?(?:next|final|second)",
        r"(?:interview|speak|chat|talk) (?:with|to) (?:our|the) (?:director|vp|ceo|cto|head|founder|hiring manager|team|panel)",
        r"onsite", r"super ?day", r"(?:want|like|love)s? (?:me|you) (?:to come )?back",
        r"(?:come|coming) (?:back )?in (?:tomorrow|on|next|this)", r"next step (?:is|would be|will be) to",
        r"(?:get|put) you in front of", r"(?:invited|inviting) you to",
        r"next step (?:is|will be|would be) (?:a|an|to)\b",
        r"next step:?\s+(?:is |will be |would be )?(?:a|an|to)\b", r"(?:final|next|second) round invite",
    ),
    "assessment": _p(
        r"take-?home", r"(?:coding|technical|skills?|written|case|online|video|psychometric|aptitude|"
        r"personality|numerical|verbal|cognitive|typing|writing|design|sample) (?:exercise|assessment|test|"
        r"challenge|task|study|interview|assignment|questionnaire)", r"assessment", r"hirevue|codility|hackerrank",
        r"(?:exercise|assignment|task|test|challenge|presentation)\b.{0,40}\b(?:attached|link|complete|submit|send|prepare)",
        r"(?:complete|submit|prepare)\b.{0,40}\b(?:exercise|assignment|task|test|challenge|presentation)",
        r"work ?trial", r"trial shift", r"job shadow", r"teaching (?:demo|sample|observation)|demo lesson",
        r"questionnaire", r"(?:click|use the link) (?:below|here) to (?:begin|start)",
    ),
    "meet_team": _p(
        r"meet (?:the|our|a few|some|with the|with our|a couple) (?:\w+ )?(?:team|people|colleagues|folks|group|staff|members)",
        r"meet (?:with )?(?:our|the) (?:director|vp|ceo|cto|head|founder|manager|partner|principal|chief)",
        r"(?:like|love|want) (?:you|for you) to meet", r"team (?:lunch|dinner|coffee|meet)",
        r"come (?:in|by|back) (?:and|to) meet",
    ),
    "references": _p(
        r"referee", r"references?\b", r"reference check", r"background (?:check|screen)",
        r"pre-?employment", r"right to work", r"(?:dbs|drug|credential) (?:check|screen)",
        r"\b(?:payslips?|passports?|photo id|ID|identification|transcripts?|certificates?|portfolio|work samples?|bank details|paperwork|documents?|forms?)\b",
        r"\bsign (?:the |some |your )?(?:paperwork|contract|forms?|documents?)",
    ),
    "offer": _p(
        r"(?:make|extend|extending|making|send|sending) (?:you )?(?:a |an |the )?(?:formal |verbal |written )?offer",
        r"(?:pleased|delighted|thrilled|happy|excited) to (?:offer|let you know|inform|share|tell)",
        r"offer (?:letter|call|details|package|conversation|discussion|stage|paperwork)",
        r"(?:discuss|talk (?:through|about)|walk you through|go over) (?:the )?(?:offer|compensation|package|salary|terms)",
        r"verbal offer", r"you(?:'ve| have) got (?:the|it)", r"welcome (?:you )?(?:to|aboard)",
        r"start date", r"(?:we|they)(?:'d| would) (?:like|love) to (?:hire|offer)",
        r"offered (?:me|you) the (?:job|role|position)", r"(?:set (?:me|you) up on|join) (?:payroll|the team)",
        r"(?:like|love|want|pleased|happy|delighted) to offer you", r"offer you the (?:role|job|position)",
    ),
    "schedule": _p(
        r"(?:are|would) you (?:be )?(?:free|available|around)", r"(?:your|send (?:me|us) (?:your|some|a few))\s+(?:availability|times|slots)",
        r"availability", r"(?:book|schedule|set up|arrange|line up|organi[sz]e|pick|find|choose|grab)\b.{0,30}\b(?:time|slot|call|meeting|interview|chat|session)",
        r"calendly|calendar (?:link|invite)|booking link|scheduling link|invite (?:has been|was) sent",
        r"(?:send|sending|sent|attached|attaching)\s+(?:you\s+)?(?:a |an |the )?(?:cal(?:endar)?|teams|zoom|meeting|google meet|outlook|calendar)?\s*invit(?:e|ation)",
        r"invit(?:e|ation) (?:is )?(?:attached|below|on its way|coming)", r"please accept", r"lock (?:one|it|a slot|your slot|that) in",
        r"reply with (?:\w+ ){0,3}(?:windows?|slots?|times?|dates?)", r"can you (?:meet|come|do|make)", r"(?:personal |your )?link (?:is )?below|link expires",
        r"invited to (?:complete|take|attend|book|schedule)",
        r"(?:does|would|could|will|can) (?:monday|tuesday|wednesday|thursday|friday|next week|tomorrow|\w+ at \d)",
        r"what (?:days?|times?) (?:work|suit|are good)", r"let me know (?:when|what time|which|if .{0,30}(?:works|suits))",
        r"works? for you\?", r"suit you\?", r"please (?:send|provide|complete|submit|sign|return|fill|upload|reply|confirm|book|select|choose)",
        r"(?:could|can|would) you (?:send|provide|share|forward|complete|confirm|come|do|make|pop)",
        r"(?:need|require|ask(?:ed)?(?: for)?|want(?:s|ed)?) (?:you to|your|a copy|copies|me to|us to|for my)",
        r"reply with", r"confirm (?:your|a|the|that)", r"(?:give|gave) (?:you|me) (?:a call|a ring)", r"pop in",
    ),
    "other_role": _p(
        rf"(?:another|other|a different|different|second|new|similar|related|separate|more junior|more senior|"
        rf"junior|senior|sister)\s+(?!direction)(?:\w+\s+){{0,3}}{ROLE}s?",
        r"(?:better|good|great|strong) (?:fit|match) for (?:a|another|our|the) ",
    ),
    # --- timeline / vague ------------------------------------------------------------------
    "decision_words": _p(
        r"\bdecid", r"\bdecision", r"hear (?:back|from)", r"get back", r"(?:be|get) in touch",
        r"(?:let|letting) (?:you|everyone|all candidates|candidates) know", r"update",
        r"reach out", r"feedback", r"next steps?", r"outcome", r"\bnotif", r"come back to you",
        r"circle back", r"\bwrap(?:ping)? up", r"finali[sz]", r"make (?:a|our|the) (?:call|choice|selection)",
    ),
    "still_in_process": _p(
        r"still (?:interviewing|meeting|reviewing|in (?:the )?process|deciding|working|talking|"
        r"considering|evaluating|speaking|going|waiting|gathering|early|finalising|finalizing)",
        r"(?:other|more|several|a few|remaining|additional) (?:candidates|interviews|applicants|people)",
        r"(?:reviewing|considering|evaluating|assessing|comparing) (?:all |the |your |other )?"
        r"(?:candidates|applications|application|profiles|feedback|options|interview)",
        r"no (?:news|update|decision|word)s? (?:yet|just yet|so far)", r"(?:haven'?t|have not|hasn'?t|has not) (?:made|reached|got|had|decided|met)",
        r"(?:in|with) due course", r"\bsoon\b", r"\bshortly\b", r"as soon as (?:we|i|possible|they)",
        r"(?:when|once|as soon as) (?:we|i|they) (?:have|know|hear|get|can|decide)",
        r"(?:we|i|they)(?:'ll| will) (?:be in touch|get back|let you know|keep you posted|reach out|"
        r"follow up|update you|come back|contact you)",
        r"keep you (?:posted|updated|informed|in the loop)", r"taking longer", r"bit (?:of a wait|longer|before)",
        r"(?:received|receipt of) your (?:application|interview|feedback|submission|cv|resume)",
        r"under (?:review|consideration)", r"being reviewed", r"in (?:the|our) (?:queue|pipeline|system)",
        r"(?:thank you|thanks) for (?:applying|your (?:application|interest|patience))",
        r"any (?:other |more |further )?questions", r"(?:happy|glad) to answer", r"ask (?:me )?anything",
        r"do not reply|no-?reply|automated|auto-?generated|this (?:is an )?automatic",
        r"\bin review\b", r"(?:been )?logged", r"hang tight", r"bear with (?:us|me)", r"deliberat",
        r"(?:hasn'?t|has not|haven'?t|have not) (?:finished|decided|come back|got back|heard)",
        r"circle back", r"sync (?:up )?with", r"(?:up to|depends on) (?:the|my|our) (?:board|team|manager|director|client)",
        r"chase (?:them|it|up)", r"be in t(?:ou|u)ch", r"(?:check|view) your (?:status|application)",
        r"candidate portal", r"(?:will|'ll) (?:be )?(?:notif|contact)\w*",
        r"(?:give|drop) you a (?:shout|call|ring|bell|line)", r"see where (?:we|things) (?:land|stand)",
        r"take (?:this|it|that) back to", r"figur(?:e|ing) (?:some|things|it|stuff)",
        r"(?:can'?t|cannot) (?:give|commit to) (?:you )?a (?:date|timeline|timeframe)", r"still in (?:it|the running|contention)",
        r"nothing to report", r"things are moving", r"taking (?:our|their|some) time", r"(?:discussing|reviewing|considering) it",
        r"with the (?:hiring manager|team|panel|client) for (?:review|consideration)", r"waiting (?:on|for) (?:hr|the|feedback|a|my|our)",
        r"remains? (?:active|open|under)", r"will be reviewed", r"submitted (?:to|for) (?:review|the hiring)",
        r"haven'?t forgotten", r"slower than",
    ),
}


# Best effort for other languages: the commonest hiring phrases in Spanish, French, German,
# Portuguese, Dutch and Italian, filed under the same families.
_OTHER_LANGUAGES: dict[str, list[str]] = {
    "reject_not_proceeding": [
        r"lamentablemente|desafortunadamente|lamentamos|no (?:ha sido|has sido|fue) seleccionad",
        r"malheureusement|nous regrettons|pas (?:été )?retenue?|ne pas donner suite",
        r"leider|absage|nicht (?:weiter )?berücksichtig|nicht in die engere|gegen sie entschieden",
        r"infelizmente|não (?:foi|foste) selecionad|não seguir(?:emos)?",
        r"helaas|niet (?:verder|door)|afwijzing",
        r"purtroppo|non (?:è stat[oa]|sei stat[oa]) selezionat",
        r"(?:elegido|seleccionado) a otr[oa]|choisi un autre|für eine[nr]? andere[nr]? (?:kandidat|bewerber)",
    ],
    "hold": [
        r"en pausa|suspendid|congelad|en attente|suspendu|gel[ée]|ausgesetzt|pausiert|eingefroren",
        r"suspens|congelad|gepauzeerd|on hold gezet|sospes|in pausa|budget .{0,30}(?:nicht|pas|no|niet|non)",
    ],
    "next_interview": [
        r"segunda entrevista|deuxième entretien|zweite[sn]? (?:gespräch|interview|runde)",
        r"tweede gesprek|secondo colloquio|segunda fase|prochaine étape|nächste(?:n)? (?:schritt|runde)",
        r"volgende (?:stap|ronde)|prossim[oa] (?:fase|step|colloquio)|próxima (?:etapa|fase)",
    ],
    "schedule": [
        r"disponibilidad|disponibilités?|verfügbarkeit|beschikbaarheid|disponibilità|disponibilidade",
        r"¿(?:le|te) (?:viene|va) bien|êtes-vous disponible|passt (?:ihnen|dir)|schikt het",
    ],
    "foreign_deadline": [
        r"au plus tard|d'ici (?:la fin|vendredi|lundi|mardi|mercredi|jeudi|le \d)|avant (?:le|la fin|vendredi)",
        r"spätestens|bis (?:zum|ende|nächste|freitag|montag|dienstag|mittwoch|donnerstag)|ende (?:nächster|dieser) woche",
        r"antes del? (?:viernes|lunes|martes|miércoles|jueves|\d|fin)|a más tardar|la próxima semana|el próximo (?:lunes|martes|miércoles|jueves|viernes)",
        r"uiterlijk|vóór (?:vrijdag|maandag|dinsdag|woensdag|donderdag|\d)|volgende week",
        r"entro (?:venerdì|lunedì|martedì|mercoledì|giovedì|la fine|il \d)|la prossima settimana",
        r"até (?:sexta|segunda|terça|quarta|quinta|o fim|ao fim|dia \d)|na próxima semana",
    ],
    "decision_words": [
        r"decisión|respuesta|décision|réponse|entscheidung|rückmeldung|melden uns|decisão|resposta",
        r"beslissing|laten (?:je|u) .{0,20}weten|decisione|risposta|faremo sapere",
    ],
    "still_in_process": [
        r"lo antes posible|lo más pronto|en breve|dès que possible|prochainement|so schnell wie möglich",
        r"in kürze|o mais breve|em breve|zo snel mogelijk|binnenkort|al più presto|a breve",
        r"otros candidatos|d'autres candidats|weitere (?:gespräche|kandidaten)|outros candidatos",
        r"andere kandidaten|altri candidati|proceso de selección|processus de recrutement",
    ],
}


@dataclass(frozen=True)
class Hit:
    """One cue found in a text."""

    family: str
    start: int
    end: int
    phrase: str


for _family, _patterns in _OTHER_LANGUAGES.items():
    _known = FAMILIES.get(_family)
    _all = ([_known.pattern] if _known else []) + _patterns
    FAMILIES[_family] = re.compile("|".join(_all), _I)


def find_cues(text: str) -> list[Hit]:
    """Every cue hit in text, in order of appearance."""
    hits = []
    for family, pattern in FAMILIES.items():
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            while end < len(text) and text[end].isalnum():  # "restructur" -> "restructuring"
                end += 1
            if end > start:
                hits.append(Hit(family, start, end, text[start:end]))
    return sorted(hits, key=lambda h: (h.start, -h.end))
