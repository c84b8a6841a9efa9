"""Pure loaders for the ``data/meta_*.json`` tables (cached: the files never change at run time)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    with resources.files("newsclean").joinpath("data").joinpath(name).open("r", encoding="utf-8") as f:
        return json.load(f)


@cache
def month_table() -> dict[str, int]:
    out: dict[str, int] = {}
    for lang, table in load_json("meta_months.json").items():
        if lang.startswith("_"):
            continue
        out.update(table)
    return out
