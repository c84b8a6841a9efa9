"""Pipeline: an ordered list of named stages, built from names, editable, reusable, picklable."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newsclean.article import Article
from newsclean.assemble import build_article
from newsclean.describe import StageInfo, describe_stage
from newsclean.errors import ConfigError, NewscleanError, PageTypeSkipped, StageError
from newsclean.load import load_page
from newsclean.load.decode import DEFAULT_MAX_BYTES
from newsclean.load.limits import DEFAULT_MAX_BLOCKS
from newsclean.page import Page
from newsclean.registry import stage_class
from newsclean.stages import BUILTIN_STAGES, DEFAULT_STAGE_NAMES
from newsclean.stages.base import Stage, options_of

if TYPE_CHECKING:
    from newsclean.config import Settings


def make_stage(spec: Stage | str, options: Mapping[str, Any] | None = None) -> Stage:
    if isinstance(spec, Stage):
        if options:
            raise ConfigError(f"options given for an already-built stage {spec.name!r}")
        return spec
    if isinstance(spec, str):
        return stage_class(spec)(**dict(options or {}))
    raise ConfigError(f"a stage must be a Stage or a stage name, not {type(spec).__name__}")


def check_page_types(page_types: Iterable[str] | None) -> tuple[str, ...] | None:
    """``page_types`` as a tuple of known type names (None: every page); ConfigError otherwise."""
    if page_types is None:
        return None
    if isinstance(page_types, str):
        raise ConfigError("page_types must be a list of page types, not a string")
    from newsclean.stages.page_type import PAGE_TYPES

    out = tuple(page_types)
    unknown = [t for t in out if t not in PAGE_TYPES]
    if unknown or not out:
        what = f"unknown page type {unknown[0]!r}" if unknown else "the list is empty"
        raise ConfigError(f"page_types: {what} (known: {', '.join(PAGE_TYPES)})")
    return out


def check_handoffs(stages: list[Stage], before: list[Stage] | None = None) -> None:
    """ConfigError when a stage ``requires`` a product (``newsclean.handoffs``) no earlier stage
    ``provides``, naming both the stage and the one that would provide it (in ``before``, the
    pipeline as it was before an edit, else among the built-in stages)."""
    provided: set[str] = set()
    for stage in stages:
        missing = sorted(stage.requires - provided)
        if missing:
            need = missing[0]
            makers = [s.name for s in (before or ()) if need in s.provides] or \
                     [cls.name for cls in BUILTIN_STAGES.values() if need in cls.provides]
            source = f"stage {makers[0]!r}" if makers else "no known stage"
            raise ConfigError(f"stage {stage.name!r} requires {need!r} from {source}, which does not run before it "
                              f"(put {makers[0] if makers else 'a stage providing it'!r} before {stage.name!r}, "
                              f"or leave {stage.name!r} out too)")
        provided |= stage.provides


class Pipeline:
    """The stages run over every page, in order.

    >>> p = Pipeline()                           # the default stages
    >>> p.remove("duplicates")
    >>> p.add(MyStage(), after="navigation")
    >>> article = p.extract(html, url="https://example.org/a")

    ``page_types`` (e.g. ``["article"]``): ``extract`` raises PageTypeSkipped for a page the
    ``page_type`` stage classes as another type (a batch writes a skip record for it).
    """

    def __init__(self, stages: Iterable[Stage | str] | None = None, *,
                 options: Mapping[str, Mapping[str, Any]] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_blocks: int = DEFAULT_MAX_BLOCKS,
                 page_types: Iterable[str] | None = None, text_columns: bool = True) -> None:
        options = dict(options or {})
        names = list(DEFAULT_STAGE_NAMES) if stages is None else list(stages)
        self._stages: list[Stage] = []
        for spec in names:
            name = spec if isinstance(spec, str) else spec.name
            self._append(make_stage(spec, options.pop(name, None)))
        if options:
            raise ConfigError(f"options given for stages not in the pipeline: {sorted(options)}")
        check_handoffs(self._stages)
        self.max_bytes = max_bytes
        self.max_blocks = max_blocks
        self.page_types: tuple[str, ...] | None = check_page_types(page_types)
        #: read a text capture's columns printed side by side one after the other (``load/text_columns.py``;
        #: off only where the capture models' trainers pin the loader they were fitted with)
        self.text_columns = text_columns

    # --- editing ------------------------------------------------------------------------
    def _append(self, stage: Stage) -> None:
        if stage.name in self.names:
            raise ConfigError(f"a stage named {stage.name!r} is already in the pipeline")
        self._stages.append(stage)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self._stages]

    @property
    def stages(self) -> tuple[Stage, ...]:
        return tuple(self._stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages)

    def __len__(self) -> int:
        return len(self._stages)

    def _index(self, name: str) -> int:
        for i, s in enumerate(self._stages):
            if s.name == name:
                return i
        raise ConfigError(f"no stage named {name!r} in the pipeline ({', '.join(self.names)})")

    def get(self, name: str) -> Stage:
        return self._stages[self._index(name)]

    def add(self, stage: Stage | str, *, before: str | None = None, after: str | None = None,
            options: Mapping[str, Any] | None = None) -> Pipeline:
        """Insert a stage (object or registered name) at the end, or before/after a named stage."""
        if before and after:
            raise ConfigError("give before= or after=, not both")
        new = make_stage(stage, options)
        if new.name in self.names:
            raise ConfigError(f"a stage named {new.name!r} is already in the pipeline")
        stages = list(self._stages)
        if before:
            stages.insert(self._index(before), new)
        elif after:
            stages.insert(self._index(after) + 1, new)
        else:
            stages.append(new)
        self._edit(stages)
        return self

    def remove(self, name: str) -> Pipeline:
        stages = list(self._stages)
        del stages[self._index(name)]
        self._edit(stages)
        return self

    def _edit(self, stages: list[Stage]) -> None:
        """Take the edited stage list, unless a stage then lacks a product it requires (ConfigError)."""
        check_handoffs(stages, self._stages)
        self._stages = stages

    def replace(self, name: str, stage: Stage | str, *, options: Mapping[str, Any] | None = None) -> Pipeline:
        i = self._index(name)
        new = make_stage(stage, options)
        if new.name != name and new.name in self.names:
            raise ConfigError(f"a stage named {new.name!r} is already in the pipeline")
        stages = list(self._stages)
        stages[i] = new
        self._edit(stages)
        return self

    def configure(self, name: str, **options: Any) -> Pipeline:
        """Rebuild a stage with new options (merged over its current ones)."""
        old = self.get(name)
        merged = {**options_of(old), **options}
        stages = list(self._stages)
        stages[self._index(name)] = type(old)(**merged)
        self._edit(stages)
        return self

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """The pipeline the settings describe; with site rules, a ``site_rules`` stage runs last."""
        pipeline = cls(settings.stages, options=settings.options, max_bytes=settings.max_bytes,
                       max_blocks=settings.max_blocks, page_types=settings.page_types,
                       text_columns=settings.text_columns)
        if settings.sites and "site_rules" not in pipeline.names:
            pipeline.add("site_rules", options={"rules": settings.sites})
        return pipeline

    def _for_site(self, doc: Page) -> list[Stage]:
        """The stages to run on this page: a matching site rule may set stage options for its host."""
        if "site_rules" not in self.names:
            return self._stages
        from newsclean.rules.site import match_rule

        rule = match_rule(self.get("site_rules").options.rules, doc.url)
        if rule is None or not rule.stages:
            return self._stages
        per_stage = rule.stage_options()
        stages = []
        for s in self._stages:
            if s.name in per_stage:
                s = type(s)(**{**options_of(s), **per_stage[s.name]})
            stages.append(s)
        return stages

    # --- running ------------------------------------------------------------------------
    def load(self, page: object, *, url: str | None = None, kind: str | None = None) -> Page:
        """The page (str, bytes, pathlib.Path, or a parsed ``bs4`` / lxml tree, read as its markup)
        cut into blocks, before any stage has run."""
        return load_page(page, url=url, kind=kind, max_bytes=self.max_bytes, max_blocks=self.max_blocks,
                         text_columns=self.text_columns)

    def run(self, doc: Page) -> Page:
        """Run every stage that applies to the page's kind, in order, on a loaded Page."""
        for stage in self._for_site(doc):
            if not stage.applies_to(doc):
                continue
            try:
                stage.run(doc)
            except NewscleanError:
                raise
            except RecursionError as exc:
                raise StageError(stage.name, "page nested too deeply") from exc
            except Exception as exc:  # a bug or a page we did not foresee: never a bare crash
                raise StageError(stage.name, f"{type(exc).__name__}: {exc}") from exc
        return doc

    def process(self, page: object, *, url: str | None = None, kind: str | None = None) -> Page:
        """Load and run: the annotated Page, with every block and decision (what explain shows)."""
        return self.run(self.load(page, url=url, kind=kind))

    def extract(self, page: object, *, url: str | None = None, kind: str | None = None) -> Article:
        """The Article of ``page``: str, bytes, pathlib.Path, or a ``bs4.BeautifulSoup`` / ``bs4.Tag``
        or lxml element / ElementTree (serialised to markup and loaded like it: same output)."""
        doc = self.process(page, url=url, kind=kind)
        if self.page_types is not None:
            page_type = doc.get("page_type")
            if page_type is None:
                raise ConfigError("page_types needs the 'page_type' stage in the pipeline")
            if page_type not in self.page_types:
                raise PageTypeSkipped(page_type, doc.get("page_type_confidence"))
        return build_article(doc)

    def describe(self) -> tuple[StageInfo, ...]:
        """The stages in order, as plain data: name, class, kinds, options with their defaults and a
        one-line description (``newsclean stages`` prints it; ``describe_text`` formats it)."""
        return tuple(describe_stage(s) for s in self._stages)

    def __repr__(self) -> str:
        return f"Pipeline({self.names!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._stages == other._stages and self.page_types == other.page_types \
            and self.text_columns == other.text_columns
