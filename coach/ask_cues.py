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
        r"\b(?:take-?home|assignment|assessment|test|reference checks?)\b.{0,40}\?", r"from here", r"what'?s next",
        r"próximos pasos|prochaines étapes|nächsten schritte|nächste schritt|volgende stap",
        r"how many (?:more |further |other )?(?:rounds|stages|interviews|steps|meetings|calls|conversations)", r"(?:rounds?|stages?) in total", r"(?:last|final|only) (?:round|stage|interview)",
        r"(?:more|later|another|other) (?:rounds?|stages?|interviews?|meetings?)\b", r"\b(?:on-?site|take-?home|references?|reference checks?|assessment|panel)\b",
        r"meet(?:ing)? the (?:team|team lead|manager|director|ceo|cto)", r"(?:who else|anyone else) (?:will|would) (?:be )?(?:interview|meet)",
        r"what (?:should|do) i (?:prepare|expect)", r"after (?:this|today|the (?:on-?site|interview|final))",
        r"(?:decision|update|news|answer|outcome|offer)s?\b.{0,30}\b(?:come|be sent|arrive|from you|by (?:email|phone))", r"expect (?:updates?|news|to hear|an? (?:email|call))",
        r"how (?:the|a|your) decision (?:will be|is|gets) made", r"(?:good|best|right) (?:point|time|way) (?:for me )?to follow up", r"follow up with (?:you|them|him|her)\b",
        r"(?:next|following|final) conversation", r"before a decision", r"(?:anyone|someone) else\b.{0,40}\b(?:speak|talk|meet)",
        # casual, nervous and formal wordings of "what happens next"
        r"\bthe next (?:bit|part|thing|hurdle|stage|step)\b", r"\bsubsequent (?:stages?|steps?|rounds?|interviews?)",
        r"\b(?:selection|hiring|recruitment|interview|application) (?:process|procedure)", r"\b(?:process|happens|comes|more|anything|steps?) after (?:this|that|today|the)\b",
        r"\b(?:coming|upcoming|remaining|later) (?:stages?|steps?|rounds?|interviews?)\b", r"\b(?:will|would) (?:you|someone|they) be in touch\b",
        r"\b(?:told|informed|notified|let know|hear about|find out|learn) (?:\w+ ){0,2}(?:outcome|results?|decision)\b",
        r"wie geht es (?:jetzt |nun |dann )?weiter|próximos passos|prossimi passi",
        r"\bif i(?:'m| am)? (?:go|get|move|progress|invited|asked|make it|am invited)\b.{0,15}\b(?:further|through|forward|back|on)\b",
        r"\bwho else (?:[\w']+ ){0,3}(?:meet|see|speak|talk|interview)", r"\b(?:should|shall) i (?:be )?prepar", r"\bprep(?:aration)? (?:material|work)\b",
        r"\banything i should (?:read|prepare|bring|know|look at)", r"\bmy (?:application|cv|candidacy)\b.{0,30}\bnext\b",
        r"\bhow many (?:people|candidates|applicants)\b.{0,30}\b(?:interviewing|seeing|meeting|talking)",
        r"\b(?:trial (?:shift|day)|demo lesson|site visit|background check|security clearance|psychometric|case interview|"
        r"coding (?:exercise|test|challenge)|the presentation|assessment cent(?:re|er))\b",
        r"\b(?:will|would) you (?:\w+ )?(?:contact|call|email|reach out to|get in touch with) me\b", r"\bwait to hear\b",
        r"prossim[oa] (?:colloquio|fase|passo)|próxim[ao] (?:etapa|paso|fase|entrevista)|nächste[ns]? (?:runde|gespräch|schritt)|"
        r"prochaine? (?:entretien|étape)|volgende (?:ronde|stap|gesprek)",
    ),
    "timeline": _p(
        r"time ?line", r"time ?frame", r"when (?:can|could|should|will|would|do|might) (?:i|we|you)", r"when (?:is|are|will) (?:the|a|your)",
        r"how long\b(?! (?:have|has|had|did|were|was)\b)", r"how (?:soon|quickly)", r"hear (?:back|from)", r"(?:expect|expecting) (?:to hear|a decision|an answer|news|feedback)",
        r"decision (?:date|by|time)", r"\bby when\b", r"(?:this|next) week\?", r"cuándo|quand |wann ", r"\bdeadline\b",
        r"(?:have|make) (?:a|the|your) decision", r"someone in (?:place|the role|post)",
        r"hoping to (?:fill|hire|decide|have)", r"(?:decide|decision|hear|know|answer)\b.{0,20}\bby (?:monday|tuesday|wednesday|thursday|friday|the|end|next|this|tomorrow)",
        r"(?:will|would|do) you (?:decide|know|have (?:news|an answer))", r"when(?:'s| is) (?:the|a|your) (?:decision|call|answer)",
        r"what day", r"(?:specific|exact) date", r"d'ici (?:vendredi|lundi|la fin)",
        # "when you will give the result", "when I might hear something", "when you'll narrow it down"
        r"\bwhen (?:you|they|we|i)(?:'ll| will| would| might| could| can| should| may| are going to) (?:\w+ )?"
        r"(?:hear|know|find|get|let|decid|make|have|give|send|come|contact|reach|narrow|expect|revert|wrap|finish|tell|announc|inform|notif|be (?:in touch|deciding|letting|making))",
        r"\bwhen (?:\w+ ){0,2}(?:decisions?|answers?|results?|offers?|news|feedback|shortlist|interviews|process|round) (?:will|would|might|are|is|get)\b",
        r"\b(?:will|would|do|can|shall) (?:i|we) (?:\w+ )?(?:find out|hear|know|get (?:an? |the )?(?:answer|result|decision|news|feedback))\b",
        r"\b(?:i'?d|i would|i'?ll|i will|i should|we'?d) (?:\w+ )?(?:hear|know|get (?:an? |the )?(?:answer|decision|result))\b",
        r"\btiming\b", r"\b(?:next|coming) (?:few|couple of) weeks (?:might |will |would |could )?(?:look|hold|go)\b",
        r"\b(?:look|looks|looking|next|timing|process|happens?)\b.{0,20}\bon your (?:side|end)\b",
        r"\b(?:expect|plan|hope|intend|going|likely) to (?:decide|make (?:a|the|your) decision|fill|wrap|finish)",
        r"\b(?:get|come|getting|coming) back to (?:people|candidates|folks|applicants|me|everyone)",
        r"\b(?:expected|anticipated|likely|rough|approximate) (?:date|timing|timeframe|timescale)", r"\bdate of (?:the )?decision",
        r"\bnarrow (?:it|things|the (?:field|list)) down\b", r"\bbut when\b(?! (?:you|we|i) (?:say|said|mention))",
    ),
    "decision_makers": _p(
        r"who (?:else )?(?:will|would|is|are|makes|decides|gets|has)\b.{0,30}(?:decision|decid|involved|say|final)",
        r"(?:involved|part of) (?:in )?the (?:decision|hiring|final)", r"(?:final|the) (?:say|sign-?off|call)\b",
        r"decision[- ]makers?", r"(?:committee|panel|board) (?:decide|who)", r"who decides", r"quién decide|qui décide|wer entscheidet",
        r"\bwho(?:'ll|'s|'d)?\b.{0,30}\b(?:decid\w*|decision|sign(?:s|ing)? off|final say|makes? the (?:final )?call)",
        r"\b(?:decision|call|say)\b (?:is |lies |rests |sits )?(?:with|up to) (?:you|them|the|him|her)\b",
        r"\bis the (?:final )?(?:decision|call|say|sign-?off) (?:yours|theirs|his|hers)\b", r"\b(?:go|goes|going) up to (?:the )?(?:\w+ )?(?:head|director|board|manager|partners?|vp|ceo)\b",
        r"\b(?:someone|somebody|anyone) (?:above|senior to|more senior than) you", r"\bwhose (?:desk|decision|call|sign-?off|approval)",
        r"qui (?:prend|prendra|va prendre) la décision|décision finale|quién (?:toma|tomará) la decisión|chi decide",
    ),
    "offers_info": _p(
        r"anything (?:else )?(?:i can|you need|that would|to help|further)", r"(?:can|could|should|may) i (?:send|provide|share|forward)",
        r"(?:send|share|provide) (?:you |over )?(?:a |some |my |any |the )?(?:references?|examples?|portfolio|samples?|case stud|work|links?|more)",
        r"would it (?:be )?help(?:ful)? (?:if|to)", r"happy to (?:send|provide|share)", r"anything (?:else )?(?:from|missing)",
        r"would\b.{0,80}\bbe (?:useful|helpful|of use|of help)", r"if (?:that|it)(?:'s| is| would be| would)? (?:useful|helpful|helps?)\b",
        r"\b(?:i can|i could|i'?m happy to|i'?d be happy to|can i|could i|shall i) (?:also )?(?:send|share|provide|forward|put together|prepare|write up)\b(?! (?:you )?(?:my |the |your )?screen)",
        r"\bwould (?:a|an|some|my|it|the|copies|references)\b.{0,60}\bhelp\b",
        r"\bwould you like (?:my|me to)\b", r"expand on\b.{0,30}\b(?:in writing|further|later)", r"(?:useful|helpful) (?:for|to) (?:you|the panel|the team)",
    ),
    "follow_up_permission": _p(
        r"(?:ok(?:ay)?|all right|alright|fine|appropriate|acceptable|welcome) (?:if|for me )?(?:i |to )?(?:follow(?: |-)?up|check in|reach out|get in touch|email|send|"
        r"let you know|keep you (?:posted|updated|in the loop)|update you|connect|touch base|drop you)",
        r"(?:may|can|could|should|shall) i (?:follow(?: |-)?up|check in|reach out|get in touch|email|contact|send a (?:quick )?(?:note|email))",
        r"(?:best|preferred|right) way (?:for me )?to (?:follow|stay|keep|get|reach|contact|check)", r"who should i (?:follow|contact|reach)",
        r"\bwho(?:'s| is| would be| should be) (?:the )?(?:best|right) (?:person )?to (?:contact|follow up|reach|talk|speak|ask|email)",
        r"\bwho (?:would|should|is) (?:be )?(?:best|the best person|the right person|right) to (?:follow up|contact|reach|ask|talk)",
        r"(?:may|can|could|shall) i (?:write|drop you|message|connect|text)\b", r"\bdo you mind if i\b",
        r"posso (?:entrar em contato|te contactar|contactar|enviar)|puedo (?:contactar|escribir)|puis-je (?:vous )?(?:relancer|contacter|écrire)|darf ich (?:mich )?(?:melden|nachfragen)",
        r"(?:follow(?: |-)?up|check in)\b.{0,40}\bif i (?:haven'?t|have not|don'?t) heard",
        r"(?:would|will|is) it (?:be )?(?:ok(?:ay)?|all right|alright|fine|cool|acceptable|appropriate)\b.{0,20}\bif i (?:nudge|check|email|follow|reach|ping|call|contact|sen[dt]|drop|"
        r"connect|write|wrote|reply|replied|message|get in touch|touch base|text|let you know)",
        r"(?:nudge|ping|chase|relancer|nachfragen|contactar)", r"if i (?:don'?t|do not|haven'?t|have not) (?:hear|heard)",
    ),
    "clarifies": _p(
        r"just (?:so i'?m|to be) clear", r"(?:to )?clarify", r"you mentioned", r"(?:is|was) (?:that|the) (?:friday|decision|date|\w+day)\b",
        r"\bso (?:that|this) (?:means|is)", r"(?:email|phone|call) or (?:email|phone|call)", r"(?:will|is) (?:that|it) (?:be )?(?:by|via|through)",
        r"\b(?:just )?(?:to )?(?:confirm|double[- ]check)\b", r"\bjust (?:checking|so i know)\b",
        r"\b(?:did|have) i (?:get|got|understand|understood|hear|heard) (?:that|it|this|you) (?:right|correctly)",
        r"\b(?:didn'?t|did not) (?:quite )?catch", r"\b(?:was|is) it \w+ or \w+", r"\bso\b[^.?!]{0,40}\bthen\s*\?",
        r",\s*(?:right|correct|giusto|n'est-ce pas|oder|verdad)\s*\?",
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
    r"my (?:desk|laptop|equipment|team|office|parking|rota|schedule|shifts?|hours|working hours)\b", r"when do i get", r"notice period",
    # onboarding as the candidate's own future, not a past project ("we cut onboarding time")
    r"\bonboard(?:ing)? me\b", r"\bonboarding (?:cohort|week|date)s?\b", r"\bwhen (?:does|is|will) (?:the )?onboarding\b",
    # speaking as if already hired
    r"\bpay ?day\b", r"\bpay (?:band|range|grade|scale|rise)\b", r"\bovertime\b",
    r"\b(?:in|during|for|by) my first (?:day|week|month|year|weeks|months|\d+ days)\b",
    r"\bonce i(?:'m|'ve| am| have)? (?:on (?:the|your) team|in|hired|here|on ?board|started|join)\b",
    r"\b(?:which|what) (?:squad|team|office|site|location|branch|desk|department|shift)\b.{0,25}\b(?:i'?d|would i|will i|i would|i will|i'?ll)\b",
    r"\bwould i be (?:placed|based|put|assigned|located|sitting)\b", r"\bi'?d be (?:placed|based|assigned|located)\b",
    r"\b(?:could|can|may) i (?:request|ask for|choose|pick) (?:to (?:be|join|work)|the \w+ (?:one|team|squad)|a (?:specific|particular) (?:team|squad|project))",
    r"\brelocation (?:covered|included|paid|offered|assistance|help|costs?|expenses?|allowance)\b",
    r"\b(?:cover|pay for|help with) (?:my |the )?(?:relocation|move|moving|visa)\b",
    r"\blooking (?:at|for) (?:flats|apartments|houses|a (?:flat|house|place)|somewhere to (?:live|stay))\b",
    r"\b(?:i|we)(?:'d| could| can| would) (?:probably |easily |definitely )?start\b(?! (?:by|with|off|out|a|an|my|the|our|to|from|thinking|looking|working)\b)",
    r"\bhow soon (?:could|can|would|will) i\b(?! (?:expect|hear|know|find out|get (?:an? |the )?(?:answer|decision|feedback|update)))",
    r"\b(?:the|my) contract\b.{0,30}\b(?:sent|signed|sign|arrive|ready|issued)|\b(?:send|sign|receive|get) (?:me )?(?:the|my) contract\b",
    r"(?:könnte|kann|würde) ich (?:\w+ ){0,2}(?:anfangen|beginnen|starten)|(?:podría|puedo) (?:empezar|comenzar)|(?:pourrais|puis)-je commencer|commencerais", r"sueldo|salaire|gehalt|vacaciones|congés",
    r"\bsick (?:time|days?|leave|pay)\b", r"\b(?:payé|rémunér\w*|gagnerai|cobraría|cobraré|verdiene ich|ganharia)\b",
    r"\d[\d.,]*\s*(?:k|€|euros?|\$|£|dollars?)\s*(?:par an|a year|per year|per annum|al año|por año|pro jahr|im jahr|por ano|brut|gross)\b",
    r"\bprobation", r"hand in my notice", r"\b(?:give|giving|hand(?:ing)? in|put(?:ting)? in|serv(?:e|ing)) (?:\w+ ){0,2}notice\b", r"\bhow much notice\b", r"\blaptop\b", r"company car", r"day one", r"(?:would|will) i (?:be )?(?:fully )?remote|work(?:ing)? remote(?:ly)?", r"(?:have|need) to come into the office",
    r"(?:tell|inform) my (?:manager|boss|employer)", r"\bresign|quit my", r"take my (?:\w+ )?(?:weeks?|holiday|vacation|leave|days)",
    r"(?:would|will) i (?:get|be able to)\b(?! (?:the |a |an |any )?(?:task|exercise|test|brief|questions?|case|feedback|invite|invitation|email|link|materials?|chance to|to (?:meet|ask|see)))", r"my (?:salary|title|contract|start)\b",
)
PUSHY = _p(
    r"(?:did|have|do) i get (?:it|the (?:job|role|position)|in)\b(?! (?:before|beforehand|in advance|on the|by|via|emailed|sent|through|from|early|ahead))", r"(?:am|are) (?:i|you) (?:moving|going|taking me) (?:forward|through|ahead)\s*\?",
    r"tell me (?:now|today|right now|straight)", r"(?:right|here and) now", r"on the spot", r"yes or no",
    r"how (?:do|did|would) i (?:compare|rank|stack up|measure up|do compared)", r"(?:better|worse) than (?:the )?(?:other|last|others)",
    r"where do i (?:rank|stand)", r"\b(?:am i|i'?m|me|my name)\b.{0,30}\b(?:top|front-?runner|short-?list|first choice|number one)\b.{0,20}\?", r"\b(?:rank|rate|score) me\b", r"other candidates? (?:are|were|is)\b.{0,30}\?",
    r"(?:what|any) (?:reservations|doubts|concerns|hesitations)\b.{0,60}(?:address|clear up|answer|change your mind|overcome|fix|convince|right now|so i can)",
    r"(?:let me|i can|i'?ll) (?:address|clear up|overcome|convince|change your mind)", r"why (?:wouldn'?t|would not|won'?t) you",
    r"(?<!do )i need (?:an answer|to know|a decision|you to)", r"(?:by|before) (?:tomorrow|tonight|end of (?:the )?day|eod|monday|friday|\d+ ?(?:pm|am))\b.{0,30}(?:or|otherwise|else|because)",
    # another offer is leverage only with a demand; mentioning it openly while asking is polite
    r"(?:other|another|competing|second) (?:job )?offers?\b.{0,80}\b(?:need|must|have to|unless|otherwise|commit|decide|by (?:tomorrow|tonight|today|the end|end|monday|tuesday|wednesday|thursday|friday)|this week|today|tonight|tomorrow)",
    r"\b(?:need|must|have to|otherwise)\b.{0,60}\b(?:other|another|competing) (?:job )?offer",
    r"(?:or )?i'?ll (?:assume|take|go|accept)", r"within \d+ hours",
    r"(?:can'?t|cannot|won'?t) wait", r"(?:hurry|speed (?:it|this|things) up|asap|as soon as possible)", r"\bexactly\b\s*\?",
    r"(?:i'?ll|i will) (?:call|email|ring|check in|follow up) (?:you )?(?:every|each|daily|tomorrow|twice)",
    r"(?:wait|sorry)[,—-]+\s*(?:before you|let me)", r"(?:let me|can i) (?:just )?(?:interrupt|cut in|jump in)",
    r"\bwhy (?:so|is it taking|does it take) (?:long|slow)", r"(?:seriously|come on)\b",
    r"am i (?:hired|through|in\b|ahead|the (?:strongest|best|top|front)|on the (?:list|shortlist))", r"i'?m (?:hired|through|ahead), (?:yes|right)", r"(?:did|have) i (?:get|got|make) (?:it|the)",
    r"(?:is it|it'?s) a yes", r"j'ai le poste|tengo el puesto|habe ich die stelle", r"thumbs (?:up|down)",
    r"(?:hint|verbal offer|answer|decision|offer)\b.{0,20}\b(?:now|today|tonight|before i leave)", r"\b(?:give|tell) me (?:a hint|an answer|the decision|if|whether|now)",
    r"where (?:am|do) i (?:on the list|rank|stand|sit)", r"(?:ahead|in front) of (?:them|the others|others|everyone)", r"front of the queue",
    r"(?:can|could) you (?:please )?(?:let me know|decide|tell me|get back to me) by\b", r"too (?:far|long|slow)\b",
    r"what every (?:company|employer|one|recruiter) says", r"\*actually\*|actually hear", r"let'?s (?:say|make it)\b",
    r"every (?:day|morning|single day)", r"(?:call|text|ring|phone) me (?:tonight|today|later|back tonight)", r"direct (?:number|line|email)",
    r"push (?:this|it|things) along", r"(?<!do )i need (?:a|an|to|the|you)\b", r"\bi (?:really |just )?need (?:you|this|it) to\b|\bi really need (?:a|an|to know|the)\b", r"only (?:doing this|interested|staying) if", r"unless you",
    r"remind you", r"(?:skip|cut) (?:the rest|you off|to the)", r"what would it take", r"(?:argue|fix|defend|rebut) (?:it|them|that|those)\b",
    r"(?:didn'?t|did not|don'?t) you like", r"so decide", r"like,? what day", r"not like i (?:have|don'?t)", r"\b\w+\.\s+\w+\.\s+\w+\.\s+\w+\.",
    r"[!?]{3,}", r"dites-le-moi|dímelo|sagen sie es mir", r"make me an offer", r"(?:speak|talk) to (?:them|him|her|the panel|the decision)\b.{0,20}\b(?:today|now|tonight)",
    r"stopping you from", r"(?:only|just) tell me", r"can we skip",
    # fishing for a verdict, a ranking or reassurance on the spot
    r"\b(?:any|what|some)\s+(?:doubts?|concerns?|reservations?|hesitations?|hesitancy|worries)\b.{0,40}\b(?:me|my|i|hiring me)\b",
    r"\b(?:any )?(?:doubts?|questions?|concerns?) (?:remain|left)\b.{0,40}\b(?:me|my|i)\b",
    r"\bdid i (?:answer|do|perform|cover|handle)\b.{0,40}\b(?:satisfactor\w*|well|ok|okay|alright|all right|enough|right)\b",
    r"\b(?:any|anything|which|what) (?:aspects?|parts?|areas?|gaps?|things?)?\b.{0,60}\bnot (?:a |the )?(?:good |right |strong )?(?:fit|match)\b",
    r"\bhow did i do\b", r"\bwhat'?s the verdict|\bwhats the verdict", r"\b(?:am i|did i|have i|do i|will i|i'?m|mine)\b.{0,40}\bor not\b", r"\bis (?:the|this) (?:job|role|position) mine\b",
    r"\b(?:am i|i'?m) (?:getting|being offered|going to get) (?:the|this|an?) (?:job|role|position|offer)\b",
    r"\b(?:ridiculous|unacceptable|absurd)\b", r"\b(?:can|could) you make it (?:one|two|a week|shorter|quicker|sooner|faster|earlier)\b",
    r"\b(?:got|have) (?:a|your) (?:favourite|favorite|preferred candidate|front-?runner)", r"\bdo i (?:have|stand) a (?:real |good |decent )?(?:shot|chance)\b",
    r"\bis it (?:going to be )?me\s*\?", r"\bif you had to (?:bet|guess|choose|pick|decide)", r"\bdid (?:\w+ ){0,2}like me\b|\bdo you like me\b", r"\bjust a hint\b|\ba hint (?:is fine|will do|at least|now)\b",
    r"\bi'?m (?:your|the) (?:strongest|best|top|ideal|perfect|favourite|favorite|front)", r"\bwhat (?:number|score|mark|rating) would you give me",
    r"\b(?:assume|guess|take it) (?:that )?(?:means )?i'?m (?:through|in|hired|moving|the one|getting)", r"\bi'?m (?:through|hired|in)\b.{0,20}\b(?:yes|right|yeah)\s*\?",
    r"\breason (?:you|not to|why you)\b.{0,15}\b(?:wouldn'?t|would not|shouldn'?t|not) (?:hire|pick|choose|take|offer)",
    r"\b(?:can we|let'?s) (?:just )?agree\b", r"\bdrag (?:it|this|things) out\b", r"\bcut to (?:it|the chase)\b", r"\b(?:candidates?|applicants?|finalists?|others|they|them|he|she)\b.{0,40}\b(?:more|less|better|stronger|worse) (?:\w+ )?than me\b",
    # deadlines, ultimatums and a date stated rather than asked for
    r"\b(?:i'?ll|i will|i'?d|i would|i) (?:really |just |absolutely )?(?:need|have) to (?:know|hear|have (?:an|the|your) (?:answer|decision))\b.{0,30}\b(?:by|before|within|today|tonight|tomorrow|now)\b",
    r"\bat the (?:very )?latest\b", r"\binsist\b", r"\bi demand\b", r"\bleave me hanging\b",
    r"(?:decision|answer|feedback|hear|know|respon\w*|back to me|update)\b.{0,40}\bwithin (?:\d+|one|two|three|four|five|a couple of|a few) (?:working |business )?(?:days?|hours?)\b",
    r"\b(?:your|a firm) commitment\b|\bcan you commit\b",
    r"\botherwise\b.{0,20}\b(?:i'?ll|i will|i'?m going to|i have to|i must)\b", r"\bi'?ll have to (?:take|accept|go with|withdraw|pull out|move on|assume)",
    r"\b(?:going to|gonna) (?:assume|take|accept|go with|withdraw|move on)\b",
    r"\bsonst (?:sage|nehme|gehe|akzeptiere)\b|\bsinon (?:j'accepte|je prends|je vais accepter)|si no,? (?:acepto|aceptaré|me voy|tomo|tomaré)|\b(?:necesito|brauche|j'ai besoin)\b.{0,30}\b(?:hoy|heute|aujourd'hui|bis|antes|avant|d'ici)",
    r"\bi (?:assume|presume|take it|expect)\b.{0,40}\b(?:by|before|on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end|end|next|this)\b",
    r"\b(?:just )?a formality\b", r"\bmake sure (?:it'?s|it is|that it'?s) (?:that|on|then|by)\b|\bplease make sure you\b",
    r"\b(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday)(?: (?:morning|afternoon|evening))?(?: at \d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?)? (?:works|suits) (?:for )?me\b",
    r"\bbook (?:in )?(?:the|my|a|our)\b.{0,30}\b(?:now|today|before i (?:go|leave))\b",
    r"\b(?:let me know|tell me|say) (?:right )?now\b", r"\b(?:interviewing|talking|speaking|in talks|in process(?:es)?) with (?:\w+ ){0,3}(?:of )?your competitors\b", r"\bhow (?:quickly|fast) can you (?:move|go|decide|turn)",
    # announcing a chase, or going around the interviewer to the decision makers
    r"\bi(?:'ll| will|'m going to|'m gonna| am going to)\b.{0,20}\b(?:(?:call|ring|phon)(?:e|ing)?|give you a (?:call|ring|buzz)|(?:pop|drop|come|swing|stop) (?:by|in|into|round)|visit|chase)"
    r"(?: (?:you|your \w+|them|him|her|the \w+(?: \w+)?))?(?: (?:back|again|up))?\b.{0,15}\b(?:on|at|first thing|every|each|daily|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|this|next|either way|anyway|to (?:check|see|ask|find|chase|hear|introduce|make|remind|push))\b",
    r"\bi(?:'ll| will|'m going to|'m gonna| am going to)\b.{0,20}\b(?:email|e-mail|text|message|send you (?:a )?reminders?|remind)\b.{0,30}\b(?:every|daily|each|until|remind|reminder|to check|again)\b",
    r"\bsend you (?:a )?reminders?\b", r"\b(?:stays?|keep (?:me|it)) top of mind\b", r"\bmake my (?:case|pitch)\b", r"\blobby (?:for|the|them|him|her)\b", r"\bput in a (?:good )?word\b",
    r"\b(?:his|her|their|the \w+(?: \w+)?'s) (?:mobile|cell|personal (?:number|phone|email))\b|\b(?:her|his|their) (?:mobile|personal) number\b",
    r"\bminutes with (?:her|him|them|the \w+(?: \w+)?)\b.{0,20}\b(?:today|now|tonight|before)\b",
    r"\b(?:can'?t you|can you not|couldn'?t you|could you not|why not) just\b",
    r"(?:get back to me|let me know|tell me|call me|text me|hear|decide|speak to|talk to)\b.{0,40}\b(?:tonight|this afternoon|this evening|later today|before \d{1,2}\b|by \d{1,2}\s*(?:am|pm))",
    r"\bthe (?:moment|minute|second|instant) you (?:decide|know|hear)", r"\bpromise me\b", r"\bdefinitely (?:call|email|let me know|get back|hear)\b",
    # guilt and impatience
    r"\b(?:came|come|travel(?:l)?ed|drove|flew|driven) all (?:the|this) way\b.{0,60}\b(?:hear|know|answer|decision|decide|today|tonight|hope|expect)", r"\b(?:please|so) keep that in mind\b", r"\b(?:really |so |very )?disappointed if\b",
    r"\bneed (?:this|it|things|you) to (?:happen|move|go) (?:quickly|fast|soon)", r"\bsurely you can\b|\byou can do better\b",
    r"\b(?:shorten|expedite|fast-?track)\b|\bbring (?:it|that|this|the \w+) forward\b", r"\bnarrow (?:that|it|this) (?:down )?to (?:a|an exact|the) (?:day|date|time|hour)",
    r"\b(?:isn'?t|not) an answer\b", r"\b(?:what|which) (?:date|day|time)\b.{0,5}\b(?:specifically|exactly|precisely)\b", r"\b(?:by|glued to|next to|refreshing) my (?:phone|inbox|email)\b",
)


