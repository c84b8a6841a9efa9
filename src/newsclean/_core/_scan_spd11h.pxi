# Included at the end of _walk.pyx (after _scan_spd10h2.pxi, whose ``_parent_of`` it uses): the navigation
# stage's sums of block characters below every element (issue 16, session 11). The pure core climbs each
# block's new ancestors with Python frames, dict look-ups and a ``getparent`` call per element. Each
# function is the twin of a pure-Python function named in its docstring, which callers run when
# ``newsclean._core.compiled(name)`` is None; both give equal results (tests/test_core_scans_spd11h.py).


def subtree_sums(object items, object stop):
    """Twin of ``stages.navigation.tree.subtree_sums_pure``: for ``(element, chars, texts)`` per block, the
    sums of ``chars`` and of ``texts`` over the blocks at or below every element up to ``stop`` (excluded),
    as two dicts filled in the same order as the twin's (the second holds nonzero text counts only)."""
    cdef dict parent = {}, depth = {}, chars = {}, texts = {}
    cdef list chain
    cdef Py_ssize_t d, k
    for el, n, t in items:
        if el is None or el is stop:
            continue
        chars[el] = chars.get(el, 0) + n
        if t:
            texts[el] = texts.get(el, 0) + t
        chain = []
        e = el
        while e is not None and e is not stop and e not in parent:  # new ancestors, up to a known one
            chain.append(e)
            p = _parent_of(e)
            parent[e] = p
            e = p
        d = depth[e] if e in depth else -1
        for k in range(len(chain) - 1, -1, -1):
            d += 1
            depth[chain[k]] = d
    for el in sorted(parent, key=depth.__getitem__, reverse=True):  # children before their parents
        p = parent[el]
        if p is None or p not in parent:
            continue  # (``stop`` or above it)
        chars[p] = chars.get(p, 0) + chars.get(el, 0)
        t = texts.get(el, 0)
        if t:
            texts[p] = texts.get(p, 0) + t
    return chars, texts
