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


def explain_dict(page: Page) -> dict[str, Any]:
    return {
        "kind": page.kind,
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
