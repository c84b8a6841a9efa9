# Included at the end of _walk.pyx: page_type's repeated block shapes and hint-group counts in one pass.
# Pure twin: newsclean.stages.page_type.features.repeat_hint_counts_pure (tests/test_core_scans_spdhtml.py).

cimport cython
from libc.stdlib cimport free, realloc


@cython.boundscheck(False)
@cython.wraparound(False)
def repeat_hint_counts(list blocks, dict group_bits, Py_ssize_t n_groups, Py_ssize_t repeat_min):
    """(blocks whose shape repeats, shapes repeated, blocks under each hint group) -- the twin of
    ``newsclean.stages.page_type.features.repeat_hint_counts_pure``. A block's shape is
    (tag, own class words, depth); a shape seen ``repeat_min`` times or more repeats. Each distinct
    (by identity) ancestor word tuple is read once; its group bits come from ``group_bits`` (word ->
    bit mask of the groups naming it), OR-ed along the tuple. Sibling blocks' tuples share a head with
    the tuple before them (parent tuple + own words): the masks of the shared head (the same objects,
    position by position) are kept, only the tail is looked up."""
    cdef dict signatures = {}
    cdef dict counts = {}      # id(hints) -> blocks holding that tuple
    cdef list distinct = []    # the hint tuples, first seen first
    cdef object feats, hints, own, sig, c, v
    cdef tuple t
    cdef tuple prev = ()
    cdef Py_ssize_t n, m, k, i, g, cap = 0, repeated = 0, shapes = 0, count
    cdef unsigned long long mask
    cdef unsigned long long *prefix = NULL  # prefix[i]: the OR of the bits of prev[0..i]
    cdef unsigned long long *grown
    if n_groups > 64:
        raise ValueError("repeat_hint_counts: at most 64 groups")
    hits = [0] * n_groups
    for b in blocks:
        feats = b.features
        own = feats.get("own_hints") or ()
        sig = (feats.get("tag"), own, feats.get("depth"))
        c = signatures.get(sig)
        signatures[sig] = 1 if c is None else c + 1
        hints = feats.get("hints")
        if hints:
            key = id(hints)
            c = counts.get(key)
            if c is None:
                counts[key] = 1
                distinct.append(hints)
            else:
                counts[key] = c + 1
    for c in signatures.values():
        if c >= repeat_min:
            repeated += c
            shapes += 1
    try:
        for hints in distinct:
            count = counts[id(hints)]
            t = hints if type(hints) is tuple else tuple(hints)
            n = len(t)
            m = len(prev)
            if n > cap:
                cap = n * 2
                grown = <unsigned long long *> realloc(prefix, cap * sizeof(unsigned long long))
                if grown == NULL:
                    raise MemoryError()
                prefix = grown
            k = 0
            while k < n and k < m and t[k] is prev[k]:
                k += 1
            mask = prefix[k - 1] if k > 0 else 0
            for i in range(k, n):
                v = group_bits.get(t[i])
                if v is not None:
                    mask |= <unsigned long long> v
                prefix[i] = mask
            prev = t
            if mask:
                for g in range(n_groups):
                    if (mask >> g) & 1:
                        hits[g] += count
    finally:
        free(prefix)
    return repeated, shapes, hits


from cpython.object cimport PyObject_GenericSetAttr


def frozen_record(type cls, tuple names, tuple values):
    """``cls(*values)`` for a frozen slotted dataclass ``cls`` whose fields are ``names``, in order, and
    whose ``__init__`` only stores them (twin: ``newsclean.page.frozen_record_pure``). The generated
    ``__init__`` stores each field with ``object.__setattr__`` (past the class's refusing ``__setattr__``),
    a Python call per field; this stores them with the same C function, ``PyObject_GenericSetAttr``."""
    cdef Py_ssize_t i, n = len(names)
    if len(values) != n:
        raise ValueError("frozen_record: one value per field")
    obj = cls.__new__(cls)
    for i in range(n):
        PyObject_GenericSetAttr(obj, names[i], values[i])
    return obj
