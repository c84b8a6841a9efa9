"""The built-in stages, one module each. ``BUILTIN_STAGES`` maps a stage name to its class."""
from __future__ import annotations

from newsclean.stages.base import Stage
from newsclean.stages.boilerplate import BoilerplateStage
from newsclean.stages.byline import BylineStage
from newsclean.stages.classify import CaptureClassifierStage
from newsclean.stages.dates import DatesStage
from newsclean.stages.duplicates import DuplicatesStage
from newsclean.stages.metadata import MetadataStage
from newsclean.stages.navigation import NavigationStage
from newsclean.stages.page_type import PageTypeStage
from newsclean.stages.regions import RegionStage
from newsclean.stages.site_rules import SiteRulesStage
from newsclean.stages.title import TitleStage
from newsclean.stages.type_fit import TypeFitStage

BUILTIN_STAGES: dict[str, type[Stage]] = {
    cls.name: cls
    for cls in (MetadataStage, PageTypeStage, TitleStage, BoilerplateStage, NavigationStage, DuplicatesStage,
                CaptureClassifierStage, BylineStage, DatesStage, SiteRulesStage, TypeFitStage, RegionStage)
}

#: the default order
DEFAULT_STAGE_NAMES: tuple[str, ...] = (
    "metadata", "boilerplate", "navigation", "duplicates", "classify", "title", "byline", "dates", "page_type",
    "type_fit", "regions",
)

__all__ = ["Stage", "BUILTIN_STAGES", "DEFAULT_STAGE_NAMES"] + [c.__name__ for c in BUILTIN_STAGES.values()]
