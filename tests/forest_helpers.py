"""Made-up fitted trees for the twin tests of the compiled forest code (tests/test_core_scans.py,
tests/test_core_scans_spd10c.py)."""
from __future__ import annotations

from hypothesis import strategies as st

#: values around a split's threshold (0.5), signed zeros, infinities and NaN (never at or below anything)
CUTS = [0.5, 0.5 - 1e-16, 0.5 + 1e-16, -0.0, 0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan")]


@st.composite
def tree(draw: st.DrawFn, width: int) -> list[list[float]]:
    """A random tree: splits on columns below ``width``, children after their parent."""
    nodes: list[list[float]] = []

    def grow(depth: int) -> int:
        at = len(nodes)
        if depth == 0 or draw(st.booleans()):
            nodes.append([draw(st.floats(-4, 4))])
            return at
        nodes.append([])
        left, right = grow(depth - 1), grow(depth - 1)
        nodes[at] = [draw(st.integers(0, width - 1)), draw(st.sampled_from(CUTS[:-1])), left, right]
        return at

    grow(3)
    return nodes
