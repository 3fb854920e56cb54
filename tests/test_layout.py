"""The package shows its architecture: few modules at the top, small subpackages that each say what they hold,
and tests in a tree that mirrors the package."""

import ast

import pytest

from dashboard.core.paths import ROOT

PACKAGE = ROOT / "dashboard"
MOST_AT_TOP, MOST_IN_SUBPACKAGE = 12, 15
SUBPACKAGES = sorted(path.parent for path in PACKAGE.rglob("__init__.py") if path.parent != PACKAGE)
TOP_LEVEL_TESTED = {"core", "geography", "store", "intake", "progress", "maps", "cli", "ui"}


def modules_in(folder) -> list[str]:
    """Return the names of the Python modules directly in a folder."""
    return sorted(path.name for path in folder.glob("*.py"))


def test_at_most_twelve_modules_stay_directly_in_the_package():
    assert len(modules_in(PACKAGE)) <= MOST_AT_TOP


@pytest.mark.parametrize("folder", SUBPACKAGES, ids=lambda folder: str(folder.relative_to(PACKAGE)))
def test_no_subpackage_holds_more_than_fifteen_modules(folder):
    assert len(modules_in(folder)) <= MOST_IN_SUBPACKAGE


@pytest.mark.parametrize("folder", SUBPACKAGES, ids=lambda folder: str(folder.relative_to(PACKAGE)))
def test_every_subpackage_says_what_it_holds(folder):
    docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text()))
    assert docstring and len(docstring.split()) >= 12


@pytest.mark.parametrize("name", sorted(TOP_LEVEL_TESTED))
def test_the_tests_mirror_each_subpackage_of_the_package(name):
    assert (PACKAGE / name / "__init__.py").is_file()
    assert list((ROOT / "tests" / name).glob("test_*.py"))
