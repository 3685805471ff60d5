"""Text that instructs a model instead of telling the candidate something: found and left out,
so it can never decide a reading, a date or a draft."""

from __future__ import annotations

import re

from coach.text.sentences import split_sentences

INJECTION = re.compile(
    r"(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:above|previous|prior|earlier|"
    r"preceding|instructions)|^\s*(?:system|assistant|developer|ai|note to (?:the )?(?:ai|model|"
    r"assistant|classifier|bot))\s*[:>]|(?:classify|label|categori[sz]e|mark|tag)\s+(?:this|it|"
    r"the (?:message|email|reply))\s+as\b|correct (?:label|category|classification) is|"
    r"new instructions|you are (?:now|an? (?:ai|assistant|language model))|<!--.*?-->|"
    r"tell the candidate (?:they|that)|###\s*(?:instruction|system)|"
    r"(?:ignoriere|ignorieren sie) (?:alle )?(?:vorherigen )?anweisungen|"
    r"ignora (?:todas )?las instrucciones|ignore(?:z)? (?:toutes )?les instructions|"
    r"ignore (?:todas )?as instruções|(?:respond|answer|reply|output) (?:only )?with\b|"
    r"(?:set|put|use|write) the (?:deadline|date|decision date) (?:to|as)\b|"
    # chat-template tokens, and sentences that address a model or script what it should say
    r"\[/?INST\]|<\|(?:im_start|im_end|system|user|assistant)\|>|"
    r"^\s*(?:hey\s+|dear\s+)?(?:ai|assistant|chatgpt|gpt|claude|gemini|llm|model|bot)\b\s*[:,]|"
    r"\b(?:pretend|act as if)\b[^.!?\n]{0,40}\b(?:recruiter|message|email|reply)\b|"
    r"\bplease\s+(?:report|state|claim|output)\s+that\b",
    re.IGNORECASE | re.MULTILINE,
)


def strip_injection(text: str) -> tuple[str, bool]:
    """The text without its sentences that instruct a model, and whether there were any."""
    kept_lines, dropped = [], False
    for line in text.split("\n"):
        if not INJECTION.search(line):
            kept_lines.append(line)
            continue
        dropped = True
        kept_lines.append(" ".join(s.text for s in split_sentences(line)
                                   if not INJECTION.search(s.text)))
    return "\n".join(kept_lines), dropped
