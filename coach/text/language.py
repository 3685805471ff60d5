"""Which language a pasted message is written in: a cheap guess from common function words."""

from __future__ import annotations

import re

# The reader has cue patterns and date words for these; anything else is read as "und".
KNOWN = ("en", "es", "de", "fr", "pt")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French",
                  "pt": "Portuguese"}
_COMMON: dict[str, frozenset[str]] = {
    "en": frozenset("the and to we you your for of a in is be will with this that are our on "
                    "have as it by at from thank thanks would not us i "
                    # words of job mail, so that a short English note is still English
                    "update news next week weeks soon decision interview application role "
                    "position candidate candidates team hear back let know touch expect offer "
                    "process call we've we're we'll i'm you're it's don't can't won't another "
                    "unfortunately regrettably sorry hiring until till cheers regards best "
                    "everything paused freeze direction".split()),
    "es": frozenset("el la los las de que y en un una por para con su sus le les nos no es "
                    "gracias hemos su usted tu te del al lo muy semana entrevista candidatura "
                    "puesto proceso".split()),
    "de": frozenset("der die das und ich sie wir ihr ihre ihnen nicht mit für zu den dem des "
                    "ist eine ein einen uns auf bei vielen dank leider woche bewerbung stelle "
                    "gespräch".split()),
    "fr": frozenset("le la les de des et en un une pour vous votre nous est pas que qui avec "
                    "au aux ne merci du sur notre vos semaine entretien candidature poste"
                    .split()),
    "pt": frozenset("o a os as de que e em um uma para com seu sua você não é obrigado "
                    "obrigada do da dos das no na nos ao pela pelo semana entrevista "
                    "candidatura vaga".split()),
    # Recognised only so that they are not mistaken for one of the above.
    "it": frozenset("il di che e la per un una non sono della del grazie ti vi ci con".split()),
    "nl": frozenset("de het een en van ik je u wij we niet met voor op dat dank bedankt uw"
                    .split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """An ISO 639-1 code for text, "en" for very short text, "und" when no language fits."""
    words = [w.lower() for w in _WORD.findall(text)][:400]
    if len(words) < 4:
        return "en" if not re.search(r"[^\x00-\u024f]", text) else "und"
    shares = {lang: sum(w in common for w in words) / len(words)
              for lang, common in _COMMON.items()}
    best = max(shares, key=lambda lang: shares[lang])
    distinct = len({w for w in words if w in _COMMON[best]})
    if shares[best] >= 0.12 and distinct >= 2:
        return best
    # A short note in plain ASCII with too few common words to tell is read as English.
    if len(words) <= 6 and text.isascii():
        return "en"
    return "und"
