/* corridor-gis map viewer: MapLibre GL JS over the service's own vector tiles. No external resources. */
(function () {
  'use strict';

  var ORIGIN = location.origin;
  var DEFAULT_SCENARIO = 'observed';
  var REGION = [[42.5, 37.0], [51.0, 42.5]];

  // ------------------------------------------------------------------ styling tables
  var COUNTRY_COLOURS = { ARM: '#f2dfbf', AZE: '#cfe6c8', GEO: '#e2dcef', IRN: '#efe6d4', TUR: '#f3d6d2', RUS: '#e3e3e3' };
  var COUNTRY_OTHER = '#ececec';
  var COUNTRY_LABELS = [
    ['Armenia', 44.75, 40.35], ['Azerbaijan', 48.0, 40.45], ['Nakhchivan (AZE)', 45.35, 39.35], ['Georgia', 44.4, 41.75],
    ['Iran', 46.9, 37.75], ['Türkiye', 43.2, 39.6], ['Russia', 47.3, 42.3]
  ];
  var KIND_COLOURS = {
    'held-since-1990s': '#7b5ea7', 'held-since-2021': '#d7301f', 'held-since-2022': '#f16913', 'held-since-2023': '#a50f15',
    'transferred-2024': '#2171b5', 'exclave': '#238b45'
  };
  var MAP_PALETTE = ['#7b3294', '#b8860b', '#1f78b4', '#424242', '#4d9221', '#00838f', '#5d4037', '#9e9d24'];
  var VIA_GROUPS = [
    { key: 'ARM', label: 'via Armenia', colour: '#c2185b' },
    { key: 'IRN', label: 'via Iran', colour: '#e65100' },
    { key: 'AZE', label: 'via Azerbaijan (Nakhchivan)', colour: '#00796b' },
    { key: 'none', label: 'no third state', colour: '#6d4c41' }
  ];
  var STATUS_STYLES = [
    { key: 'solid', statuses: ['operating'], dash: null, label: 'operating' },
    { key: 'dash', statuses: ['under construction'], dash: [2, 1.5], label: 'under construction' },
    { key: 'dot', statuses: ['proposed', 'announced'], dash: [0.7, 1.3], label: 'proposed / announced' },
    { key: 'dashdot', statuses: ['disused'], dash: [4, 1.5, 1, 1.5], label: 'disused' }
  ];
  var ROUTE_STATUSES = ['operating', 'under construction', 'proposed', 'announced', 'disused'];
  var CHECKPOINT_KINDS = { 'border crossing': '#111111', 'bridge': '#795548', 'customs post': '#3949ab', 'passport post': '#00897b' };
  var REGIME_COLOURS = {
    'CLOSED': '#d32f2f', 'DOMESTIC': '#9e9e9e', 'INTL-TRANSIT': '#2e7d32', 'NATIONAL': '#1565c0',
    'FSB-OVERSIGHT': '#6a1b9a', 'TRIPP': '#f9a825', 'UNINSPECTED': '#ff6f00'
  };
  var REGIME_EXTRA = ['#00acc1', '#8d6e63', '#c0ca33', '#ec407a', '#5c6bc0'];
  var REGIME_NONE = '#bdbdbd';

  // ------------------------------------------------------------------ state
  var viewer = window.viewer = {
    map: null, ready: false, errors: [], requests: 0, firstRenderMs: null,
    state: { scenario: DEFAULT_SCENARIO, off: [], routes: [], maps: [], sel: null, view: null },
    data: { scenarios: [], maps: [], routes: [], regimes: [], positions: [] },
    lastRouteComparison: null, lastMapComparison: null
  };
  var state = viewer.state;

  function recordError(what) {
    viewer.errors.push(String(what));
    if (window.console) { console.warn('viewer: ' + what); }
  }

  function fetchJson(path, optional) {
    viewer.requests++;
    return fetch(ORIGIN + path, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) {
          var detail = t;
          try { var p = JSON.parse(t); detail = p.detail || p.title || t; } catch (e) { /* not json */ }
          var err = new Error('HTTP ' + r.status + ': ' + detail);
          err.status = r.status;
          if (!optional) { recordError(path + ' → ' + err.message); }
          throw err;
        });
      }
      return r.json();
    }, function (e) {
      if (!optional) { recordError(path + ' → ' + e); }
      throw e;
    });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function items(collection, extra) {
    return fetchJson('/collections/' + collection + '/items?limit=1000' + (extra || '')).then(function (fc) {
      return (fc.features || []).map(function (f) { return Object.assign({ id: f.id }, f.properties || {}); });
    });
  }

  // ------------------------------------------------------------------ URL hash (shareable state)
  function readHash() {
    var h = location.hash.replace(/^#/, '');
    h.split('&').forEach(function (part) {
      var i = part.indexOf('=');
      if (i < 0) { return; }
      var k = part.slice(0, i), v = decodeURIComponent(part.slice(i + 1));
      if (k === 'map') {
        var p = v.split('/').map(Number);
        if (p.length === 3 && p.every(isFinite)) { state.view = { zoom: p[0], center: [p[2], p[1]] }; }
      } else if (k === 'scenario' && v) {
        state.scenario = v;
      } else if (k === 'off') {
        state.off = v ? v.split(',') : [];
      } else if (k === 'routes') {
        state.routes = v ? v.split(',').slice(0, 4) : [];
      } else if (k === 'maps') {
        state.maps = v ? v.split(',').slice(0, 2) : [];
      } else if (k === 'sel' && v) {
        state.sel = v;
      }
    });
  }

  function writeHash() {
    var map = viewer.map;
    var parts = [];
    if (map) {
      var c = map.getCenter();
      parts.push('map=' + map.getZoom().toFixed(2) + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4));
    }
    parts.push('scenario=' + encodeURIComponent(state.scenario));
    if (state.off.length) { parts.push('off=' + state.off.map(encodeURIComponent).join(',')); }
    if (state.routes.length) { parts.push('routes=' + state.routes.map(encodeURIComponent).join(',')); }
    if (state.maps.length === 2) { parts.push('maps=' + state.maps.map(encodeURIComponent).join(',')); }
    if (state.sel) { parts.push('sel=' + encodeURIComponent(state.sel)); }
    history.replaceState(null, '', '#' + parts.join('&'));
  }

  // ------------------------------------------------------------------ colours
  function regimeColour(code) {
    if (REGIME_COLOURS[code]) { return REGIME_COLOURS[code]; }
    var i = viewer.data.regimes.map(function (r) { return r.code; }).indexOf(code);
    return i < 0 ? REGIME_NONE : REGIME_EXTRA[i % REGIME_EXTRA.length];
  }
  viewer.regimeColour = regimeColour;

  function regimeExpression() {
    var m = ['match', ['coalesce', ['get', 'regime'], '']];
    var codes = {};
    Object.keys(REGIME_COLOURS).forEach(function (c) { codes[c] = true; });
    viewer.data.regimes.forEach(function (r) { codes[r.code] = true; });
    Object.keys(codes).forEach(function (c) { m.push(c, regimeColour(c)); });
    m.push(REGIME_NONE);
    return m;
  }

  function mapColour(mapId) {
    var i = viewer.data.maps.map(function (m) { return m.id; }).indexOf(mapId);
    return MAP_PALETTE[(i < 0 ? 0 : i) % MAP_PALETTE.length];
  }

  function viaColourExpression() {
    var e = ['case'];
    VIA_GROUPS.forEach(function (g) { if (g.key !== 'none') { e.push(['in', g.key, ['get', 'via']], g.colour); } });
    e.push(VIA_GROUPS[3].colour);
    return e;
  }

  // ------------------------------------------------------------------ layer toggles
  // key -> { label, swatch, group }; a key in state.off is hidden.
  var toggles = [];

  function isOn(key) { return state.off.indexOf(key) < 0; }

  function buildToggles() {
    toggles = [];
    toggles.push({ group: 'Base map' });
    toggles.push({ key: 'countries', label: 'Countries', swatch: { type: 'fill', colour: COUNTRY_COLOURS.ARM, colour2: COUNTRY_COLOURS.AZE } });
    toggles.push({ group: 'Candidate boundary maps' });
    viewer.data.maps.forEach(function (m) {
      var has = m.lines > 0;
      toggles.push({ key: 'map:' + m.id, label: m.title + (has ? '' : ' (no lines stored)'), disabled: !has,
        swatch: { type: 'line', colour: mapColour(m.id) } });
    });
    toggles.push({ group: 'Disputed areas by kind' });
    Object.keys(KIND_COLOURS).forEach(function (k) {
      toggles.push({ key: 'kind:' + k, label: k, swatch: { type: 'fill', colour: KIND_COLOURS[k] } });
    });
    toggles.push({ group: 'Routes by transit state (colour)' });
    VIA_GROUPS.forEach(function (g) {
      toggles.push({ key: 'via:' + g.key, label: g.label, swatch: { type: 'line', colour: g.colour } });
    });
    toggles.push({ group: 'Routes by status (line)' });
    STATUS_STYLES.forEach(function (s) {
      toggles.push({ key: 'status:' + s.key, label: s.label, swatch: { type: s.dash ? 'dash' : 'line', colour: '#37474f' } });
    });
    toggles.push({ group: 'Checkpoints by kind (outline)' });
    Object.keys(CHECKPOINT_KINDS).forEach(function (k) {
      toggles.push({ key: 'cp:' + k, label: k, swatch: { type: 'dot', colour: CHECKPOINT_KINDS[k] } });
    });
  }

  function swatch(s) {
    var e = el('span', { class: 'sw ' + (s.type === 'fill' ? '' : s.type) });
    if (s.type === 'dot') {
      e.style.borderColor = s.colour;
      e.style.background = '#fff';
    } else if (s.type === 'dash') {
      e.style.borderTopColor = s.colour;
    } else if (s.colour2) {
      e.style.background = 'linear-gradient(90deg,' + s.colour + ' 50%,' + s.colour2 + ' 50%)';
    } else {
      e.style.background = s.colour;
      if (s.type === 'fill') { e.style.opacity = '0.8'; }
    }
    return e;
  }

  function renderToggles() {
    var box = document.getElementById('layers');
    box.innerHTML = '';
    toggles.forEach(function (t) {
      if (t.group) { box.appendChild(el('div', { class: 'group', text: t.group })); return; }
      var cb = el('input', { type: 'checkbox', 'data-layer': t.key, id: 'layer-' + t.key.replace(/[^a-zA-Z0-9_-]/g, '_') });
      cb.checked = isOn(t.key) && !t.disabled;
      if (t.disabled) { cb.disabled = true; }
      cb.addEventListener('change', function () {
        setLayer(t.key, cb.checked);
      });
      box.appendChild(el('label', { class: t.disabled ? 'disabled' : '' }, [cb, swatch(t.swatch), el('span', { text: t.label })]));
    });
  }

  function setLayer(key, on) {
    state.off = state.off.filter(function (k) { return k !== key; });
    if (!on) { state.off.push(key); }
    applyFilters();
    writeHash();
  }
  viewer.setLayer = setLayer;

  function renderRegimeLegend() {
    var box = document.getElementById('regimes');
    box.innerHTML = '';
    var sc = viewer.data.scenarios.filter(function (s) { return s.id === state.scenario; })[0];
    document.getElementById('scenario-name').textContent = sc ? '· ' + sc.name : '';
    var list = viewer.data.regimes.length ? viewer.data.regimes : Object.keys(REGIME_COLOURS).map(function (c) { return { code: c, name: c }; });
    list.forEach(function (r) {
      box.appendChild(el('div', { class: 'row', title: r.description || '' }, [swatch({ type: 'fill', colour: regimeColour(r.code) }),
        el('span', { text: r.name + ' (' + r.code + ')' })]));
    });
    box.appendChild(el('p', { class: 'hint', text: 'Checkpoint fill and the halo under each route show its control regime under the scenario; '
      + 'a route\'s regime is the one on its transit segment.' }));
  }

  // ------------------------------------------------------------------ map style
  /** The positions the chosen scenario encodes, each with its party and who stated it. */
  function renderPositions() {
    var box = document.getElementById('positions');
    if (!box) { return; }
    box.innerHTML = '';
    var sc = viewer.data.scenarios.filter(function (s) { return s.id === state.scenario; })[0];
    var ids = (sc && sc.positions) || [];
    var byId = {};
    viewer.data.positions.forEach(function (p) { byId[p.id] = p; });
    if (!ids.length) {
      box.appendChild(el('p', { class: 'hint', text: 'This scenario encodes no stated position (it follows the record or is a snapshot).' }));
      return;
    }
    ids.forEach(function (id) {
      var p = byId[id];
      if (!p) { return; }
      box.appendChild(el('div', { class: 'position', 'data-position': id }, [
        el('strong', { text: p.party + ' · ' + p.topic + ': ' }), p.position + ' ',
        el('span', { class: 'hint', text: '(' + p.stated_by + (p.stated_on ? ', ' + p.stated_on : '') + ')' })]));
    });
  }

  function tileUrl(collections, withScenario) {
    return ORIGIN + '/tiles/WebMercatorQuad/{z}/{y}/{x}?collections=' + collections.join(',')
      + (withScenario ? '&scenario=' + encodeURIComponent(state.scenario) : '');
  }

  function style() {
    var routeLayers = STATUS_STYLES.map(function (s) {
      var paint = { 'line-color': viaColourExpression(), 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 4.5] };
      if (s.dash) { paint['line-dasharray'] = s.dash; }
      return { id: 'routes-' + s.key, type: 'line', source: 'transport', 'source-layer': 'routes', paint: paint,
        layout: { 'line-cap': s.key === 'dot' ? 'round' : 'butt', 'line-join': 'round' } };
    });
    return {
      version: 8,
      sources: {
        base: { type: 'vector', tiles: [tileUrl(['countries', 'boundary-lines', 'disputed-areas'], false)], minzoom: 0, maxzoom: 14,
          attribution: '© OpenStreetMap contributors (ODbL) · corridor-gis' },
        transport: { type: 'vector', tiles: [tileUrl(['routes', 'checkpoints'], true)], minzoom: 0, maxzoom: 14 },
        events: { type: 'vector', tiles: [tileUrl(['events'], false)], minzoom: 0, maxzoom: 14 },
        diff: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#dbe7ef' } },
        { id: 'countries-fill', type: 'fill', source: 'base', 'source-layer': 'countries',
          paint: { 'fill-color': ['match', ['get', 'iso3']].concat(flatPairs(COUNTRY_COLOURS), [COUNTRY_OTHER]), 'fill-opacity': 1 } },
        { id: 'countries-line', type: 'line', source: 'base', 'source-layer': 'countries',
          paint: { 'line-color': '#8a97a3', 'line-width': 0.8 } },
        { id: 'disputed-fill', type: 'fill', source: 'base', 'source-layer': 'disputed-areas',
          paint: { 'fill-color': ['match', ['get', 'kind']].concat(flatPairs(KIND_COLOURS), ['#999999']), 'fill-opacity': 0.6 } },
        { id: 'disputed-line', type: 'line', source: 'base', 'source-layer': 'disputed-areas',
          paint: { 'line-color': ['match', ['get', 'kind']].concat(flatPairs(KIND_COLOURS), ['#999999']), 'line-width': 1.2 } },
        { id: 'diff-fill', type: 'fill', source: 'diff', paint: { 'fill-color': '#d81b60', 'fill-opacity': 0.45 } },
        { id: 'diff-line', type: 'line', source: 'diff', paint: { 'line-color': '#880e4f', 'line-width': 1.5 } },
        { id: 'boundary-lines', type: 'line', source: 'base', 'source-layer': 'boundary-lines',
          paint: { 'line-color': boundaryColourExpression(), 'line-width': ['case', ['==', ['get', 'agreed'], true], 4, 2.5],
            'line-opacity': 0.95 },
          layout: { 'line-join': 'round' } },
        { id: 'routes-highlight', type: 'line', source: 'transport', 'source-layer': 'routes',
          paint: { 'line-color': '#ffd600', 'line-width': 14, 'line-opacity': 0.9 }, filter: ['in', ['get', 'id'], ['literal', []]],
          layout: { 'line-join': 'round', 'line-cap': 'round' } },
        { id: 'routes-regime', type: 'line', source: 'transport', 'source-layer': 'routes',
          paint: { 'line-color': regimeExpression(), 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 8, 10, 12], 'line-opacity': 0.4 },
          layout: { 'line-join': 'round', 'line-cap': 'round' } }
      ].concat(routeLayers, [
        // events that have happened by today, drawn with the geometry of what they changed
        { id: 'events-fill', type: 'fill', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': '#6a1b9a', 'fill-opacity': 0.15 } },
        { id: 'events-line', type: 'line', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'LineString'],
          paint: { 'line-color': '#6a1b9a', 'line-width': 1.5, 'line-dasharray': [1, 2] } },
        { id: 'events-point', type: 'circle', source: 'events', 'source-layer': 'events', filter: ['==', ['geometry-type'], 'Point'],
          paint: { 'circle-color': '#6a1b9a', 'circle-radius': 4, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
        { id: 'checkpoints', type: 'circle', source: 'transport', 'source-layer': 'checkpoints',
          paint: { 'circle-color': regimeExpression(), 'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 10, 8],
            'circle-stroke-width': 2,
            'circle-stroke-color': ['match', ['get', 'kind']].concat(flatPairs(CHECKPOINT_KINDS), ['#000000']) } }
      ])
    };
  }

  function flatPairs(obj) {
    var out = [];
    Object.keys(obj).forEach(function (k) { out.push(k, obj[k]); });
    return out;
  }

  function boundaryColourExpression() {
    var ids = viewer.data.maps.map(function (m) { return m.id; });
    if (!ids.length) { return MAP_PALETTE[0]; }
    var m = ['match', ['get', 'map_id']];
    ids.forEach(function (id) { m.push(id, mapColour(id)); });
    m.push('#555555');
    return m;
  }

  var ROUTE_LAYERS = STATUS_STYLES.map(function (s) { return 'routes-' + s.key; });
  var CLICKABLE = ['checkpoints', 'events-point'].concat(ROUTE_LAYERS, ['events-line', 'routes-regime', 'boundary-lines', 'diff-fill', 'disputed-fill', 'countries-fill']);

  function applyFilters() {
    var map = viewer.map;
    if (!map) { return; }
    var vis = function (on) { return on ? 'visible' : 'none'; };
    ['countries-fill', 'countries-line'].forEach(function (id) { map.setLayoutProperty(id, 'visibility', vis(isOn('countries'))); });
    document.querySelectorAll('.country-label').forEach(function (e) { e.style.display = isOn('countries') ? '' : 'none'; });

    var mapsOn = viewer.data.maps.filter(function (m) { return isOn('map:' + m.id); }).map(function (m) { return m.id; });
    map.setFilter('boundary-lines', ['in', ['get', 'map_id'], ['literal', mapsOn]]);

    var kindsOn = Object.keys(KIND_COLOURS).filter(function (k) { return isOn('kind:' + k); });
    var kindFilter = ['any', ['in', ['get', 'kind'], ['literal', kindsOn]],
      ['!', ['in', ['get', 'kind'], ['literal', Object.keys(KIND_COLOURS)]]]];
    map.setFilter('disputed-fill', kindFilter);
    map.setFilter('disputed-line', kindFilter);

    var viaOn = VIA_GROUPS.filter(function (g) { return isOn('via:' + g.key); });
    var viaFilter = ['any'].concat(viaOn.map(function (g) {
      return g.key === 'none' ? ['==', ['coalesce', ['get', 'via'], ''], ''] : ['in', g.key, ['coalesce', ['get', 'via'], '']];
    }));
    var statusesOn = [];
    STATUS_STYLES.forEach(function (s) {
      var statusFilter = isOn('status:' + s.key) ? s.statuses : [];
      statusesOn = statusesOn.concat(statusFilter);
      map.setFilter('routes-' + s.key, ['all', viaFilter, ['in', ['get', 'status'], ['literal', statusFilter]]]);
    });
    // statuses the viewer has no style for are drawn solid with the operating ones
    var unknownStatus = ['!', ['in', ['get', 'status'], ['literal', ROUTE_STATUSES]]];
    map.setFilter('routes-solid', ['all', viaFilter, ['any', ['in', ['get', 'status'], ['literal', isOn('status:solid') ? ['operating'] : []]],
      isOn('status:solid') ? unknownStatus : ['==', 1, 0]]]);
    map.setFilter('routes-regime', ['all', viaFilter, ['any', ['in', ['get', 'status'], ['literal', statusesOn]],
      isOn('status:solid') ? unknownStatus : ['==', 1, 0]]]);
    map.setFilter('routes-highlight', ['in', ['get', 'id'], ['literal', state.routes]]);

    var kindsCp = Object.keys(CHECKPOINT_KINDS).filter(function (k) { return isOn('cp:' + k); });
    map.setFilter('checkpoints', ['any', ['in', ['get', 'kind'], ['literal', kindsCp]],
      ['!', ['in', ['get', 'kind'], ['literal', Object.keys(CHECKPOINT_KINDS)]]]]);
  }

  function setScenario(id) {
    state.scenario = id;
    document.getElementById('scenario').value = id;
    var src = viewer.map && viewer.map.getSource('transport');
    if (src) { src.setTiles([tileUrl(['routes', 'checkpoints'], true)]); }
    renderRegimeLegend();
    renderPositions();
    writeHash();
    if (state.routes.length >= 2 && document.getElementById('route-table').childNodes.length) { compareRoutes(); }
  }
  viewer.setScenario = setScenario;

  // ------------------------------------------------------------------ popups
  var popup = null;

  function collectionOf(feature) {
    if (feature.layer && feature.layer.id.indexOf('diff') === 0) { return null; }
    return feature.sourceLayer || null;
  }

  function formatValue(v) {
    if (v === null || v === undefined) { return null; }
    if (Array.isArray(v)) {
      if (v.every(function (x) { return x === null || typeof x !== 'object'; })) { return v.join(', '); }
      return JSON.stringify(v);
    }
    if (typeof v === 'object') { return JSON.stringify(v); }
    return String(v);
  }

  var SKIP_KEYS = { geometry: true, recorded_at: true, sources: true };

  function attributeTable(props) {
    var t = el('table');
    Object.keys(props).forEach(function (k) {
      if (SKIP_KEYS[k]) { return; }
      var v = formatValue(props[k]);
      if (v === null || v === '') { return; }
      if (v.length > 400) { v = v.slice(0, 400) + '…'; }
      t.appendChild(el('tr', {}, [el('td', { class: 'k', text: k }), el('td', { text: v })]));
    });
    return t;
  }

  function sourcesList(ids) {
    var ul = el('ul', { class: 'sources' });
    (ids || []).forEach(function (id) {
      var li = el('li', { 'data-source': id, text: id });
      ul.appendChild(li);
      fetchJson('/collections/sources/items/' + encodeURIComponent(id)).then(function (f) {
        var p = f.properties || {};
        li.textContent = '';
        li.appendChild(el('span', { class: 'source-title', text: p.title || id }));
        var meta = [p.publisher, p.published].filter(Boolean).join(', ');
        if (meta) { li.appendChild(document.createTextNode(' — ' + meta)); }
        if (p.reference) {
          li.appendChild(el('br'));
          if (/^https?:\/\//.test(p.reference)) {
            li.appendChild(el('a', { class: 'ref', href: p.reference, target: '_blank', rel: 'noopener noreferrer', text: p.reference }));
          } else {
            li.appendChild(el('span', { class: 'ref', text: p.reference }));
          }
        }
      }).catch(function () { /* recorded by fetchJson; keep the id */ });
    });
    return ul;
  }

  function showPopup(lngLat, collection, id, props) {
    if (popup) { popup.remove(); }
    var box = el('div', { class: 'popup' });
    box.appendChild(el('h3', { text: props.name || props.title || props.section || id || 'Feature' }));
    box.appendChild(el('div', { class: 'coll', text: (collection || 'boundary comparison') + (id ? ' · ' + id : '') }));
    var body = el('div', { class: 'attrs' }, [attributeTable(props)]);
    box.appendChild(body);
    var src = el('div', { class: 'popup-sources' });
    box.appendChild(src);
    popup = new maplibregl.Popup({ maxWidth: '400px' }).setLngLat(lngLat).setDOMContent(box).addTo(viewer.map);
    popup.on('close', function () {
      if (state.sel === collection + '/' + id) { state.sel = null; writeHash(); }
    });
    if (!collection || !id) { return; }
    state.sel = collection + '/' + id;
    writeHash();
    fetchJson('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(id)).then(function (f) {
      var p = f.properties || {};
      body.innerHTML = '';
      body.appendChild(attributeTable(p));
      src.appendChild(el('h4', { text: 'Sources' }));
      src.appendChild(sourcesList(p.sources));
    }).catch(function (e) {
      body.appendChild(el('p', { class: 'error', text: 'Could not load the full feature: ' + e.message }));
    });
  }

  function anchorOf(geometry) {
    if (!geometry) { return null; }
    var c = geometry.coordinates;
    switch (geometry.type) {
      case 'Point': return c;
      case 'LineString': return c[Math.floor(c.length / 2)];
      case 'MultiLineString': return c[0][Math.floor(c[0].length / 2)];
      case 'Polygon': return ringCentre(c[0]);
      case 'MultiPolygon': return ringCentre(c[0][0]);
      default: return null;
    }
  }

  function boundsOf(geometry) {
    var b = null;
    (function walk(c) {
      if (typeof c[0] === 'number') {
        b = b ? [[Math.min(b[0][0], c[0]), Math.min(b[0][1], c[1])], [Math.max(b[1][0], c[0]), Math.max(b[1][1], c[1])]] : [[c[0], c[1]], [c[0], c[1]]];
      } else {
        c.forEach(walk);
      }
    })((geometry && geometry.coordinates) || []);
    return b;
  }

  function ringCentre(ring) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    ring.forEach(function (p) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); });
    return [(minX + maxX) / 2, (minY + maxY) / 2];
  }

  function openSelection(sel) {
    var i = sel.indexOf('/');
    if (i < 0) { return; }
    var collection = sel.slice(0, i), id = sel.slice(i + 1);
    fetchJson('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(id), true).then(function (f) {
      var at = anchorOf(f.geometry);
      if (at) { showPopup(at, collection, id, f.properties || {}); }
    }).catch(function () { state.sel = null; writeHash(); });
  }
  viewer.openSelection = openSelection;

  function onClick(e) {
    var map = viewer.map;
    var layers = CLICKABLE.filter(function (l) { return map.getLayer(l); });
    var box = [[e.point.x - 5, e.point.y - 5], [e.point.x + 5, e.point.y + 5]];
    var found = map.queryRenderedFeatures(box, { layers: layers });
    if (!found.length) { return; }
    // points before lines before areas, whatever the draw order says
    found.sort(function (a, b) { return CLICKABLE.indexOf(a.layer.id) - CLICKABLE.indexOf(b.layer.id); });
    var f = found[0];
    var collection = collectionOf(f);
    showPopup(e.lngLat, collection, collection ? f.properties.id : null, f.properties);
  }

  // ------------------------------------------------------------------ route comparison
  function renderRoutePicks() {
    var box = document.getElementById('route-picks');
    box.innerHTML = '';
    viewer.data.routes.forEach(function (r) {
      var cb = el('input', { type: 'checkbox', value: r.id, 'data-route': r.id });
      cb.checked = state.routes.indexOf(r.id) >= 0;
      cb.addEventListener('change', function () {
        if (cb.checked) { state.routes.push(r.id); } else { state.routes = state.routes.filter(function (x) { return x !== r.id; }); }
        if (state.routes.length > 4) { state.routes.shift(); }
        syncRoutePicks();
        applyFilters();
        writeHash();
      });
      box.appendChild(el('label', { title: r.id }, [cb, el('span', { text: r.name })]));
    });
    syncRoutePicks();
  }

  function syncRoutePicks() {
    document.querySelectorAll('#route-picks input').forEach(function (cb) { cb.checked = state.routes.indexOf(cb.value) >= 0; });
    document.getElementById('compare-routes').disabled = state.routes.length < 2 || state.routes.length > 4;
  }

  var ID_KEYS = ['route_id', 'id', 'country', 'checkpoint_id', 'code', 'scenario', 'name', 'seq'];

  /** The per-route objects of a comparison answer, whatever its exact shape. */
  function routeObjects(json) {
    if (Array.isArray(json)) { return json; }
    if (!json || typeof json !== 'object') { return []; }
    if (Array.isArray(json.features)) {
      return json.features.map(function (f) { return Object.assign({ id: f.id }, f.properties || {}); });
    }
    var keys = ['routes', 'items', 'comparison', 'results', 'data'];
    for (var i = 0; i < keys.length; i++) {
      var v = json[keys[i]];
      if (Array.isArray(v)) { return v; }
      if (v && typeof v === 'object') {
        return Object.keys(v).map(function (k) { return Object.assign({ id: k }, v[k]); });
      }
    }
    return [json];
  }

  function flatten(value, prefix, out) {
    if (value === null || value === undefined) { return out; }
    if (Array.isArray(value)) {
      if (value.every(function (x) { return x === null || typeof x !== 'object'; })) {
        out[prefix] = value.join(', ');
        return out;
      }
      value.forEach(function (x, i) {
        var label = String(i + 1);
        if (x && typeof x === 'object') {
          for (var j = 0; j < ID_KEYS.length; j++) {
            if (x[ID_KEYS[j]] !== undefined && x[ID_KEYS[j]] !== null && typeof x[ID_KEYS[j]] !== 'object') { label = String(x[ID_KEYS[j]]); break; }
          }
        }
        flatten(x, prefix + '[' + label + ']', out);
      });
      return out;
    }
    if (typeof value === 'object') {
      Object.keys(value).forEach(function (k) {
        if (k === 'geometry' || k === 'links') { return; }
        flatten(value[k], prefix ? prefix + '.' + k : k, out);
      });
      return out;
    }
    out[prefix] = value;
    return out;
  }
  viewer.flatten = flatten;

  // ---- curated summary of a comparison: the API's own values, laid out for reading (never recomputed)

  var DASH = '\u2014';

  function isNum(v) { return typeof v === 'number' && isFinite(v); }
  function str(v) { return v === null || v === undefined ? '' : String(v); }
  function list(v) { return Array.isArray(v) ? v : []; }

  /** A table cell; text only (textContent), so API strings are never parsed as HTML. */
  function cell(children, cls, title) {
    var attrs = {};
    if (cls) { attrs['class'] = cls; }
    if (title) { attrs.title = title; }
    return el('td', attrs, (Array.isArray(children) ? children : [children]).map(function (c) {
      return c === null || c === undefined ? null : (typeof c === 'object' ? c : String(c));
    }));
  }
  function numCell(v, title) { return isNum(v) ? cell(String(v), 'num', title) : cell(DASH, 'num na', title); }

  function regimeChip(regime) {
    if (!regime || typeof regime !== 'object') { return el('span', { class: 'chip', text: '?', title: 'no regime under this scenario' }); }
    var code = str(regime.code || regime.id || '?');
    var chip = el('span', { class: 'chip', text: code, title: str(regime.name) });
    chip.style.borderColor = REGIME_COLOURS[code] || REGIME_NONE;
    return chip;
  }

  /** Passport / customs / border control of a regime as short badges ("P C B"). */
  function controlBadges(regime) {
    var r = regime && typeof regime === 'object' ? regime : {};
    var on = [['passport_control', 'P', 'passport control'], ['customs_control', 'C', 'customs control'], ['border_control', 'B', 'border control']]
      .filter(function (b) { return r[b[0]] === true; });
    if (!on.length) { return [el('span', { class: 'badge none', text: 'no checks', title: 'no passport, customs or border control' })]; }
    return on.map(function (b) { return el('span', { class: 'badge', text: b[1], title: b[2] }); });
  }

  function hmm(minutes) {
    var m = Math.round(minutes);
    return Math.floor(m / 60) + ':' + ('0' + (m % 60)).slice(-2);
  }

  /** Countries crossed by any route, in the order the routes (in their order) cross them. */
  function countryOrder(routes) {
    var out = [];
    function add(c) { if (c && out.indexOf(c) < 0) { out.push(c); } }
    routes.forEach(function (r) {
      list(r.segments).forEach(function (s) { add(s && s.country); });
      list(r.states_crossed).forEach(add);
      if (r.length_by_country_km && typeof r.length_by_country_km === 'object') { Object.keys(r.length_by_country_km).forEach(add); }
    });
    return out;
  }

  function exposureGroups(routes) {
    var out = ['line-of-contact'];
    routes.forEach(function (r) {
      list(r.exposure && r.exposure.groups).forEach(function (g) { if (g && g.group && out.indexOf(g.group) < 0) { out.push(g.group); } });
    });
    return out;
  }

  function summaryTable(json, routes) {
    var table = el('table', { id: 'route-summary-table', class: 'summary' });
    var head = el('tr', {}, [el('th', { text: '' })]);
    routes.forEach(function (r, i) { head.appendChild(el('th', { text: str(r.id || ('route ' + (i + 1))), scope: 'col' })); });
    table.appendChild(head);
    function row(key, label, fn, cls) {
      var tr = el('tr', { 'data-row': key }, [el('th', { text: label, scope: 'row' })]);
      if (cls) { tr.className = cls; }
      routes.forEach(function (r) { tr.appendChild(fn(r)); });
      table.appendChild(tr);
    }
    function section(label) {
      table.appendChild(el('tr', { class: 'section' }, [el('th', { colspan: String(routes.length + 1), text: label })]));
    }

    row('name', 'Name', function (r) { return cell(el('strong', { text: str(r.name) })); });
    row('status', 'Status · mode', function (r) { return cell([str(r.status) || DASH, ' · ', str(r.mode) || DASH]); });
    row('open', 'Open under the scenario', function (r) {
      var yes = r.open === true;
      var parts = [el('span', { class: yes ? 'yes' : 'no', text: r.open === undefined ? '?' : (yes ? 'yes' : 'no') })];
      var segs = el('div', { class: 'segs' });
      list(r.segments).forEach(function (s, i) {
        if (i) { segs.appendChild(document.createTextNode(' → ')); }
        segs.appendChild(el('span', { class: 'seg', title: 'segment ' + str(s.id) + ': ' + str(s.basis) },
          [str(s.country) + ' ', regimeChip(s.regime)]));
      });
      parts.push(segs);
      return cell(parts, '', list(r.closed_at).length ? 'closed at: ' + list(r.closed_at).join('; ') : '');
    });

    section('Length');
    row('length_km', 'Total length (km)', function (r) { return numCell(r.length_km); });
    countryOrder(routes).forEach(function (c) {
      row('length_' + c, 'in ' + c + ' (km)', function (r) {
        var by = r.length_by_country_km || {};
        return numCell(Object.prototype.hasOwnProperty.call(by, c) ? by[c] : undefined);
      });
    });

    section('Borders');
    row('border_crossings', 'Border crossings', function (r) {
      var xs = list(r.crossings).map(function (x) { return str(x.from) + '→' + str(x.to); });
      return cell([isNum(r.border_crossings) ? String(r.border_crossings) : DASH,
        xs.length ? el('span', { class: 'sub', text: ' (' + xs.join(', ') + ')' }) : null]);
    });
    row('consent', 'Consent needed from', function (r) {
      var c = list(r.consent_needed_from);
      return cell(c.length ? c.map(str).join(', ') : DASH);
    });
    row('checkpoints', 'Checkpoints (in order)', function (r) {
      var cps = list(r.checkpoints).slice().sort(function (a, b) { return (a.order || 0) - (b.order || 0); });
      if (!cps.length) { return cell(DASH); }
      var ol = el('ol', { class: 'cps' });
      cps.forEach(function (cp) {
        var li = el('li', { title: str(cp.id) + (cp.crossing ? ' · ' + str(cp.crossing) : '') + (cp.kind ? ' · ' + str(cp.kind) : '') },
          [el('span', { text: str(cp.name || cp.id) + ' ' }),
            el('span', { class: 'badges' }, [regimeChip(cp.regime), ' '].concat(controlBadges(cp.regime))),
            cp.open === false ? el('span', { class: 'no', text: ' closed' }) : null]);
        ol.appendChild(li);
      });
      return cell(ol);
    });
    [['passport', 'Passport checks'], ['customs', 'Customs checks'], ['border', 'Border checks']].forEach(function (k) {
      row(k[0], k[1], function (r) { return numCell(r.checkpoint_checks ? r.checkpoint_checks[k[0]] : undefined); });
    });

    section('Time and exposure');
    row('transit', 'Transit time (h:mm)', function (r) {
      var t = r.transit_time || {};
      if (!isNum(t.total_minutes)) { return cell(DASH, 'num na'); }
      var title = 'API: ' + t.total_minutes + ' min (' + str(t.moving_minutes) + ' moving + ' + str(t.dwell_minutes) + ' at checks)'
        + (t.note ? '; ' + str(t.note) : '');
      return cell([hmm(t.total_minutes), r.open === false ? el('div', { class: 'note', text: str(t.note) || 'estimate: the route is closed' }) : null],
        'num', title);
    });
    var within = null;
    routes.forEach(function (r) { if (within === null && r.exposure && isNum(r.exposure.within_km)) { within = r.exposure.within_km; } });
    exposureGroups(routes).forEach(function (g) {
      var label = 'km within ' + (within === null ? 'N' : String(within)) + ' km of ' + (g === 'line-of-contact' ? 'the line of contact' : g);
      row('exposure_' + g, label, function (r) {
        var hit = list(r.exposure && r.exposure.groups).filter(function (x) { return x && x.group === g; })[0];
        return hit ? numCell(hit.km, list(hit.features).join(', ')) : cell(DASH, 'num na', 'not within the distance');
      });
    });
    return table;
  }
  viewer.summaryTable = summaryTable;

  var compareSeq = 0;

  function compareRoutes() {
    var box = document.getElementById('route-table');
    var title = document.getElementById('drawer-title');
    var seq = ++compareSeq;
    document.getElementById('drawer').hidden = false;
    box.innerHTML = '';
    box.appendChild(el('p', { class: 'hint', text: 'Comparing…' }));
    var query = 'routes=' + state.routes.map(encodeURIComponent).join(',') + '&scenario=' + encodeURIComponent(state.scenario);
    var path = '/analysis/routes/compare?' + query;
    var known = viewer.data.scenarios.filter(function (s) { return s.id === state.scenario; })[0];
    title.textContent = 'Route comparison · ' + ((known && known.name) || state.scenario);
    fetchJson(path, true).then(function (json) {
      if (seq !== compareSeq) { return; }
      viewer.lastRouteComparison = json;
      if (json && json.scenario && json.scenario.name) { title.textContent = 'Route comparison · ' + str(json.scenario.name); }
      var routes = routeObjects(json);
      var flat = routes.map(function (r) { return flatten(r, '', {}); });
      var rows = [];
      flat.forEach(function (f) { Object.keys(f).forEach(function (k) { if (rows.indexOf(k) < 0) { rows.push(k); } }); });
      var table = el('table', { id: 'route-compare-table' });
      var head = el('tr', {}, [el('th', { text: '' })]);
      routes.forEach(function (r, i) {
        var name = r.name || r.route_name || r.title || r.route_id || r.id || ('route ' + (i + 1));
        head.appendChild(el('th', { text: String(r.id || r.route_id || name), title: String(name) }));
      });
      table.appendChild(head);
      rows.forEach(function (k) {
        var tr = el('tr', {}, [el('th', { text: k })]);
        flat.forEach(function (f) {
          var v = f[k];
          tr.appendChild(el('td', { class: typeof v === 'number' ? 'num' : '', text: v === undefined ? '' : String(v) }));
        });
        table.appendChild(tr);
      });
      box.innerHTML = '';
      var csv = el('a', { href: path + '&f=csv', download: 'route-comparison-' + state.scenario + '.csv', class: 'csv', id: 'route-compare-csv',
        text: 'Download CSV' });
      box.appendChild(el('p', { class: 'hint' }, ['Scenario ' + state.scenario + '; figures as the API gives them (' + path + '). ', csv]));
      box.appendChild(summaryTable(json, routes));
      var details = el('details', { class: 'all', open: '' }, [el('summary', { text: 'All figures of the API answer' }), table]);
      if (json && json.parameters && typeof json.parameters === 'object') {
        var params = flatten(json.parameters, '', {});
        var pt = el('table', { id: 'route-compare-parameters' }, [el('tr', {}, [el('th', { text: 'Parameter' }), el('th', { text: 'Value' })])]);
        Object.keys(params).forEach(function (k) {
          pt.appendChild(el('tr', {}, [el('th', { text: k }), el('td', { class: typeof params[k] === 'number' ? 'num' : '', text: String(params[k]) })]));
        });
        details.appendChild(el('p', { class: 'hint', text: 'Assumptions of the comparison' }));
        details.appendChild(pt);
      }
      box.appendChild(details);
    }).catch(function (e) {
      if (seq !== compareSeq) { return; }
      box.innerHTML = '';
      box.appendChild(el('p', { class: 'error', text: 'Route comparison is not available: ' + e.message }));
    });
  }
  viewer.compareRoutes = compareRoutes;

  // ------------------------------------------------------------------ candidate map comparison
  var areaMarkers = [];

  function renderMapPicks() {
    var a = document.getElementById('map-a'), b = document.getElementById('map-b');
    [a, b].forEach(function (s) {
      s.innerHTML = '';
      viewer.data.maps.forEach(function (m) { s.appendChild(el('option', { value: m.id, text: m.title })); });
    });
    var withLines = viewer.data.maps.filter(function (m) { return m.lines > 0; });
    a.value = state.maps[0] || (withLines[0] || viewer.data.maps[0] || {}).id || '';
    b.value = state.maps[1] || (withLines[1] || viewer.data.maps[1] || {}).id || '';
  }

  function clearDiff() {
    areaMarkers.forEach(function (m) { m.remove(); });
    areaMarkers = [];
    var src = viewer.map && viewer.map.getSource('diff');
    if (src) { src.setData({ type: 'FeatureCollection', features: [] }); }
  }

  function compareMaps() {
    var a = document.getElementById('map-a').value, b = document.getElementById('map-b').value;
    var box = document.getElementById('map-diff');
    box.innerHTML = '';
    clearDiff();
    if (!a || !b || a === b) { box.appendChild(el('p', { class: 'error', text: 'Pick two different maps.' })); return; }
    state.maps = [a, b];
    writeHash();
    box.appendChild(el('p', { class: 'hint', text: 'Comparing…' }));
    fetchJson('/analysis/boundaries/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b), true).then(function (fc) {
      viewer.lastMapComparison = fc;
      var features = (fc && fc.features) || [];
      viewer.map.getSource('diff').setData({ type: 'FeatureCollection', features: features });
      box.innerHTML = '';
      var table = el('table', { id: 'map-compare-table' }, [el('tr', {}, [el('th', { text: 'Difference' }), el('th', { text: 'km²' })])]);
      var total = 0;
      features.forEach(function (f, i) {
        var p = f.properties || {};
        var km2 = p.area_km2;
        if (typeof km2 === 'number') { total += km2; }
        var label = p.name || formatValue(p.sections) || p.section || p.label || f.id || ('#' + (i + 1));
        if (p.direction) { label += ' (' + p.direction + ')'; }
        var row = el('tr', { title: 'Zoom to this difference' }, [el('td', { text: String(label) }),
          el('td', { class: 'num', text: km2 === undefined ? '' : String(km2) })]);
        row.style.cursor = 'pointer';
        row.addEventListener('click', function () {
          var b = boundsOf(f.geometry);
          if (b) { viewer.map.fitBounds(b, { padding: 80, maxZoom: 12 }); }
        });
        table.appendChild(row);
        var at = anchorOf(f.geometry);
        if (at && km2 !== undefined) {
          areaMarkers.push(new maplibregl.Marker({ element: el('div', { class: 'area-label', text: km2 + ' km²' }) }).setLngLat(at).addTo(viewer.map));
        }
      });
      box.appendChild(el('p', { class: 'hint', text: features.length + ' difference polygon(s), ' + (Math.round(total * 1000) / 1000) + ' km² in all.' }));
      if (features.length) { box.appendChild(table); box.scrollIntoView({ block: 'nearest' }); }
    }).catch(function (e) {
      box.innerHTML = '';
      box.appendChild(el('p', { class: 'error', text: 'Map comparison is not available: ' + e.message }));
    });
  }
  viewer.compareMaps = compareMaps;

  // ------------------------------------------------------------------ start
  function status(text) {
    var s = document.getElementById('status');
    s.hidden = !text;
    s.textContent = text || '';
  }

  function start() {
    readHash();
    createMap();
    Promise.all([
      items('scenarios', '&properties=name,description,positions').catch(function () { return []; }),
      items('boundary-maps').catch(function () { return []; }),
      items('routes', '&properties=name,via,status,mode').catch(function () { return []; }),
      items('control-regimes').catch(function () { return []; }),
      fetchJson('/collections/boundary-lines/items?limit=1000&properties=map_id').then(function (fc) {
        var count = {};
        (fc.features || []).forEach(function (f) { var m = f.properties.map_id; count[m] = (count[m] || 0) + 1; });
        return count;
      }).catch(function () { return {}; }),
      items('positions', '&properties=party,topic,position,stated_by,stated_on').catch(function () { return []; })
    ]).then(function (r) {
      viewer.data.positions = r[5];
      viewer.data.scenarios = r[0];
      viewer.data.maps = r[1].map(function (m) { return Object.assign(m, { lines: r[4][m.id] || 0 }); });
      viewer.data.routes = r[2];
      viewer.data.regimes = r[3];
      if (viewer.data.scenarios.length && !viewer.data.scenarios.some(function (s) { return s.id === state.scenario; })) {
        status('Unknown scenario "' + state.scenario + '" in the link; showing ' + DEFAULT_SCENARIO + '.');
        state.scenario = DEFAULT_SCENARIO;
      }
      var sel = document.getElementById('scenario');
      viewer.data.scenarios.forEach(function (s) { sel.appendChild(el('option', { value: s.id, text: s.name })); });
      sel.value = state.scenario;
      sel.addEventListener('change', function () { setScenario(sel.value); });
      buildToggles();
      renderToggles();
      renderRegimeLegend();
      renderPositions();
      renderRoutePicks();
      renderMapPicks();
      dataReady = true;
      whenBoth();
    });

    document.getElementById('compare-routes').addEventListener('click', compareRoutes);
    document.getElementById('clear-routes').addEventListener('click', function () {
      state.routes = [];
      syncRoutePicks();
      applyFilters();
      compareSeq++;
      document.getElementById('route-table').innerHTML = '';
      document.getElementById('drawer').hidden = true;
      writeHash();
    });
    document.getElementById('drawer-close').addEventListener('click', function () {
      compareSeq++;
      document.getElementById('drawer').hidden = true;
      document.getElementById('route-table').innerHTML = '';
    });
    document.getElementById('compare-maps').addEventListener('click', compareMaps);
    document.getElementById('clear-maps').addEventListener('click', function () {
      state.maps = [];
      clearDiff();
      document.getElementById('map-diff').innerHTML = '';
      writeHash();
    });
    document.getElementById('share').addEventListener('click', function () {
      writeHash();
      var done = function () { status('Link to this view copied.'); setTimeout(function () { status(''); }, 2000); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(location.href).then(done, function () { status(location.href); });
      } else {
        status(location.href);
      }
    });
  }

  var dataReady = false, mapReady = false, started = false;

  /** Once the map has its style and the lists are in: colours that depend on the lists, filters, linked state. */
  function whenBoth() {
    if (!dataReady || !mapReady || started) { return; }
    started = true;
    var map = viewer.map;
    map.setPaintProperty('boundary-lines', 'line-color', boundaryColourExpression());
    map.setPaintProperty('routes-regime', 'line-color', regimeExpression());
    map.setPaintProperty('checkpoints', 'circle-color', regimeExpression());
    if (map.getSource('transport').tiles[0] !== tileUrl(['routes', 'checkpoints'], true)) {
      map.getSource('transport').setTiles([tileUrl(['routes', 'checkpoints'], true)]);
    }
    applyFilters();
    writeHash();
    if (state.maps.length === 2) { compareMaps(); }
    if (state.routes.length >= 2) { compareRoutes(); }
    if (state.sel) { openSelection(state.sel); }
    map.once('idle', function () {
      viewer.firstRenderMs = Math.round(performance.now());
      viewer.ready = true;
      document.body.setAttribute('data-ready', 'true');
    });
    map.triggerRepaint();
  }

  function createMap() {
    var opts = { container: 'map', style: style(), attributionControl: { compact: false }, preserveDrawingBuffer: true,
      fadeDuration: 0, maxZoom: 16, minZoom: 3 };
    if (state.view) {
      opts.center = state.view.center;
      opts.zoom = state.view.zoom;
    } else {
      opts.bounds = REGION;
      opts.fitBoundsOptions = { padding: 10 };
    }
    var map = viewer.map = new maplibregl.Map(opts);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.on('error', function (e) { recordError('map: ' + ((e && e.error && e.error.message) || e)); });
    COUNTRY_LABELS.forEach(function (l) {
      new maplibregl.Marker({ element: el('div', { class: 'country-label', text: l[0] }) }).setLngLat([l[1], l[2]]).addTo(map);
    });
    map.on('load', function () {
      map.on('click', onClick);
      map.on('mousemove', function (e) {
        var layers = CLICKABLE.filter(function (l) { return l !== 'countries-fill' && map.getLayer(l); });
        var hit = map.queryRenderedFeatures([[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]], { layers: layers });
        map.getCanvas().style.cursor = hit.length ? 'pointer' : '';
      });
      mapReady = true;
      whenBoth();
    });
    map.on('moveend', writeHash);
  }

  /** Page coordinates (CSS pixels) of a lon/lat, for tests and tools. */
  viewer.pagePoint = function (lon, lat) {
    var p = viewer.map.project([lon, lat]);
    var r = viewer.map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
