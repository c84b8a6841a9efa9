"""Write site rules as TOML (a small writer for the few value shapes rules have)."""
from __future__ import annotations

import json
from typing import Any


def _val(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[\n" + "".join(f"  {_val(x)},\n" for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def rule_to_toml(rule: Any, *, prefix: str = "sites") -> str:
    head = f"[{prefix}.{json.dumps(rule.host)}]"
    lines = [head]
    for key in ("body", "drop", "title", "byline", "date", "drop_lines", "drop_texts"):
        value = getattr(rule, key)
        if value:
            lines.append(f"{key} = {_val(list(value))}")
    for stage, opts in rule.stages:
        lines.append(f"\n[{prefix}.{json.dumps(rule.host)}.stages.{stage}]")
        for k, v in opts:
            lines.append(f"{k} = {_val(v)}")
    return "\n".join(lines) + "\n"
