/*
 * Route comparison (a side drawer: a curated summary, who checks, checks explained, every scenario side by
 * side, the raw answer folded away) and candidate-map comparison (each area between the lines named and
 * said plainly). The figures are the API's own, never recomputed here.
 */
import { viewer, state, on } from './state.js';
import { el, fetchJson, str, list, isNum, DASH, boundsOf, unionBounds, anchorOf, formatValue } from './util.js';
import { regimeColour } from './palette.js';
import { writeHash } from './hash.js';
import { applyFilters } from './map.js';
import { currentScenario } from './legend.js';
import { plainMarker } from './labels.js';

const COUNTRY_NAMES = { ARM: 'Armenia', AZE: 'Azerbaijan', IRN: 'Iran', GEO: 'Georgia', TUR: 'Türkiye', RUS: 'Russia' };
const ADJECTIVES = { ARM: 'Armenian', AZE: 'Azerbaijani', IRN: 'Iranian', GEO: 'Georgian', TUR: 'Turkish', RUS: 'Russian' };
function countryName(c) { return COUNTRY_NAMES[c] || str(c); }

function dateQuery() { return state.date ? '&datetime=' + state.date : ''; }

// ------------------------------------------------------------------ route picks
export function renderRoutePicks() {
  const box = document.getElementById('route-picks');
  box.innerHTML = '';
  viewer.data.routes.forEach(function (r) {
    const id = 'route-pick-' + r.id;
    const cb = el('input', { type: 'checkbox', value: r.id, 'data-route': r.id, id: id });
    cb.addEventListener('change', function () {
      if (cb.checked) { state.routes.push(r.id); } else { state.routes = state.routes.filter(function (x) { return x !== r.id; }); }
      if (state.routes.length > 4) { state.routes.shift(); }
      syncRoutePicks();
      applyFilters();
      writeHash();
    });
    box.appendChild(el('label', { title: r.id, for: id }, [cb, el('span', { text: r.name })]));
  });
  syncRoutePicks();
}

export function syncRoutePicks() {
  document.querySelectorAll('#route-picks input').forEach(function (cb) { cb.checked = state.routes.indexOf(cb.value) >= 0; });
  document.getElementById('compare-routes').disabled = state.routes.length < 2 || state.routes.length > 4;
}

// ------------------------------------------------------------------ the summary table
function cell(children, cls, title) {
  const attrs = {};
  if (cls) { attrs['class'] = cls; }
  if (title) { attrs.title = title; }
  return el('td', attrs, (Array.isArray(children) ? children : [children]).map(function (c) {
    return c === null || c === undefined ? null : (typeof c === 'object' ? c : String(c));
  }));
}
function numCell(v, title) { return isNum(v) ? cell(String(v), 'num', title) : cell(DASH, 'num na', title); }

function regimeChip(regime) {
  if (!regime || typeof regime !== 'object') { return el('span', { class: 'chip', text: 'no regime', title: 'no regime under this scenario' }); }
  const code = str(regime.code || regime.id || '?');
  const chip = el('span', { class: 'chip', text: code, title: str(regime.name) });
  chip.style.borderLeftColor = regimeColour(code);
  return chip;
}

const CONTROLS = [['passport', 'passport_control', 'P', 'passport control'], ['customs', 'customs_control', 'C', 'customs control'],
  ['border', 'border_control', 'B', 'border control']];

/** Passport / customs / border control of a regime as badges; a control the sources leave open says "unspecified". */
function controlBadges(regime) {
  const r = regime && typeof regime === 'object' ? regime : {};
  const out = [];
  CONTROLS.forEach(function (b) {
    if (r[b[1]] === true) { out.push(el('span', { class: 'badge', text: b[2], title: b[3] })); }
    if (r[b[1]] === null || r[b[1]] === undefined) { out.push(el('span', { class: 'badge unspecified', text: b[2] + '?', title: b[3] + ': unspecified by the sources' })); }
  });
  if (!out.length) { return [el('span', { class: 'badge none', text: 'no checks', title: 'no passport, customs or border control' })]; }
  return out;
}

