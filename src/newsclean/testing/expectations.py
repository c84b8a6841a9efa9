"""Compare an extracted Article (as a dict) with a fixture's expectations.

An expectations file is JSON. Every key is optional; what is present is checked:

- ``title``, ``section``, ``site_name``, ``language``, ``url``: equal after whitespace/NFKC folding
- ``authors``: the same list, in order
- ``published`` / ``modified``: same date-time to the minute, and the same UTC offset
- ``body_paragraphs_in_order``: each occurs in the body, in this order
- ``body_optional``: paragraphs that may be present (they count towards the allowed length)
- ``body_must_not_contain`` / ``must_not_contain``: case-sensitive substrings absent from the body
- ``must_contain``: substrings present in the body
- ``no_extra_text``: (default true when ``body_paragraphs_in_order`` is given and ``body_reference`` is
  not) the body is at most 40 characters longer than the listed paragraphs
- ``body_reference`` + ``min_body_f1``: the body's 4-word-shingle F1 against a reference text
- ``text``: the exact body (as recorded by ``newsclean fixtures record``); a difference is shown as a
  unified diff of paragraphs
- ``tags``, ``description``, ``image``: equal (tags as a list)
- ``ignore``: field names not to check
- ``input``, ``kind``, ``url_hint`` / ``url_input``: the page file, its kind and URL (read by
  ``newsclean fixtures check``)
- ``source`` and any key ending in ``_note``: notes for people, not checked

Any other key is an ExpectationsError naming the file and the key (a misspelt check such as
``"must_contian"`` would otherwise pass silently), with the closest known key as a suggestion.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsclean.errors import ConfigError

_WORD = re.compile(r"\w+")
#: fields compared for equality (after folding) and the other checks an expectations file may ask for
FIELD_KEYS = ("title", "section", "site_name", "language", "url", "description", "image", "tags", "text",
              "authors", "published", "modified")
CHECK_KEYS = ("body_paragraphs_in_order", "body_optional", "body_must_not_contain", "must_not_contain",
              "must_contain", "no_extra_text", "body_reference", "min_body_f1", "ignore")
#: what ``newsclean fixtures`` reads to find and extract the page
INPUT_KEYS = ("input", "kind", "url_hint", "url_input")
KNOWN_KEYS = FIELD_KEYS + CHECK_KEYS + INPUT_KEYS
#: notes for people: ``source`` and any key with this suffix
NOTE_KEYS = ("source",)
NOTE_SUFFIX = "_note"
# difflib's similarity floor for "did you mean": 0.6 is its default, which catches one or two
# swapped or missing letters ("must_contian", "autors") without suggesting unrelated keys
SUGGEST_CUTOFF = 0.6


class ExpectationsError(ConfigError):
    """An expectations file asks for something newsclean does not check (an unknown key)."""


def validate_expected(gold: Any, origin: str = "expectations") -> dict[str, Any]:
    """``gold`` if it is a JSON object whose keys are all known (or notes); else ExpectationsError
    naming ``origin`` and the first unknown key, with the closest known key when there is one."""
    if not isinstance(gold, dict):
        raise ExpectationsError(f"{origin}: expectations must be a JSON object, not {type(gold).__name__}")
    for key in gold:
        if key in KNOWN_KEYS or key in NOTE_KEYS or key.endswith(NOTE_SUFFIX):
            continue
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=SUGGEST_CUTOFF)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ExpectationsError(f"{origin}: unknown key {key!r}{hint}; known keys: {', '.join(KNOWN_KEYS)}, "
                                f"and notes ('source' or any key ending in {NOTE_SUFFIX!r})")
    for name in gold.get("ignore", ()):
        if name not in FIELD_KEYS:
            close = difflib.get_close_matches(str(name), FIELD_KEYS, n=1, cutoff=SUGGEST_CUTOFF)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ExpectationsError(f"{origin}: 'ignore' names unknown field {name!r}{hint}")
    return gold


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""

    def __str__(self) -> str:
        detail = f": {self.detail}" if self.detail and not self.ok else ""
        return f"{'PASS' if self.ok else 'FAIL'} {self.name}{detail}"


def norm(s: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(s or "")).split())


def _shingles(text: str, n: int = 4) -> Counter:
    toks = _WORD.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def shingle_f1(predicted: str, reference: str) -> float:
    """F1 of 4-word shingles (the benchmark's metric for one page)."""
    p, r = _shingles(predicted), _shingles(reference)
    if not p and not r:
        return 1.0
    tp = sum((p & r).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def load_expected(path: str | Path) -> dict[str, Any]:
    """The expectations in ``path``, validated (``validate_expected``)."""
    return validate_expected(json.loads(Path(path).read_text(encoding="utf-8")), str(path))


def check_article(got: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    """Run every check that ``gold`` asks for against ``got`` (an ``Article.to_dict()``).
    An unknown key in ``gold`` is an ExpectationsError."""
    validate_expected(gold)
    ignore = set(gold.get("ignore", ()))
    text = norm(got.get("text", ""))
    out: list[Check] = []
    for name in ("title", "section", "site_name", "language", "url", "description", "image"):
        if name in gold and name not in ignore:
            same = norm(got.get(name)) == norm(gold[name])
            out.append(Check(name, same, _field_diff(name, gold[name], got.get(name))))
    if "tags" in gold and "tags" not in ignore:
        tags = [norm(t) for t in got.get("tags") or []]
        same = tags == [norm(t) for t in gold["tags"] or []]
        out.append(Check("tags", same, _field_diff("tags", gold["tags"], tags)))
    if "text" in gold and "text" not in ignore:
        want, have = gold["text"] or "", got.get("text") or ""
        out.append(Check("body text", norm(want) == norm(have), body_diff(want, have)))
    if "authors" in gold and "authors" not in ignore:
        authors = [norm(a) for a in got.get("authors") or []]
        want_authors = [norm(a) for a in gold["authors"] or []]
        out.append(Check("authors", authors == want_authors, _field_diff("authors", want_authors, authors)))
    for name in ("published", "modified"):
        if name in gold and name not in ignore:
            want = gold[name] or ""
            have = got.get(name) or ""
            ok = (have == want) if not want else (
                have.startswith(want[:16]) and (len(want) <= 19 or have.endswith(want[-6:])))
            out.append(Check(name, ok, _field_diff(name, want, have)))
    pos = -1
    paragraphs = gold.get("body_paragraphs_in_order", [])
    for i, para in enumerate(paragraphs):
        at = text.find(norm(para))
        out.append(Check(f"body paragraph {i + 1} present, in order", at > pos, norm(para)[:60]))
        pos = max(pos, at)
    for snippet in gold.get("must_contain", []):
        out.append(Check(f"body contains {snippet!r}", norm(snippet) in text))
    for bad in list(gold.get("body_must_not_contain", [])) + list(gold.get("must_not_contain", [])):
        out.append(Check(f"body free of {bad!r}", bad not in text))
    if gold.get("no_extra_text", bool(paragraphs) and "body_reference" not in gold):
        allowed = len(" ".join(norm(p) for p in paragraphs + list(gold.get("body_optional", []))))
        out.append(Check("no extra text in body", len(text) <= allowed + 40,
                         f"{len(text)} chars, at most {allowed + 40} expected"))
    if "body_reference" in gold:
        f1 = shingle_f1(got.get("text", ""), gold["body_reference"])
        floor = float(gold.get("min_body_f1", 0.9))
        out.append(Check(f"body F1 >= {floor}", f1 >= floor, f"F1 {f1:.3f}"))
    return out


def _field_diff(name: str, want: Any, have: Any) -> str:
    return f"expected {want!r}, got {have!r}"


def body_diff(want: str, have: str, *, name: str = "body") -> str:
    """A unified diff of two bodies, one paragraph per line."""
    a = [norm(p) for p in (want or "").split("\n\n") if p.strip()]
    b = [norm(p) for p in (have or "").split("\n\n") if p.strip()]
    diff = difflib.unified_diff(a, b, fromfile=f"expected {name}", tofile=f"extracted {name}", lineterm="", n=1)
    return "\n" + "\n".join(diff)
