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

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""

    def __str__(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name}" + (f": {self.detail}" if self.detail and not self.ok else "")


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
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check_article(got: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    """Run every check that ``gold`` asks for against ``got`` (an ``Article.to_dict()``)."""
    ignore = set(gold.get("ignore", ()))
    text = norm(got.get("text", ""))
    out: list[Check] = []
    for name in ("title", "section", "site_name", "language", "url", "description", "image"):
        if name in gold and name not in ignore:
            out.append(Check(name, norm(got.get(name)) == norm(gold[name]), _field_diff(name, gold[name], got.get(name))))
    if "tags" in gold and "tags" not in ignore:
        tags = [norm(t) for t in got.get("tags") or []]
        out.append(Check("tags", tags == [norm(t) for t in gold["tags"] or []], _field_diff("tags", gold["tags"], tags)))
    if "text" in gold and "text" not in ignore:
        want, have = gold["text"] or "", got.get("text") or ""
        out.append(Check("body text", norm(want) == norm(have), body_diff(want, have)))
    if "authors" in gold and "authors" not in ignore:
        authors = [norm(a) for a in got.get("authors") or []]
        out.append(Check("authors", authors == [norm(a) for a in gold["authors"]], repr(authors)))
    for name in ("published", "modified"):
        if name in gold and name not in ignore:
            want = gold[name] or ""
            have = got.get(name) or ""
            ok = (have == want) if not want else (have.startswith(want[:16]) and (len(want) <= 19 or have.endswith(want[-6:])))
            out.append(Check(name, ok, repr(have)))
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
