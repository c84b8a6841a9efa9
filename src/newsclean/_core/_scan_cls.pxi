# Included at the end of _walk.pyx: the capture classifier's model (``stages.classify.model``) and the
# headline ranker's score (``stages.title.rank``) in C. Each function is the twin of a pure-Python function
# named in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both give
# identical floats (tests/test_core_scans_cls.py compares them).
#
# Identical floats: the pure twins sum with the builtin ``sum`` (plain addition in order up to Python 3.11,
# Neumaier's compensated sum from 3.12), so ``_Sum`` does what the running Python's ``sum`` does; ``min``,
# ``max`` and the clip keep Python's first-wins comparisons.
from libc.math cimport fabs, exp, isfinite, log1p

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


cdef enum:
    _CONTEXT_WIDTH = 14   # stages.classify.features.CONTEXT
    _RUN_CAP = 10         # the run of same-kind blocks before a block is counted up to this many


def feature_rows(list own, list words, list is_prose, list kept, list kinds, list decisions, list keys,
                 tuple layout):
    """Twin of ``stages.classify.features.feature_rows_pure``: the classifier's feature rows from every
    block's own values, words, prose flag, keep flag, kind, decision column (-1: kept) and repeat key."""
    cdef tuple kind_names = layout[0], cross_at = layout[1]
    cdef Py_ssize_t near = layout[2], menu_col = layout[3], comment_col = layout[4], marker_col = layout[5]
    cdef double marker_prose = layout[6], marker_words = layout[7]
    cdef Py_ssize_t n_decisions = layout[8]
    cdef Py_ssize_t n = len(own), n_kinds = len(kind_names), n_cross = len(cross_at), width_own = -1
    cdef Py_ssize_t i, j, k, lo, hi, others, run, last_marker = -1, width, at
    cdef long long seen = 0, total = 0
    cdef double me_prose, me_kept, bar
    cdef double ctx[_CONTEXT_WIDTH]
    cdef list row, own_row, out = []
    cdef set seen_texts = set()
    cdef dict ids = {}
    cdef Py_ssize_t* kid = NULL
    cdef Py_ssize_t* kcol = NULL
    cdef Py_ssize_t* runs = NULL
    cdef Py_ssize_t* cx = NULL
    cdef long long* nwords = NULL
    cdef double* prose_sum = NULL
    cdef double* kept_sum = NULL
    cdef double* comment_sum = NULL
    cdef double* vals = NULL
    if not (len(words) == len(is_prose) == len(kept) == len(kinds) == len(decisions) == len(keys) == n):
        raise ValueError("the per-block lists differ in length")
    try:
        kid = <Py_ssize_t*> malloc(max(n, 1) * sizeof(Py_ssize_t))
        kcol = <Py_ssize_t*> malloc(max(n, 1) * sizeof(Py_ssize_t))
        runs = <Py_ssize_t*> malloc(max(n, 1) * sizeof(Py_ssize_t))
        cx = <Py_ssize_t*> malloc(max(2 * n_cross, 1) * sizeof(Py_ssize_t))
        nwords = <long long*> malloc(max(n, 1) * sizeof(long long))
        prose_sum = <double*> malloc((n + 1) * sizeof(double))
        kept_sum = <double*> malloc((n + 1) * sizeof(double))
        comment_sum = <double*> malloc((n + 1) * sizeof(double))
        if kid is NULL or kcol is NULL or runs is NULL or cx is NULL or nwords is NULL or prose_sum is NULL \
                or kept_sum is NULL or comment_sum is NULL:
            raise MemoryError()
        for k in range(n_cross):
            cx[2 * k], cx[2 * k + 1] = cross_at[k][0], cross_at[k][1]
        prose_sum[0] = kept_sum[0] = comment_sum[0] = 0.0
        for i in range(n):
            own_row = <list> own[i]
            if width_own < 0:
                width_own = len(own_row)
            elif len(own_row) != width_own:
                raise ValueError("own rows differ in length")
            nwords[i] = words[i]
            if is_prose[i]:
                total += nwords[i]
            prose_sum[i + 1] = prose_sum[i] + (1.0 if is_prose[i] else 0.0)
            kept_sum[i + 1] = kept_sum[i] + (1.0 if kept[i] else 0.0)
            comment_sum[i + 1] = comment_sum[i] + <double> own_row[comment_col]
            kid[i] = ids.setdefault(kinds[i], len(ids))
            kcol[i] = -1
            for k in range(n_kinds):
                if kinds[i] == kind_names[k]:
                    kcol[i] = k
                    break
        if total == 0:
            total = 1
        i = 0
        while i < n:
            j = i
            while j + 1 < n and kid[j + 1] == kid[i]:
                j += 1
            for k in range(i, j + 1):
                runs[k] = j - i + 1
            i = j + 1
        width = 1 + max(width_own, 0) + n_kinds + _CONTEXT_WIDTH + n_decisions
        vals = <double*> malloc((width + n_cross) * sizeof(double))
        if vals is NULL:
            raise MemoryError()
        bar = marker_prose * <double> total
        if marker_words < bar:
            bar = marker_words
        for i in range(n):
            own_row = <list> own[i]
            lo, hi = max(0, i - near), min(n, i + near + 1)
            others = max(1, hi - lo - 1)
            me_prose = 1.0 if is_prose[i] else 0.0
            me_kept = 1.0 if kept[i] else 0.0
            run = 1
            while i - run >= 0 and kid[i - run] == kid[i] and run < _RUN_CAP:
                run += 1
            ctx[0] = <double> i / <double> max(1, n - 1)
            ctx[1] = <double> seen / <double> total
            ctx[2] = 1.0 if i > 0 and is_prose[i - 1] else 0.0
            ctx[3] = 1.0 if i + 1 < n and is_prose[i + 1] else 0.0
            ctx[4] = _log1p(<double> nwords[i - 1]) if i else 0.0
            ctx[5] = _log1p(<double> nwords[i + 1]) if i + 1 < n else 0.0
            ctx[6] = (prose_sum[hi] - prose_sum[lo] - me_prose) / others
            ctx[7] = (kept_sum[hi] - kept_sum[lo] - me_kept) / others
            ctx[8] = <double> run / 10.0
            ctx[9] = _log1p(<double> runs[i]) / 3.0
            key = keys[i]
            ctx[10] = 1.0 if key in seen_texts else 0.0
            ctx[11] = 1.0 if last_marker >= 0 else 0.0
            ctx[12] = _log1p(<double> (i - last_marker)) / 5.0 if last_marker >= 0 else 0.0
            ctx[13] = (comment_sum[hi] - comment_sum[lo] - <double> own_row[comment_col]) / 3.0
            if is_prose[i]:
                seen += nwords[i]
            if own_row[marker_col] and not own_row[menu_col] and <double> seen >= bar:
                last_marker = i
            seen_texts.add(key)
            vals[0] = 1.0
            at = 1
            for k in range(width_own):
                vals[at + k] = <double> own_row[k]
            at += width_own
            for k in range(n_kinds):
                vals[at + k] = 1.0 if kcol[i] == k else 0.0
            at += n_kinds
            for k in range(_CONTEXT_WIDTH):
                vals[at + k] = ctx[k]
            at += _CONTEXT_WIDTH
            for k in range(n_decisions):
                vals[at + k] = 0.0
            k = decisions[i]
            if k >= 0:
                if k >= n_decisions:
                    raise IndexError("list assignment index out of range")
                vals[at + k] = 1.0
            for k in range(n_cross):
                if not (0 <= cx[2 * k] < width and 0 <= cx[2 * k + 1] < width):
                    raise IndexError("list index out of range")
                vals[width + k] = vals[cx[2 * k]] * vals[cx[2 * k + 1]]
            row = [vals[k] for k in range(width + n_cross)]
            out.append(row)
    finally:
        free(kid)
        free(kcol)
        free(runs)
        free(cx)
        free(nwords)
        free(prose_sum)
        free(kept_sum)
        free(comment_sum)
        free(vals)
    return out


