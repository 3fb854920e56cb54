"""What is drawn: map classes and legends, the map view of a selection, the compact district layer, the folium
map, the map as a PNG image (matplotlib), the selection as it travels in a link, layers prepared for the browser,
green retail points, two years and the reform on maps, plotly charts, the front-end assets, and in `bench` the
map's benchmark.

May use `dashboard.progress` and everything below it.
"""