# A question about something other than the hiring process ("the next big steps for the
# product", "the timeline for the migration"): its next-steps and timeline words don't count.
OTHER_TOPIC = re.compile(
    r"\bnext (?:big|major|key|strategic) (?:steps?|moves?|milestones?)\b|"
    r"\b(?:timeline|time ?frame|timing|plans?|roadmap)\s+(?:for|of|on)\s+(?:the |your |our |their )?"
    r"(?!(?:role|position|job|hiring|hire|recruit\w*|candidat\w*|interview\w*|application|decision|offer|process|next|"
    r"selection|vacancy|post|panel|committee|board|round|stage|assessment|shortlist|"
    r"me|my|this|that|it|us|you|a|an|him|her|them|everyone|people|final)\b)[\w']+|"
    r"\b(?:for|of|on|in|with|about) (?:the|your|this|that|our) (?:[\w']+ )?(?:product|project|platform|migration|roadmap|"
    r"move|relocation|refurb\w*|renovation|transition|reorg\w*|restructur\w*|acquisition|integration|upgrade|deployment|"
    r"launch|rollout|release|programme|program|initiative|system|expansion|rebrand|merger|refit|build)s?\b",
    _I)
HIRING = re.compile(
    r"\b(?:role|position|job|vacancy|post|hiring|hire|recruit\w*|candidat\w*|interview\w*|application|"
    r"candidacy|cv|decision|offer|round|stage|shortlist|selection)\b", _I)
