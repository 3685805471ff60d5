"""Phrase cues for reading recruiters' replies: each family is a set of patterns with a name.

The classifier turns cue hits into features; the families also supply the evidence phrases the
UI highlights. Patterns aim at how hiring people actually write, in direct and reported speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE | re.MULTILINE


def _p(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


# Shared fragments.
WE = r"(?:we|they|she|he|i|the (?:team|company|client|panel|committee|hiring manager|business))"
ROLE = (r"(?:role|position|job|vacancy|opening|post|requisition|req|opportunity|search|"
        r"position you interviewed for)")
CAND = r"(?:candidate|applicant|person|profile|individual|someone)"
# Who a rejection is about, in direct and reported speech.
YOU = r"(?:you|me|him|her|them|u)"
# The thing that gets offered, given or filled.
POST = (r"(?:role|position|job|vacancy|opening|post|opportunity|apprenticeship|internship|"
        r"placement|traineeship|contract|offer|spot|place|seat)")
# A person (not a time or a plan) that a hiring decision went to.
_PROCESS = r"(?:round|stage|step|interview|review|vote|meeting|panel|committee|level|board|team)s?\b"
PERSON = (rf"(?:another\b(?!\s+{_PROCESS})|an? (?:internal|external)\b|a different\b(?!\s+{_PROCESS})|"
          r"a more\b|someone|somebody|the other\b(?!\s+" + _PROCESS + r")|"
          r"one of (?:the |our |their )?(?:other )?(?:candidates|applicants|finalists|people)|"
          r"(?:a|an|the|his|her|their|our)\s+(?:[\w-]+\s+){0,2}?(?:candidate|applicant|person|"
          r"individual|lad|guy|girl|woman|man|contractor|colleague|graduate|finalist|internal|nephew|"
          r"niece|son|daughter|friend|cousin|relative|referral)s?\b)")

# "For now", "re-advertise", "revisit once ...": a pause, not an end. Also read as hold cues, so
# that a role "withdrawn for now" shows its evidence.
TEMPORARY = [
    r"(?:withdrawn|closed|cancell?ed|pulled|suspended|shelved|stopped|paused|postponed|delayed|"
    r"frozen|halted)\s+(?:for now|for the time being|for the moment|temporarily|until further notice|"
    r"indefinitely)",
    r"(?:advertise|post|list|open|run)\w* (?:it |the (?:role|position|vacancy|job|post) )?again",
    r"re-?advertis\w*|reinstat\w*|re-?activat\w*|un-?freez\w*|unfroze\w*",
    r"(?<!not )(?<!n't )(?<!not be )(?<!n't be )(?<!never )(?<!never be )\bre-?open(?:s|ed|ing)?\b",
    r"at least (?:not )?for now|not for now|not right now|just not (?:now|yet)|for the time being",
    r"(?:revisit|reconsider|re-?evaluate|pick (?:it|this|things) (?:back )?up|come back to)\w*\s+"
    r"(?:it |this |the (?:role|position|hire|vacancy) |hiring )?(?:once|when|in|next|after|early|later|"
    r"then)\b",
    r"(?:not|hasn'?t|has not|haven'?t) (?:been )?(?:cancell?ed|closed|withdrawn) (?:for good|"
    r"permanently|altogether)",
]

FAMILIES: dict[str, re.Pattern[str]] = {
    # --- rejection ------------------------------------------------------------------------
    "reject_other_candidate": _p(
        rf"(?:move|moving|go|going|proceed|proceeding|progress|progressing|went|gone|decided to go)"
        rf"\s+(?:forward\s+)?with\s+(?:an(?:other)?|other|a different|the other|one other)"
        rf"\s+(?:\w+\s+){{0,2}}{CAND}s?",
        rf"(?:offer(?:ed|ing)?|give|given|gave|giving|award(?:ed|ing)?|accepted)\s+"
        rf"(?:(?:the|this|that|it)\s+(?:[\w-]+\s+){{0,3}}?(?:{POST}\s+)?)?to\s+{PERSON}",
        r"(?:made|completed|finali[sz]ed) (?:a|an|the|our) (?:hire|appointment|selection)",
        rf"(?:{POST}|decision|nod|it)\s+(?:went|has gone|had gone|is going|goes|'s gone|was given|"
        rf"has been given|was offered|has been offered|was awarded|has been awarded)\s+to\s+{PERSON}",
        r"(?:hire|hired|hiring|fill|filled|filling|appoint\w*|recruit\w*|promot\w*)\s+"
        r"(?:(?:it|the role|the position|the post|the job|someone|somebody)\s+)?(?:internally|from within)",
        r"(?:went|gone|going|go) internal\b",
        r"(?:gone with|going with|went with|go with|chosen|selected|decided on|appointed|"
        r"offered (?:it|the \w+) to) (?:an |the |a )?internal",
        r"(?:made|make|making) (?:an |the )?internal (?:appointment|hire|offer|promotion)",
        r"(?:decided to go|decided to hire|decided to appoint|gone|went|going|go|moving forward)"
        r"\s+(?:forward\s+)?with\s+"
        r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:who|whose|who's|who'd)\b",
        r"(?:hire|hired|hiring|appoint(?:ed|ing)?|chose|chosen|picked|selected)\s+(?:someone|somebody|"
        r"a candidate|an applicant|a person)\s+(?:with|w/?|who|whose|that|more|else|from|internally|already)",
        r"(?:decided|chosen|elected|opted|going|gone ahead and|have|'ve) (?:to )?(?:hire|hired|appoint\w*|select\w*|"
        r"offer\w* (?:it|the role|the job|the position) to) (?:another|a different|an(?:other)? (?:internal|external))"
        r"\s+(?:\w+\s+)?(?:candidate|applicant|person|individual)",
        r"(?:go|going|gone|went) (?:another|a different|the other) (?:way|route|direction)",
        r"(?:go|going|gone|went|move|moving|proceed\w*|decided to go) (?:forward )?with (?:an )?internal",
        r"internal (?:hire|candidate|applicant) (?:was|has been|is being) (?:chosen|selected|appointed|offered)",
        r"(?:went|go|going|gone|take|taking|taken) (?:in )?(?:another|a different) direction",
        r"(?:go|going|gone|went|move|moving|proceed\w*) (?:forward )?(?:with|w/?) (?:someone|somebody|a candidate|the candidate|candidates?) (?:with|w/?|who|whose|that|more|else)",
        r"(?:have|has) (?:now |all |already |since )?been (?:filled|taken)",
        r"(?:selected|chose|chosen|picked|hired|appointed)\s+(?:an(?:other)?|a different|"
        r"someone else|other|the other)", r"went (?:with|another way)", r"someone else",
        r"(?:candidates?|profiles?) (?:who|whose|that) (?:more closely|better|more)",
        r"closer match", r"better (?:fit|match|suited)", r"more closely match",
        r"more (?:directly )?relevant experience",
    ),
    "reject_not_proceeding": _p(
        r"(?:not|won'?t|will not|unable to|can(?:no|')t|decided not to|chosen not to|elected not to)"
        r"\s+(?:be\s+)?(?:moving|move|proceed|proceeding|progress|progressing|advance|advancing|"
        r"taking|take|going)\s+(?:(?:you|me|him|her|them|u|things|it|this|matters)\s+|"
        r"(?:your|my|his|her|their)\s+(?:\w+\s+)?)?(?:any\s+)?(?:forward|further|ahead|to the next)",
        r"(?:not|no longer) (?:be )?(?:moving|proceeding|progressing) with (?:you|your|me|my|him|her|them)",
        r"(?:unable to|not able to|cannot|can'?t|won'?t|will not|not|decided not to|chosen not to)\s+"
        r"(?:be\s+)?(?:progress|advanc|shortlist)\w*\s+(?:you|me|him|her|them|"
        r"(?:your|my|his|her|their)\s+(?:\w+\s+)?(?:application|candidacy|profile|cv|resume))",
        r"(?:won'?t|will not|not) be (?:progressing|proceeding|advancing|going (?:through|forward|on)|"
        r"moving (?:forward|on|through|ahead)|getting through|invited|called back|asked back|"
        r"short-?listed)(?!\s+(?:this|that|the (?:role|position|search|process|hire|recruitment)|it|"
        r"hiring|anything|anyone|anybody|any)\b)",
        r"(?:\bnot|n't|\bwon'?t|\bwill not) (?:be )?(?:one of|among(?:st)?) (?:the |those )?(?:[\w-]+ )?(?:candidates|applicants|people|"
        r"ones|finalists|shortlist)",
        r"there (?:won'?t|will not) be (?:a|an|any) (?:second|third|final|another|follow-?up)"
        r" (?:round|interview)",
        r"(?:you'?re|you are|you were|i'?m|i am|i was|he'?s|she'?s|they'?re) (?:just )?not (?:quite |exactly )?"
        r"(?:what|who) (?:we|they|the (?:team|client|business))(?:'re| are)? "
        r"(?:need|want|were looking|are looking|'re looking|looking)",
        r"(?:haven'?t|hasn'?t|have not|has not) been (?:quite )?(?:successful|selected|short-?listed|chosen)",
        r"(?:weren'?t|wasn'?t|were not|was not|not) (?:been )?(?:quite )?(?:successful|selected|short-?listed|chosen)",
        r"(?:not|wasn'?t|weren'?t|isn'?t|aren'?t) (?:quite )?(?:ranked |scored |rated |placed )?"
        r"(?:highly|high|strong|experienced|senior|qualified|technical|competitive) enough\b",
        r"not (?:been )?(?:placed|put) on (?:the|our) (?:reserve|waiting|talent) list",
        rf"(?:won'?t|will not|no longer|don'?t|do not) need {YOU} to (?:come|attend|interview|do|complete|"
        r"join|take)",
        r"(?:were|was|have been|has been|are|is) (?:not|un)successful", r"unsuccessful",
        r"not (?:been )?selected", r"were not selected", r"not be progressing", r"no longer under consideration",
        r"didn'?t get (?:it|the (?:job|role|position|offer))", r"(?:it'?s|it is|this one'?s) a no", r"said no\b(?!\s+(?:decision|update|news|word|one))",
        r"(?:pursue|persue|pursuing) other", r"\brejected\b",
        r"(?:hire|hiring|procee?d\w*|go(?:ing)? ahead|move(?:d)? ahead|moving ahead|continu\w+|progress\w*) with (?:another|an(?:other)?|a|the other|one of the other|(?:two|three|four|\d+|some|a few|the|several) other)\s+(?:\w+\s+)?(?:applicant|candidate|person|people|profile|individual)",
        r"(?:progress|advanc|short-?list|mov|tak|select|put)\w*\s+(?:\w+\s+){0,2}?"
        r"other (?:candidates|applicants|people|finalists)\s+(?:to|through|forward|ahead)",
        r"keep(?:ing)? looking", r"(?:going to|we'?ll|will|have to|decided to) pass\b", r"not (?:going to )?go ahead with you",
        rf"not (?:moving|taking|progressing|advancing|putting) {YOU} (?:to|forward|through|on)", r"not (?:been )?short-?listed",
        r"d[iy]ff?e?rent direction", r"(?:not|won'?t) be extending", r"(?:doesn'?t|does not|don'?t think it) makes? sense to (?:move|proceed|continue|progress)", r"not (?:to )?(?:proceed|move forward|go ahead) with (?:an|the|your|my)", r"won'?t be (?:offering|extending)",
        r"(?:unable|not able|not in a position|can(?:no|')t|won'?t be able|will not be able|"
        r"decided not) to (?:make (?:you )?an |extend (?:you )?an |offer)",
        r"not (?:going|able) to offer", r"no(?:t| longer) (?:being )?considered",
        r"(?:won'?t|will not|not) be making (?:you )?an offer", r"not (?:to )?(?:make|extend) (?:you )?an offer",
        r"(?:decision|decided) not to", r"this (?:one'?s|one is|is) a no",
        r"not (?:the )?right (?:fit|match|time)",
        r"(?:isn'?t|is not|wasn'?t|was not|weren'?t|were not|aren'?t|not) (?:going to be |gonna be )?"
        r"(?:quite |really |exactly )?(?:a (?:good |great |strong )?|the right )(?:match|fit)\b",
        r"(?:not|n't) (?:going|gonna) to (?:move|proceed|progress|go ahead|take (?:you|it|this|things))"
        r"(?! (?:on|with) (?:this|the (?:role|hire|position))\b)",
        r"(?:can'?t|cannot|won'?t be able to) use (?:you|u)\b", r"(?:is|was|'s) a no\b",
        r"(?:we|they) (?:passed|have passed|are passing|'re passing|'ll pass)(?: on)?",
        r"(?:didn'?t|did not|don'?t|do not) (?:get|make) (?:it|the job|the role|through)",
        r"(?:didn'?t|did not|not|won'?t|haven'?t) (?:quite )?(?:make|made) (?:the|it (?:on)?to the|it through the) "
        r"(?:cut|shortlist|short-list|final|next)",
        r"turned (?:me|you) down",
        r"won'?t be (?:scheduling|inviting|calling|contacting|asking)",
        r"(?:will not|won'?t|not) (?:be )?(?:invit|schedul)\w* (?:you )?(?:to|for|the|a)",
    ),
    "reject_role_gone": _p(
        rf"{ROLE}s?\s+(?:has|had|have|was|were|is|are|'s|got)\s+(?:now\s+|since\s+|already\s+|just\s+|actually\s+|officially\s+|unfortunately\s+)?(?:been\s+)?"
        r"(?:filled|closed|cancell?ed|eliminated|withdrawn|removed|scrapped|pulled|taken down|"
        r"discontinued|made redundant)",
        rf"(?:filled|closed|cancell?ed|eliminated|withdrawn|scrapped|pulled) (?:all )?(?:the|this|that|our)\s+"
        rf"(?:[\w-]+\s+){{0,2}}{POST}s?\b",
        rf"{ROLE}(?:'s| has| is) (?:already )?gone\b(?!\s+(?:to|through|on|ahead|out|live|up))",
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
        *TEMPORARY,
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
        r"(?:future|next) (?:budget|funding) (?:cycle|round|year)", r"(?:hiring|recruitment|recruiting|headcount)\s+freeze",
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
        r"de-?priorit[iy]\w*",
        r"not (?:hiring|recruiting|filling|taking on|adding)\b[^.!?]{0,40}?\b(?:right now|at the moment|"
        r"for now|at present|at this time|for the time being|this (?:year|quarter)|just now)",
        r"(?:project|contract|funding|deal|bid|grant|tender|budget)s? (?:fell through|has fallen through|"
        r"collapsed|(?:was|got|has been|have been|is|are) (?:pulled|delayed|postponed|put back|on hold|"
        r"shelved|cut))",
        r"(?:delay|postpon|push)\w*\b[^.!?]{0,30}?\bindefinitely",
        r"(?:once|when|until|after) [^.!?]{0,40}?(?:headcount|budget|funding|hiring|operating|business)"
        r" plan",
    ),
    # --- none: the pause is temporary (tells a paused role from a closed one) -------------
    "temporary": _p(*TEMPORARY),
    # --- immediate -------------------------------------------------------------------------
    "next_interview": _p(
        r"(?:second|2nd|third|3rd|final|next|follow-?up|further|another|technical|panel|onsite|on-site|"
        r"in-person|last)\s+(?:round|stage|interview|conversation|chat|meeting|call)(?!s)",
        r"(?:invite|inviting|invitation|like to (?:have|bring|see|meet)|bring) you (?:back|in|for|to)",
        r"(?:move|moving|advance|advancing|progress|progressing|take|taking) you (?:forward|through|on|to the next)",
        r"(?:move|moving|progress|progressing) (?:you )?(?:forward|on)? ?to (?:the )?(?:next|final|second)",
        r"(?:interview|speak|chat|talk) (?:with|to) (?:our|the|a|two|three|some) (?:\w+ )?(?:directors?|vps?|ceo|cto|cfo|coo|"
        r"md|gm|managing director|general manager|heads?|founders?|hiring manager|team|panel|partners?|owner|principal)\b",
        r"(?:a|the) panel (?:interview|with|of)\b",
        r"onsite", r"super ?day", r"(?:want|like|love)s? (?:me|you) (?:to come )?back",
        r"(?:come|coming) (?:back )?in (?:tomorrow|on|next|this)", r"next step (?:is|would be|will be) to",
        r"(?:get|put) you in front of", r"(?:invited|inviting) you to",
        r"next step (?:is|will be|would be) (?:a|an|to)\b",
        r"next step:?\s+(?:is |will be |would be )?(?:a|an|to)\b", r"(?:final|next|second) round invite",
        r"(?:like|love|want|need)s? (?:you|u|for you) to come (?:in|back|down|over|by|along)",
    ),
    "assessment": _p(
        r"take[- ]?home", r"(?:coding|technical|skills?|written|case|online|video|psychometric|aptitude|"
        r"personality|numerical|verbal|cognitive|typing|writing|design|sample|practical|trade|driving|"
        r"reasoning|situational judge?ment|literacy|maths?|language) (?:exercise|assessment|test|"
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
        r"(?:wants?|would like|'d like|keen|love|like) to meet (?:you|u|with you)(?: again| properly| in person)?\b",
        r"come (?:in|by|back) (?:and|to) meet",
        r"(?:coffee|lunch|breakfast|dinner|drinks?)(?: chat| meeting)? with (?:me|you|u|the|our|a|him|her)\b",
        r"(?:vp|ceo|cto|cfo|coo|md|director|founder|partner|owner|principal|head of \w+)s? (?:wants|would like|"
        r"'d like|wanted|asked) (?:to (?:meet|see|speak|chat|talk) (?:with )?(?:you|u|me|him|her)\b|"
        r"a (?:coffee|chat|call|meeting|word))",
    ),
    "references": _p(
        r"referee", r"references?\b", r"reference check", r"background (?:check|screen)",
        r"pre-?employment", r"right to work", r"(?:dbs|drug|credential) (?:check|screen)",
        r"\b(?:payslips?|passports?|photo id|ID|identification|transcripts?|certificates?|portfolio|work samples?|bank details|paperwork|documents?|forms?)\b",
        r"\bsign (?:the |some |your )?(?:paperwork|contract|forms?|documents?)",
    ),
    "offer": _p(
        r"(?:make|extend|extending|making|send|sending) (?:you )?(?:a |an |the )?(?:formal |verbal |written )?offer(?!s)",
        r"(?:pleased|delighted|thrilled|happy|excited) to (?:offer|let you know|inform|share|tell)",
        r"offer (?:letter|call|details|package|conversation|discussion|stage|paperwork)",
        r"(?:discuss|talk (?:through|about)|walk you through|go over) (?:the |an |your |our )?(?:offer|compensation|package|salary|terms)",
        r"verbal offer", r"you(?:'ve| have) got (?:the|it)", r"(?<!re )(?<!are )(?<!be )(?<!feel )welcome (?:you )?(?:to|aboard)\b(?! (?:email|call|contact|get in touch|"
        r"reach|ask|apply|re-?apply|send|drop|keep|stay|follow))",
        r"start date", r"(?:we|they)(?:'d| would) (?:like|love) to (?:hire|offer)",
        r"offered (?:me|you) the (?:job|role|position)", r"(?:set (?:me|you) up on|join) (?:payroll|the team)",
        r"(?:like|love|want|pleased|happy|delighted) to offer you", r"offer you the (?:role|job|position)",
        r"(?:can|could|would|when can|how soon can) (?:you|u) start\b", r"your first (?:day|shift|week)\b",
    ),
    "schedule": _p(
        r"(?:are|would) (?:you|u) (?:be )?(?:free|available|around)",
        r"(?:you'?re|you are|u r|ur|you'?d be|you would be) (?:free|available|around)\b[^.!?\n]{0,30}\?",
        r"(?:any|is there (?:any )?) chance (?:you|u)(?:'re| are| could| can|'d| would)?\b",
        r"if (?:you'?re|you are|i'?m|i am|u r|ur|you'?d be|i'?d be|you would be|i would be) (?:free|available|around)",
        r"(?:asked|asking|ask|wants? to know|wondering) (?:me |you )?(?:if|whether) (?:i|you|we|u) "
        r"(?:can|could|am|are|'m|'re|would|'d|might)\b",
        r"(?:whatever|whichever|whenever)(?:'s| is)? (?:\w+ )?(?:easier|suits|works|best|convenient)",
        r"(?:(?<=[.!?] )|^|please |can you |could you |pls |just )(?:call|ring|text|phone) (?:me|us) back\b",
        r"\b\d{1,2}[- ]?min(?:ute)?s? (?:call|chat|meeting|catch-?up|video call|zoom|teams)",
        r"(?:does|would|will|could) [^.?!\n]{0,20}\b(?:work|suit)(?: for you| for u)?\?",
        r"if (?:you|u) (?:can|could) (?:do|complete|finish|submit|send|get|return|fill|make)\b",
        r"(?:email|send|share|forward|text|message)\w* (?:you|u|over|across) (?:(?:some|a few|a couple of|the|"
        r"available|possible|our|my|a list of|a choice of)\s+)?(?:\w+ )?(?:slots|times|dates|options|availability|"
        r"link|brief|invite|invitation|details)\b",
        r"(?:email|send|sent|share|forward)\w* (?:you |u |me )?(?:a |the )(?:\w+ )?link\b",
        r"link\b[^.!?\n]{0,30}?\bexpir\w*", r"(?:have|got|given) until\b",
        r"(?:interview|call|meeting|assessment|chat|session|appointment|visit|trial)\s+(?:has been|is|was|'s)"
        r"\s+(?:now\s+)?(?:scheduled|booked|confirmed|arranged|set up|set for|lined up)",
        r"\breschedul\w*", r"reply \w+ to confirm|to confirm (?:your|the) (?:attendance|slot|time|place)",
        r"(?:is|are) due (?:in|by|on|within)\b", r"(?:your|send (?:me|us) (?:your|some|a few))\s+(?:availability|times|slots)",
        r"availability", r"(?:book|schedule|set up|arrange|line up|organi[sz]e|pick|find|choose|grab)\b.{0,30}\b(?:time|slot|call|meeting|interview|chat|session|panel)",
        r"calendly|calendar (?:link|invite)|booking link|scheduling link|invite (?:has been|was) sent",
        r"(?:send|sending|sent|attached|attaching)\s+(?:you\s+)?(?:a |an |the )?(?:cal(?:endar)?|teams|zoom|meeting|google meet|outlook|calendar)?\s*invit(?:e|ation)",
        r"invit(?:e|ation) (?:is )?(?:attached|below|on its way|coming)", r"please accept", r"lock (?:one|it|a slot|your slot|that) in",
        r"reply with (?:\w+ ){0,3}(?:windows?|slots?|times?|dates?)", r"can you (?:meet|come|do|make)", r"(?:personal |your )?link (?:is )?below|link expires",
        r"invited to (?:complete|take|attend|book|schedule)",
        r"(?:does|would|could|will|can) (?:monday|tuesday|wednesday|thursday|friday|next week|tomorrow|\w+ at \d)",
        r"what (?:days?|times?) (?:work|suit|are good)", r"let me know (?:when|what time|which|if .{0,30}(?:works|suits))",
        r"works? for you\?", r"suit you\?", r"(?:please|kindly) (?:send|provide|complete|submit|sign|return|fill|upload|reply|confirm|book|select|choose|enter|add|"
        r"forward|share|bring along|(?:call|ring|email|get in touch)(?: with)? (?:me |us )?to (?:book|arrange|schedule|confirm|discuss)|finish|sit|"
        r"attempt|try|have a go at|"
        r"prepare|bring|arrive|attend|log in|click|follow the link|accept|schedule|pick|let me know (?:your|which|when))",
        r"(?:could|can|would) (?:you|u) (?:send|provide|share|forward|complete|confirm|come|do|make|pop|meet|"
        r"swing|drop|stop|call|ring|jump|hop)\b",
        r"(?:shall|should|can|could) (?:i|we) (?:grab|get|bring|introduce|book|pencil|put)\b",
        r"(?:needs?|require[sd]?|ask(?:ed|s)?(?: for)?|want(?:s|ed)?) (?:you to|your|a copy|copies|me to|us to|for my|"
        r"my)\b(?! (?:know|be aware|say|tell|pass|let you know|thank|mention|apologi[sz]e|update|keep))",
        r"(?:like|love|want|need)s? (?:you|u|for you) to (?:do|complete|take|try|prepare|send|join|present|"
        r"pop|have a go|sit|teach|shadow)\b",
        r"reply with", r"confirm (?:your|a|the|that)\b(?! (?:the )?(?:outcome|decision|result|news|timeline|timing))", r"(?:give|gave) (?:you|me) (?:a call|a ring)", r"pop in",
    ),
    "other_role": _p(
        # Not "the Senior Data Engineer position": a job title is not another role.
        rf"(?:another|other|a different|different|similar|related|separate|alternative|sister)\s+"
        rf"(?!direction)(?:\w+\s+){{0,3}}{ROLE}s?",
        rf"(?:(?:a|an|some)\s+(?:more\s+)?(?:junior|senior|new|second)|more junior|more senior)\s+"
        rf"(?:\w+\s+){{0,3}}{ROLE}s?",
        r"(?:junior|senior|entry-level|graduate) (?:roles|positions|openings|vacancies)",
        r"(?:better|good|great|strong) (?:fit|match) for (?:a|another|our|the) ",
        r"(?:team|department|office|division|site|branch|client|group|side) (?:is|are|'s) (?:also |now |currently )?"
        r"(?:hiring|recruiting|looking for)\b",
        r"(?:also|currently|separately) (?:hiring|recruiting) (?:for )?(?:a|an)\b",
        rf"(?:to (?:interview|apply)|considered|consider you|put you forward|see you|meet you|speak to you|"
        rf"talk to you) for (?:a|an|another|the other)\s+(?:[\w-]+\s+){{0,4}}?{ROLE}",
        rf"(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?{ROLE}s?\s+(?:that(?:'s| has| is)\s+|which (?:has|is)\s+)?"
        rf"(?:just\s+)?(?:come up|coming up|opening up|opened up|become available|been created)",
        rf"(?:just )?(?:released|opened|created|advertised|posted) (?:a|an) (?:[\w-]+ ){{0,4}}?{ROLE}",
    ),
    # --- timeline / vague ------------------------------------------------------------------
    "time_phrase": _p(
        r"(?:by|before|until|till|no later than|on or before|on or by)\s+(?:the\s+)?(?:end of\s+)?"
        r"(?:(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b\.?|(?:long |bank holiday |holiday )?weekend|"
        r"(?:bank|public|school) holidays?|half[- ]term|(?:the )?holidays\b|close of (?:play|business)|"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|"
        r"\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
        r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b)",
        r"(?:within|in) (?:the )?(?:next )?(?:a |one |two )?fortnight",
        r"(?:after|following) the (?:long weekend|bank holiday|holidays|half[- ]term)",
    ),
    "clock_time": _p(
        r"\b\d{1,2}(?:[:.][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", r"(?<![\d:./])\b\d{1,2}:[0-5]\d\b(?![\d:])",
        r"\b(?:at|around|about|from) (?:[1-9]|1[0-2])(?:[.:][0-5]\d)?\b(?![\d:./%-])(?!\s*(?:days?|weeks?|"
        r"months?|years?|hours?|mins?|minutes?|business|working|candidates?|people|applicants?|of|other|"
        r"more|others|interviews?|roles?|per|percent)\b)",
        r"\b(?:noon|midday)\b", r"\b\d{1,2}h(?:[0-5]\d)?\b", r"\b\d{1,2} ?uhr\b", r"\b\d{1,2}[–-]\d{1,2} ?(?:am|pm)\b",
    ),
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
        r"haven'?t forgotten", r"slower than", r"sit tight", r"still being (?:considered|reviewed|assessed)",
        r"(?:didn'?t|did not|wouldn'?t|couldn'?t|can'?t|cannot|won'?t) (?:say|tell (?:me|us)|give (?:me |us )?"
        r"(?:a |any )?(?:date|timeline|time-?frame|indication))(?: (?:when|whether|if|how long))?",
    ),
}


# Best effort for other languages: the commonest hiring phrases in Spanish, French, German,
# Portuguese, Dutch and Italian, filed under the same families.
_TEMPORARY_ELSEWHERE = [
    r"wieder (?:freigegeben|ausgeschrieben|geöffnet)|à nouveau|de nouveau|de nuevo|di nuovo|opnieuw",
    r"novamente|por el momento|pour le moment|per il momento|voorlopig|por enquanto|für den moment",
]
_OTHER_LANGUAGES: dict[str, list[str]] = {
    "reject_not_proceeding": [
        r"no (?:ha sido|has sido|fue) seleccionad|no (?:seguiremos|continuaremos) con (?:tu|su) candidatura",
        r"pas (?:été )?retenue?|ne pas donner suite|ne (?:pouvons|pourrons|donnerons|donnons) pas (?:donner )?suite",
        r"absage|nicht (?:weiter )?berücksichtig|nicht in die engere|gegen sie entschieden",
        r"não (?:foi|foste) selecionad|não seguir(?:emos)?",
        r"niet (?:verder|door)|afwijzing",
        r"non (?:è stat[oa]|sei stat[oa]) selezionat",
    ],
    "reject_other_candidate": [
        r"(?:elegido|seleccionado|contratado) a otr[oa]|(?:continuar|seguir|avanzar|quedarnos) con otr[oa]s? "
        r"(?:candidat|persona|perfil)",
        r"choisi un(?:e)? autre|(?:avec|à) (?:un(?:e)? autre|d'autres) (?:candidat|personne|profil)",
        r"für eine[nr]? andere[nr]? (?:kandidat|bewerber)|(?:einen|eine) andere[nr]? (?:kandidat|bewerber)",
        r"(?:con|a) un(?:'|\s)?altr[oa] (?:candidat[oa]|persona|profilo)|scelto un(?:'|\s)?altr",
        r"com outr[oa] (?:candidat[oa]|pessoa)|escolhemos outr|voor een andere kandida",
    ],
    "reject_soft": [
        r"lamentablemente|desafortunadamente|lamentamos|malheureusement|nous regrettons|leider",
        r"infelizmente|helaas|purtroppo",
    ],
    "hold": [
        r"en pausa|suspendid|congelad|en attente|suspendu|gel[ée]|ausgesetzt|pausiert|eingefroren",
        r"suspens|congelad|gepauzeerd|on hold gezet|sospes|in pausa|budget .{0,30}(?:nicht|pas|no|niet|non)",
        r"einstellungsstopp|aufnahmestopp|vorerst|vorläufig nicht|gel des (?:embauches|recrutements)",
        r"congelación de (?:contrataciones|plazas)|blocco (?:delle )?assunzioni|vacaturestop|personeelsstop",
        *_TEMPORARY_ELSEWHERE,
    ],
    "temporary": _TEMPORARY_ELSEWHERE,
    "next_interview": [
        r"segunda entrevista|deuxième entretien|zweite[sn]? (?:gespräch|interview|runde)",
        r"tweede gesprek|secondo colloquio|segunda fase|prochaine étape|nächste(?:n)? (?:schritt|runde)",
        r"volgende (?:stap|ronde)|prossim[oa] (?:fase|step|colloquio)|próxima (?:etapa|fase)",
        r"(?:deuxième|second|nouvel|dernier) (?:rendez-vous|entretien)|entretien final|segunda reunión",
        r"entrevista final|colloquio finale|finale[sn]? (?:gespräch|runde)|zweites gespräch",
        r"vous (?:proposer|inviter) (?:à |un(?:e)? )|(?:invitarte|invitarle|einladen|invitarti|uitnodigen)",
    ],
    "assessment": [
        r"test tecnico|prueba técnica|test technique|technische[nr]? (?:test|aufgabe)|caso práctico",
        r"cas pratique|prova pratica|praktische opdracht|teste técnico|fallstudie|étude de cas",
    ],
    "schedule": [
        r"disponibilidad|disponibilités?|verfügbarkeit|beschikbaarheid|disponibilità|disponibilidade",
        r"¿(?:le|te) (?:viene|va) bien|êtes-vous disponible|passt (?:ihnen|dir)|schikt het",
        r"pouvez-vous|pourriez-vous|me rappeler|bitte bestätigen|¿(?:puedes|podrías|podría)",
        r"puoi confermare|potete confermare|kunt u .{0,20}bevestigen",
        r"(?:inviato|enviado|envoyé|geschickt|gesendet|enviamos|verstuurd) (?:\w+ ){0,2}(?:link|enlace|lien)",
        r"per completarl|para completarl|pour (?:le |la )?compléter|zum ausfüllen|om (?:deze |het )?in te vullen",
    ],
    "foreign_deadline": [
        r"au plus tard|d'ici (?:la fin|vendredi|lundi|mardi|mercredi|jeudi|le \d)|avant (?:le|la fin|vendredi)",
        r"spätestens|bis (?:zum|ende|nächste|freitag|montag|dienstag|mittwoch|donnerstag)|ende (?:nächster|dieser) woche",
        r"antes del? (?:viernes|lunes|martes|miércoles|jueves|\d|fin)|a más tardar|la próxima semana|el próximo (?:lunes|martes|miércoles|jueves|viernes)",
        r"uiterlijk|vóór (?:vrijdag|maandag|dinsdag|woensdag|donderdag|\d)|volgende week",
        r"entro (?:venerdì|lunedì|martedì|mercoledì|giovedì|la fine|il \d)|la prossima settimana",
        r"até (?:sexta|segunda|terça|quarta|quinta|o fim|ao fim|dia \d)|na próxima semana",
        r"fino a (?:venerdì|lunedì|martedì|mercoledì|giovedì|domani|fine)|tienes hasta|tiene hasta",
        r"vous avez jusqu'|du hast bis|sie haben bis",
        r"(?:el|este|el próximo) (?:lunes|martes|miércoles|jueves|viernes)|(?:le|ce) (?:lundi|mardi|mercredi|"
        r"jeudi|vendredi)|am (?:montag|dienstag|mittwoch|donnerstag|freitag)|(?:op|deze) (?:maandag|dinsdag|"
        r"woensdag|donderdag|vrijdag)",
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


# A rejection phrase inside an "if"/"once"/"whether" clause is a possibility, not a decision:
# "once we've made a selection", "if we decide not to move forward", "whether or not ..."; so is
# a reopening ("if it ever reopens").
_DECISIVE = ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone", "temporary")
_CONDITIONAL = re.compile(
    r"\b(?:if|once|when|whether|unless|until|in case|should we|either way)\b[^.!?;:\n—–]*$", _I)


def _conditional(text: str, start: int) -> bool:
    return bool(_CONDITIONAL.search(text, max(0, start - 45), start))


def find_cues(text: str) -> list[Hit]:
    """Every cue hit in text, in order of appearance."""
    hits = []
    for family, pattern in FAMILIES.items():
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if family in _DECISIVE and _conditional(text, start):
                continue
            while end < len(text) and text[end].isalnum():  # "restructur" -> "restructuring"
                end += 1
            if end > start:
                hits.append(Hit(family, start, end, text[start:end]))
    return sorted(hits, key=lambda h: (h.start, -h.end))
