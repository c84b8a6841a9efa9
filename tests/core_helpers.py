"""The skip mark of the compiled twins' tests: they need the extension built and NEWSCLEAN_PURE unset."""
from __future__ import annotations

import pytest


def unless_compiled(fn: object) -> pytest.MarkDecorator:
    """Skip when ``fn`` (a ``_core.compiled(...)`` look-up) is None: the compiled core is not built, or
    NEWSCLEAN_PURE forces the pure one."""
    return pytest.mark.skipif(fn is None, reason="the compiled core is not built (or NEWSCLEAN_PURE is set)")