cdef inline double _log1p(double x) noexcept:
    """``math.log1p`` (which gives a zero back as it is, sign and all)."""
    return x if x == 0.0 else log1p(x)


cdef extern from "Python.h":
    bint Py_UNICODE_ISLOWER(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch) nogil
    object PyUnicode_Substring(object text, Py_ssize_t start, Py_ssize_t end)

cdef enum:
    _LONGEST_PRONOUN = 6   # characters of the longest "we"/"you" word ("unsere"): lower() never shortens a word


def text_shape(str text, Py_ssize_t words, Py_ssize_t pronoun_words, frozenset we, frozenset you):
    """Twin of ``stages.classify.features.text_shape_pure``: (lower share of the words, digit share,
    capitalised start, ends with ":", ends with "?", "we" share, "you" share) in one pass over ``text``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, start = -1, first = -1, last = -1
    cdef Py_ssize_t n_words = 0, lower = 0, cased = 0, digits = 0, n_we = 0, n_you = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef bint space, shares = words >= pronoun_words
    cdef double ls, digit_share, we_share = 0.0, you_share = 0.0
    for i in range(n + 1):
        space = i == n or Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))
        if not space:
            c = PyUnicode_READ(kind, data, i)
            if 48 <= c <= 57:
                digits += 1
            if first < 0:
                first = i
            last = i
            if start < 0:
                start = i
                n_words += 1
                if Py_UNICODE_ISLOWER(c):
                    lower += 1
                    cased += 1
                elif Py_UNICODE_ISUPPER(c):
                    cased += 1
        elif start >= 0:
            if shares and i - start <= _LONGEST_PRONOUN:
                w = PyUnicode_Substring(text, start, i).lower()
                if w in we:
                    n_we += 1
                if w in you:
                    n_you += 1
            start = -1
    ls = <double> lower / <double> cased if cased else -1.0
    digit_share = 0.0
    if digits:
        digit_share = <double> digits / <double> max(1, n) * 5.0
        if 1.0 < digit_share:
            digit_share = 1.0
    if shares and n_words:
        we_share = <double> (5 * n_we) / <double> n_words
        you_share = <double> (5 * n_you) / <double> n_words
        we_share = we_share if we_share < 1.0 else 1.0
        you_share = you_share if you_share < 1.0 else 1.0
    c = PyUnicode_READ(kind, data, last) if last >= 0 else 0
    return (ls, digit_share, first >= 0 and Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, first)),
            last >= 0 and c == 58, last >= 0 and c == 63, we_share, you_share)
