# Included at the end of _walk.pyx: compiled scans of the HTML path's stages (page_type's string counts,
# boilerplate's block weights). Each is the twin of a pure-Python function named in its docstring, which
# callers run when ``newsclean._core.compiled(name)`` is None; both give identical results
# (tests/test_core_scans_sphtml.py compares them on made-up inputs).
from libc.math cimport fabs, log1p as _c_log1p, tanh as _c_tanh
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
    cdef Py_ssize_t* anchor = <Py_ssize_t*> PyMem_Malloc(8 * k * sizeof(Py_ssize_t))
    if anchor is NULL:
        raise MemoryError()
    cdef void** ndatas = <void**> PyMem_Malloc(k * sizeof(void*))
    if ndatas is NULL:
        PyMem_Free(anchor)
        raise MemoryError()
    cdef Py_ssize_t* next_ok = anchor + k      # where the needle's next match may start
    cdef Py_ssize_t* found = anchor + 2 * k
    cdef Py_ssize_t* done = anchor + 3 * k     # 1 once the needle's anchor character was scanned for
    cdef Py_ssize_t* group = anchor + 4 * k    # the needles of the anchor character being scanned for
    # each needle read once (the tuple holds them for the call): length, kind, and one character beside
    # its anchor (offset, or -1 for a one-character needle) compared before the whole needle
    cdef Py_ssize_t* nlen = anchor + 5 * k
    cdef Py_ssize_t* nkinds = anchor + 6 * k
    cdef Py_ssize_t* beside = anchor + 7 * k
    cdef Py_UCS4* beside_char = NULL
    cdef Py_ssize_t ng, q, b
    try:
        beside_char = <Py_UCS4*> PyMem_Malloc(k * sizeof(Py_UCS4))
        if beside_char is NULL:
            raise MemoryError()
        for j in range(k):
            needle = needles[j]
            if not needle:
                raise ValueError("count_strings: an empty needle")
            anchor[j] = _anchor_at(needle)
            next_ok[j] = 0
            found[j] = 0
            done[j] = 0
            nlen[j] = PyUnicode_GET_LENGTH(needle)
            nkinds[j] = PyUnicode_KIND(needle)
            ndatas[j] = PyUnicode_DATA(needle)
            b = anchor[j] + 1 if anchor[j] + 1 < nlen[j] else anchor[j] - 1
            beside[j] = b
            beside_char[j] = PyUnicode_READ(<int> nkinds[j], ndatas[j], b) if b >= 0 else 0
        limit = n * kind
        for g in range(k):  # one memchr pass per distinct anchor character: it checks every needle it anchors
            if done[g]:
                continue
            c = PyUnicode_READ(PyUnicode_KIND(needles[g]), PyUnicode_DATA(needles[g]), anchor[g])
            ng = 0
            for j in range(g, k):
                needle = needles[j]
                if not done[j] and PyUnicode_READ(PyUnicode_KIND(needle), PyUnicode_DATA(needle), anchor[j]) == c:
                    done[j] = 1
                    group[ng] = j
                    ng += 1
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
                for q in range(ng):
                    j = group[q]
                    m = nlen[j]
                    s = idx - anchor[j]
                    if s < next_ok[j] or s < 0 or s + m > n:
                        continue
                    if beside[j] >= 0 and PyUnicode_READ(kind, <void*> data, s + beside[j]) != beside_char[j]:
                        continue  # (most candidates differ right beside the anchor)
                    nkind = <int> nkinds[j]
                    ndata = ndatas[j]
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
        PyMem_Free(ndatas)
        PyMem_Free(beside_char)
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


