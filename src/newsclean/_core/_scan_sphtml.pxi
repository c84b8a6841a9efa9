# Included at the end of _walk.pyx: compiled scans of the HTML path's stages (page_type's string counts,
# boilerplate's block weights). Each is the twin of a pure-Python function named in its docstring, which
# callers run when ``newsclean._core.compiled(name)`` is None; both give identical results
# (tests/test_core_scans_sphtml.py compares them on made-up inputs).
from libc.math cimport log1p as _c_log1p, tanh as _c_tanh
from cpython.mem cimport PyMem_Malloc, PyMem_Free

# letters from the most to the least frequent in text; a needle is looked for by its rarest character
# (any character not listed, as '<', '"', a digit or '?', counts as rarer than every letter)
cdef str _BY_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz"


cdef Py_ssize_t _anchor_at(str needle):
    """Where in ``needle`` its rarest character stands (the first such place)."""
    cdef Py_ssize_t i, best = 0, rank, best_rank = -1, top = len(_BY_FREQUENCY)
    for i in range(len(needle)):
        rank = _BY_FREQUENCY.find(needle[i])
        if rank < 0:
            rank = top
        if rank > best_rank:
            best, best_rank = i, rank
    return best


def count_strings(str text, Py_ssize_t end, tuple needles):
    """Twin of ``stages.page_type.counts.count_strings_pure``: ``text.count(s, 0, end)`` for each
    (non-empty) ``s`` of ``needles``, as a list. Each needle is looked for by memchr on one byte of
    its rarest character, candidates checked character by character; a match is counted, as by
    ``str.count``, only when it does not overlap the needle's previous match."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), k = len(needles), j, g, s, m, t, idx, pos, limit
    cdef int kind = PyUnicode_KIND(text), nkind
    cdef const char* data = <const char*> PyUnicode_DATA(text)
    cdef const char* hit
    cdef void* ndata
    cdef Py_UCS4 c
    cdef bint same
    cdef str needle
    if end < 0:  # (as a slice's end: from the end of the text)
        end = end + n if end + n > 0 else 0
    if end < n:
        n = end
    counts = [0] * k
    if k == 0:
        return counts
    cdef Py_ssize_t* anchor = <Py_ssize_t*> PyMem_Malloc(4 * k * sizeof(Py_ssize_t))
    if anchor is NULL:
        raise MemoryError()
    cdef Py_ssize_t* next_ok = anchor + k      # where the needle's next match may start
    cdef Py_ssize_t* found = anchor + 2 * k
    cdef Py_ssize_t* done = anchor + 3 * k     # 1 once the needle's anchor character was scanned for
    try:
        for j in range(k):
            needle = needles[j]
            if not needle:
                raise ValueError("count_strings: an empty needle")
            anchor[j] = _anchor_at(needle)
            next_ok[j] = 0
            found[j] = 0
            done[j] = 0
        limit = n * kind
        for g in range(k):  # one memchr pass per distinct anchor character: it checks every needle it anchors
            if done[g]:
                continue
            c = PyUnicode_READ(PyUnicode_KIND(needles[g]), PyUnicode_DATA(needles[g]), anchor[g])
            for j in range(g, k):
                needle = needles[j]
                if not done[j] and PyUnicode_READ(PyUnicode_KIND(needle), PyUnicode_DATA(needle), anchor[j]) == c:
                    done[j] = g + 1
            if (kind == 1 and <unsigned int> c > 0xFF) or (kind == 2 and <unsigned int> c > 0xFFFF):
                continue  # (a character the text cannot hold: no match)
            pos = 0
            while pos < limit:
                hit = <const char*> memchr(data + pos, <int> ((<unsigned int> c) & 0xFF), <size_t> (limit - pos))
                if hit is NULL:
                    break
                idx = (hit - data) // kind
                pos = (idx + 1) * kind
                if PyUnicode_READ(kind, <void*> data, idx) != c:
                    continue  # (a byte of another character)
                for j in range(g, k):
                    if done[j] != g + 1:
                        continue
                    needle = needles[j]
                    m = PyUnicode_GET_LENGTH(needle)
                    s = idx - anchor[j]
                    if s < next_ok[j] or s < 0 or s + m > n:
                        continue
                    nkind = PyUnicode_KIND(needle)
                    ndata = PyUnicode_DATA(needle)
                    same = True
                    for t in range(m):
                        if PyUnicode_READ(kind, <void*> data, s + t) != PyUnicode_READ(nkind, ndata, t):
                            same = False
                            break
                    if same:
                        found[j] += 1
                        next_ok[j] = s + m
        for j in range(k):
            counts[j] = found[j]
    finally:
        PyMem_Free(anchor)
    return counts


# boilerplate.block_weights' constants, read from it on the first call (importing it when this module
# loads would import the stages from inside the loader)
cdef bint _bw_ready = False
cdef double _bw_cjk_min, _bw_cjk_per_word, _bw_cjk_chars, _bw_teaser_ld, _bw_linky, _bw_short
cdef Py_ssize_t _bw_few_words
cdef object _bw_teaser_lead
cdef str _bw_prose_ends
cdef Py_ssize_t _BW_FEATURES = 20


cdef int _bw_load() except -1:
    global _bw_ready, _bw_cjk_min, _bw_cjk_per_word, _bw_cjk_chars, _bw_teaser_ld, _bw_teaser_lead
    global _bw_linky, _bw_short, _bw_few_words, _bw_prose_ends
    from newsclean.stages.boilerplate import block_weights as bw
    from newsclean import strings
    if len(bw.FEATURES) != _BW_FEATURES:
        raise ValueError("block_weights: the compiled twin knows another feature list")
    _bw_cjk_min = bw.CJK_MIN_CHARS
    _bw_cjk_per_word = bw.CJK_CHARS_PER_WORD
    _bw_cjk_chars = bw.CJK_CHARS
    _bw_teaser_ld = bw.TEASER_MIN_LD
    _bw_teaser_lead = bw.TEASER_LEAD_LINK
    _bw_linky = bw.LINKY_LD
    _bw_short = bw.SHORT_GOOD
    _bw_few_words = bw.FEW_WORDS
    _bw_prose_ends = "".join(strings.SENTENCE_END + strings._PROSE_CLOSERS)
    _bw_ready = True
    return 0


cdef bint _ends_like_prose(str text, Py_ssize_t n, int kind, void* data) except -1:
    """``strings.ends_like_prose``: the last character but white space is a stop or a closer."""
    cdef Py_ssize_t i = n - 1
    while i >= 0 and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
        i -= 1
    return i >= 0 and PyUnicode_READ(kind, data, i) in _bw_prose_ends


def block_weights(list blocks, object teasers, tuple coef, double const, double gain_for, double gain_against):
    """Twin of ``stages.boilerplate.block_weights.weights_pure``: each block's signed weight (the
    folded model's ``coef``, ``const`` and gains; ``teasers``: indexes of blocks in teaser cards)."""
    if not _bw_ready:
        _bw_load()
    if len(coef) != _BW_FEATURES:
        raise ValueError("block_weights: coef has the wrong length")
    cdef double f[20]
    cdef double w[20]
    cdef Py_ssize_t i, t, n, words, nb = len(blocks)
    cdef double ld, good, lg, z, acc, v
    cdef bint cjk, prose, teaser
    cdef int kind
    cdef void* data
    cdef str text, bkind
    cdef dict feats
    for t in range(_BW_FEATURES):
        w[t] = coef[t]
    out = [0.0] * nb
    for i in range(nb):
        b = blocks[i]
        bkind = b.kind
        if bkind == "heading":
            continue
        text = b.text
        feats = b.features
        n = PyUnicode_GET_LENGTH(text)
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
        ld = float(feats.get("link_density", 0.0))
        words = 1
        for t in range(n):
            if PyUnicode_READ(kind, data, t) == 32:
                words += 1
        cjk = n > _bw_cjk_min and words < n / _bw_cjk_per_word
        good = n * (1.0 - ld) * (_bw_cjk_chars if cjk else 1.0)
        prose = _ends_like_prose(text, n, kind, data)
        lg = _c_log1p(good) if good != 0.0 else good
        teaser = ld >= _bw_teaser_ld and feats.get("lead_link", 0) >= _bw_teaser_lead
        f[0] = 1.0 if bkind == "caption" else 0.0
        f[1] = 1.0 if bkind == "list_item" else 0.0
        f[2] = 1.0 if bkind == "table" else 0.0
        f[3] = 1.0 if bkind == "quote" else 0.0
        f[4] = 1.0 if bkind == "pre" else 0.0
        f[5] = ld
        f[6] = 1.0 if ld > _bw_linky else 0.0
        f[7] = 1.0 if teaser else 0.0
        f[8] = 1.0 if i in teasers else 0.0
        f[9] = 1.0 if cjk else 0.0
        f[10] = _c_log1p(<double> n)
        f[11] = lg
        f[12] = 1.0 if good < _bw_short and words < _bw_few_words and not cjk else 0.0
        f[13] = 1.0 if good < _bw_short and not cjk else 0.0
        f[14] = 1.0 if prose else 0.0
        f[15] = _c_log1p(<double> words)
        f[16] = f[14] * lg
        f[17] = ld if bkind == "list_item" else 0.0
        f[18] = lg if bkind == "table" else 0.0
        f[19] = lg if bkind == "caption" else 0.0
        acc = 0.0
        for t in range(_BW_FEATURES):
            acc += w[t] * f[t]
        z = const + acc
        v = n * (_bw_cjk_chars if cjk else 1.0) * _c_tanh(z / 2.0)
        out[i] = v * (gain_for if v > 0 else gain_against)
    return out
