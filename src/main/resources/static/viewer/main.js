/*
 * corridor-gis map viewer (loaded by viewer.js): MapLibre GL JS over the service's own vector tiles, no external resources.
 * This module starts the viewer and wires the others together:
 *   state.js    shared state, events and extension points (viewer.hooks, viewer.refreshComparison)
 *   hash.js     the view in the link          map.js       style, tiles, filters
 *   legend.js   legend, layers, positions     timeline.js  the date slider and the events
 *   popup.js    popups and the chooser        labels.js    map labels in four languages
 *   compare.js  route and map comparisons     territory.js held-territory panel
 *   export.js   PNG, GeoPackage, CSV, print
 */
import { viewer, state, emit, on } from './state.js';
import { el, fetchJson, items, status } from './util.js';
import { readHash, writeHash, followHash } from './hash.js';
import { createMap, applyFilters, refreshTiles, boundaryColourExpression } from './map.js';
import { renderToggles, syncToggles, renderRegimeLegend, renderPositions } from './legend.js';
import { setupTimeline, setDate, validDate } from './timeline.js';
import { onClick, featuresAt, openSelection } from './popup.js';
import { renderLabels, placeLabels, setupLanguages } from './labels.js';
import { renderRoutePicks, syncRoutePicks, renderMapPicks, compareRoutes, compareMaps, setupComparisons, placeAreaLabels, clearDiff } from './compare.js';
import { renderTerritory } from './territory.js';
import { setupExport } from './export.js';

function knownScenario(id) {
  return viewer.data.scenarios.some(function (s) { return s.id === id; });
}

/** Switches the scenario; an id the data does not have is refused with a message and changes nothing. */
export function setScenario(id) {
  if (!knownScenario(id)) {
    status('There is no scenario "' + id + '"; still showing ' + state.scenario + '. The scenarios are: '
      + viewer.data.scenarios.map(function (s) { return s.id; }).join(', ') + '.', 'error');
    writeHash();
    return false;
  }
  state.scenario = id;
  document.getElementById('scenario').value = id;
  refreshTiles();
  renderRegimeLegend();
  renderPositions();
  writeHash();
  emit('scenario');
  return true;
}
viewer.setScenario = setScenario;

function setLang(lang) {
  state.lang = lang;
  document.getElementById('lang').value = lang;
  renderLabels();
  writeHash();
  emit('lang');
}
viewer.setLang = setLang;

/** A link changed in the open tab: the whole view follows it (what the link leaves out goes back to its default). */
function applyLink(h) {
  status('');
  if (h.scenario && h.scenario !== state.scenario) { setScenario(h.scenario); }
  if (!h.scenario && state.scenario !== viewer.defaultScenario) { setScenario(viewer.defaultScenario); }
  const date = h.date || null;
  if (date && !validDate(date)) {
    status('"' + date + '" is not a day between 1991-01-01 and today (YYYY-MM-DD); still showing ' + (state.date || 'today') + '.', 'error');
  } else if (date !== state.date) {
    setDate(date);
  }
  if (h.view) { viewer.map.jumpTo({ center: h.view.center, zoom: h.view.zoom }); }
  state.off = h.off || [];
  syncToggles();
  state.routes = h.routes || [];
  syncRoutePicks();
  applyFilters();
  if (state.routes.length >= 2) { compareRoutes(false); }
  const maps = h.maps || [];
  if (maps.length === 2 && maps.join() !== state.maps.join()) {
    document.getElementById('map-a').value = maps[0];
    document.getElementById('map-b').value = maps[1];
    compareMaps();
  } else if (maps.length < 2 && state.maps.length) {
    state.maps = [];
    clearDiff();
    document.getElementById('map-diff').innerHTML = '';
  }
  if (h.lang && h.lang !== state.lang) { setLang(h.lang); }
  if (h.sel && h.sel !== state.sel) { openSelection(h.sel); }
  writeHash();
}

