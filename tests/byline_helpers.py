"""Shared by the byline ranker's tests: the candidates a tiny made-up capture gives, and one feature of one."""
from __future__ import annotations

from typing import Any

from newsclean.stages.byline import rank


def text_candidates(lines: list[str]) -> list[Any]:
    """The byline ranker's candidates for a capture of ``lines`` (the stages before the byline stage run first)."""
    from newsclean import Pipeline
    from newsclean.stages import DEFAULT_STAGE_NAMES
    from newsclean.stages.byline import BylineStage

    pipe = Pipeline(DEFAULT_STAGE_NAMES[:DEFAULT_STAGE_NAMES.index("byline")])
    cands: list[Any] = BylineStage().text_candidates(pipe.process("\n".join(lines), kind="text"))[3]
    return cands


def feature(cands: list[Any], name: str, text: str) -> float:
    """Feature ``name`` of the candidate read from the line ``text``."""
    i = rank.FEATURES.index(name)
    value: float = next(c.feats[i] for c in cands if c.block.text == text)
    return value
