"""
Opens each exported layer in real QGIS as the desktop does (the .qml beside the .geojson), checks the
renderer QGIS built from it, renders the three layers and checks the colours the web map draws.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_styles.py EXPORT_DIR COLOURS_JSON PNG_PATH

`npm run test:qgis` (tests/qgis/run.ts) exports the layers and writes COLOURS_JSON, the web map's
colours from src/theme.ts. One line per failed check; exit status 1 if any failed.
"""
import json
import os
import sys

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

EXTENT = QgsRectangle(-95, 10, -80, 22)  # lon/lat around Central America
WIDTH = 1200
TOLERANCE = 6  # per channel, 0-255: antialiasing aside, QGIS draws the colours exactly

export_dir, colours_path, png_path = sys.argv[1:4]
expected = json.load(open(colours_path))
failures = []


def fail(message):
    failures.append(message)
    print(f'FAIL {message}')


def hex_of(color):
    return color.name()


def close(a, b):
    a, b = QColor(a), QColor(b)
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


app = QgsApplication([], False)
app.initQgis()

layers = {}
for layer_id in ('transit-flows', 'alta-verapaz', 'militarised-policing'):
    layer = QgsVectorLayer(os.path.join(export_dir, f'{layer_id}.geojson'), layer_id, 'ogr')
    if not layer.isValid():
        fail(f'{layer_id}: QGIS cannot open {layer_id}.geojson')
        continue
    message, ok = layer.loadDefaultStyle()
    if not ok:
        fail(f'{layer_id}: loadDefaultStyle() failed: {message}')
    layers[layer_id] = layer

flows = layers.get('transit-flows')
if flows:
    renderer = flows.renderer()
    if renderer.type() != 'categorizedSymbol' or renderer.classAttribute() != 'flow_type':
        fail(f'transit-flows: renderer is {renderer.type()}, not categorizedSymbol on flow_type')
    else:
        values = [c.value() for c in renderer.categories()]
        if values != ['route', 'displacement']:
            fail(f'transit-flows: categories are {values}, not route, displacement')
        for category in renderer.categories():
            want = expected['flows'].get(category.value())
            sym = category.symbol()
            # The symbol layers: casing, the line, the arrowheads.
            kinds = [sym.symbolLayer(i).layerType() for i in range(sym.symbolLayerCount())]
            if kinds != ['SimpleLine', 'SimpleLine', 'MarkerLine']:
                fail(f'transit-flows {category.value()}: symbol layers are {kinds}')
                continue
            drawn = hex_of(sym.symbolLayer(1).color())
            if drawn != want:
                fail(f'transit-flows {category.value()}: line colour {drawn}, expected {want}')
            dashed = sym.symbolLayer(1).useCustomDashPattern()
            if dashed != (category.value() == 'displacement'):
                fail(f'transit-flows {category.value()}: dashed is {dashed}')
    if not flows.labelsEnabled() or flows.labeling().settings().fieldName != 'label':
        fail('transit-flows: not labelled from the label column')

for layer_id in ('alta-verapaz', 'militarised-policing'):
    layer = layers.get(layer_id)
    if not layer:
        continue
    renderer = layer.renderer()
    if renderer.type() != 'singleSymbol':
        fail(f'{layer_id}: renderer is {renderer.type()}, not singleSymbol')
        continue
    fill = renderer.symbol().symbolLayer(0)
    want = expected['areas'][layer_id]
    if hex_of(fill.color()) != want['fill']:
        fail(f'{layer_id}: fill {hex_of(fill.color())}, expected {want["fill"]}')
    if hex_of(fill.strokeColor()) != want['outline']:
        fail(f'{layer_id}: outline {hex_of(fill.strokeColor())}, expected {want["outline"]}')
    if not layer.labelsEnabled() or '"label"' not in layer.labeling().settings().fieldName:
        fail(f'{layer_id}: not labelled from the label column')

# The SLD beside each file, as ArcGIS Pro and GeoServer read it: QGIS reads SLD too.
for layer_id, layer in layers.items():
    copy = QgsVectorLayer(layer.source(), layer_id, 'ogr')
    message, ok = copy.loadSldStyle(os.path.join(export_dir, f'{layer_id}.sld'))
    if not ok:
        fail(f'{layer_id}: QGIS cannot read {layer_id}.sld: {message}')
    elif layer_id == 'transit-flows':
        rules = [(r.filterExpression(), r.symbol().symbolLayer(1).color().name()) for r in copy.renderer().rootRule().children()]
        want = [(f"flow_type = '{k}'", expected['flows'][k]) for k in ('route', 'displacement')]
        if rules != want:
            fail(f'transit-flows.sld: rules are {rules}, expected {want}')
    elif copy.renderer().type() != 'singleSymbol' or copy.renderer().symbol().color().name() != expected['areas'][layer_id]['fill']:
        fail(f'{layer_id}.sld: not one symbol in {expected["areas"][layer_id]["fill"]}')

