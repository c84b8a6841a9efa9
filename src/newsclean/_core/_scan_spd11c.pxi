# Included at the end of _walk.pyx: session 11's speed work on the text-capture path (issue 16). Each
# function is the twin of a pure-Python one named in its docstring, which callers run when
# ``newsclean._core.compiled(name)`` is None; both give identical answers (tests/test_core_scans_spd11c.py
# compares them on made-up inputs).


def holds_any(str text, tuple words):
    """Twin of ``strings.holds_any_pure``: is one of ``words`` (strings) a substring of ``text``? The
    words are tried in order with the string type's own substring search; a short line of a page costs
    a few hundred instructions, where one regex search over an alternation of the words costs thousands."""
    cdef object w
    for w in words:
        if w in text:
            return True
    return False
