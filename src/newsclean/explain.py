"""Render a processed Page's decisions: every block, kept or dropped, by which stage and why,
then each metadata field with its source."""
from __future__ import annotations

from typing import Any

from newsclean.page import Page


def _value(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, tuple):
        return list(v)
    return v


def page_type_line(page: Page) -> str | None:
    """``page type: listing (0.87)``, or None when the page_type stage did not run."""
    info = page.notes.get("page_type")
    if not info:
        return None
    return f"page type: {info['type']} ({info['confidence']:.2f})"


def explain_dict(page: Page) -> dict[str, Any]:
    return {
        "kind": page.kind,
        "page_type": page.notes.get("page_type"),
        "blocks": [
            {"index": b.index, "kind": b.kind, "kept": b.kept, "stage": b.dropped_by, "reason": b.reason,
             "role": b.role, "text": b.text}
            for b in page.blocks
        ],
        "fields": {name: {"value": _value(fv.value), "source": fv.source, "stage": fv.stage}
                   for name, fv in page.fields.items()},
        "notes": [{"stage": d.stage, "note": d.reason} for d in page.decisions if d.action == "note"],
        "counts": {"blocks": len(page.blocks), "kept": sum(1 for b in page.blocks if b.kept),
                   "dropped": sum(1 for b in page.blocks if not b.kept)},
    }


def explain_text(page: Page, *, color: bool = False, width: int = 100) -> str:
    green, red, dim, reset = ("\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m") if color else ("", "", "", "")
    out = []
    head = page_type_line(page)
    if head:
        info = page.notes["page_type"]
        others = ", ".join(f"{k} {v:.2f}" for k, v in list(info["probabilities"].items())[1:4])
        out.append(f"{head}; next: {others}")
        for sig in info["markup"] + info["signals"]:
            out.append(f"  {dim}{sig}{reset}")
        out.append("")
    for b in page.blocks:
        text = b.text.replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        if b.kept:
            out.append(f"{green}KEEP{reset} {b.index:>4} {b.kind:<9} {text}")
        else:
            out.append(f"{red}DROP{reset} {b.index:>4} {b.kind:<9} {dim}[{b.dropped_by}: {b.reason}]{reset} {text}")
    kept = sum(1 for b in page.blocks if b.kept)
    out.append("")
    out.append(f"{len(page.blocks)} blocks: {kept} kept, {len(page.blocks) - kept} dropped")
    notes = [d for d in page.decisions if d.action == "note"]
    if notes:
        out.append("")
        out.append("notes:")
        out.extend(f"  [{d.stage}] {d.reason}" for d in notes)
    if page.fields:
        out.append("")
        out.append("fields:")
        for name, fv in page.fields.items():
            out.append(f"  {name:<12} {_value(fv.value)!r}  ({fv.source}; stage {fv.stage})")
    return "\n".join(out) + "\n"