/** Who applies a checkpoint's checks: the states, a third party, nobody, or unspecified. */
function whoChecks(cp) {
  if (cp.open === false || cp.open === null || cp.open === undefined) { return 'nobody: closed'; }
  const r = cp.regime || {};
  const any = CONTROLS.some(function (b) { return r[b[1]] === true; });
  const unspecified = CONTROLS.some(function (b) { return r[b[1]] === null || r[b[1]] === undefined; });
  const by = list(cp.controlled_by);
  if (!any && !unspecified) { return 'nobody (no checks)'; }
  if (!by.length) { return 'unspecified'; }
  if (r.operator === 'national') { return by.map(countryName).join(' and ') + (by.length > 1 ? ', each on its side' : ''); }
  if (r.operator === 'third party') { return by.map(function (c) { return (ADJECTIVES[c] || c) + ' border guards'; }).join(', ') + ' (third party)'; }
  return by.map(countryName).join(', ');
}

function hmm(minutes) {
  const m = Math.round(minutes);
  return Math.floor(m / 60) + ':' + ('0' + (m % 60)).slice(-2);
}

function countryOrder(routes) {
  const out = [];
  function add(c) { if (c && out.indexOf(c) < 0) { out.push(c); } }
  routes.forEach(function (r) {
    list(r.segments).forEach(function (s) { add(s && s.country); });
    list(r.states_crossed).forEach(add);
    if (r.length_by_country_km && typeof r.length_by_country_km === 'object') { Object.keys(r.length_by_country_km).forEach(add); }
  });
  return out;
}

function exposureGroups(routes) {
  const out = ['line-of-contact'];
  routes.forEach(function (r) {
    list(r.exposure && r.exposure.groups).forEach(function (g) { if (g && g.group && out.indexOf(g.group) < 0) { out.push(g.group); } });
  });
  return out;
}

function cpName(cp) { return str(cp.name || cp.id); }

/** "2 at Nrnadzor post (ARM, AZE: each state) + 2 at Agarak post" for one kind of check. */
function checksExplained(r, kind) {
  const parts = list(r.checkpoints).filter(function (cp) { return cp.checks && cp.checks[kind] > 0; }).map(function (cp) {
    return cp.checks[kind] + ' at ' + cpName(cp) + (cp.checks[kind] > 1 ? ' (' + list(cp.controlled_by).join(' + ') + ')' : '');
  });
  return parts.length ? parts.join(' + ') : 'none';
}