function loadLists() {
  return Promise.all([
    items('boundary-maps').catch(function () { return []; }),
    items('routes', '&properties=name,names,via,status,mode,accuracy', true).catch(function () { return []; }),
    items('control-regimes').catch(function () { return []; }),
    fetchJson('/collections/boundary-lines/items?limit=1000&properties=map_id').then(function (fc) {
      const count = {};
      (fc.features || []).forEach(function (f) { const m = f.properties.map_id; count[m] = (count[m] || 0) + 1; });
      return count;
    }).catch(function () { return {}; }),
    items('positions', '&properties=party,topic,position,stated_by,stated_on,sources').catch(function () { return []; }),
    items('events', '&properties=title,event_date,kind,description,sources,changed', true).catch(function () { return []; }),
    items('sources').catch(function () { return []; }),
    items('checkpoints', '&properties=name,names,kind,valid_from,valid_to', true).catch(function () { return []; }),
    items('disputed-areas', '&properties=name,names,kind,accuracy,valid_from,valid_to', true).catch(function () { return []; })
  ]).then(function (r) {
    viewer.data.maps = r[0].map(function (m) { return Object.assign(m, { lines: r[3][m.id] || 0 }); });
    viewer.data.routes = r[1];
    viewer.data.labelRoutes = r[1];
    viewer.data.regimes = r[2];
    viewer.data.positions = r[4];
    viewer.data.events = r[5];
    viewer.data.sources = {};
    r[6].forEach(function (s) { viewer.data.sources[s.id] = s; });
    viewer.data.labelCheckpoints = r[7];
    viewer.data.labelAreas = r[8];
  });
}

let dataReady = false, mapReady = false, started = false;

function whenBoth() {
  if (!dataReady || !mapReady || started) { return; }
  started = true;
  const map = viewer.map;
  map.setPaintProperty('boundary-lines', 'line-color', boundaryColourExpression());
  applyFilters();
  renderLabels();
  writeHash();
  // a link with a view keeps it; without one the map goes to what the link compares
  if (state.maps.length === 2) { compareMaps(!state.view); }
  if (state.routes.length >= 2) { compareRoutes(!state.view); }
  if (state.sel) { openSelection(state.sel, !state.view); }
  map.on('moveend', function () { placeLabels(); placeAreaLabels(); writeHash(); });
  on('layers', placeLabels);
  on('date', renderLabels);
  map.once('idle', function () {
    viewer.firstRenderMs = Math.round(performance.now());
    viewer.ready = true;
    document.body.setAttribute('data-ready', 'true');
  });
  map.triggerRepaint();
}

function start() {
  // a signed-in tab (editing.js keeps the token in sessionStorage) may have written before this load: what the
  // browser keeps is revalidated (304 when unchanged), so a scenario made a moment ago is in the lists
  if (sessionStorage.getItem('corridor-gis.token')) { viewer.fetchCache = 'no-cache'; }
  readHash();
  const problems = [];
  if (state.date && !validDate(state.date)) {
    problems.push('"' + state.date + '" in the link is not a day between 1991-01-01 and today; showing today.');
    state.date = null;
  }
  setupLanguages();
  setupComparisons();
  setupExport();
  // the scenario of the link is checked before any tile is asked for under it
  Promise.all([
    items('scenarios', '&properties=name,description,positions,valid_from,valid_to,created_by').catch(function () { return []; }),
    fetchJson('/scenarios').catch(function () { return {}; })
  ]).then(function (r) {
    const scenarios = r[0];
    viewer.data.scenarios = scenarios;
    viewer.defaultScenario = r[1].default_scenario || (scenarios[0] && scenarios[0].id) || null;
    if (!state.scenario) {
      state.scenario = viewer.defaultScenario;
    } else if (scenarios.length && !knownScenario(state.scenario)) {
      problems.push('There is no scenario "' + state.scenario + '"; showing ' + viewer.defaultScenario + ' instead. The scenarios are: '
        + scenarios.map(function (s) { return s.id; }).join(', ') + '.');
      state.scenario = viewer.defaultScenario;
    }
    if (problems.length) { status(problems.join(' '), 'error'); }
    const sel = document.getElementById('scenario');
    // a user's own scenario says whose it is wherever it is offered
    scenarios.forEach(function (s) { sel.appendChild(el('option', { value: s.id, text: s.created_by ? s.name + ' (by ' + s.created_by + ')' : s.name })); });
    sel.value = state.scenario;
    sel.addEventListener('change', function () { setScenario(sel.value); });
    createMap(function (map) {
      map.on('click', onClick);
      map.on('mousemove', function (e) { map.getCanvas().style.cursor = featuresAt(e.point).length ? 'pointer' : ''; });
      mapReady = true;
      whenBoth();
    });
    return loadLists();
  }).then(function () {
    renderToggles();
    renderRegimeLegend();
    renderPositions();
    renderRoutePicks();
    renderMapPicks();
    setupTimeline();
    renderTerritory();
    emit('data');
    dataReady = true;
    whenBoth();
  });

  document.getElementById('lang').addEventListener('change', function (e) { setLang(e.target.value); });
  followHash(function (h) { if (started) { applyLink(h); } });
  document.getElementById('share').addEventListener('click', function () {
    writeHash();
    const done = function () { status('Link to this view copied.'); setTimeout(function () { status(''); }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(location.href).then(done, function () { status(location.href); });
    } else {
      status(location.href);
    }
  });
}

if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
