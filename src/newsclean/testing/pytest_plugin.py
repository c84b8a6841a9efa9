"""pytest plug-in (entry point ``pytest11``): ``pytest --newsclean-fixtures DIR`` collects one test
item per ``*.expected.json`` under DIR, named after the file; a failure shows the same report and
diffs as ``newsclean fixtures check``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("newsclean")
    group.addoption("--newsclean-fixtures", action="append", default=[], metavar="DIR",
                    help="check every *.expected.json under DIR against a fresh extraction")


class FixtureItem(pytest.Item):
    def __init__(self, *, expected_path: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.expected_path = expected_path

    def runtest(self) -> None:
        from newsclean.testing.record import check_fixture

        result, _ = check_fixture(self.expected_path)
        if not result.ok:
            raise FixtureMismatch(result.report())

    def repr_failure(self, excinfo: Any, style: Any = None) -> Any:  # str, or pytest's TerminalRepr
        if isinstance(excinfo.value, FixtureMismatch):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.expected_path, 0, f"newsclean fixture {self.name}"


class FixtureMismatch(AssertionError):
    pass


class FixtureFile(pytest.File):
    def collect(self) -> list[FixtureItem]:
        return [FixtureItem.from_parent(self, name=self.path.name[: -len(".expected.json")], expected_path=self.path)]


def _dirs(config: Any) -> list[Path]:
    return [Path(d).resolve() for d in config.getoption("newsclean_fixtures") or []]


def pytest_configure(config: Any) -> None:
    for d in _dirs(config):
        if not d.is_dir():
            raise pytest.UsageError(f"--newsclean-fixtures {d}: not a directory")
        if str(d) not in config.args:
            config.args.append(str(d))


def pytest_collect_file(file_path: Path, parent: Any) -> Any:
    if not file_path.name.endswith(".expected.json"):
        return None
    resolved = file_path.resolve()
    if any(d == resolved.parent or d in resolved.parents for d in _dirs(parent.config)):
        return FixtureFile.from_parent(parent, path=file_path)
    return None
