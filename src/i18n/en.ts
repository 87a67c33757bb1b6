/**
 * Every word of the interface in English: the fallback, and the shape every other language must
 * fill (`Messages`, below; a missing or extra key fails `npm run typecheck`). Words that depend on a
 * number or a name are functions; dates are written by `Intl` (./dates.ts), not here.
 */
export const en = {
  /** BCP 47: `<html lang>`, and the locale `Intl` formats dates in. */
  lang: 'en',
  locale: 'en-GB',
  /** The language's own name, for the switch. */
  name: 'English',
  page: {
    title: 'Cocaine transit routes through Guatemala — map of a BBC News report (15 January 2012)',
    heading: 'Cocaine transit through Guatemala, as reported by BBC News on 15 January 2012',
    description:
      'Offline map of the drug-trafficking transit routes, Alta Verapaz and militarised policing described in a BBC News report of 15 January 2012.',
    map: 'Map of the transit corridor from Colombia to the United States',
    panel: 'Text and downloads',
    language: 'Language',
    couldNotStart: (reason: string) => `The map could not start: ${reason}`,
    mapError: 'Unknown map error',
    /** Code loaded on demand that did not come (offline, or a new version deployed meanwhile). */
    partFailed: (reason: string) => `That could not be loaded (${reason}); reload the page to try again.`,
  },
  layers: {
    'transit-flows': {
      name: 'Transit flows',
      description:
        'Cocaine route Colombia → Guatemala → Mexico → US, and the Zetas moving into Guatemala (schematic)',
    },
    'alta-verapaz': {
      name: 'Alta Verapaz',
      description: 'Province placed under army special powers; police "totally infiltrated by the Zetas"',
    },
    'militarised-policing': {
      name: 'Militarised policing',
      description: 'Countries the report says use their military against drug gangs, with the start date',
    },
  },
  /** The words before a popup's dates (the registry's popupDates). */
  dateLabels: { from: 'From', until: 'Until', since: 'Since' },
  dates: {
    about: (text: string) => `about ${text}`,
    aboutWithin: (text: string, days: number) => `about ${text} (within ${days} days either way)`,
    /** A whole day as a sentence names it: "since 19 December 2010" (Spanish: "desde el 19 de…"). */
    theDay: (text: string) => text,
    someDayIn: (text: string) => `some day in ${text}`,
    circa: (text: string) => `c. ${text}`,
    precision: { day: 'to the day', month: 'to the month', year: 'to the year' },
    qualifier: { approximate: 'approximate', inferred: 'inferred' },
  },
  state: {
    undated: 'Undated: shown at every date, as the report gives it no date',
    notYet: (on: string, start: string) => `Not yet in force on ${on}: from ${start}`,
    uncertainStart: (on: string, start: string) => `Date uncertain on ${on}: it began ${start}`,
    uncertainEnd: (on: string, end: string) => `Date uncertain on ${on}: it ended ${end}`,
    inForce: (on: string, start: string) => `In force on ${on}, since ${start}`,
    ended: (on: string, end: string) => `Ended ${end}: no longer in force on ${on}`,
    words: {
      undated: 'undated',
      'not-yet': 'not yet in force',
      uncertain: 'date uncertain',
      'in-force': 'in force',
      ended: 'ended',
    },
    changed: (name: string, state: string) => `${name}: ${state}.`,
    noChange: 'No change on the map.',
  },
  popup: {
    inReport: 'In the report',
    source: (source: string) => `Source: ${source}`,
    notRecorded: 'source not recorded',
    unnamed: 'Unnamed feature',
    schematic: 'Schematic route: not an actual path.',
    quote: (phrase: string) => `“${phrase}”`,
  },
  legend: {
    title: 'Layers',
    /** After the title, what a tap on the folded or open legend does. */
    show: 'show',
    hide: 'hide',
    timeTitle: "Areas on the timeline's date",
    inForce: 'in force',
    uncertain: 'date uncertain',
    ended: 'ended, with dates',
    notYet: 'not yet: hidden',
    undatedNote: 'Transit flows are undated: shown at every date.',
  },
  /** The reader's own files beside the report (src/ui/your-data.ts); the readers' rules are src/your-data/rules.ts. */
  yourData: {
    title: 'Your data',
    add: 'Add your data…',
    formats: 'GeoJSON, CSV, TSV, KML, KMZ, GPX or zipped Shapefile',
    drop: 'Drop your files to add them to the map',
    /** Where the files are kept, in a line; how to clear them folds under it. */
    keptShort: 'Read and kept in this browser only, never uploaded.',
    kept: 'They stay in this browser’s data for this site. Remove takes a file away; clearing this site’s data in the browser’s settings removes them all.',
    reading: (count: number) => (count === 1 ? 'Reading 1 file…' : `Reading ${count} files…`),
    progress: (file: string, stage: 'reading' | 'parsing', percent: number) =>
      `${stage === 'reading' ? 'Reading' : 'Parsing'} ${file}: ${percent}%`,
    cancel: 'Cancel',
    cancelled: 'Cancelled: nothing was added, and the map is as it was.',
    features: (count: string, one: boolean) => (one ? `${count} feature` : `${count} features`),
    added: (file: string, features: string) => `Added ${file}: ${features}.`,
    removed: (file: string) => `Removed ${file}.`,
    downloadAs: 'Download as',
    downloadLabel: (file: string, format: string) => `Download ${file} as ${format}`,
    remove: 'Remove',
    removeLabel: (file: string) => `Remove ${file}`,
    credit: (files: string) => `Your data: ${files}`,
    popupTitle: (file: string) => `Your data: ${file}`,
    property: 'Property',
    value: 'Value',
    textListIntro: 'Files you added: on this map only, never part of the report.',
    notAnswered: (file: string) => `${file}: not added, as the question was closed unanswered.`,
    failed: (reason: string) => `Your files could not be read: ${reason}`,
    link: 'A link cannot carry your own files: whoever opens it sees the report alone.',
    colourBy: {
      label: 'Colour by',
      /** The select's name to a screen reader, which hears it apart from the file's name. */
      labelFor: (file: string) => `Colour by (${file})`,
      /** The select's first choice: the file's own colour(s), by no column. */
      none: 'no column',
      key: (column: string) => `Colours by ${column}`,
      other: 'other',
      noValue: 'no value',
      between: (low: string, high: string) => `${low} – ${high}`,
    },
    encoding: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 with a byte-order mark',
      'windows-1252': 'Windows-1252',
    },
    readAs: (encoding: string) => `Read as ${encoding}.`,
    coordinates: {
      title: (file: string) => `Where are the coordinates in ${file}?`,
      intro:
        'No column has a name the map knows as latitude or longitude. Choose the columns that hold them, in decimal degrees.',
      latitude: 'Latitude (y)',
      longitude: 'Longitude (x)',
    },
    swap: {
      title: (file: string) => `Swap latitude and longitude in ${file}?`,
      intro: (latitude: string, longitude: string, rows: number) =>
        `${rows === 1 ? '1 row lies' : `${rows} rows lie`} beyond the world as “${latitude}” and “${longitude}” are read, and every one would fit with the two swapped.`,
      southOf60: (latitude: string, longitude: string, rows: number) =>
        `${rows === 1 ? 'The row lies' : `All ${rows} rows lie`} south of 60°S, in Antarctica or the Southern Ocean, as “${latitude}” and “${longitude}” are read; with the two swapped, ${rows === 1 ? 'it lies' : 'they lie'} between 60°W and 90°W, in the Americas.`,
      positions: (why: 'beyond-world' | 'south-of-60', count: number, unit: 'features' | 'lines') => {
        const what = count === 1 ? `1 ${unit.slice(0, -1)}` : `${count} ${unit}`;
        return why === 'beyond-world'
          ? `${what} ${count === 1 ? 'lies' : 'lie'} beyond the world as the file’s positions are read, longitude first as GeoJSON orders them, and every one would fit with latitude and longitude swapped.`
          : `${count === 1 ? `The ${unit.slice(0, -1)} lies` : `All ${what} lie`} south of 60°S, in Antarctica or the Southern Ocean, as the file’s positions are read, longitude first as GeoJSON orders them; with latitude and longitude swapped, ${count === 1 ? 'it lies' : 'they lie'} between 60°W and 90°W, in the Americas.`;
      },
      yes: 'Swap them',
    },
    dateOrder: {
      title: (file: string) => `How are the dates written in ${file}?`,
      intro: (column: string, examples: string) => `The column “${column}” has dates such as ${examples}.`,
      dayFirst: 'Day first: 04/03/2011 is 4 March 2011',
      monthFirst: 'Month first: 04/03/2011 is 3 April 2011',
    },
    read: 'Read the file',
    close: 'Close',
    /** "3 of 120 rows had no coordinates: rows 7, 19, 44". */
    skipped: (
      count: string,
      of: string,
      unit: 'rows' | 'features' | 'lines',
      what: string,
      numbers: string,
      one: boolean,
    ) => `${count} of ${of} ${unit} ${what}: ${one ? unit.slice(0, -1) : unit} ${numbers}`,
    at: (line: number, column?: number) => (column ? `line ${line}, column ${column}: ` : `line ${line}: `),
    rules: {
      empty: 'the file is empty',
      'too-large': 'the file is over 200 MB, more than the map can hold: refused unread',
      binary: 'this is not a text file the map can read',
      unknown:
        'the map reads GeoJSON, newline-delimited GeoJSON, CSV, TSV, KML, KMZ, GPX and zipped Shapefile',
      json: 'this is not valid JSON',
      geojson: 'this JSON is not GeoJSON',
      'no-features': 'the file holds no features with a location',
      xml: 'this is not well-formed XML',
      'xml-doctype': 'the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread',
      'zip-size': 'the archive inflates past 200 MB: refused',
      'zip-ratio': 'the archive inflates past 100 times its own size: refused',
      'zip-entries': 'the archive holds more than 1,000 files: refused',
      'zip-no-layer': 'the archive holds no .kml or .shp file',
      zip: 'this is not a readable zip archive',
      shapefile: 'this Shapefile cannot be read',
      failed: 'the file could not be read',
      'no-coordinates': 'had no coordinates',
      'no-geometry': 'had no geometry',
      'not-json': 'were not JSON',
      'out-of-range': 'had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?)',
      'bad-date': 'had a date that does not read as a date, and are drawn undated',
      large: 'the file is over 25 MB: it may take a while to read, and the map may be slow with it',
      'too-many': 'the file holds more than 2,000,000 features, more than the map can draw: refused',
      many: 'the file holds more than 250,000 features: the map may be slow with them',
      'no-projection': 'the file names a coordinate system the map cannot convert to longitude and latitude',
      'south-of-60':
        'every point lies south of 60°S, in Antarctica or the Southern Ocean: are latitude and longitude swapped?',
    },
  },
  textList: {
    title: 'Everything on the map, as text',
    hidden: ' (hidden on the map)',
    details: 'Dates and quotes',
  },
  timeline: {
    label: 'Timeline of the report',
    date: 'Date on the map',
    previous: 'Previous event',
    next: 'Next event',
    play: 'Play the story',
    pause: 'Pause',
    captionTitle: "The report's story, step by step",
    before: (when: string) => `Before the first event the report dates${when}.`,
    reportSays: (phrase: string) => `; the report says “${phrase}”`,
    notInReport: 'The report does not tell this; it is dated from its source.',
    dateSource: (source: string) => `Date: ${source}`,
    ended: (name: string) => `${name}: ended`,
  },
  exportMenu: {
    title: 'Download data',
    /** The menu's button where the map's controls share one row. */
    short: 'Data',
    format: { geojson: 'GeoJSON', kml: 'KML', csv: 'CSV', qml: 'QGIS style', sld: 'SLD' },
    layerFile: (layer: string, format: string, file: string) => `Download ${layer} as ${format} (${file})`,
    geoPackage: 'GeoPackage: all layers, styled',
    geoPackageLabel: (file: string) =>
      `Download all layers as a GeoPackage styled for QGIS (${file}); always the whole map`,
    zip: 'Everything (.zip)',
    zipLabel: (file: string) =>
      `Download every file in one zip (${file}): each layer in every format, the GeoPackage and a README`,
    inView: ' Only features in the current view (whole features that touch it, not clipped)',
    onlyVisible: ' Zip: only the layers shown on the map',
    asOfDate: " As of the map's date: only what is in force or uncertain then, and the undated routes",
    note: 'WGS 84. GeoJSON and GeoPackage for QGIS, ArcGIS or GDAL; KML for Google Earth; CSV (geometry as WKT) for spreadsheets. The QGIS style and SLD colour a layer as on this map. Quotes and sources included; README.txt in the zip.',
    inThisView: 'in this view',
    onDay: (day: string) => `on ${day}`,
    noFeature: (layer: string, where: string) => `No ${layer} feature ${where}; nothing was downloaded.`,
    noFeatureAny: (where: string) => `No feature of any layer asked for ${where}; nothing was downloaded.`,
    leftOut: (where: string, names: string) => `Left out, with no feature ${where}: ${names}.`,
    geoPackageHttp: (status: number) => `The GeoPackage could not be fetched (HTTP ${status}).`,
    geoPackageOffline: 'The GeoPackage could not be fetched: is the network down?',
    zipHoldsRest: 'The zip holds the rest.',
    geoPackageLeftOut: 'The GeoPackage, which holds the whole map, is left out.',
  },
  share: {
    title: 'Save image · Embed · Cite',
    short: 'Share',
    png: 'Save image (PNG)',
    pngLabel: 'Save image of this view as PNG',
    svg: 'Save vector image (SVG)',
    svgLabel: 'Save image of this view as SVG, to edit',
    saving: 'Saving the picture…',
    failed: (reason: string) => `The picture could not be saved: ${reason}`,
    embed: 'Embed this view',
    embedCode: 'Embed code for this view',
    copyEmbed: 'Copy embed code',
    note: 'Pictures carry the title, the date, the legend, the credits and the link to this view.',
    embedTitle: 'Map: cocaine transit through Guatemala, as reported by BBC News on 15 January 2012',
    fullMap: 'View the full map ↗',
  },
  copy: {
    copied: 'Copied.',
    select: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
  },
  cite: {
    cite: 'Cite',
    citeMap: 'Cite this map',
    citeNamed: (label: string, title: string) => `${label} ${title}`,
    title: (name: string) => `Cite “${name}”`,
    accessed: (day: string) => `Accessed today, ${day}. `,
    featureLink: 'The link opens this feature on the map.',
    mapLink: 'The link opens the map.',
    forms: { text: 'Text', bibtex: 'BibTeX', csl: 'CSL-JSON' },
    what: { text: 'the citation', bibtex: 'the BibTeX', csl: 'the CSL-JSON' },
    copy: 'Copy',
    copyNamed: (name: string) => `Copy ${name}`,
    copied: (what: string) => `Copied ${what}.`,
    close: 'Close',
    /** Shown while a reader's file is on the map: the citation is of the map and the report alone. */
    yourData: 'Your own files are not part of this citation, which cites the map and the report only.',
  },
  /** The words of a citation around the names (src/data/cite.ts); the map's title stays as it is. */
  citation: {
    version: (v: string) => `version ${v}`,
    Version: (v: string) => `Version ${v}`,
    accessed: (day: string) => `Accessed ${day}`,
    source: (source: string) => `Source: ${source}`,
    attributedTo: (who: string) => `; attributed to ${who}`,
    in: 'In',
    schematic: '. Schematic: the report names countries, not paths; the line is not an actual route',
    featureTitle: (title: string, id: string, layer: string) => `${title} (feature ${id}, ${layer} layer)`,
    featureOf: (title: string, id: string, layer: string) =>
      `“${title}”, feature ${id} of the ${layer} layer`,
  },
  firstView: {
    alt: 'Picture of the map while it loads: countries from Colombia to the southern United States, the schematic cocaine route through Guatemala and Mexico, the Zetas moving from Mexico into Guatemala, Alta Verapaz outlined, and Mexico, Guatemala and Honduras tinted for their militarised policing. Its names come with the map.',
    note: 'A picture of the map: the interactive map is loading.',
  },
  withoutMap: {
    message:
      'The interactive map needs WebGL 2, which this browser does not provide. Below are the map as a picture and everything it shows as text, and the downloads work.',
    caption: 'The map as a picture (the interactive map needs WebGL 2).',
    alt: 'Map of the report at its date, 15 January 2012: the schematic cocaine route from Colombia through Guatemala and Mexico to the United States, the Zetas moving from Mexico into Guatemala, Mexico, Guatemala and Honduras tinted for their militarised policing, and Alta Verapaz outlined, its army special powers dated 19 December 2010 to 18 February 2011. Credits: BBC News, Natural Earth, GeoNames.',
  },
  load: {
    notGeoJson: 'not a GeoJSON FeatureCollection',
    layer: (layer: string, reason: string) =>
      `Could not load the ${layer} layer (${reason}); the rest of the map still works.`,
    basemap: (file: string, reason: string) =>
      `Could not load the basemap's ${file} file (${reason}); the report's layers still show.`,
  },
  print: { alt: 'The map as shown on screen' },
  /** A count's noun by Intl.PluralRules' category (`count`, in index.ts). */
  nouns: { feature: { one: 'feature', other: 'features' } },
  /** The line a returning reader sees when a new version is ready (src/files/offline.ts). */
  update: { ready: 'A new version is ready.', reload: 'Reload', later: 'Not now' },
  /** The frame of a picture of the map (PNG, SVG): its title is the page's heading. */
  picture: {
    asOf: (day: string) => `As of ${day}`,
    creditReport: 'Report: BBC News, 15 January 2012',
    creditBoundaries: 'Boundaries: Natural Earth (public domain)',
    creditPlaces: 'Places: GeoNames (CC BY 4.0)',
    schematic: 'Routes are schematic: the report names countries, not paths.',
  },
  /** The map's credits line; the names and links are the sources' own. */
  credits: { report: 'Report: BBC News, 15 January 2012', publicDomain: 'public domain', places: 'Places' },
  /** MapLibre's own controls (its `locale` option), as MapLibre words them in English. */
  mapControls: {
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'AttributionControl.MapFeedback': 'Map feedback',
    'FullscreenControl.Enter': 'Enter fullscreen',
    'FullscreenControl.Exit': 'Exit fullscreen',
    'LogoControl.Title': 'MapLibre logo',
    'Map.Title': 'Map',
    'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'Popup.Close': 'Close popup',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { readonly [K in keyof T]: Widen<T[K]> };

/** What every language provides: exactly the keys of the English catalogue. */
export type Messages = Widen<typeof en>;
