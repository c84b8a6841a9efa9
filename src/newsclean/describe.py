"""What a pipeline is made of, as plain data: each stage's name, class, page kinds, options (with their
defaults) and a one-line description -- what ``Pipeline.describe()`` returns and ``newsclean stages``
prints."""
from __future__ import annotations

import dataclasses
import sys
from typing import Any

from newsclean.stages.base import Stage


@dataclasses.dataclass(frozen=True)
class OptionInfo:
    name: str
    value: Any
    default: Any  # dataclasses.MISSING when the option has no default

    @property
    def changed(self) -> bool:
        return self.default is dataclasses.MISSING or self.value != self.default


@dataclasses.dataclass(frozen=True)
class StageInfo:
    name: str
    cls: str                          # "module.Class"
    kinds: tuple[str, ...]            # the page kinds it runs on: "html", "text"
    options: tuple[OptionInfo, ...]
    description: str                  # the first line of the class docstring (else of its module's)
    requires: tuple[str, ...] = ()    # the hand-offs (newsclean.handoffs) it needs, uses when present,
    optional: tuple[str, ...] = ()    # and leaves for later stages
    provides: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: option values JSON cannot hold are shown by their repr."""
        return {
            "name": self.name, "class": self.cls, "kinds": list(self.kinds), "description": self.description,
            "options": {o.name: {"value": _jsonable(o.value), "default": _jsonable(o.default)} for o in self.options},
            "requires": list(self.requires), "optional": list(self.optional), "provides": list(self.provides),
        }


def describe_stage(stage: Stage) -> StageInfo:
    cls = type(stage)
    options = tuple(
        OptionInfo(f.name, getattr(stage.options, f.name), _default(f)) for f in dataclasses.fields(stage.options)
    )
    return StageInfo(
        name=stage.name, cls=f"{cls.__module__}.{cls.__qualname__}", kinds=tuple(sorted(cls.kinds)),
        options=options, description=_summary(cls),
        requires=tuple(sorted(cls.requires)), optional=tuple(sorted(cls.optional)),
        provides=tuple(sorted(cls.provides)),
    )


def describe_text(infos: tuple[StageInfo, ...]) -> str:
    """The stages in order, one paragraph each: name, kinds, description, hand-offs, then options."""
    width = max((len(i.name) for i in infos), default=0)
    kinds = [f"[{', '.join(i.kinds)}]" for i in infos]
    kinds_width = max((len(k) for k in kinds), default=0)
    lines: list[str] = []
    for n, info in enumerate(infos, 1):
        lines.append(f"{n}. {info.name:<{width}}  {kinds[n - 1]:<{kinds_width}}  {info.description}")
        for key, values in (("requires", info.requires), ("uses if present", info.optional),
                            ("provides", info.provides)):
            if values:
                lines.append(f"     {key}: {', '.join(values)}")
        for o in info.options:
            text = f"     {o.name} = {_short(o.value)}"
            if o.changed and o.default is not dataclasses.MISSING:
                text += f"  (default {_short(o.default)})"
            lines.append(text)
    return "\n".join(lines) + "\n" if lines else ""


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _summary(cls: type) -> str:
    """The first line of the class docstring; a stage class without one is described by its module's
    docstring, whose built-in form is "Stage 'name': what it does"."""
    doc = cls.__dict__.get("__doc__")
    if not doc:
        module = sys.modules.get(cls.__module__)
        doc = (module.__doc__ if module else None) or ""
        head = doc.strip().split("\n", 1)[0]
        if head.startswith("Stage '") and "': " in head:
            head = head.split("': ", 1)[1].strip()
            head = head[:1].upper() + head[1:]
        return head.strip()
    return doc.strip().split("\n", 1)[0].strip()


def _jsonable(value: Any) -> Any:
    if value is dataclasses.MISSING:
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (bool, int, float, str)) for v in value):
        return list(value)
    return repr(value)


#: option values longer than this are cut in the text listing (site rules can be long)
_MAX_SHOWN = 70


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN - 1] + "…"
