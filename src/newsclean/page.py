"""The working document that stages read and annotate: Page, Block, Decision, FieldValue.

After loading, HTML pages and text captures are both an ordered list of Blocks. Stages never
delete blocks; they mark them dropped (with their own name and a reason) so every decision can
be shown later by ``newsclean explain``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from newsclean._core import compiled
from newsclean.handoffs import Handoffs
from newsclean.strings import fewer_words_than

Kind = Literal["html", "text"]

#: a page of fewer words than this (all its blocks) is too small for the statistical choices made on whole pages:
#: the HTML container choice (the block weights need mass to tell a story from its chrome; readability's second
#: opinion needs 30 words too) and the capture block classifier (fitted on whole pages, it scored a one-paragraph
#: capture 0.15 and emptied it). No page of the benchmarks is this small
TINY_PAGE_WORDS = 40


class DropKind(str, Enum):
    """What kind of decision dropped a block, for the stages after it to read (instead of matching the
    dropping stage's name or the wording of its reason, which a user may change)."""

    OTHER = "other"                # any drop not named below
    BEFORE_BODY = "before_body"    # above the article's region of a text capture (boilerplate)
    AFTER_BODY = "after_body"      # below the article's region of a text capture (boilerplate)
    END_MATTER = "end_matter"      # after an end marker: company description, "Related", ... (navigation)
    NAV_BULLET = "nav_bullet"      # one of a run of short list items: a menu (navigation)
    PROMO = "promo"                # promotional, call-to-action or legal text (navigation)
    STOCK_PHRASE = "stock_phrase"  # a short stock phrase: "Advertisement", "Share this:" (navigation)
    REPEAT = "repeat"              # a second copy of text printed earlier on the page (duplicates)
    HEADLINE = "headline"          # the headline, moved to the title field (title)
    KICKER = "kicker"              # the section label above the headline (title)


@dataclass(slots=True)  # (no per-instance __dict__: pages can hold 100,000s of blocks)
class Block:
    """One unit of text in page order.

    ``kind`` is the structural kind (paragraph, heading, list_item, quote, table, pre, caption).
    ``features`` holds loader-computed signals (for HTML: tag, ancestor hints, link density; for
    text: bullet, indent, line numbers...). ``role`` is set by stages that recognise what a block is
    (title, byline, dateline, dek, caption...). ``element`` is the lxml element for HTML blocks.
    ``outside_main`` is set when the stage that finds the main content (``boilerplate``) drops the block
    as not part of it, and cleared when a later stage restores the block. ``drop_kind`` says what kind
    of decision dropped the block (None while it is kept).
    """

    index: int
    text: str
    kind: str = "paragraph"
    features: dict[str, Any] = field(default_factory=dict)
    element: Any = field(default=None, repr=False, compare=False)
    dropped_by: str | None = None
    reason: str | None = None
    role: str | None = None
    outside_main: bool = False
    drop_kind: DropKind | None = None

    @property
    def kept(self) -> bool:
        return self.dropped_by is None


@dataclass(frozen=True, slots=True)
class Decision:
    """A record of one stage decision: a dropped block, a kept-on-purpose block, or a field set."""

    stage: str
    action: str  # "drop" | "keep" | "field" | "note"
    reason: str
    block: int | None = None
    field: str | None = None
    value: Any = None


#: Decision's fields, in order (``_decision`` builds the records)
_DECISION_FIELDS = ("stage", "action", "reason", "block", "field", "value")


def _decision(stage: str, action: str, reason: str, block: int | None = None, field: str | None = None,
              value: Any = None) -> Decision:
    """``Decision(stage, action, reason, block, field, value)``: the compiled core's ``frozen_record``
    when it runs (a page records hundreds; the frozen class's own ``__init__`` is a Python call per
    field), else its twin :func:`frozen_record_pure`."""
    record: Decision = frozen_record(Decision, _DECISION_FIELDS, (stage, action, reason, block, field, value))
    return record


def frozen_record(cls: type, names: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    """``cls(*values)`` for a frozen slotted dataclass ``cls`` with fields ``names``: the compiled core's
    ``frozen_record`` when it runs, else its twin :func:`frozen_record_pure` (the records of
    ``Decision``, ``FieldValue`` and ``features.text.Prose`` are built this way)."""
    fast = compiled("frozen_record")
    return fast(cls, names, values) if fast is not None else frozen_record_pure(cls, names, values)


def frozen_record_pure(cls: type, names: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    """``cls(*values)`` (``names``: its fields, in order): the twin of the compiled ``frozen_record``."""
    if len(values) != len(names):
        raise ValueError("frozen_record: one value per field")
    return cls(*values)


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A metadata value with where it came from (``source``) and which stage chose it."""

    value: Any
    source: str
    stage: str


#: FieldValue's fields, in order (``_field_value`` builds the records)
_FIELD_VALUE_FIELDS = ("value", "source", "stage")


def _field_value(value: Any, source: str, stage: str) -> FieldValue:
    """``FieldValue(value, source, stage)``, built as :func:`_decision` builds a Decision: the compiled
    core's ``frozen_record`` when it runs, else its twin :func:`frozen_record_pure`."""
    record: FieldValue = frozen_record(FieldValue, _FIELD_VALUE_FIELDS, (value, source, stage))
    return record


@dataclass
class Page:
    """The working document: blocks plus the parsed form and metadata gathered so far."""

    kind: Kind
    source: str
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    tree: Any = field(default=None, repr=False)
    lines: list[str] | None = field(default=None, repr=False)
    fields: dict[str, FieldValue] = field(default_factory=dict)
    candidates: dict[str, list[FieldValue]] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    #: typed products stages leave for the stages after them (see newsclean.handoffs)
    handoffs: Handoffs = field(default_factory=Handoffs)
    #: diagnostics for explain and tests (e.g. "html_readability_fallback"): no stage reads them
    notes: dict[str, Any] = field(default_factory=dict)

    # --- blocks -------------------------------------------------------------------------
    def kept(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.dropped_by is None)

    def tiny_words(self) -> int | None:
        """The page's words (all its blocks) when under ``TINY_PAGE_WORDS``, else None (counted only up to it)."""
        return fewer_words_than((b.text for b in self.blocks), TINY_PAGE_WORDS)

    def drop(self, block: Block, stage: str, reason: str, *, outside_main: bool = False,
             kind: DropKind = DropKind.OTHER) -> None:
        """Mark ``block`` dropped by ``stage``. A block already dropped keeps its first reason.
        ``outside_main``: the drop says the block is not part of the main content (Block.outside_main);
        ``kind``: what kind of decision it is (Block.drop_kind), for later stages to read."""
        if block.dropped_by is not None:
            return
        block.dropped_by = stage
        block.reason = reason
        block.outside_main = outside_main
        block.drop_kind = kind
        self.decisions.append(_decision(stage, "drop", reason, block.index))

    def restore(self, block: Block, stage: str, reason: str) -> None:
        """Undo an earlier drop (e.g. a later stage knows better). Recorded as a decision."""
        if block.dropped_by is None:
            return
        block.dropped_by = None
        block.reason = None
        block.outside_main = False
        block.drop_kind = None
        self.decisions.append(_decision(stage, "keep", reason, block.index))

    def note(self, stage: str, reason: str) -> None:
        self.decisions.append(_decision(stage, "note", reason))

    # --- fields -------------------------------------------------------------------------
    def propose(self, name: str, value: Any, source: str, stage: str) -> None:
        """Add a candidate value for a field; a later stage decides which candidate wins."""
        if value in (None, "", [], ()):
            return
        self.candidates.setdefault(name, []).append(_field_value(value, source, stage))

    def set_field(self, name: str, value: Any, source: str, stage: str, *, overwrite: bool = True) -> None:
        if value in (None, "", [], ()):
            return
        if not overwrite and name in self.fields:
            return
        self.fields[name] = _field_value(value, source, stage)
        self.decisions.append(_decision(stage, "field", f"from {source}", None, name, value))

    def get(self, name: str, default: Any = None) -> Any:
        fv = self.fields.get(name)
        return fv.value if fv is not None else default
