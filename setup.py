"""Build the optional compiled core (newsclean._core._walk). Everything else is in pyproject.toml.

The extension is optional twice over: without Cython or lxml in the build environment it is not
attempted, and ``optional=True`` makes a failed C compile a warning, never a failed install. The
package then runs its pure-Python core (identical output, slower)."""
from __future__ import annotations

import sys

from setuptools import Extension, setup


def extensions() -> list:
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError as exc:
        print(f"newsclean: building without the compiled core ({exc})", file=sys.stderr)
        return []
    ext = Extension("newsclean._core._walk", ["src/newsclean/_core/_walk.pyx"],
                    depends=["src/newsclean/_core/_scan.pxi"],  # included by _walk.pyx
                    include_dirs=lxml.get_include(), optional=True)
    try:
        return cythonize([ext], compiler_directives={"language_level": 3}, quiet=True)
    except Exception as exc:  # noqa: BLE001  (a Cython that cannot compile the .pyx: the pure core runs)
        print(f"newsclean: building without the compiled core ({exc})", file=sys.stderr)
        return []


setup(ext_modules=extensions())