if len(layers) < 3:
    sys.exit(1)


def render(labels):
    settings = QgsMapSettings()
    # Top to bottom as in the legend: the flows over Alta Verapaz over the militarised countries.
    settings.setLayers([layers['transit-flows'], layers['alta-verapaz'], layers['militarised-policing']])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:4326'))
    height = round(WIDTH * EXTENT.height() / EXTENT.width())
    settings.setOutputSize(QSize(WIDTH, height))
    settings.setExtent(EXTENT)
    settings.setBackgroundColor(QColor(expected['land']))
    settings.setFlag(QgsMapSettings.DrawLabeling, labels)
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings


# Colours are checked on a render without labels, which would otherwise cover the points checked;
# the labelled render is the picture to look at.
picture, _ = render(True)
picture.save(png_path)
image, settings = render(False)
to_pixel = settings.mapToPixel()
pixel_size = settings.mapUnitsPerPixel()


def pixel_at(point):
    p = to_pixel.transform(QgsPointXY(point))
    return round(p.x()), round(p.y())


def best_colour(point, want, reach):
    """The colour nearest `want` within `reach` pixels of the point: lines are a few pixels wide."""
    x0, y0 = pixel_at(point)
    best = None
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = QColor(image.pixel(x0 + dx, y0 + dy))
            d = sum(abs(a - b) for a, b in zip(c.getRgb()[:3], QColor(want).getRgb()[:3]))
            if best is None or d < best[0]:
                best = (d, c.name())
    return best[1]


def check(name, point, want, reach=0):
    x, y = pixel_at(point)
    if not (0 <= x < image.width() and 0 <= y < image.height()):
        fail(f'{name}: point {point.x():.3f},{point.y():.3f} is outside the picture')
        return
    got = best_colour(point, want, reach)
    if not close(got, want):
        fail(f'{name}: pixel {x},{y} ({point.x():.3f},{point.y():.3f}) is {got}, expected {want}')


line_geometries = [f.geometry() for f in layers['transit-flows'].getFeatures()]
clear_of_lines = None
for g in line_geometries:
    # Clear of the lines, their casings and arrowheads.
    buffered = g.buffer(pixel_size * 20, 4)
    clear_of_lines = buffered if clear_of_lines is None else clear_of_lines.combine(buffered)
view = settings.visibleExtent()


def interior(layer_id, key, value):
    """A point inside the area, in view, and clear of the flows drawn over it."""
    for feature in layers[layer_id].getFeatures():
        if feature[key] == value:
            area = feature.geometry().intersection(QgsGeometry.fromRect(view)).difference(clear_of_lines)
            return area.poleOfInaccessibility(pixel_size)[0].asPoint()
    fail(f'{layer_id}: no feature with {key} = {value}')
    return None


areas = expected['areas']
for name, layer_id, key, value in (
    ('inside Alta Verapaz', 'alta-verapaz', 'iso_3166_2', 'GT-AV'),
    ('inside Mexico', 'militarised-policing', 'iso_a3', 'MEX'),
    ('inside Honduras', 'militarised-policing', 'iso_a3', 'HND'),
):
    point = interior(layer_id, key, value)
    if point:
        check(name, point, areas[layer_id]['fill'])

for feature in layers['transit-flows'].getFeatures():
    kind = feature['flow_type']
    vertices = [QgsPointXY(v) for v in feature.geometry().vertices() if view.contains(QgsPointXY(v))]
    if not vertices:
        continue
    middle = vertices[len(vertices) // 2]
    # A dashed line may have a gap at the vertex: look a dash's length round it.
    check(f'on the {kind} line {feature["name"]}', middle, expected['flows'][kind], 1 if kind == 'route' else 4)

if failures:
    print(f'{len(failures)} QGIS style check(s) failed; the picture is {png_path}')
    sys.exit(1)
print(f'QGIS {__import__("qgis.core").core.Qgis.QGIS_VERSION}: all style checks passed; the picture is {png_path}')
