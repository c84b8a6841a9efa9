"""Pages streamed by React's server renderer: content sent late, in hidden segments, put in place by script.

A page rendered with streaming (React 18 ``renderToPipeableStream``, the Next.js app router) sends its shell
first, with a ``<template id="B:0">`` (a boundary still loading, followed by its fallback, "Loading...") or
``<template id="P:5">`` (a placeholder) where content will go; the content follows at the end of the body in
``<div hidden id="S:0">`` segments, and a tiny script moves each segment's children to its template:
``$RC("B:0","S:0")`` completes a boundary, ``$RS("S:5","P:5")`` fills a placeholder. Without script the
article sits hidden at the end of the page in pieces (the walk skips hidden elements), so it is lost. Here
every segment is moved where the script would put it: by the script's own calls when the page has them,
else by the shared number (``S:x`` to ``B:x`` or ``P:x``, the renderer's usual pairing). A boundary's
fallback stays (the parser dropped the comments that mark its end); it is a short "Loading..." line.
"""
from __future__ import annotations

import re
from typing import Any

#: the renderer's calls that move a segment: complete a boundary, fill a placeholder
_CALL = re.compile(r"\$RC\(\s*[\"'](B:[0-9a-zA-Z]+)[\"']\s*,\s*[\"'](S:[0-9a-zA-Z]+)[\"']"
                   r"|\$RS\(\s*[\"'](S:[0-9a-zA-Z]+)[\"']\s*,\s*[\"'](P:[0-9a-zA-Z]+)[\"']")
_SEGMENT_ID = re.compile(r"S:[0-9a-zA-Z]+\Z")
#: a cheap test on the source before any tree walk: only streamed pages have segments
MARKER = re.compile(r"id=[\"']?S:[0-9a-zA-Z]+")


def _pairs(source: str) -> list[tuple[str, str]]:
    """(template id, segment id) from the page's scripts, in their order."""
    out = []
    for m in _CALL.finditer(source):
        if m.group(1):
            out.append((m.group(1), m.group(2)))
        else:
            out.append((m.group(4), m.group(3)))
    return out


_MARKER_LEADS = ("id=", 'id="', "id='")
_ID_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def has_marker(source: str) -> bool:
    """``MARKER.search(source) is not None``, by ``str.find`` of each 'S:' (the regex engine would step
    through every character of a page of several hundred kilobytes; 'S:' is rare in a page)."""
    i = source.find("S:")
    while i >= 0:
        if source[i + 2:i + 3] in _ID_CHARS and source[max(0, i - 4):i].endswith(_MARKER_LEADS):
            return True
        i = source.find("S:", i + 2)
    return False


def place_segments(root: Any, source: str) -> int:
    """Move each hidden ``S:`` segment's children to its ``B:``/``P:`` template (the template goes); the
    segments moved (0 on pages not streamed this way)."""
    if root is None or not has_marker(source):
        return 0
    segments: dict[str, Any] = {}
    templates: dict[str, Any] = {}
    for el in root.iter("div", "template"):
        ident = el.get("id")
        if not ident:
            continue
        if el.tag == "div" and el.get("hidden") is not None and _SEGMENT_ID.match(ident):
            segments[ident] = el
        elif el.tag == "template" and ident[:2] in ("B:", "P:"):
            templates[ident] = el
    if not segments or not templates:
        return 0
    pairs = _pairs(source) or [(t, "S:" + t[2:]) for t in templates]
    moved = 0
    for tid, sid in pairs:
        template, segment = templates.get(tid), segments.pop(sid, None)
        if template is None or segment is None or _holds(segment, template):
            continue
        parent = template.getparent()
        if parent is None:
            continue
        at = parent.index(template)
        children = list(segment)
        if segment.text and segment.text.strip():
            _append_text_before(parent, at, segment.text)
        for i, child in enumerate(children):
            parent.insert(at + i, child)  # (lxml moves the element, with its tail)
        _drop_keeping_tail(template)
        moved += 1
    return moved


def _holds(outer: Any, inner: Any) -> bool:
    """``inner`` is ``outer`` or below it (a segment never moves into itself)."""
    e = inner
    while e is not None:
        if e is outer:
            return True
        e = e.getparent()
    return False


def _append_text_before(parent: Any, at: int, text: str) -> None:
    """Text that opened a segment goes where its first child lands: after the element before ``at``."""
    if at == 0:
        parent.text = (parent.text or "") + text
    else:
        prev = parent[at - 1]
        prev.tail = (prev.tail or "") + text


def _drop_keeping_tail(el: Any) -> None:
    """Remove ``el`` but not the text that follows it."""
    parent = el.getparent()
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is None:
            parent.text = (parent.text or "") + tail
        else:
            prev.tail = (prev.tail or "") + tail
    parent.remove(el)
