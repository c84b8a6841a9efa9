# Included at the end of _walk.pyx: the word loops of a byline part's name (issue 16). ``split_names``
# runs them on every part of every byline reading of a text capture (about two thousand parts over 24
# captures), each loop a few string calls a word: interpreted, most of the cost is the interpreter's.
# Each function is the twin of a pure-Python function named in its docstring, which callers run when
# ``newsclean._core.compiled(name)`` is None; both give the same answer on every input
# (tests/test_core_scans_spdnames.py compares them). Regexes stay with the caller (passed in as
# callables) unless reproduced exactly here.


cdef inline bint _odd_caps(str w):
    """``authors._ODD_CAPS.match(w)`` (``^.[^A-Z]*[A-Z][^A-Z]*[A-Z]``): a first character that is no line
    feed (what "." takes), then two ASCII capitals (the negated classes take anything else, a line feed too)."""
    cdef Py_ssize_t n = len(w), i
    cdef int seen = 0
    cdef Py_UCS4 c
    if n == 0 or w[0] == u"\n":
        return False
    for i in range(1, n):
        c = w[i]
        if 65 <= c <= 90:
            seen += 1
            if seen == 2:
                return True
    return False


cdef inline bint _credential(str word, frozenset creds):
    """``authors._is_credential(word, creds)``."""
    cdef str w = word.strip(",")
    cdef str low = w.lower()
    if low.strip(".") not in creds and low not in creds:
        return False
    return w.isupper() or "." in w or not w[1:].islower()


def trim_name_words(list words, object role_word, frozenset creds, frozenset weekdays, frozenset role_adj,
                    frozenset stop_cut, frozenset particles):
    """Twin of ``normalize.authors.trim_name_words_pure``: the words of a name with a trailing role, title,
    credential or weekday cut, and cut before a lower-case word that is no particle."""
    cdef Py_ssize_t i, n = len(words)
    cdef str w, last
    for i in range(2, n):   # "Will Judd Former Deputy Tech Editor"
        w = words[i]
        if w.lower().strip(".,") in role_adj or role_word(w.strip(".,")):
            words = words[:i]
            break
    while len(words) > 1:
        last = words[-1]
        if (_credential(last, creds) or last.lower().strip(".,") in weekdays or
                (not last.isupper() and _odd_caps(last)) or (len(words) > 2 and role_word(last.strip(".,")))):
            words.pop()
        else:
            break
    n = len(words)
    for i in range(1, n):
        w = words[i]
        if w.lower() in stop_cut or (words[0][:1].isupper() and w[:1].islower() and w.lower() not in particles):
            words = words[:i]   # "Daniel Lemire A computer science professor"
            while len(words) > 1 and len(words[-1]) == 1:
                words.pop()
            break
    return words
