# Included at the end of _walk.pyx (after _scan_sphtml.pxi and _walk_tree.pxi, whose ``_get`` and
# ``_exotic_doc`` it uses): what an element's tag and class/id say to the container choice (issue 16,
# session 10, second round). The pure core asks an lru-cached Python function per element; every first
# combination of tag/class/id/itemprop on a page runs several Python frames (the class words, three set
# tests, two named tuples), some 30k instructions each. Each function is the twin of a pure-Python
# function named in its docstring, which callers run when ``newsclean._core.compiled(name)`` is None; both
# give equal results (tests/test_core_scans_spd10h2.py compares them on made-up strings and pages).


# the chrome levels of stages.boilerplate.signals (NO_CHROME, WEAK_CHROME, STRONG_CHROME)
cdef enum:
    NO_CHROME_LEVEL = 0
    WEAK_CHROME_LEVEL = 1
    STRONG_CHROME_LEVEL = 2


cdef object _el_info(object tag, object cls, object ident, object prop, tuple params):
    """``boilerplate.html._info_of`` without the Python frames (``params``: see ``element_info``)."""
    cdef object elinfo = params[0]
    cdef frozenset strong_tags = params[1], negative_tags = params[2]
    cdef object class_words_of = params[6]
    # word -> 1 content word, 2 strong chrome word, 4 weak chrome word, OR-ed (boilerplate.html.hint_word_bits
    # of params[3], params[4], params[5])
    cdef dict word_bits = params[10]
    cdef long found = 0
    cdef int level
    cdef bint strong, marked, positive = False, clean = False
    cdef double bonus
    tag = tag.lower()
    strong = tag in strong_tags
    prop = (prop or "").lower()
    marked = "articlebody" in prop or prop == "text"
    level = NO_CHROME_LEVEL
    if cls or ident:
        words = class_words_of(f"{cls or ''} {ident or ''}")
        for w in words:  # (one table look-up per word, for the twin's three isdisjoint tests)
            v = word_bits.get(w)
            if v is not None:
                found |= <long> v
        positive = (found & 1) != 0
        if found & 2:
            level = STRONG_CHROME_LEVEL
        elif found & 4:
            level = WEAK_CHROME_LEVEL
        clean = positive and level == NO_CHROME_LEVEL
        if level and positive:
            level -= 1
    if tag in negative_tags:
        level = STRONG_CHROME_LEVEL
    elif strong or marked:
        level = NO_CHROME_LEVEL
    if marked:
        bonus = <double> params[7]
    else:
        bonus = (<double> params[8] if strong else 1.0) + (<double> params[9] if positive else 0.0)
    return tuple.__new__(elinfo, (tag, level, strong or marked or clean, bonus))


def element_info(tag, cls, ident, prop, tuple params):
    """Twin of ``stages.boilerplate.html._info_of`` (uncached): ``params`` is ``boilerplate.html.info_params()``
    (the ElInfo type, the strong and negative tags, the content / strong chrome / weak chrome words, the
    class-words function, the body-marked, strong and positive bonuses)."""
    return _el_info(tag, cls, ident, prop, params)


def element_infos_direct(list order, dict cache, tuple params, Py_ssize_t limit):
    """Twin of ``stages.boilerplate.html.element_infos_pure``: ``{el: info}`` for the elements of ``order``
    (their tag and attributes read from libxml2's nodes as the core's ``element_infos`` reads them), each
    combination's info computed once and kept in ``cache`` (emptied when it holds ``limit``)."""
    cdef dict out = {}
    cdef cetree._Element e
    cdef xmlNode* node
    cdef int plain = -1  # whether the document's nodes can be read directly (decided on the first element)
    cdef bint done
    for el in order:
        done = False
        if isinstance(el, cetree._Element):
            e = <cetree._Element> el
            node = e._c_node
            if plain < 0 and node is not NULL:
                plain = 0 if node.doc is NULL or _exotic_doc(node.doc) else 1
            if plain == 1 and node is not NULL and node.type == tree.XML_ELEMENT_NODE and node.ns is NULL:
                try:
                    key = (PyUnicode_DecodeUTF8(<const char*> node.name, strlen(<const char*> node.name), NULL),
                           _get(node, b"class"), _get(node, b"id"), _get(node, b"itemprop"))
                    done = True
                except _Fallback:
                    pass
        if not done:
            tag = el.tag
            get = el.get
            key = (tag if isinstance(tag, str) else "", get("class"), get("id"), get("itemprop"))
        info = cache.get(key)
        if info is None:
            if len(cache) >= limit:
                cache.clear()
            info = cache[key] = _el_info(key[0], key[1], key[2], key[3], params)
        out[el] = info
    return out


# --- the navigation stage's per-page setup: the chrome words on each block's element chain


cdef object _element_words(object x, object element_words_fn, object class_words_fn):
    """``boilerplate.signals.element_words`` with the attributes read from libxml2's node (lxml asked, as in
    the twin, for anything but a plain element of a plain document)."""
    cdef cetree._Element e
    cdef xmlNode* node
    if isinstance(x, cetree._Element):
        e = <cetree._Element> x
        node = e._c_node
        if node is not NULL and node.type == tree.XML_ELEMENT_NODE and node.ns is NULL \
                and node.doc is not NULL and not _exotic_doc(node.doc):
            try:
                cls = _get(node, b"class")
                ident = _get(node, b"id")
            except _Fallback:
                return element_words_fn(x)
            if not cls and not ident:
                return ()
            if ident and ident.count("-") + ident.count("_") > 3:
                ident = None  # (a slug made from a heading, as in the twin)
            return class_words_fn(f"{cls or ''} {ident or ''}")
    return element_words_fn(x)


cdef inline object _parent_of(object e):
    """``e.getparent()``, the proxy made from libxml2's node as lxml makes it."""
    cdef cetree._Element ce
    cdef xmlNode* up
    if isinstance(e, cetree._Element) and (<cetree._Element> e)._c_node is not NULL:
        ce = <cetree._Element> e
        up = ce._c_node.parent
        return cetree.elementFactory(ce._doc, up) if _element_like(up) else None
    return e.getparent()


def chain_word_lengths(list blocks, object stop, dict memo, dict el_words, object negative, object text_chars,
                       object text_max_ld, object element_words_fn, object class_words_fn):
    """Twin of ``stages.navigation.tree.chain_word_lengths_pure``: for the blocks with an element, the
    characters below each chrome word on their element chains (up to ``stop``), and ``(element, chars,
    text block or not)`` per block; fills ``memo`` (element -> chrome words of its chain) and ``el_words``
    (element -> class/id words) for every element climbed past."""
    cdef dict word_len = {}
    cdef list items = []
    cdef list chain, own
    cdef Py_ssize_t k
    empty = frozenset()
    for b in blocks:
        el = b.element
        if el is None:
            continue
        n = len(b.text)
        chain = []
        base = empty
        e = el
        while e is not None and e is not stop:
            got = memo.get(e)
            if got is not None:
                base = got
                break
            chain.append(e)
            e = _parent_of(e)
        for k in range(len(chain) - 1, -1, -1):
            x = chain[k]
            words = _element_words(x, element_words_fn, class_words_fn)
            el_words[x] = words
            own = [w for w in words if w in negative]
            if own:
                base = base | frozenset(own)
            memo[x] = base
        for w in base:
            word_len[w] = word_len.get(w, 0) + n
        text_block = n >= text_chars and b.features.get("link_density", 0.0) < text_max_ld
        items.append((el, n, int(text_block)))
    return word_len, items