# After an answer, an either-or question about the process is a clarification of what was said
# ("two weeks from today or from the last interview?", "with you again or someone else?").
PROCESS = re.compile(
    r"\b(?:interview\w*|round|panel|stage|step|call|exercise|task|brief|case study|test|assessment|presentation|decision|offer|"
    r"hr|recruiter|agency|email|contact|hear|feedback|timeline|weeks?|date|today|tomorrow|"
    r"(?:mon|tues|wednes|thurs|fri)day|someone|somebody|someone else|anyone else)\b", _I)
EITHER_OR = re.compile(r"\bor\b", _I)
# Question clauses in one breath: "what's the next step, when is it, who's it with, and ...?"
CLAUSE = re.compile(r"\?|[,;:—–-]\s*(?:and\s+|or\s+)?(?:what|when|who|where|how|which)\b", _I)

# A sentence in which the candidate speaks of their own future (or asks): only there can a pay,
# start-date or perks phrase presume the offer ("I managed my team" is past work, not a claim).
FUTURE_SELF = re.compile(
    r"\b(?:i|we)(?:'d|'ll| would| will| could| can| should| might| shall| am going to|'m going to|"
    r" want| need| hope| wonder)\b|\b(?:once|when|if|after|before) i\b|\b(?:i|we) (?:assume|expect|presume)\b"
    # ... or sets conditions on it, in any language the coach reads ("below 50k I won't talk",
    # "the only thing that counts is the pay")
    r"|\b(?:unless|at least|no less than|minimum|only thing that (?:matters|counts)|won'?t (?:accept|consider|discuss)"
    r"|à moins de|au moins|seule chose qui compte|je ne discute pas|n'accepterai|je veux|"
    r"a menos que|como mínimo|lo único que (?:importa|cuenta)|no acepto|"
    r"mindestens|es sei denn|nur wenn|a não ser que|no mínimo|só aceito|je voudrais|ich möchte|quisiera|gostaria)\b", _I)


def find(patterns: dict[str, re.Pattern[str]], text: str) -> dict[str, list[str]]:
    """For each cue family, the phrases of text that matched."""
    return {name: [m.group(0) for m in pattern.finditer(text) if m.group(0).strip()]
            for name, pattern in patterns.items()}
