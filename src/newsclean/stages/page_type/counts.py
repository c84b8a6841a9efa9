"""How often each of several strings occurs in the start of a text: one pass per rare character in the
compiled core (``count_strings`` of ``_core/_scan_sphtml.pxi``), ``str.count`` per string in its pure twin.
``page_type`` counts tags and price keys in the page's source and phrases in its text this way."""
from __future__ import annotations

from newsclean._core import compiled


def count_strings(text: str, end: int, needles: tuple[str, ...]) -> list[int]:
    """``text.count(s, 0, end)`` for each (non-empty) ``s`` of ``needles``: non-overlapping matches."""
    fast = compiled("count_strings")
    counts: list[int] = fast(text, end, needles) if fast is not None else count_strings_pure(text, end, needles)
    return counts


def count_strings_pure(text: str, end: int, needles: tuple[str, ...]) -> list[int]:
    """``count_strings`` in Python (the compiled core's twin)."""
    if not all(needles):
        raise ValueError("count_strings: an empty needle")
    return [text.count(s, 0, end) for s in needles]
