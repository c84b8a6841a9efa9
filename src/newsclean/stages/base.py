"""What a stage is: a small named object with frozen options and one ``run(page)`` method."""
from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from newsclean.errors import ConfigError
from newsclean.page import DropKind, Page


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """Options of a stage that has none."""


class Stage:
    """Base class for pipeline stages.

    Subclasses set ``name`` (unique in a pipeline), ``kinds`` (the page kinds they apply to) and
    ``Options`` (a frozen dataclass), and implement ``run(page)``, which marks blocks with
    ``page.drop(block, self.name, reason)`` and sets fields with ``page.set_field(...)``.
    A stage keeps no state between pages, so one instance serves many pages and pickles.

    What a stage hands to later stages is declared by name (``newsclean.handoffs``): ``provides``
    (what it leaves on ``page.handoffs``), ``requires`` (a pipeline where no earlier stage provides
    one of these is a ConfigError) and ``optional`` (used when present; the stage documents and tests
    what it does without).
    """

    name: ClassVar[str] = "stage"
    kinds: ClassVar[frozenset[str]] = frozenset({"html", "text"})
    Options: ClassVar[type] = NoOptions
    requires: ClassVar[frozenset[str]] = frozenset()
    optional: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, **options: Any) -> None:
        try:
            self.options = self.Options(**options)
        except TypeError as exc:
            valid = [f.name for f in dataclasses.fields(self.Options)]
            raise ConfigError(f"stage {self.name!r}: {exc}; valid options: {valid}") from None

    def applies_to(self, page: Page) -> bool:
        return page.kind in self.kinds

    def run(self, page: Page) -> None:
        """Process one page. The default hands it to ``run_html`` or ``run_text`` by its kind, so a
        stage with different logic per kind defines those two; others override ``run``."""
        handler = getattr(self, f"run_{page.kind}", None)
        if handler is None:
            raise NotImplementedError(f"stage {self.name!r} defines neither run() nor run_{page.kind}()")
        handler(page)

    def drop(self, page: Page, block: Any, reason: str, kind: DropKind = DropKind.OTHER) -> None:
        page.drop(block, self.name, reason, kind=kind)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.options!r})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.options == getattr(other, "options", None)

    def __hash__(self) -> int:
        return hash((type(self), self.options))


def options_of(stage: Stage) -> dict[str, Any]:
    """A stage's options as a flat dict (values as they are: no deep conversion of nested dataclasses)."""
    return {f.name: getattr(stage.options, f.name) for f in dataclasses.fields(stage.options)}
