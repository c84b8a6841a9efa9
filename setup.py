"""Build the optional compiled core (newsclean._core._walk). Everything else is in pyproject.toml.

The extension is optional twice over: without Cython or lxml in the build environment it is not
attempted, and ``optional=True`` makes a failed C compile a warning, never a failed install. The
package then runs its pure-Python core (identical output, slower)."""
from __future__ import annotations

import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """``optional=True`` lets setuptools skip an extension whose compile fails with a distutils error,
    but a compiler that cannot run at all (missing, or exiting at once) raises other errors on some
    setuptools versions (``subprocess.CalledProcessError``), failing the install: any error building
    the compiled core leaves the pure-Python core instead."""

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001  (the pure core runs: identical output, slower)
            print(f"newsclean: building without the compiled core ({exc})", file=sys.stderr)


#: the parts of the walk itself, split out of _walk.pyx to keep each file small
WALK_PXI = ["_walk_text.pxi", "_walk_frames.pxi", "_walk_tree.pxi"]
#: the .pxi files _walk.pyx includes (one extension, one C compile)
PXI = ["_scan.pxi", "_scan_sphtml.pxi", "_scan_cls.pxi", "_scan_sphtml2.pxi", "_scan_spdhtml.pxi",
       "_scan_spdcap.pxi", "_scan_spdnames.pxi", "_scan_spdprose.pxi", "_scan_spd10h.pxi",
       "_scan_pt10.pxi", "_scan_spd10c.pxi", "_scan_spd10h2.pxi", "_scan_spd11c.pxi", "_scan_spd11h.pxi",
       "_scan_spd12.pxi"]
#: the compiled twins must add and multiply floats exactly as Python does: no fused multiply-add
#: (gcc contracts a*b+c into one rounding where the target has FMA; MSVC does not by default)
NO_FMA = [] if sys.platform == "win32" else ["-ffp-contract=off"]


def extensions() -> list:
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError as exc:
        print(f"newsclean: building without the compiled core ({exc})", file=sys.stderr)
        return []
    ext = Extension("newsclean._core._walk", ["src/newsclean/_core/_walk.pyx"],
                    depends=[f"src/newsclean/_core/{name}" for name in WALK_PXI + PXI],  # included by _walk.pyx
                    include_dirs=lxml.get_include(), extra_compile_args=NO_FMA, optional=True)
    try:
        return cythonize([ext], compiler_directives={"language_level": 3}, quiet=True)
    except Exception as exc:  # noqa: BLE001  (a Cython that cannot compile the .pyx: the pure core runs)
        print(f"newsclean: building without the compiled core ({exc})", file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
