/* Small helpers shared by the viewer's modules: DOM building, requests, values. */
import { viewer } from './state.js';

export const ORIGIN = location.origin;
export const DASH = '\u2014';

export function recordError(what) {
  viewer.errors.push(String(what));
  if (window.console) { console.warn('viewer: ' + what); }
}

/** Remembers the newest data version a response names (Data-Version): the tiles are asked for at it (map.js). */
export function noteDataVersion(response) {
  const v = Number(response.headers.get('Data-Version'));
  if (v > 0 && !(Number(viewer.dataVersion) >= v)) { viewer.dataVersion = v; }
}

/** How often a 503 with Retry-After is tried again (the service sheds analyses and big filters under load). */
const BUSY_RETRIES = 2;

/**
 * JSON of a path of the service; a failure is recorded (unless optional) and rethrown with the problem's detail. A
 * 503 that says when to come back (Retry-After: the service is busy, not broken) is tried again after that long.
 */
export function fetchJson(path, optional, retriesLeft) {
  if (retriesLeft === undefined) { retriesLeft = BUSY_RETRIES; }
  viewer.requests++;
  // viewer.fetchCache: 'no-cache' once this tab has written (editing.js), so that cached answers are revalidated
  return fetch(ORIGIN + path, { headers: { Accept: 'application/json' }, cache: viewer.fetchCache || 'default' }).then(function (r) {
    noteDataVersion(r);
    const wait = Number(r.headers.get('Retry-After'));
    if (r.status === 503 && wait > 0 && retriesLeft > 0) {
      return new Promise(function (resolve) { setTimeout(resolve, Math.min(wait, 10) * 1000); })
        .then(function () { return fetchJson(path, optional, retriesLeft - 1); });
    }
    if (!r.ok) {
      return r.text().then(function (t) {
        let detail = t;
        try { const p = JSON.parse(t); detail = p.detail || p.title || t; } catch (e) { /* not json */ }
        const err = new Error('HTTP ' + r.status + ': ' + detail);
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

/** An element with attributes ('text' = textContent, never HTML) and children (nodes or strings). */
export function el(tag, attrs, children) {
  const e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
  });
  (children || []).forEach(function (c) {
    if (c !== null && c !== undefined && c !== false) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
  });
  return e;
}

/** The features of a collection as flat objects (id + properties), optionally with their geometry. */
export function items(collection, extra, withGeometry) {
  return fetchJson('/collections/' + collection + '/items?limit=1000' + (extra || '')).then(function (fc) {
    return (fc.features || []).map(function (f) {
      const o = Object.assign({ id: f.id }, f.properties || {});
      if (withGeometry) { o.geometry = f.geometry; }
      return o;
    });
  });
}

export function isNum(v) { return typeof v === 'number' && isFinite(v); }
export function str(v) { return v === null || v === undefined ? '' : String(v); }
export function list(v) { return Array.isArray(v) ? v : []; }

/** A value as readable text: lists joined, nested objects as "key: value" pairs. */
export function formatValue(v) {
  if (v === null || v === undefined) { return null; }
  if (Array.isArray(v)) {
    if (v.every(function (x) { return x === null || typeof x !== 'object'; })) { return v.join(', '); }
    return v.map(formatValue).join('; ');
  }
  if (typeof v === 'object') {
    return Object.keys(v).filter(function (k) { return v[k] !== null && v[k] !== undefined; })
      .map(function (k) { return k + ': ' + formatValue(v[k]); }).join('; ');
  }
  return String(v);
}

export function today() { return new Date().toISOString().slice(0, 10); }

export function anchorOf(geometry) {
  if (!geometry) { return null; }
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point': return c;
    case 'MultiPoint': return c[0];
    case 'LineString': return c[Math.floor(c.length / 2)];
    case 'MultiLineString': return c[0][Math.floor(c[0].length / 2)];
    case 'Polygon': return ringCentre(c[0]);
    case 'MultiPolygon': return ringCentre(largestRing(c));
    default: return null;
  }
}

function largestRing(polygons) {
  let best = polygons[0][0], size = -1;
  polygons.forEach(function (p) {
    const b = boundsOf({ coordinates: p[0] });
    const s = b ? (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]) : 0;
    if (s > size) { size = s; best = p[0]; }
  });
  return best;
}

export function boundsOf(geometry) {
  let b = null;
  (function walk(c) {
    if (!Array.isArray(c) || !c.length) { return; }
    if (typeof c[0] === 'number') {
      b = b ? [[Math.min(b[0][0], c[0]), Math.min(b[0][1], c[1])], [Math.max(b[1][0], c[0]), Math.max(b[1][1], c[1])]] : [[c[0], c[1]], [c[0], c[1]]];
    } else {
      c.forEach(walk);
    }
  })((geometry && geometry.coordinates) || []);
  return b;
}

export function unionBounds(a, b) {
  if (!a) { return b; }
  if (!b) { return a; }
  return [[Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])], [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])]];
}

function ringCentre(ring) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  ring.forEach(function (p) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); });
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** A status line over the map; empty text hides it. */
export function status(text, kind) {
  const s = document.getElementById('status');
  s.hidden = !text;
  s.textContent = text || '';
  s.className = 'status' + (kind ? ' ' + kind : '');
}
