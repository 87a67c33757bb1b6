"""
Opens the GeoPackage, the KML and the CSV files in real QGIS as a desktop user would, and checks
what QGIS makes of them: the GeoPackage's layers styled from its layer_styles table with nothing
beside them, each KML placemark with its name and columns (LIBKML, which QGIS uses), each CSV row
with its WKT geometry.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_formats.py EXPORT_DIR COLOURS_JSON

One line per failed check; exit status 1 if any failed.
"""
import json
import os
import pathlib
import shutil
import sys
import tempfile

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes  # noqa: E402

export_dir, colours_path = sys.argv[1:3]
expected = json.load(open(colours_path))
failures = []
LAYERS = ('transit-flows', 'alta-verapaz', 'militarised-policing')


def fail(message):
    failures.append(message)
    print(f'FAIL {message}')


def geojson_features(layer_id):
    return json.load(open(os.path.join(export_dir, f'{layer_id}.geojson')))['features']


app = QgsApplication([], False)
app.initQgis()

# The GeoPackage alone in a folder: no .qml beside it, so any style comes from inside the file.
alone = tempfile.mkdtemp()
gpkg = os.path.join(alone, 'guatemala-transit-layers.gpkg')
shutil.copy(os.path.join(export_dir, 'guatemala-transit-layers.gpkg'), gpkg)
for layer_id in LAYERS:
    layer = QgsVectorLayer(f'{gpkg}|layername={layer_id}', layer_id, 'ogr')
    if not layer.isValid():
        fail(f'{layer_id}: QGIS cannot open it in the GeoPackage')
        continue
    styles = layer.listStylesInDatabase()
    if styles[0] != 1:
        fail(f'{layer_id}: {styles[0]} default styles in the GeoPackage, not 1')
    message, ok = layer.loadDefaultStyle()
    if not ok:
        fail(f'{layer_id}: loadDefaultStyle() from the GeoPackage failed: {message}')
        continue
    renderer = layer.renderer()
    if layer_id == 'transit-flows':
        colours = {c.value(): c.symbol().symbolLayer(1).color().name() for c in renderer.categories()} if renderer.type() == 'categorizedSymbol' else {}
        if colours != expected['flows']:
            fail(f'{layer_id} (GeoPackage): flow colours {colours}, expected {expected["flows"]}')
    else:
        fill = renderer.symbol().symbolLayer(0).color().name() if renderer.type() == 'singleSymbol' else None
        if fill != expected['areas'][layer_id]['fill']:
            fail(f'{layer_id} (GeoPackage): fill {fill}, expected {expected["areas"][layer_id]["fill"]}')
    if layer.featureCount() != len(geojson_features(layer_id)):
        fail(f'{layer_id} (GeoPackage): {layer.featureCount()} features')
shutil.rmtree(alone)

for layer_id in LAYERS:
    features = geojson_features(layer_id)
    names = [f['properties']['name'] for f in features]
    want_type = 'LineString' if layer_id == 'transit-flows' else 'MultiPolygon'

    kml = QgsVectorLayer(os.path.join(export_dir, f'{layer_id}.kml'), layer_id, 'ogr')
    if not kml.isValid():
        fail(f'{layer_id}.kml: QGIS cannot open it')
    else:
        got = [f['Name'] for f in kml.getFeatures()]
        if got != names:
            fail(f'{layer_id}.kml: names {got}, expected {names}')
        fields = kml.fields().names()
        for column in ('layer', 'label', 'name_es', 'label_es', 'excerpt', 'source', 'attributed_to'):
            if column not in fields:
                fail(f'{layer_id}.kml: no {column} column ({kml.dataProvider().storageType()})')
        for f in kml.getFeatures():
            if QgsWkbTypes.displayString(f.geometry().wkbType()) != want_type or not f.geometry().isGeosValid():
                fail(f'{layer_id}.kml: {f["Name"]} is a {QgsWkbTypes.displayString(f.geometry().wkbType())}')

    uri = pathlib.Path(export_dir, f'{layer_id}.csv').as_uri() + '?type=csv&wktField=wkt&crs=EPSG:4326'
    csv = QgsVectorLayer(uri, layer_id, 'delimitedtext')
    if not csv.isValid():
        fail(f'{layer_id}.csv: QGIS cannot open it as delimited text with WKT')
        continue
    got = [f['name'] for f in csv.getFeatures()]
    if got != names:
        fail(f'{layer_id}.csv: names {got}, expected {names}')
    if csv.fields().names()[:3] != ['id', 'layer', 'name']:
        fail(f'{layer_id}.csv: columns start {csv.fields().names()[:3]} (is the byte-order mark read as text?)')
    for f in csv.getFeatures():
        if QgsWkbTypes.displayString(f.geometry().wkbType()) != want_type:
            fail(f'{layer_id}.csv: {f["name"]} is a {QgsWkbTypes.displayString(f.geometry().wkbType())}')

if failures:
    print(f'{len(failures)} QGIS format check(s) failed')
    sys.exit(1)
print('QGIS: the GeoPackage opens styled from layer_styles; every KML and CSV opens with its names and geometries')
