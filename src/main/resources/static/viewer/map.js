/* The MapLibre map: the style over the service's vector tiles, the filters that follow the layer toggles. */
import { viewer, state, emit } from './state.js';
import { ORIGIN, recordError } from './util.js';
import {
  COUNTRY_COLOURS, COUNTRY_OTHER, KIND_COLOURS, MAP_STYLES, STATUS_STYLES, ROUTE_STATUSES, CHECKPOINT_KINDS,
  EVENT_COLOUR, DIFF_COLOUR, EXCLAVE_COLOUR, regimeExpression, hatchImage
} from './palette.js';

export const REGION = [[42.5, 37.0], [51.0, 42.5]];

export const VIA_GROUPS = [
  { key: 'ARM', label: 'via Armenia' },
  { key: 'IRN', label: 'via Iran' },
  { key: 'AZE', label: 'via Azerbaijan (Nakhchivan)' },
  { key: 'none', label: 'no third state' }
];

export const ROUTE_LAYERS = STATUS_STYLES.map(function (s) { return 'routes-' + s.key; });
/** What a click may find, in the order a reader most likely means: points, lines, areas. */
export const CLICKABLE = ['checkpoints', 'events-point'].concat(ROUTE_LAYERS,
  ['events-line', 'boundary-lines', 'diff-fill', 'disputed-fill', 'events-fill']);

export function isOn(key) { return state.off.indexOf(key) < 0; }

/**
 * Tiles of some collections on the chosen day (none = today) and, for routes and checkpoints, scenario, at the data
 * version the viewer knows (v): tiles of one version are cached for good, and after this tab writes (a newer
 * version) they are new URLs, so an edit shows at once.
 */
export function tileUrl(collections, withScenario) {
  return ORIGIN + '/tiles/WebMercatorQuad/{z}/{y}/{x}?collections=' + collections.join(',')
    + (viewer.dataVersion ? '&v=' + viewer.dataVersion : '')
    + (withScenario ? '&scenario=' + encodeURIComponent(state.scenario) : '')
    + (state.date ? '&datetime=' + state.date : '');
}

const SOURCES = {
  base: [['countries', 'boundary-lines', 'disputed-areas'], false],
  transport: [['routes', 'checkpoints'], true],
  events: [['events'], false]
};

/** Points every vector source at the tiles of the current scenario and day. */
export function refreshTiles() {
  const map = viewer.map;
  if (!map) { return; }
  Object.keys(SOURCES).forEach(function (id) {
    const url = tileUrl(SOURCES[id][0], SOURCES[id][1]);
    const src = map.getSource(id);
    if (src && src.tiles[0] !== url) { src.setTiles([url]); }
  });
}

function flatPairs(obj) {
  const out = [];
  Object.keys(obj).forEach(function (k) { out.push(k, obj[k]); });
  return out;
}

export function mapStyle(mapId) {
  const i = viewer.data.maps.map(function (m) { return m.id; }).indexOf(mapId);
  return MAP_STYLES[(i < 0 ? 0 : i) % MAP_STYLES.length];
}

export function boundaryColourExpression() {
  const ids = viewer.data.maps.map(function (m) { return m.id; });
  if (!ids.length) { return MAP_STYLES[0].colour; }
  const m = ['match', ['get', 'map_id']];
  ids.forEach(function (id) { m.push(id, mapStyle(id).colour); });
  m.push('#555555');
  return m;
}