def aggregate_mass(dict parent, dict own, list order, dict info, double keep, double weak_share,
                   double damping, double offset):
    """Twin of ``stages.boilerplate.mass.aggregate_mass_pure`` (its constants passed in): (positive mass,
    total, negative elements, blocked) of every element, the sums on C arrays indexed in ``parent``'s order."""
    cdef Py_ssize_t n = len(parent), m = len(order), i, k, p
    cdef double all_pos, v
    cdef object el, inf
    cdef dict at = {}
    cdef list els = list(parent)
    for i in range(n):
        at[els[i]] = i
    if m != n:
        raise ValueError("aggregate_mass: order must hold every element once")
    cdef Py_ssize_t* par = <Py_ssize_t*> PyMem_Malloc(2 * n * sizeof(Py_ssize_t) + 1)
    cdef double* nums = <double*> PyMem_Malloc(2 * n * sizeof(double) + 1)
    cdef unsigned char* flags = <unsigned char*> PyMem_Malloc(n + 1)  # bits: clean, holds, negative, weak, blocked
    if par is NULL or nums is NULL or flags is NULL:
        PyMem_Free(par)
        PyMem_Free(nums)
        PyMem_Free(flags)
        raise MemoryError()
    cdef Py_ssize_t* ordi = par + n
    cdef double* pos = nums
    cdef double* sums = nums + n
    cdef unsigned char* level = <unsigned char*> PyMem_Malloc(n + 1)
    try:
        if level is NULL:
            raise MemoryError()
        for i in range(n):
            el = parent[els[i]]
            par[i] = -1 if el is None else <Py_ssize_t> at[el]
            pos[i] = 0.0
            sums[i] = 0.0
        for el, v in own.items():
            i = at[el]
            sums[i] = v
            if v > 0:
                pos[i] = v
        for k in range(m):
            el = order[k]
            i = at[el]
            ordi[k] = i
            inf = info[el]
            level[i] = <unsigned char> <int> inf[1]
            flags[i] = 1 if inf[2] else 0
        for k in range(m):  # bottom-up: positive mass, which elements hold a clean content container
            i = ordi[k]
            p = par[i]
            if p >= 0:
                pos[p] += pos[i]
                if flags[i] & 3:
                    flags[p] |= 2
        all_pos = 0.0
        for i in range(n):
            if i == 0 or pos[i] > all_pos:
                all_pos = pos[i]
        if all_pos == 0.0:
            all_pos = 1.0
        negative = set()
        for k in range(m):
            i = ordi[k]
            if level[i] == 2 and (pos[i] < keep * all_pos or not (flags[i] & 2)):
                flags[i] |= 4
                negative.add(order[k])
            elif level[i] == 1 and pos[i] < weak_share * all_pos:
                flags[i] |= 8
        for k in range(m):
            i = ordi[k]
            v = sums[i]
            if flags[i] & 4:
                v = -fabs(v) * damping - offset
            p = par[i]
            if p >= 0:
                sums[p] += v
        blocked = {}
        for k in range(m - 1, -1, -1):  # parents first
            i = ordi[k]
            p = par[i]
            if (flags[i] & 12) or (p >= 0 and (flags[p] & 16)):
                flags[i] |= 16
            blocked[order[k]] = bool(flags[i] & 16)
        pos_out = {}
        total_out = {}
        for i in range(n):
            el = els[i]
            pos_out[el] = pos[i]
            total_out[el] = sums[i]
    finally:
        PyMem_Free(par)
        PyMem_Free(nums)
        PyMem_Free(flags)
        PyMem_Free(level)
    return pos_out, total_out, negative, blocked


cdef inline bint _element_like(xmlNode* n) noexcept:
    """What lxml's ``getparent`` returns a proxy for (an element, comment, entity reference or PI)."""
    return n is not NULL and (n.type == tree.XML_ELEMENT_NODE or n.type == tree.XML_COMMENT_NODE
                              or n.type == tree.XML_ENTITY_REF_NODE or n.type == tree.XML_PI_NODE)


def link_ancestors(list blocks, list weights, dict parent, dict total, dict depth):
    """Twin of ``stages.boilerplate.html.link_ancestors_pure``: fills ``total`` (each block element's own
    weight), ``parent`` and ``depth`` for every ancestor of a block, the parents found from libxml2's nodes
    (their proxies made as lxml's ``getparent`` makes them)."""
    cdef Py_ssize_t i, nb = min(len(blocks), len(weights)), d, k
    cdef cetree._Element ce
    cdef xmlNode* up
    cdef list chain
    for i in range(nb):
        el = blocks[i].element
        if el is None:
            continue
        total[el] = total.get(el, 0.0) + weights[i]
        chain = []
        e = el
        while e is not None and e not in parent:  # new ancestors, up to one already known
            chain.append(e)
            if isinstance(e, cetree._Element) and (<cetree._Element> e)._c_node is not NULL:
                ce = <cetree._Element> e
                up = ce._c_node.parent
                p = cetree.elementFactory(ce._doc, up) if _element_like(up) else None
            else:
                p = e.getparent()
            parent[e] = p
            e = p
        d = depth[e] if e is not None else -1
        for k in range(len(chain) - 1, -1, -1):
            d += 1
            depth[chain[k]] = d
