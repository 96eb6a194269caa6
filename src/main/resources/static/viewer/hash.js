/*
 * The view in the URL's fragment: map=zoom/lat/lon, scenario, date, off (hidden layers), routes, maps, sel,
 * lang. A fragment changed by hand (or by a link followed in the open tab) is applied as it is read.
 */
import { state } from './state.js';

/** The fragment's values, parsed; keys that are absent are absent. */
export function parseHash(hash) {
  const out = {};
  (hash || '').replace(/^#/, '').split('&').forEach(function (part) {
    const i = part.indexOf('=');
    if (i < 0) { return; }
    const k = part.slice(0, i);
    let v;
    try { v = decodeURIComponent(part.slice(i + 1)); } catch (e) { return; }
    if (k === 'map') {
      const p = v.split('/').map(Number);
      if (p.length === 3 && p.every(isFinite)) { out.view = { zoom: p[0], center: [p[2], p[1]] }; }
    } else if (k === 'scenario' && v) {
      out.scenario = v;
    } else if (k === 'date' && v) {
      out.date = v;
    } else if (k === 'off') {
      out.off = v ? v.split(',') : [];
    } else if (k === 'routes') {
      out.routes = v ? v.split(',').slice(0, 4) : [];
    } else if (k === 'maps') {
      out.maps = v ? v.split(',').slice(0, 2) : [];
    } else if (k === 'sel') {
      out.sel = v || null;
    } else if (k === 'lang' && v) {
      out.lang = v;
    }
  });
  return out;
}

/** Reads the fragment into the state (start-up). */
export function readHash() {
  const h = parseHash(location.hash);
  Object.keys(h).forEach(function (k) { state[k] = h[k]; });
}

let written = '';

export function writeHash() {
  const map = window.viewer.map;
  const parts = [];
  if (map) {
    const c = map.getCenter();
    parts.push('map=' + map.getZoom().toFixed(2) + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4));
  }
  const scenario = state.scenario || window.viewer.defaultScenario;
  if (scenario) { parts.push('scenario=' + encodeURIComponent(scenario)); }
  if (state.date) { parts.push('date=' + state.date); }
  if (state.off.length) { parts.push('off=' + state.off.map(encodeURIComponent).join(',')); }
  if (state.routes.length) { parts.push('routes=' + state.routes.map(encodeURIComponent).join(',')); }
  if (state.maps.length === 2) { parts.push('maps=' + state.maps.map(encodeURIComponent).join(',')); }
  if (state.sel) { parts.push('sel=' + encodeURIComponent(state.sel)); }
  if (state.lang && state.lang !== 'en') { parts.push('lang=' + encodeURIComponent(state.lang)); }
  written = '#' + parts.join('&');
  if (location.hash !== written) { history.replaceState(null, '', written); }
}

/** Calls apply(values) when the fragment changes by anything but the viewer itself. */
export function followHash(apply) {
  window.addEventListener('hashchange', function () {
    if (location.hash === written) { return; }
    apply(parseHash(location.hash));
  });
}