export function summaryTable(json, routes) {
  const table = el('table', { id: 'route-summary-table', class: 'summary' });
  table.appendChild(el('caption', { class: 'sr-only', text: 'Route comparison summary' }));
  const head = el('tr', {}, [el('td', { text: '' })]);
  routes.forEach(function (r, i) { head.appendChild(el('th', { text: str(r.id || ('route ' + (i + 1))), scope: 'col' })); });
  table.appendChild(head);
  function row(key, label, fn, cls) {
    const tr = el('tr', { 'data-row': key }, [el('th', { text: label, scope: 'row' })]);
    if (cls) { tr.className = cls; }
    routes.forEach(function (r) { tr.appendChild(fn(r)); });
    table.appendChild(tr);
  }
  function section(label) {
    table.appendChild(el('tr', { class: 'section' }, [el('th', { colspan: String(routes.length + 1), scope: 'colgroup', text: label })]));
  }

  row('name', 'Name', function (r) { return cell(el('strong', { text: str(r.name) })); });
  row('status', 'Status · mode', function (r) { return cell([str(r.status) || DASH, ' · ', str(r.mode) || DASH]); });
  row('accuracy', 'Accuracy of the line', function (r) {
    const schematic = r.accuracy === 'schematic';
    return cell([str(r.accuracy) || 'unspecified', schematic ? el('div', { class: 'note', text: 'lengths and times are measured on a schematic line' }) : null],
      schematic ? 'warn' : '');
  });
  row('open', 'Open under the scenario', function (r) {
    const yes = r.open === true;
    const parts = [el('span', { class: yes ? 'yes' : 'no', text: r.open === undefined ? '?' : (yes ? 'yes' : 'no') })];
    const segs = el('div', { class: 'segs' });
    list(r.segments).forEach(function (s, i) {
      if (i) { segs.appendChild(document.createTextNode(' → ')); }
      segs.appendChild(el('span', { class: 'seg', title: 'segment ' + str(s.id) + ': ' + str(s.basis) }, [str(s.country) + ' ', regimeChip(s.regime)]));
    });
    parts.push(segs);
    return cell(parts, '', list(r.closed_at).length ? 'closed at: ' + list(r.closed_at).join('; ') : '');
  });

  section('Length');
  row('length_km', 'Total length (km)', function (r) { return numCell(r.length_km, r.accuracy === 'schematic' ? 'over a schematic line' : ''); });
  countryOrder(routes).forEach(function (c) {
    row('length_' + c, 'in ' + countryName(c) + ' (km)', function (r) {
      const by = r.length_by_country_km || {};
      return numCell(Object.prototype.hasOwnProperty.call(by, c) ? by[c] : undefined);
    });
  });

  section('Borders and checks');
  row('border_crossings', 'Border crossings', function (r) {
    const xs = list(r.crossings).map(function (x) { return str(x.from) + '→' + str(x.to); });
    return cell([isNum(r.border_crossings) ? String(r.border_crossings) : DASH,
      xs.length ? el('span', { class: 'sub', text: ' (' + xs.join(', ') + ')' }) : null]);
  });
  row('consent', 'Consent needed from', function (r) {
    const c = list(r.consent_needed_from);
    return cell(c.length ? c.map(countryName).join(', ') : DASH);
  });
  row('checkpoints', 'Checkpoints and who checks', function (r) {
    const cps = list(r.checkpoints).slice().sort(function (a, b) { return (a.order || 0) - (b.order || 0); });
    if (!cps.length) { return cell(DASH); }
    const ol = el('ol', { class: 'cps' });
    cps.forEach(function (cp) {
      ol.appendChild(el('li', { 'data-checkpoint': str(cp.id), title: str(cp.id) + (cp.crossing ? ' · ' + str(cp.crossing) : '') + (cp.kind ? ' · ' + str(cp.kind) : '') }, [
        el('span', { text: cpName(cp) + ' ' }),
        el('span', { class: 'badges' }, [regimeChip(cp.regime), ' '].concat(cp.open === false ? [] : controlBadges(cp.regime))),
        cp.open === false ? el('span', { class: 'no', text: ' closed' }) : null,
        el('div', { class: 'who', 'data-who': '', text: 'checked by: ' + whoChecks(cp) })]));
    });
    return cell(ol);
  });
  CONTROLS.forEach(function (k) {
    row(k[0], k[0].charAt(0).toUpperCase() + k[0].slice(1) + ' checks', function (r) {
      return numCell(r.checkpoint_checks ? r.checkpoint_checks[k[0]] : undefined, checksExplained(r, k[0]));
    });
  });
  row('checks_explained', 'How the checks are counted', function (r) {
    const lines = CONTROLS.map(function (k) { return k[0] + ': ' + checksExplained(r, k[0]); });
    const unspecified = list(r.checkpoints).filter(function (cp) { return list(cp.unspecified).length; })
      .map(function (cp) { return cpName(cp) + ': ' + list(cp.unspecified).join(', ') + ' unspecified (not counted)'; });
    return cell([el('div', { class: 'sub', text: lines.join('; ') }),
      unspecified.length ? el('div', { class: 'note', 'data-unspecified': '', text: unspecified.join('; ') }) : null,
      el('div', { class: 'sub', text: 'Under national control each state checks on its side (exit + entry).' })]);
  });
  row('if_open', 'Closed checkpoints, if they were open', function (r) {
    const closed = list(r.checkpoints).filter(function (cp) { return cp.if_open; });
    if (!closed.length) { return cell(DASH, 'na'); }
    return cell(closed.map(function (cp) {
      return el('div', { text: cpName(cp) + ': ' + CONTROLS.map(function (k) { return cp.if_open[k[0]] + ' ' + k[0]; }).join(', ')
        + ' (' + str(cp.if_open.assumption) + ')' });
    }));
  });

  section('Time and exposure');
  row('transit', 'Transit time (h:mm)', function (r) {
    const t = r.transit_time || {};
    if (!isNum(t.total_minutes)) { return cell(DASH, 'num na'); }
    const title = 'API: ' + t.total_minutes + ' min (' + str(t.moving_minutes) + ' moving + ' + str(t.dwell_minutes) + ' at checks'
      + (isNum(t.assumed_dwell_minutes) && t.assumed_dwell_minutes > 0 ? ' + ' + t.assumed_dwell_minutes + ' at closed checkpoints counted as open' : '') + ')'
      + (t.note ? '; ' + str(t.note) : '');
    return cell([hmm(t.total_minutes), r.open === false ? el('div', { class: 'note', text: str(t.note) || 'estimate: the route is closed' }) : null],
      'num', title);
  });
  let within = null;
  routes.forEach(function (r) { if (within === null && r.exposure && isNum(r.exposure.within_km)) { within = r.exposure.within_km; } });
  exposureGroups(routes).forEach(function (g) {
    const label = 'km within ' + (within === null ? 'N' : String(within)) + ' km of ' + (g === 'line-of-contact' ? 'the line of contact' : g);
    row('exposure_' + g, label, function (r) {
      const hit = list(r.exposure && r.exposure.groups).filter(function (x) { return x && x.group === g; })[0];
      return hit ? numCell(hit.km, list(hit.features).join(', ')) : cell(DASH, 'num na', 'not within the distance');
    });
  });
  return table;
}
viewer.summaryTable = summaryTable;

