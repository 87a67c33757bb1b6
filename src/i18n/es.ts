import type { Messages } from './en.ts';

/**
 * La interfaz en español. The report's excerpts are never here: they stay as the BBC published them,
 * in English, marked `lang="en"` where they are shown.
 */
export const es: Messages = {
  lang: 'es',
  locale: 'es',
  name: 'Español',
  page: {
    title:
      'Rutas de tránsito de la cocaína por Guatemala — mapa de un reportaje de BBC News (15 de enero de 2012)',
    heading: 'El tránsito de la cocaína por Guatemala, según BBC News el 15 de enero de 2012',
    description:
      'Mapa sin conexión de las rutas de tránsito del narcotráfico, Alta Verapaz y la militarización de la seguridad descritas en un reportaje de BBC News del 15 de enero de 2012.',
    map: 'Mapa del corredor de tránsito de Colombia a Estados Unidos',
    panel: 'Textos y descargas',
    language: 'Idioma',
    couldNotStart: (reason) => `No se pudo iniciar el mapa: ${reason}`,
    mapError: 'Error desconocido del mapa',
    partFailed: (reason) => `No se pudo cargar (${reason}); recargue la página para volver a intentarlo.`,
  },
  layers: {
    'transit-flows': {
      name: 'Flujos de tránsito',
      description:
        'Ruta de la cocaína Colombia → Guatemala → México → EE. UU., y los Zetas entrando en Guatemala (esquemático)',
    },
    'alta-verapaz': {
      name: 'Alta Verapaz',
      description:
        'Departamento bajo poderes especiales del ejército; su policía, según el reportaje, "totally infiltrated by the Zetas"',
    },
    'militarised-policing': {
      name: 'Seguridad militarizada',
      description:
        'Países que, según el reportaje, usan a sus militares contra las bandas de narcotraficantes, con la fecha de inicio',
    },
  },
  dateLabels: { from: 'Desde', until: 'Hasta', since: 'Desde' },
  dates: {
    // A day takes the article ("hacia el 18 de febrero de 2011"); a month or a year does not.
    about: (text) => `hacia ${/^\d{1,2} /.test(text) ? 'el ' : ''}${text}`,
    aboutWithin: (text, days) => `hacia el ${text} (con ${days} días de margen)`,
    theDay: (text) => `el ${text}`,
    someDayIn: (text) => `algún día de ${text}`,
    circa: (text) => `h. ${text}`,
    precision: { day: 'al día', month: 'al mes', year: 'al año' },
    qualifier: { approximate: 'aproximada', inferred: 'deducida' },
  },
  state: {
    undated: 'Sin fecha: se muestra en todas las fechas, porque el reportaje no le da ninguna',
    notYet: (on, start) => `Aún no vigente el ${on}: desde ${start}`,
    uncertainStart: (on, start) => `Fecha incierta el ${on}: empezó ${start}`,
    uncertainEnd: (on, end) => `Fecha incierta el ${on}: terminó ${end}`,
    inForce: (on, start) => `Vigente el ${on}, desde ${start}`,
    ended: (on, end) => `Terminó ${end}: ya no vigente el ${on}`,
    words: {
      undated: 'sin fecha',
      'not-yet': 'aún no vigente',
      uncertain: 'fecha incierta',
      'in-force': 'vigente',
      ended: 'terminado',
    },
    changed: (name, state) => `${name}: ${state}.`,
    noChange: 'Ningún cambio en el mapa.',
  },
  popup: {
    inReport: 'En el reportaje',
    source: (source) => `Fuente: ${source}`,
    notRecorded: 'fuente no registrada',
    unnamed: 'Elemento sin nombre',
    schematic: 'Ruta esquemática: no es un trayecto real.',
    quote: (phrase) => `«${phrase}»`,
  },
  legend: {
    title: 'Capas',
    show: 'mostrar',
    hide: 'ocultar',
    timeTitle: 'Las áreas en la fecha de la línea de tiempo',
    inForce: 'vigente',
    uncertain: 'fecha incierta',
    ended: 'terminada, con fechas',
    notYet: 'aún no: oculta',
    undatedNote: 'Los flujos de tránsito no tienen fecha: se muestran en todas las fechas.',
  },
  yourData: {
    title: 'Tus datos',
    add: 'Añadir tus datos…',
    formats: 'GeoJSON, CSV, TSV, KML, KMZ, GPX o Shapefile comprimido',
    drop: 'Suelta tus archivos para añadirlos al mapa',
    keptShort: 'Se leen y se guardan solo en este navegador, nunca se suben.',
    kept: 'Quedan en los datos de este sitio en el navegador. Quitar retira un archivo; borrar los datos de este sitio en la configuración del navegador los retira todos.',
    reading: (count: number) => (count === 1 ? 'Leyendo 1 archivo…' : `Leyendo ${count} archivos…`),
    progress: (file: string, stage: 'reading' | 'parsing', percent: number) =>
      `${stage === 'reading' ? 'Leyendo' : 'Analizando'} ${file}: ${percent} %`,
    cancel: 'Cancelar',
    cancelled: 'Cancelado: no se añadió nada y el mapa está como estaba.',
    features: (count: string, one: boolean) => (one ? `${count} entidad` : `${count} entidades`),
    added: (file: string, features: string) => `Añadido ${file}: ${features}.`,
    removed: (file: string) => `Quitado ${file}.`,
    downloadAs: 'Descargar como',
    downloadLabel: (file: string, format: string) => `Descargar ${file} como ${format}`,
    remove: 'Quitar',
    removeLabel: (file: string) => `Quitar ${file}`,
    credit: (files: string) => `Tus datos: ${files}`,
    popupTitle: (file: string) => `Tus datos: ${file}`,
    property: 'Propiedad',
    value: 'Valor',
    textListIntro: 'Archivos que has añadido: solo en este mapa, nunca parte del reportaje.',
    notAnswered: (file: string) => `${file}: no se añadió, la pregunta se cerró sin respuesta.`,
    failed: (reason: string) => `No se pudieron leer tus archivos: ${reason}`,
    link: 'Un enlace no puede llevar tus propios archivos: quien lo abra verá solo el reportaje.',
    colourBy: {
      label: 'Colorear por',
      labelFor: (file: string) => `Colorear por (${file})`,
      none: 'ninguna columna',
      key: (column: string) => `Colores según ${column}`,
      other: 'otros',
      noValue: 'sin valor',
      between: (low: string, high: string) => `${low} – ${high}`,
    },
    encoding: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 con marca de orden de bytes',
      'windows-1252': 'Windows-1252',
    },
    readAs: (encoding: string) => `Leído como ${encoding}.`,
    coordinates: {
      title: (file: string) => `¿Dónde están las coordenadas en ${file}?`,
      intro:
        'Ninguna columna tiene un nombre que el mapa reconozca como latitud o longitud. Elige las columnas que las contienen, en grados decimales.',
      latitude: 'Latitud (y)',
      longitude: 'Longitud (x)',
    },
    swap: {
      title: (file: string) => `¿Intercambiar latitud y longitud en ${file}?`,
      intro: (latitude: string, longitude: string, rows: number) =>
        `${rows === 1 ? '1 fila queda' : `${rows} filas quedan`} fuera del mundo tal como se leen «${latitude}» y «${longitude}», y todas cabrían con las dos intercambiadas.`,
      southOf60: (latitude: string, longitude: string, rows: number) =>
        `${rows === 1 ? 'La fila queda' : `Las ${rows} filas quedan`} al sur de los 60° S, en la Antártida o el océano Austral, tal como se leen «${latitude}» y «${longitude}»; con las dos intercambiadas, ${rows === 1 ? 'queda' : 'quedan'} entre los 60° O y los 90° O, en las Américas.`,
      positions: (why: 'beyond-world' | 'south-of-60', count: number, unit: 'features' | 'lines') => {
        const what =
          unit === 'features'
            ? count === 1
              ? '1 entidad'
              : `${count} entidades`
            : count === 1
              ? '1 línea'
              : `${count} líneas`;
        return why === 'beyond-world'
          ? `${what} ${count === 1 ? 'queda' : 'quedan'} fuera del mundo tal como se leen las posiciones del archivo, primero la longitud como ordena GeoJSON, y ${count === 1 ? 'cabría' : 'todas cabrían'} con la latitud y la longitud intercambiadas.`
          : `${count === 1 ? `${what} queda` : `Las ${what} quedan`} al sur de los 60° S, en la Antártida o el océano Austral, tal como se leen las posiciones del archivo, primero la longitud como ordena GeoJSON; con la latitud y la longitud intercambiadas, ${count === 1 ? 'queda' : 'quedan'} entre los 60° O y los 90° O, en las Américas.`;
      },
      yes: 'Intercambiarlas',
    },
    dateOrder: {
      title: (file: string) => `¿Cómo están escritas las fechas en ${file}?`,
      intro: (column: string, examples: string) => `La columna «${column}» tiene fechas como ${examples}.`,
      dayFirst: 'Primero el día: 04/03/2011 es el 4 de marzo de 2011',
      monthFirst: 'Primero el mes: 04/03/2011 es el 3 de abril de 2011',
    },
    read: 'Leer el archivo',
    close: 'Cerrar',
    skipped: (
      count: string,
      of: string,
      unit: 'rows' | 'features' | 'lines',
      what: string,
      numbers: string,
      one: boolean,
    ) => {
      const words = {
        rows: ['fila', 'filas'],
        features: ['entidad', 'entidades'],
        lines: ['línea', 'líneas'],
      }[unit];
      return `${count} de ${of} ${words[1]} ${what}: ${one ? words[0] : words[1]} ${numbers}`;
    },
    at: (line: number, column?: number) =>
      column ? `línea ${line}, columna ${column}: ` : `línea ${line}: `,
    rules: {
      empty: 'el archivo está vacío',
      'too-large': 'el archivo supera los 200 MB, más de lo que el mapa puede contener: rechazado sin leer',
      binary: 'no es un archivo de texto que el mapa pueda leer',
      unknown:
        'el mapa lee GeoJSON, GeoJSON delimitado por líneas, CSV, TSV, KML, KMZ, GPX y Shapefile comprimido',
      json: 'no es un JSON válido',
      geojson: 'este JSON no es GeoJSON',
      'no-features': 'el archivo no contiene entidades con ubicación',
      xml: 'no es un XML bien formado',
      'xml-doctype':
        'el XML declara un DOCTYPE o entidades, que KML y GPX nunca necesitan: rechazado sin leer',
      'zip-size': 'el archivo comprimido se expande más allá de 200 MB: rechazado',
      'zip-ratio': 'el archivo comprimido se expande más de 100 veces su tamaño: rechazado',
      'zip-entries': 'el archivo comprimido contiene más de 1000 archivos: rechazado',
      'zip-no-layer': 'el archivo comprimido no contiene ningún archivo .kml ni .shp',
      zip: 'no es un archivo zip legible',
      shapefile: 'este Shapefile no se puede leer',
      failed: 'no se pudo leer el archivo',
      'no-coordinates': 'no tenían coordenadas',
      'no-geometry': 'no tenían geometría',
      'not-json': 'no eran JSON',
      'out-of-range':
        'tenían coordenadas fuera de ±90 de latitud o ±180 de longitud (¿proyectadas o invertidas?)',
      'bad-date': 'tenían una fecha que no se lee como fecha, y se dibujan sin fecha',
      large: 'el archivo supera los 25 MB: puede tardar en leerse y el mapa puede ir lento con él',
      'too-many':
        'el archivo contiene más de 2.000.000 de entidades, más de las que el mapa puede dibujar: rechazado',
      many: 'el archivo contiene más de 250.000 entidades: el mapa puede ir lento con ellas',
      'no-projection':
        'el archivo nombra un sistema de coordenadas que el mapa no sabe convertir a longitud y latitud',
      'south-of-60':
        'todos los puntos quedan al sur de los 60° S, en la Antártida o el océano Austral: ¿están invertidas la latitud y la longitud?',
    },
  },
  textList: {
    title: 'Todo lo del mapa, en texto',
    hidden: ' (oculta en el mapa)',
    details: 'Fechas y citas',
  },
  timeline: {
    label: 'Línea de tiempo del reportaje',
    date: 'Fecha en el mapa',
    previous: 'Hecho anterior',
    next: 'Hecho siguiente',
    play: 'Reproducir la historia',
    pause: 'Pausa',
    captionTitle: 'La historia del reportaje, paso a paso',
    before: (when) => `Antes del primer hecho que fecha el reportaje${when}.`,
    reportSays: (phrase) => `; el reportaje dice «${phrase}»`,
    notInReport: 'El reportaje no cuenta esto; la fecha viene de su fuente.',
    dateSource: (source) => `Fecha: ${source}`,
    ended: (name) => `${name}: terminado`,
  },
  exportMenu: {
    title: 'Descargar datos',
    short: 'Datos',
    format: { geojson: 'GeoJSON', kml: 'KML', csv: 'CSV', qml: 'Estilo QGIS', sld: 'SLD' },
    layerFile: (layer, format, file) => `Descargar ${layer} como ${format} (${file})`,
    geoPackage: 'GeoPackage: todas las capas, con estilo',
    geoPackageLabel: (file) =>
      `Descargar todas las capas como GeoPackage con estilo para QGIS (${file}); siempre el mapa entero`,
    zip: 'Todo (.zip)',
    zipLabel: (file) =>
      `Descargar todos los archivos en un zip (${file}): cada capa en cada formato, el GeoPackage y un LÉAME`,
    inView: ' Solo los elementos de la vista actual (enteros si la tocan, sin recortar)',
    onlyVisible: ' Zip: solo las capas visibles en el mapa',
    asOfDate: ' En la fecha del mapa: solo lo vigente o incierto entonces, y las rutas sin fecha',
    note: 'WGS 84. GeoJSON y GeoPackage para QGIS, ArcGIS o GDAL; KML para Google Earth; CSV (geometría en WKT) para hojas de cálculo. El estilo QGIS y el SLD colorean la capa como este mapa. Con citas y fuentes; README.txt en el zip.',
    inThisView: 'en esta vista',
    onDay: (day) => `el ${day}`,
    noFeature: (layer, where) => `Ningún elemento de ${layer} ${where}; no se descargó nada.`,
    noFeatureAny: (where) => `Ningún elemento de las capas pedidas ${where}; no se descargó nada.`,
    leftOut: (where, names) => `Quedan fuera, sin elementos ${where}: ${names}.`,
    geoPackageHttp: (status) => `No se pudo obtener el GeoPackage (HTTP ${status}).`,
    geoPackageOffline: 'No se pudo obtener el GeoPackage: ¿no hay conexión?',
    zipHoldsRest: 'El zip lleva el resto.',
    geoPackageLeftOut: 'El GeoPackage, que lleva el mapa entero, queda fuera.',
  },
  share: {
    title: 'Guardar imagen · Insertar · Citar',
    short: 'Compartir',
    png: 'Guardar imagen (PNG)',
    pngLabel: 'Guardar una imagen de esta vista en PNG',
    svg: 'Guardar imagen vectorial (SVG)',
    svgLabel: 'Guardar una imagen de esta vista en SVG, para editarla',
    saving: 'Guardando la imagen…',
    failed: (reason) => `No se pudo guardar la imagen: ${reason}`,
    embed: 'Insertar esta vista',
    embedCode: 'Código para insertar esta vista',
    copyEmbed: 'Copiar el código',
    note: 'Las imágenes llevan el título, la fecha, la leyenda, los créditos y el enlace a esta vista.',
    embedTitle: 'Mapa: el tránsito de la cocaína por Guatemala, según BBC News el 15 de enero de 2012',
    fullMap: 'Ver el mapa completo ↗',
  },
  copy: {
    copied: 'Copiado.',
    select: 'Seleccionado: pulse Ctrl+C (⌘C en un Mac) para copiar.',
  },
  cite: {
    cite: 'Citar',
    citeMap: 'Citar este mapa',
    citeNamed: (label, title) => `${label} ${title}`,
    title: (name) => `Citar «${name}»`,
    accessed: (day) => `Consultado hoy, ${day}. `,
    featureLink: 'El enlace abre este elemento en el mapa.',
    mapLink: 'El enlace abre el mapa.',
    forms: { text: 'Texto', bibtex: 'BibTeX', csl: 'CSL-JSON' },
    what: { text: 'la cita', bibtex: 'el BibTeX', csl: 'el CSL-JSON' },
    copy: 'Copiar',
    copyNamed: (name) => `Copiar ${name}`,
    copied: (what) => `Copiado ${what}.`,
    close: 'Cerrar',
    yourData: 'Tus propios archivos no forman parte de esta cita, que cita solo el mapa y el reportaje.',
  },
  citation: {
    version: (v) => `versión ${v}`,
    Version: (v) => `Versión ${v}`,
    accessed: (day) => `Consultado el ${day}`,
    source: (source) => `Fuente: ${source}`,
    attributedTo: (who) => `; atribuido a ${who}`,
    in: 'En',
    schematic: '. Esquemático: el reportaje nombra países, no trayectos; la línea no es una ruta real',
    featureTitle: (title, id, layer) => `${title} (elemento ${id}, capa ${layer})`,
    featureOf: (title, id, layer) => `«${title}», elemento ${id} de la capa ${layer}`,
  },
  firstView: {
    alt: 'Imagen del mapa mientras carga: los países de Colombia al sur de Estados Unidos, la ruta esquemática de la cocaína por Guatemala y México, los Zetas entrando desde México en Guatemala, Alta Verapaz resaltada, y México, Guatemala y Honduras coloreados por su seguridad militarizada. Los nombres llegan con el mapa.',
    note: 'Una imagen del mapa: el mapa interactivo está cargando.',
  },
  withoutMap: {
    message:
      'El mapa interactivo necesita WebGL 2, que este navegador no ofrece. Abajo están el mapa como imagen y todo lo que muestra en texto, y las descargas funcionan.',
    caption: 'El mapa como imagen (el mapa interactivo necesita WebGL 2).',
    alt: 'Mapa del reportaje en su fecha, 15 de enero de 2012: la ruta esquemática de la cocaína de Colombia por Guatemala y México a Estados Unidos, los Zetas entrando desde México en Guatemala, México, Guatemala y Honduras coloreados por su seguridad militarizada, y Alta Verapaz resaltada, con sus poderes especiales del ejército del 19 de diciembre de 2010 al 18 de febrero de 2011. Créditos: BBC News, Natural Earth, GeoNames.',
  },
  load: {
    notGeoJson: 'no es una FeatureCollection de GeoJSON',
    layer: (layer, reason) => `No se pudo cargar la capa ${layer} (${reason}); el resto del mapa funciona.`,
    basemap: (file, reason) =>
      `No se pudo cargar el archivo ${file} del mapa base (${reason}); las capas del reportaje se ven.`,
  },
  print: { alt: 'El mapa tal como se ve en pantalla' },
  nouns: { feature: { one: 'elemento', other: 'elementos' } },
  update: { ready: 'Hay una versión nueva.', reload: 'Recargar', later: 'Ahora no' },
  picture: {
    asOf: (day) => `Situación al ${day}`,
    creditReport: 'Reportaje: BBC News, 15 de enero de 2012',
    creditBoundaries: 'Fronteras: Natural Earth (dominio público)',
    creditPlaces: 'Lugares: GeoNames (CC BY 4.0)',
    schematic: 'Las rutas son esquemáticas: el reportaje nombra países, no trayectos.',
  },
  credits: {
    report: 'Reportaje: BBC News, 15 de enero de 2012',
    publicDomain: 'dominio público',
    places: 'Lugares',
  },
  mapControls: {
    'AttributionControl.ToggleAttribution': 'Mostrar u ocultar los créditos',
    'AttributionControl.MapFeedback': 'Comentarios sobre el mapa',
    'FullscreenControl.Enter': 'Pantalla completa',
    'FullscreenControl.Exit': 'Salir de pantalla completa',
    'LogoControl.Title': 'Logotipo de MapLibre',
    'Map.Title': 'Mapa',
    'NavigationControl.ResetBearing': 'Arrastre para girar el mapa; haga clic para orientarlo al norte',
    'NavigationControl.ZoomIn': 'Acercar',
    'NavigationControl.ZoomOut': 'Alejar',
    'Popup.Close': 'Cerrar la ventana',
  },
};
