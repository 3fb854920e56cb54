import re

import pytest

from conftest import ROOT
from dashboard.settings import load_settings


@pytest.mark.parametrize(("value", "expected"), [(None, "osm"), ("none", "none"), (" OSM ", "osm")])
def test_the_basemap_is_a_setting(value, expected):
    environ = {} if value is None else {"SCP_BASEMAP": value}
    assert load_settings(environ).basemap == expected


def test_an_unknown_basemap_is_refused_with_the_accepted_values():
    with pytest.raises(ValueError, match="osm, none"):
        load_settings({"SCP_BASEMAP": "google"})


def test_every_setting_read_from_the_environment_is_documented_in_the_readme():
    code = "".join(path.read_text() for path in ROOT.joinpath("dashboard").rglob("*.py"))
    names = set(re.findall(r'environ\.get\("([A-Z_]+)"', code))
    assert names
    readme = ROOT.joinpath("README.md").read_text()
    assert {name for name in names if f"`{name}`" not in readme} == set()