// ------------------------------------------------------------------ raw answer
const ID_KEYS = ['route_id', 'id', 'country', 'checkpoint_id', 'code', 'scenario', 'name', 'seq'];

function routeObjects(json) {
  if (json && Array.isArray(json.routes)) { return json.routes; }
  return [];
}

export function flatten(value, prefix, out) {
  if (value === null || value === undefined) { return out; }
  if (Array.isArray(value)) {
    if (value.every(function (x) { return x === null || typeof x !== 'object'; })) {
      out[prefix] = value.join(', ');
      return out;
    }
    value.forEach(function (x, i) {
      let label = String(i + 1);
      if (x && typeof x === 'object') {
        for (let j = 0; j < ID_KEYS.length; j++) {
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

function rawTable(routes) {
  const flat = routes.map(function (r) { return flatten(r, '', {}); });
  const rows = [];
  flat.forEach(function (f) { Object.keys(f).forEach(function (k) { if (rows.indexOf(k) < 0) { rows.push(k); } }); });
  const table = el('table', { id: 'route-compare-table' });
  const head = el('tr', {}, [el('td', { text: '' })]);
  routes.forEach(function (r, i) { head.appendChild(el('th', { scope: 'col', text: String(r.id || ('route ' + (i + 1))), title: str(r.name) })); });
  table.appendChild(head);
  rows.forEach(function (k) {
    const tr = el('tr', {}, [el('th', { scope: 'row', text: k })]);
    flat.forEach(function (f) {
      const v = f[k];
      tr.appendChild(el('td', { class: typeof v === 'number' ? 'num' : '', text: v === undefined ? '' : String(v) }));
    });
    table.appendChild(tr);
  });
  return table;
}

// ------------------------------------------------------------------ route comparison
let compareSeq = 0;

function openDrawer(title) {
  document.getElementById('drawer').hidden = false;
  document.getElementById('drawer-title').textContent = title;
  document.body.classList.add('drawer-open');
  if (viewer.map) { viewer.map.resize(); }
}

export function closeDrawer() {
  compareSeq++;
  document.getElementById('drawer').hidden = true;
  document.getElementById('route-table').innerHTML = '';
  document.body.classList.remove('drawer-open');
  if (viewer.map) { viewer.map.resize(); }
}

/** Fits the map to the compared routes. */
function zoomToRoutes(ids) {
  let b = null;
  viewer.data.labelRoutes.forEach(function (r) { if (ids.indexOf(r.id) >= 0) { b = unionBounds(b, boundsOf(r.geometry)); } });
  if (b && viewer.map) { viewer.map.fitBounds(b, { padding: 40, maxZoom: 10 }); }
}

export function compareRoutes(zoom) {
  const box = document.getElementById('route-table');
  const seq = ++compareSeq;
  const sc = currentScenario();
  openDrawer('Route comparison · ' + ((sc && sc.name) || state.scenario) + ' · ' + (state.date || 'today'));
  box.innerHTML = '';
  box.appendChild(el('p', { class: 'hint', text: 'Comparing…' }));
  if (zoom !== false) { zoomToRoutes(state.routes); }
  const query = 'routes=' + state.routes.map(encodeURIComponent).join(',') + '&scenario=' + encodeURIComponent(state.scenario) + dateQuery();
  const path = '/analysis/routes/compare?' + query;
  fetchJson(path, true).then(function (json) {
    if (seq !== compareSeq) { return; }
    viewer.lastRouteComparison = json;
    const routes = routeObjects(json);
    box.innerHTML = '';
    const csv = el('a', { href: path + '&f=csv', download: 'route-comparison-' + state.scenario + '.csv', class: 'csv', id: 'route-compare-csv',
      text: 'Comparison as CSV' });
    const geojson = el('a', { href: path + '&f=geojson', download: 'route-comparison-' + state.scenario + '.geojson', class: 'csv',
      text: 'as GeoJSON' });
    box.appendChild(el('p', { class: 'hint' }, ['Figures as the API gives them. ', csv, ' · ', geojson]));
    box.appendChild(summaryTable(json, routes));
    const all = el('div', { class: 'scenario-buttons' }, [el('span', { class: 'hint', text: 'Every scenario side by side: ' })]);
    routes.forEach(function (r) {
      const b = el('button', { type: 'button', class: 'secondary', 'data-scenarios': str(r.id), text: str(r.id) });
      b.addEventListener('click', function () { routeScenarios(r.id, all); });
      all.appendChild(b);
    });
    box.appendChild(all);
    const details = el('details', { class: 'all' }, [el('summary', { text: 'All figures of the API answer' }), rawTable(routes)]);
    if (json && json.parameters && typeof json.parameters === 'object') {
      const params = flatten(json.parameters, '', {});
      const pt = el('table', { id: 'route-compare-parameters' }, [el('tr', {}, [el('th', { scope: 'col', text: 'Parameter' }), el('th', { scope: 'col', text: 'Value' })])]);
      Object.keys(params).forEach(function (k) {
        pt.appendChild(el('tr', {}, [el('th', { scope: 'row', text: k }), el('td', { class: typeof params[k] === 'number' ? 'num' : '', text: String(params[k]) })]));
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

/** One route under every scenario, side by side (scenarios as columns). */
function routeScenarios(id, after) {
  const old = document.getElementById('route-scenarios');
  if (old) { old.remove(); }
  const box = el('div', { id: 'route-scenarios', class: 'result' }, [el('p', { class: 'hint', text: 'Loading ' + id + ' under every scenario…' })]);
  after.after(box);
  fetchJson('/analysis/routes/' + encodeURIComponent(id) + '/scenarios?' + dateQuery().slice(1), true).then(function (json) {
    box.innerHTML = '';
    const rows = list(json.scenarios);
    const table = el('table', { class: 'summary', id: 'route-scenarios-table' });
    table.appendChild(el('caption', { text: id + ' under each scenario (' + str(json.datetime) + ')' }));
    const head = el('tr', {}, [el('td', { text: '' })]);
    rows.forEach(function (s) { head.appendChild(el('th', { scope: 'col', 'data-scenario': s.scenario, text: str(s.scenario_name || s.scenario) })); });
    table.appendChild(head);
    const row = function (label, fn) {
      const tr = el('tr', {}, [el('th', { scope: 'row', text: label })]);
      rows.forEach(function (s) { tr.appendChild(fn(s)); });
      table.appendChild(tr);
    };
    row('Open', function (s) { return cell(el('span', { class: s.open ? 'yes' : 'no', text: s.open ? 'yes' : 'no' })); });
    row('Checkpoints and who checks', function (s) {
      return cell(list(s.checkpoints).map(function (cp) {
        return el('div', {}, [cpName(cp) + ' ', regimeChip(cp.regime), el('div', { class: 'who', text: 'checked by: ' + whoChecks(cp) })]);
      }));
    });
    CONTROLS.forEach(function (k) { row(k[0] + ' checks', function (s) { return numCell(s.checkpoint_checks && s.checkpoint_checks[k[0]]); }); });
    row('Transit time (h:mm)', function (s) {
      const t = s.transit_time || {};
      return isNum(t.total_minutes) ? cell([hmm(t.total_minutes), s.open ? null : el('div', { class: 'note', text: 'if it were open' })], 'num') : cell(DASH, 'na');
    });
    box.appendChild(table);
    box.appendChild(el('p', {}, [el('a', { class: 'csv', href: '/analysis/routes/' + encodeURIComponent(id) + '/scenarios?f=csv' + dateQuery(),
      download: id + '-scenarios.csv', text: 'as CSV' })]));
  }).catch(function (e) {
    box.innerHTML = '';
    box.appendChild(el('p', { class: 'error', text: 'Not available: ' + e.message }));
  });
}

// ------------------------------------------------------------------ candidate map comparison
let areaMarkers = [];

export function renderMapPicks() {
  const a = document.getElementById('map-a'), b = document.getElementById('map-b');
  [a, b].forEach(function (s) {
    s.innerHTML = '';
    viewer.data.maps.forEach(function (m) { s.appendChild(el('option', { value: m.id, text: m.title + (m.lines > 0 ? '' : ' (no lines)') })); });
  });
  const withLines = viewer.data.maps.filter(function (m) { return m.lines > 0; });
  a.value = state.maps[0] || (withLines[0] || viewer.data.maps[0] || {}).id || '';
  b.value = state.maps[1] || (withLines[1] || viewer.data.maps[1] || {}).id || '';
}

export function clearDiff() {
  areaMarkers.forEach(function (m) { m.remove(); });
  areaMarkers = [];
  ['diff', 'exclaves'].forEach(function (id) {
    const src = viewer.map && viewer.map.getSource(id);
    if (src) { src.setData({ type: 'FeatureCollection', features: [] }); }
  });
}

/** The exclaves the comparison lists, as outlines (those with a polygon) for the map's exclaves source. */
function exclaveOutlines(exclaves) {
  return {
    type: 'FeatureCollection',
    features: exclaves.filter(function (x) { return !!x.geometry; }).map(function (x) {
      return { type: 'Feature', id: x.id, geometry: x.geometry, properties: { id: x.id, name: x.name, accuracy: x.accuracy } };
    })
  };
}

/** One row per exclave: who claims and who holds it, its area drawn and cited, and whether it is counted. */
function exclavesTable(exclaves) {
  const table = el('table', { id: 'map-exclaves-table' }, [el('caption', { text: 'Exclaves (dashed; dotted where schematic)' }),
    el('tr', {}, ['Exclave', 'Claimed by', 'Held by', 'km² drawn', 'km² cited', 'In the areas'].map(function (h) {
      return el('th', { scope: 'col', text: h });
    }))]);
  exclaves.forEach(function (x) {
    const tr = el('tr', { title: str(x.status) }, [el('td', { text: str(x.name) }), el('td', { text: countryName(x.claimed_by) }),
      el('td', { text: countryName(x.controlled_by) }),
      el('td', { class: 'num', text: isNum(x.area_km2) ? String(x.area_km2) : DASH }),
      el('td', { class: 'num', text: isNum(x.cited_area_km2) ? String(x.cited_area_km2) : DASH }),
      el('td', { text: x.counted ? 'counted' : 'not counted' })]);
    if (x.geometry) {
      const zoomTo = function () {
        const fb = boundsOf(x.geometry);
        if (fb) { viewer.map.fitBounds(fb, { padding: 80, maxZoom: 12 }); }
      };
      tr.setAttribute('tabindex', '0');
      tr.addEventListener('click', zoomTo);
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { zoomTo(); } });
    }
    table.appendChild(tr);
  });
  return table;
}

function mapTitle(id) {
  const m = viewer.data.maps.filter(function (x) { return x.id === id; })[0];
  return m ? m.title : id;
}

/** "Armenian under map A, Azerbaijani under map B" for one area between the lines. */
function plainly(p, a, b) {
  if (!p.state_a || !p.state_b) { return 'side undetermined'; }
  return (ADJECTIVES[p.state_a] || p.state_a) + ' under ' + mapTitle(a) + ', ' + (ADJECTIVES[p.state_b] || p.state_b) + ' under ' + mapTitle(b);
}

export function compareMaps(zoom) {
  const a = document.getElementById('map-a').value, b = document.getElementById('map-b').value;
  const box = document.getElementById('map-diff');
  box.innerHTML = '';
  clearDiff();
  if (!a || !b || a === b) { box.appendChild(el('p', { class: 'error', text: 'Pick two different maps.' })); return; }
  state.maps = [a, b];
  writeHash();
  box.appendChild(el('p', { class: 'hint', text: 'Comparing…' }));
  const path = '/analysis/boundaries/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b);
  fetchJson(path, true).then(function (fc) {
    viewer.lastMapComparison = fc;
    const features = (fc && fc.features) || [];
    viewer.map.getSource('diff').setData({ type: 'FeatureCollection', features: features });
    box.innerHTML = '';
    if (fc && fc.comparable === false) {
      box.appendChild(el('p', { class: 'hint', 'data-comparable': 'false', text: 'Not comparable: ' + list(fc.notes).join(' ') }));
      return;
    }
    const table = el('table', { id: 'map-compare-table' }, [el('tr', {}, [el('th', { scope: 'col', text: 'Area between the lines' }),
      el('th', { scope: 'col', text: 'Which side' }), el('th', { scope: 'col', text: 'km²' })])]);
    let total = 0, bounds = null;
    const used = {};
    features.forEach(function (f, i) {
      const p = f.properties || {};
      const km2 = p.area_km2;
      if (typeof km2 === 'number') { total += km2; }
      let label = formatValue(p.places) || formatValue(p.sections) || ('area ' + (i + 1));
      used[label] = (used[label] || 0) + 1;
      if (used[label] > 1) { label += ' (' + used[label] + ')'; }
      const row = el('tr', { title: 'Zoom to this area', tabindex: '0' }, [el('td', { text: label }), el('td', { text: plainly(p, a, b) }),
        el('td', { class: 'num', text: km2 === undefined ? '' : String(km2) })]);
      const zoomTo = function () {
        const fb = boundsOf(f.geometry);
        if (fb) { viewer.map.fitBounds(fb, { padding: 80, maxZoom: 12 }); }
      };
      row.addEventListener('click', zoomTo);
      row.addEventListener('keydown', function (e) { if (e.key === 'Enter') { zoomTo(); } });
      table.appendChild(row);
      bounds = unionBounds(bounds, boundsOf(f.geometry));
      const at = anchorOf(f.geometry);
      if (at && km2 !== undefined) {
        const marker = new maplibregl.Marker({ element: el('div', { class: 'area-label', text: km2 + ' km²' }) }).setLngLat(at).addTo(viewer.map);
        plainMarker(marker.getElement());
        areaMarkers.push({ km2: km2, marker: marker });
      }
    });
    box.appendChild(el('p', { class: 'hint', text: features.length + ' area(s) between the lines, ' + (Math.round(total * 1000) / 1000) + ' km² in all. '
      + 'Each row says which state each map puts the area in.' }));
    box.appendChild(el('p', {}, [el('a', { class: 'csv', href: path + '&f=csv', download: 'map-comparison-' + a + '-' + b + '.csv', text: 'as CSV' })]));
    if (features.length) { box.appendChild(table); }
    const exclaves = list(fc.exclaves);
    viewer.map.getSource('exclaves').setData(exclaveOutlines(exclaves));
    if (exclaves.length) { box.appendChild(exclavesTable(exclaves)); }
    if (bounds && zoom !== false) { viewer.map.fitBounds(bounds, { padding: 40, maxZoom: 11 }); }
    placeAreaLabels();
  }).catch(function (e) {
    box.innerHTML = '';
    box.appendChild(el('p', { class: 'error', text: 'Map comparison is not available: ' + e.message }));
  });
}
viewer.compareMaps = compareMaps;

/** km² labels: the largest areas first, none over another. */
export function placeAreaLabels() {
  const map = viewer.map;
  const taken = [];
  areaMarkers.slice().sort(function (x, y) { return y.km2 - x.km2; }).forEach(function (m) {
    const e = m.marker.getElement();
    const p = map.project(m.marker.getLngLat());
    const w = e.offsetWidth || 60, h = e.offsetHeight || 14;
    const box = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
    const free = !taken.some(function (b) { return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]; });
    if (free) { taken.push(box); }
    e.style.visibility = free ? '' : 'hidden';
  });
}

export function setupComparisons() {
  document.getElementById('compare-routes').addEventListener('click', function () { compareRoutes(); });
  document.getElementById('clear-routes').addEventListener('click', function () {
    state.routes = [];
    syncRoutePicks();
    applyFilters();
    closeDrawer();
    writeHash();
  });
  document.getElementById('drawer-close').addEventListener('click', closeDrawer);
  document.getElementById('compare-maps').addEventListener('click', compareMaps);
  document.getElementById('clear-maps').addEventListener('click', function () {
    state.maps = [];
    clearDiff();
    document.getElementById('map-diff').innerHTML = '';
    writeHash();
  });
  // the drawer is as wide as the reader drags it
  const handle = document.getElementById('drawer-handle');
  handle.addEventListener('pointerdown', function (e) {
    const drawer = document.getElementById('drawer');
    const startX = e.clientX, startW = drawer.offsetWidth;
    handle.setPointerCapture(e.pointerId);
    const move = function (ev) { drawer.style.width = Math.max(280, Math.min(window.innerWidth - 200, startW - (ev.clientX - startX))) + 'px'; };
    const up = function () {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      if (viewer.map) { viewer.map.resize(); }
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', function (e) {
    const drawer = document.getElementById('drawer');
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      drawer.style.width = Math.max(280, drawer.offsetWidth + (e.key === 'ArrowLeft' ? 40 : -40)) + 'px';
      if (viewer.map) { viewer.map.resize(); }
      e.preventDefault();
    }
  });
  const refresh = function () {
    if (state.routes.length >= 2 && !document.getElementById('drawer').hidden) { compareRoutes(false); }
  };
  on('scenario', refresh);
  on('date', refresh);
  on('refresh', function () {
    refresh();
    if (state.maps.length === 2 && document.getElementById('map-diff').childNodes.length) { compareMaps(); }
  });
}
