"""`map-image`: the map of a province, indicator and year written as a PNG image, as the map page draws it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.core.settings import load_settings
from dashboard.dataset import Dataset, load_dataset
from dashboard.intake.uploads import open_store, store_tables
from dashboard.maps.address import MapAddress, read_address
from dashboard.maps.prepared import prepared_layer
from dashboard.maps.static_map import figure_words, map_png, png_size
from dashboard.maps.views import Selection, map_view

EXIT_UNKNOWN = 2
EXIT_UNWRITABLE = 1


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `map-image` to the command line."""
    command = commands.add_parser("map-image", help="write the map of a province, indicator and year as a PNG image")
    command.add_argument("--province", required=True, help="province code (25) or name (phu-tho)")
    command.add_argument("--indicator", required=True, help="indicator code, e.g. eco_packaging")
    command.add_argument("--year", required=True, help="year of the figures, e.g. 2025")
    command.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    command.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the image")
    command.set_defaults(run=run)


def map_dataset() -> Dataset:
    """Return the dataset the map page draws: the store's tables and uploads and the boundary layers, prepared for
    the map."""
    settings = load_settings()
    store = open_store(settings)
    layer = {"layer": settings.boundaries} if settings.boundaries else {}
    data = load_dataset(tables=store_tables(store), store=store, **layer)
    return replace(data, layer=prepared_layer(data.layer))


def run(arguments: argparse.Namespace) -> int:
    """Write the map image and say where; an unknown province, indicator or year, or a file that cannot be written,
    is said in both languages with a non-zero exit code and nothing written."""
    data = map_dataset()
    wanted = {"province": arguments.province, "indicator": arguments.indicator, "year": arguments.year}
    placeholder = MapAddress(data.plans["province_code"].iloc[0], data.core_indicators()[0], data.years()[-1])
    address = read_address(data, wanted, placeholder)
    if address.unknown:
        for unknown in address.unknown:
            known = ", ".join(unknown.known)
            for language in LANGUAGES:
                print(
                    t(f"map_image.unknown_{unknown.field}", language, value=unknown.value, known=known), file=sys.stderr
                )
        return EXIT_UNKNOWN
    language = arguments.language
    view = map_view(data, Selection(address.province, address.indicator, address.year, language))
    kind = data.catalogue.loc[address.indicator, "kind"]
    png = map_png(view, language, figure_words(view, address.indicator, kind, language))
    try:
        arguments.out.write_bytes(png)
    except OSError as problem:
        for each in LANGUAGES:
            print(t("map_image.unwritable", each, path=arguments.out, detail=problem.strerror), file=sys.stderr)
        return EXIT_UNWRITABLE
    width, height = png_size(png)
    print(t("map_image.written", language, path=arguments.out, width=width, height=height))
    return 0
