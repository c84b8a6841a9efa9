"""Find stage classes by name: the built-ins, then plug-ins registered under the entry-point
group ``newsclean.stages`` (``[project.entry-points."newsclean.stages"] mystage = "pkg.mod:MyStage"``)."""
from __future__ import annotations

from importlib.metadata import entry_points

from newsclean.errors import ConfigError
from newsclean.stages import BUILTIN_STAGES
from newsclean.stages.base import Stage

ENTRY_POINT_GROUP = "newsclean.stages"


def plugin_stages() -> dict[str, object]:
    """Entry points in the ``newsclean.stages`` group, by name (not loaded yet)."""
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def stage_class(name: str) -> type[Stage]:
    if name in BUILTIN_STAGES:
        return BUILTIN_STAGES[name]
    ep = plugin_stages().get(name)
    if ep is None:
        known = sorted(set(BUILTIN_STAGES) | set(plugin_stages()))
        raise ConfigError(f"unknown stage {name!r}; known stages: {', '.join(known)}")
    try:
        cls = ep.load()  # type: ignore[attr-defined]
    except Exception as exc:
        raise ConfigError(f"stage plug-in {name!r} failed to load: {exc}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise ConfigError(f"stage plug-in {name!r} is not a newsclean Stage subclass")
    return cls


def available_stages() -> list[str]:
    return sorted(set(BUILTIN_STAGES) | set(plugin_stages()))
