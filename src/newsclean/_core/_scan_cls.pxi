# Included at the end of _walk.pyx: the capture classifier's model (``stages.classify.model``) and the
# headline ranker's score (``stages.title.rank``) in C. Each function is the twin of a pure-Python function
# named in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both give
# identical floats (tests/test_core_scans_cls.py compares them).
#
# Identical floats: the pure twins sum with the builtin ``sum`` (plain addition in order up to Python 3.11,
# Neumaier's compensated sum from 3.12), so ``_Sum`` does what the running Python's ``sum`` does; ``min``,
# ``max`` and the clip keep Python's first-wins comparisons.
from libc.math cimport fabs, exp, isfinite

cdef extern from *:
    """
    #if PY_VERSION_HEX >= 0x030C0000
    #define NC_SUM_COMPENSATED 1
    #else
    #define NC_SUM_COMPENSATED 0
    #endif
    """
    int NC_SUM_COMPENSATED


cdef struct _Sum:
    double hi
    double lo


cdef inline void _sum_add(_Sum* s, double x) noexcept:
    """One float more into ``sum()``: from 0 (the int start: 0 + x is x), in order."""
    cdef double t
    if NC_SUM_COMPENSATED:
        t = s.hi + x
        if fabs(s.hi) >= fabs(x):
            s.lo += (s.hi - t) + x
        else:
            s.lo += (x - t) + s.hi
        s.hi = t
    else:
        s.hi += x


cdef inline double _sum_total(_Sum* s) noexcept:
    if NC_SUM_COMPENSATED and s.lo != 0.0 and isfinite(s.lo):
        return s.hi + s.lo
    return s.hi


cdef inline double _clip(double v, double clip) noexcept:
    """``max(-clip, min(clip, v))``."""
    cdef double m = v if v < clip else clip
    return m if m > -clip else -clip


cdef double* _doubles(object values, Py_ssize_t* n) except NULL:
    """A C copy of a sequence of numbers (freed by the caller)."""
    cdef Py_ssize_t k = len(values), j
    cdef double* out = <double*> malloc(max(k, 1) * sizeof(double))
    if out is NULL:
        raise MemoryError()
    try:
        for j in range(k):
            out[j] = values[j]
    except BaseException:
        free(out)
        raise
    n[0] = k
    return out


cdef inline double _dot(const double* w, Py_ssize_t m, list row) except? -1.0:
    """``sum(map(operator.mul, w, row))``."""
    cdef Py_ssize_t k = min(m, len(row)), j
    cdef _Sum s
    s.hi = 0.0
    s.lo = 0.0
    for j in range(k):
        _sum_add(&s, w[j] * <double> row[j])
    return _sum_total(&s)


def linear_logits(tuple weights, double offset, list table, double clip):
    """Twin of ``stages.classify.model.linear_logits_pure``: every row's ``offset + sum(weight * value)``,
    clipped to ``[-clip, clip]``."""
    cdef Py_ssize_t m
    cdef double* w = _doubles(weights, &m)
    cdef list out = []
    try:
        for r in table:
            out.append(_clip(offset + _dot(w, m, <list> r), clip))
    finally:
        free(w)
    return out


cdef enum:
    _PASS2_WIDTH = 15   # len(stages.classify.model.PASS2_FEATURES)
    _N_WINDOWS = 3      # stages.classify.model.WINDOWS


def context_probabilities(list z, list kept, tuple weights, double offset, tuple windows, Py_ssize_t near,
                          double clip):
    """Twin of ``stages.classify.model.context_probabilities_pure``: the second pass, from every block's
    first-pass logit (``z``, floats) and keep flag, without building its rows."""
    cdef Py_ssize_t n = len(z), m, i, k, lo, hi, others, rest, w_at
    cdef double row[_PASS2_WIDTH]
    cdef double top = 0.0, best, low, zi, v
    cdef int win[_N_WINDOWS]
    cdef bint have
    cdef _Sum s
    cdef double* w = NULL
    cdef double* zs = NULL
    cdef double* prefix = NULL
    cdef double* kept_sum = NULL
    cdef list out = []
    if len(kept) != n:
        raise ValueError("z and kept differ in length")
    if len(windows) != _N_WINDOWS:
        raise ValueError(f"{_N_WINDOWS} windows expected")
    for k in range(_N_WINDOWS):
        win[k] = windows[k]
    w = _doubles(weights, &m)
    try:
        zs = <double*> malloc(max(n, 1) * sizeof(double))
        prefix = <double*> malloc((n + 1) * sizeof(double))
        kept_sum = <double*> malloc((n + 1) * sizeof(double))
        if zs is NULL or prefix is NULL or kept_sum is NULL:
            raise MemoryError()
        prefix[0] = 0.0
        kept_sum[0] = 0.0
        for i in range(n):
            zs[i] = z[i]
            prefix[i + 1] = prefix[i] + zs[i]
            kept_sum[i + 1] = kept_sum[i] + (1.0 if kept[i] else 0.0)
            if i == 0 or zs[i] > top:
                top = zs[i]
        for i in range(n):
            zi = zs[i]
            row[0], row[1], row[2] = 1.0, zi, (1.0 if kept[i] else 0.0)
            for k in range(_N_WINDOWS):
                lo, hi = max(0, i - win[k]), min(n, i + win[k] + 1)
                others = hi - lo - 1
                row[3 + k] = (prefix[hi] - prefix[lo] - zi) / others if others else 0.0
            # max(before), max(after), min(before + after): Python's first-wins comparisons
            have = False
            best = -clip
            for k in range(max(0, i - near), i):
                if not have or zs[k] > best:
                    best, have = zs[k], True
            row[6] = best
            have = False
            best = -clip
            for k in range(i + 1, min(n, i + 1 + near)):
                if not have or zs[k] > best:
                    best, have = zs[k], True
            row[7] = best
            have = False
            low = -clip
            for k in range(max(0, i - near), min(n, i + 1 + near)):
                if k != i and (not have or zs[k] < low):
                    low, have = zs[k], True
            row[8] = low
            rest = n - i - 1
            lo, hi = max(0, i - near), min(n, i + near + 1)
            row[9] = zs[i - 1] if i else -clip
            row[10] = zs[i + 1] if rest else -clip
            row[11] = prefix[i] / i if i else 0.0
            row[12] = (prefix[n] - prefix[i + 1]) / rest if rest else 0.0
            row[13] = zi - top
            row[14] = (kept_sum[hi] - kept_sum[lo] - row[2]) / max(1, hi - lo - 1)
            s.hi = 0.0
            s.lo = 0.0
            for k in range(min(m, _PASS2_WIDTH)):
                _sum_add(&s, w[k] * row[k])
            v = _clip(offset + _sum_total(&s), clip)
            out.append(1.0 / (1.0 + exp(-v)))
    finally:
        free(w)
        free(zs)
        free(prefix)
        free(kept_sum)
    return out


def standard_score(tuple mean, tuple scale, tuple weights, double bias, list feats):
    """Twin of ``stages.title.rank.standard_score_pure``: ``bias + sum(w * (x - m) / s)`` over the
    columns (a standardised linear score)."""
    cdef Py_ssize_t k = min(len(feats), len(mean), len(scale), len(weights)), j
    cdef _Sum s
    s.hi = 0.0
    s.lo = 0.0
    for j in range(k):
        _sum_add(&s, <double> weights[j] * (<double> feats[j] - <double> mean[j]) / <double> scale[j])
    return bias + _sum_total(&s)
