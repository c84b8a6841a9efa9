"""A cheap language guess from stopword counts, for pages whose markup does not say."""
from __future__ import annotations

from collections import Counter

from newsclean.strings import letter_runs

_STOP = {
    "en": "the and of to in is that for it with as was on are by this be from",
    "de": "der die und das ist nicht mit sich des auf für ein eine dem den von zu",
    "fr": "le la les et des est une pour dans que qui pas sur du au avec",
    "es": "el la los las y que en del por una para con se es al como",
    "it": "il di che la per un una sono della non con del nel anche gli",
    "pt": "o a os que de do da em para com uma não no na por se",
    "nl": "de het een en van is dat niet op te voor met zijn er",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _STOP.items()}


def guess_language(text: str, min_hits: int = 8) -> str | None:
    words = letter_runs(text[:20000].lower())   # (the runs of ``[^\W\d_]+``)
    if not words:
        return None
    # each word counted once (in C), then each language's stopwords looked up: the counts of a pass over the
    # words per language
    tally = Counter(words)
    counts = {lang: sum(tally.get(w, 0) for w in s) for lang, s in _SETS.items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    if best < min_hits:
        return None
    second = sorted(counts.values())[-2]
    return lang if best >= 1.3 * second else None
