# Included at the end of _walk.pyx: the page-type features' hint words of each distinct ancestor word
# list. Pure twin: newsclean.stages.page_type.features.hint_words_each_pure (tests/test_core_scans_sphtml3.py).

cimport cython


@cython.boundscheck(False)
@cython.wraparound(False)
def hint_words_each(list lists, frozenset vocab):
    """For each tuple of words in ``lists``: the frozenset of its words in ``vocab`` (twin of
    ``newsclean.stages.page_type.features.hint_words_each_pure``). Blocks' ancestor word lists are
    built parent list + own words, so a list shares a long head with the one before it: the words of
    the shared head (the same objects, position by position) are not looked up again; only the tail is."""
    cdef list out = []
    cdef tuple prev = ()
    cdef tuple t
    cdef list hit_pos = []    # positions in ``prev`` of its words in ``vocab``, increasing
    cdef list hit_words = []  # those words
    cdef list new_pos, new_words
    cdef Py_ssize_t n, m, k, j, i
    cdef object w
    for t in lists:
        n = len(t)
        m = len(prev)
        k = 0
        while k < n and k < m and t[k] is prev[k]:
            k += 1
        new_pos = []
        new_words = []
        for j in range(len(hit_pos)):
            if hit_pos[j] >= k:
                break
            new_pos.append(hit_pos[j])
            new_words.append(hit_words[j])
        for i in range(k, n):
            w = t[i]
            if w in vocab:
                new_pos.append(i)
                new_words.append(w)
        out.append(frozenset(new_words))
        prev, hit_pos, hit_words = t, new_pos, new_words
    return out