function style() {
  const routeLayers = STATUS_STYLES.map(function (s) {
    const paint = { 'line-color': regimeExpression(), 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 5] };
    if (s.dash) { paint['line-dasharray'] = s.dash; }
    return { id: 'routes-' + s.key, type: 'line', source: 'transport', 'source-layer': 'routes', paint: paint,
      layout: { 'line-cap': s.key === 'dot' ? 'round' : 'butt', 'line-join': 'round' } };
  });
  const src = function (id) {
    return { type: 'vector', tiles: [tileUrl(SOURCES[id][0], SOURCES[id][1])], minzoom: 0, maxzoom: 14 };
  };
  const base = src('base');
  base.attribution = '© OpenStreetMap contributors (ODbL) · corridor-gis';
  return {
    version: 8,
    sources: { base: base, transport: src('transport'), events: src('events'),
      diff: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      exclaves: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dbe7ef' } },
      { id: 'countries-fill', type: 'fill', source: 'base', 'source-layer': 'countries',
        paint: { 'fill-color': ['match', ['get', 'iso3']].concat(flatPairs(COUNTRY_COLOURS), [COUNTRY_OTHER]), 'fill-opacity': 1 } },
      { id: 'countries-line', type: 'line', source: 'base', 'source-layer': 'countries',
        paint: { 'line-color': '#8a97a3', 'line-width': 0.8 } },
      { id: 'disputed-fill', type: 'fill', source: 'base', 'source-layer': 'disputed-areas',
        paint: { 'fill-color': ['match', ['get', 'kind']].concat(flatPairs(KIND_COLOURS), ['#7a6470']), 'fill-opacity': 0.6 } },
      { id: 'disputed-hatch', type: 'fill', source: 'base', 'source-layer': 'disputed-areas',
        filter: ['==', ['get', 'accuracy'], 'schematic'], paint: { 'fill-pattern': 'hatch' } },
      { id: 'disputed-line', type: 'line', source: 'base', 'source-layer': 'disputed-areas',
        paint: { 'line-color': ['match', ['get', 'kind']].concat(flatPairs(KIND_COLOURS), ['#7a6470']), 'line-width': 1.2 } },
      { id: 'diff-fill', type: 'fill', source: 'diff', paint: { 'fill-color': DIFF_COLOUR, 'fill-opacity': 0.45 } },
      { id: 'diff-line', type: 'line', source: 'diff', paint: { 'line-color': '#1f5f55', 'line-width': 1.5 } },
      // a schematic outline (Karki's disc of its cited area) is dotted, a drawn one dashed
      { id: 'exclaves-line', type: 'line', source: 'exclaves', filter: ['!=', ['get', 'accuracy'], 'schematic'],
        paint: { 'line-color': EXCLAVE_COLOUR, 'line-width': 2, 'line-dasharray': [3, 2] } },
      { id: 'exclaves-schematic-line', type: 'line', source: 'exclaves', filter: ['==', ['get', 'accuracy'], 'schematic'],
        paint: { 'line-color': EXCLAVE_COLOUR, 'line-width': 2, 'line-dasharray': [0.5, 2] } },
      { id: 'boundary-lines', type: 'line', source: 'base', 'source-layer': 'boundary-lines',
        paint: { 'line-color': boundaryColourExpression(), 'line-width': ['case', ['==', ['get', 'agreed'], true], 4, 2.5],
          'line-opacity': 0.95 },
        layout: { 'line-join': 'round' } },
      { id: 'routes-highlight', type: 'line', source: 'transport', 'source-layer': 'routes',
        paint: { 'line-color': '#9b9b9b', 'line-width': 14, 'line-opacity': 0.45 }, filter: ['in', ['get', 'id'], ['literal', []]],
        layout: { 'line-join': 'round', 'line-cap': 'round' } },
      { id: 'routes-casing', type: 'line', source: 'transport', 'source-layer': 'routes',
        paint: { 'line-color': '#555555', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 5, 10, 7], 'line-opacity': 0.9 },
        layout: { 'line-join': 'round', 'line-cap': 'round' } }
    ].concat(routeLayers, [
      // events that have happened by the chosen day, drawn with the geometry of what they changed
      { id: 'events-fill', type: 'fill', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': EVENT_COLOUR, 'fill-opacity': 0.12 } },
      { id: 'events-line', type: 'line', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': EVENT_COLOUR, 'line-width': 1.5, 'line-dasharray': [1, 2] } },
      { id: 'events-point', type: 'circle', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': EVENT_COLOUR, 'circle-radius': 4, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
      { id: 'checkpoints', type: 'circle', source: 'transport', 'source-layer': 'checkpoints',
        paint: { 'circle-color': regimeExpression(), 'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 10, 8],
          'circle-stroke-color': '#222222',
          'circle-stroke-width': ['match', ['get', 'kind']].concat(flatPairs(Object.fromEntries(Object.keys(CHECKPOINT_KINDS)
            .map(function (k) { return [k, CHECKPOINT_KINDS[k].stroke]; }))), [2]) } },
      // a closed checkpoint also carries a cross: its meaning does not rest on colour alone
      { id: 'checkpoints-closed', type: 'symbol', source: 'transport', 'source-layer': 'checkpoints',
        filter: ['==', ['get', 'regime_open'], false],
        layout: { 'icon-image': 'cross', 'icon-allow-overlap': true, 'icon-ignore-placement': true } }
    ])
  };
}

function crossImage() {
  const size = 14;
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const ctx = c.getContext('2d');
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(3, 3); ctx.lineTo(11, 11); ctx.moveTo(11, 3); ctx.lineTo(3, 11);
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export function applyFilters() {
  const map = viewer.map;
  if (!map || !map.getLayer('countries-fill')) { return; }
  const vis = function (on) { return on ? 'visible' : 'none'; };
  ['countries-fill', 'countries-line'].forEach(function (id) { map.setLayoutProperty(id, 'visibility', vis(isOn('countries'))); });

  const mapsOn = viewer.data.maps.filter(function (m) { return isOn('map:' + m.id); }).map(function (m) { return m.id; });
  map.setFilter('boundary-lines', ['in', ['get', 'map_id'], ['literal', mapsOn]]);

  const kindsOn = Object.keys(KIND_COLOURS).filter(function (k) { return isOn('kind:' + k); });
  const kindFilter = ['any', ['in', ['get', 'kind'], ['literal', kindsOn]],
    ['!', ['in', ['get', 'kind'], ['literal', Object.keys(KIND_COLOURS)]]]];
  map.setFilter('disputed-fill', kindFilter);
  map.setFilter('disputed-line', kindFilter);
  map.setFilter('disputed-hatch', ['all', kindFilter, ['==', ['get', 'accuracy'], 'schematic']]);

  const viaOn = VIA_GROUPS.filter(function (g) { return isOn('via:' + g.key); });
  const viaFilter = ['any'].concat(viaOn.map(function (g) {
    return g.key === 'none' ? ['==', ['coalesce', ['get', 'via'], ''], ''] : ['in', g.key, ['coalesce', ['get', 'via'], '']];
  }));
  let statusesOn = [];
  STATUS_STYLES.forEach(function (s) {
    const statusFilter = isOn('status:' + s.key) ? s.statuses : [];
    statusesOn = statusesOn.concat(statusFilter);
    map.setFilter('routes-' + s.key, ['all', viaFilter, ['in', ['get', 'status'], ['literal', statusFilter]]]);
  });
  // statuses the viewer has no style for are drawn solid with the operating ones
  const unknownStatus = ['!', ['in', ['get', 'status'], ['literal', ROUTE_STATUSES]]];
  map.setFilter('routes-solid', ['all', viaFilter, ['any', ['in', ['get', 'status'], ['literal', isOn('status:solid') ? ['operating'] : []]],
    isOn('status:solid') ? unknownStatus : ['==', 1, 0]]]);
  map.setFilter('routes-casing', ['all', viaFilter, ['any', ['in', ['get', 'status'], ['literal', statusesOn]],
    isOn('status:solid') ? unknownStatus : ['==', 1, 0]]]);
  map.setFilter('routes-highlight', ['in', ['get', 'id'], ['literal', state.routes]]);

  const kindsCp = Object.keys(CHECKPOINT_KINDS).filter(function (k) { return isOn('cp:' + k); });
  const cpFilter = ['any', ['in', ['get', 'kind'], ['literal', kindsCp]], ['!', ['in', ['get', 'kind'], ['literal', Object.keys(CHECKPOINT_KINDS)]]]];
  map.setFilter('checkpoints', cpFilter);
  map.setFilter('checkpoints-closed', ['all', cpFilter, ['==', ['get', 'regime_open'], false]]);
  ['events-fill', 'events-line', 'events-point'].forEach(function (id) { map.setLayoutProperty(id, 'visibility', vis(isOn('events'))); });
  emit('filters');
}

/** Creates the map; onLoad runs once its style is in. */
export function createMap(onLoad) {
  const opts = { container: 'map', style: style(), attributionControl: { compact: false }, preserveDrawingBuffer: true,
    fadeDuration: 0, maxZoom: 16, minZoom: 3 };
  if (state.view) {
    opts.center = state.view.center;
    opts.zoom = state.view.zoom;
  } else {
    opts.bounds = REGION;
    opts.fitBoundsOptions = { padding: 10 };
  }
  const map = viewer.map = new maplibregl.Map(opts);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.on('error', function (e) {
    // a tile request cancelled because the scenario or the day changed under it is not a failure
    if (e && e.error && (e.error.name === 'AbortError' || e.error.message === 'AbortError')) { return; }
    recordError('map: ' + ((e && e.error && e.error.message) || e));
  });
  map.on('styleimagemissing', function (e) {
    if (e.id === 'hatch' && !map.hasImage('hatch')) { map.addImage('hatch', hatchImage()); }
    if (e.id === 'cross' && !map.hasImage('cross')) { map.addImage('cross', crossImage()); }
  });
  map.on('load', function () {
    if (!map.hasImage('hatch')) { map.addImage('hatch', hatchImage()); }
    if (!map.hasImage('cross')) { map.addImage('cross', crossImage()); }
    onLoad(map);
  });
  return map;
}

/** Page coordinates (CSS pixels) of a lon/lat, for tests and tools. */
viewer.pagePoint = function (lon, lat) {
  const p = viewer.map.project([lon, lat]);
  const r = viewer.map.getContainer().getBoundingClientRect();
  return { x: r.left + p.x, y: r.top + p.y };
};
