/*
 * Colours and patterns, one meaning each. The control regimes take a colour-blind-safe set (Okabe & Ito
 * 2008, with two colours of P. Tol's set) chosen so that every pair stays apart under deuteranopia and
 * protanopia; everything else keeps out of those colours: countries are pale tints, held areas one wine hue
 * in shades (with a hatch where the shape is schematic), candidate maps dark neutral tones with their own
 * dash, route status a dash pattern, checkpoint kind a shape-like outline width.
 */
import { el } from './util.js';

export const REGIME_COLOURS = {
  'CLOSED': '#000000', 'INTL-TRANSIT': '#117733', 'NATIONAL': '#004488', 'DOMESTIC': '#DDCC77',
  'FSB-OVERSIGHT': '#CC79A7', 'TRIPP': '#D55E00', 'UNINSPECTED': '#F0E442', 'ART9-UNBLOCKED': '#56B4E9',
  // the Lachin corridor's regimes (2020–2023): a deep blue and a violet, each at least 35 CIE76 ΔE from every colour
  // above, from each other and from the candidate maps' and events' colours, under deuteranopia as in plain vision
  'RUS-PEACEKEEPERS': '#0000BB', 'AZE-CHECKPOINT': '#BB22FF'
};
/** Regimes the viewer does not know (added to the data later) share one neutral colour, said in the legend. */
export const REGIME_OTHER = '#888888';
/** No regime under the scenario: white with a dark outline. */
export const REGIME_NONE = '#FFFFFF';

export const COUNTRY_COLOURS = { ARM: '#f2e6d0', AZE: '#e2ebcf', GEO: '#e6e2ee', IRN: '#efe9dc', TUR: '#f0e0dc', RUS: '#e6e6e6' };
export const COUNTRY_OTHER = '#efefef';

export const KIND_COLOURS = {
  'held-since-1990s': '#4a1030', 'held-since-2021': '#882255', 'held-since-2022': '#a8457a', 'held-since-2023': '#6b1a44',
  'transferred-2024': '#c58fb0', 'exclave': '#7a6470'
};

export const MAP_STYLES = [
  { colour: '#332288', dash: null }, { colour: '#3b3b3b', dash: [3, 1.5] }, { colour: '#225566', dash: null },
  { colour: '#5a4a2a', dash: [1, 1.2] }, { colour: '#332288', dash: [4, 2] }, { colour: '#3b3b3b', dash: null },
  { colour: '#225566', dash: [2, 2] }, { colour: '#5a4a2a', dash: null }
];

export const STATUS_STYLES = [
  { key: 'solid', statuses: ['operating'], dash: null, label: 'operating' },
  { key: 'dash', statuses: ['under construction'], dash: [2, 1.5], label: 'under construction' },
  { key: 'dot', statuses: ['proposed', 'announced'], dash: [0.7, 1.3], label: 'proposed / announced' },
  { key: 'dashdot', statuses: ['disused'], dash: [4, 1.5, 1, 1.5], label: 'disused' }
];
export const ROUTE_STATUSES = ['operating', 'under construction', 'proposed', 'announced', 'disused'];

/** Checkpoint kind = outline width and ring (not colour: colour is the regime). */
export const CHECKPOINT_KINDS = {
  'border crossing': { stroke: 3, label: 'thick ring' }, 'bridge': { stroke: 1, label: 'thin ring' },
  'customs post': { stroke: 2, label: 'ring' }, 'passport post': { stroke: 2, label: 'ring' }
};

export const EVENT_COLOUR = '#5e3c99';
export const DIFF_COLOUR = '#44AA99';
/** Exclaves in the map comparison: outlined, never filled, so the areas between the lines stay readable under them. */
export const EXCLAVE_COLOUR = '#7a6470';

export function regimeColour(code) {
  if (!code) { return REGIME_NONE; }
  return REGIME_COLOURS[code] || REGIME_OTHER;
}

/** A MapLibre expression: the regime colour of a feature's `regime` property. */
export function regimeExpression() {
  const m = ['match', ['coalesce', ['get', 'regime'], '']];
  Object.keys(REGIME_COLOURS).forEach(function (c) { m.push(c, REGIME_COLOURS[c]); });
  m.push('', REGIME_NONE, REGIME_OTHER);
  return m;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A legend swatch drawn like the map draws it: fill, line with its dash, or a ringed dot. */
export function swatch(s) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '14');
  svg.setAttribute('class', 'sw');
  svg.setAttribute('aria-hidden', 'true');
  const add = function (name, attrs) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    svg.appendChild(e);
    return e;
  };
  if (s.type === 'dot') {
    add('circle', { cx: 13, cy: 7, r: 5, fill: s.colour || '#fff', stroke: s.stroke || '#222', 'stroke-width': s.width || 2 });
  } else if (s.type === 'line') {
    const w = s.width || 3;
    const line = add('line', { x1: 1, y1: 7, x2: 25, y2: 7, stroke: s.colour, 'stroke-width': w });
    if (s.dash) { line.setAttribute('stroke-dasharray', s.dash.map(function (d) { return d * w; }).join(' ')); }
  } else {
    add('rect', { x: 1, y: 1, width: 24, height: 12, fill: s.colour, stroke: 'rgba(0,0,0,.35)', 'fill-opacity': s.opacity || 1 });
    if (s.colour2) { add('rect', { x: 13, y: 1, width: 12, height: 12, fill: s.colour2 }); }
    if (s.hatch) {
      for (let x = -10; x < 26; x += 5) { add('line', { x1: x, y1: 13, x2: x + 12, y2: 1, stroke: '#ffffff', 'stroke-width': 1 }); }
    }
  }
  return svg;
}

/** The same swatch drawn on a 2D canvas (for the exported image). */
export function drawSwatch(ctx, s, x, y) {
  ctx.save();
  if (s.type === 'dot') {
    ctx.beginPath();
    ctx.arc(x + 13, y + 7, 5, 0, Math.PI * 2);
    ctx.fillStyle = s.colour || '#fff';
    ctx.fill();
    ctx.lineWidth = s.width || 2;
    ctx.strokeStyle = s.stroke || '#222';
    ctx.stroke();
  } else if (s.type === 'line') {
    const w = s.width || 3;
    ctx.lineWidth = w;
    ctx.strokeStyle = s.colour;
    ctx.setLineDash(s.dash ? s.dash.map(function (d) { return d * w; }) : []);
    ctx.beginPath();
    ctx.moveTo(x + 1, y + 7);
    ctx.lineTo(x + 25, y + 7);
    ctx.stroke();
  } else {
    ctx.fillStyle = s.colour;
    ctx.fillRect(x + 1, y + 1, 24, 12);
    ctx.strokeStyle = 'rgba(0,0,0,.35)';
    ctx.strokeRect(x + 1, y + 1, 24, 12);
  }
  ctx.restore();
}

/** A canvas pattern (diagonal white hatch) for schematic shapes, as MapLibre image data. */
export function hatchImage() {
  const size = 8;
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const ctx = c.getContext('2d');
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(size - 2, size + 2);
  ctx.lineTo(size + 2, size - 2);
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export function regimeLegendEntries(regimes) {
  const known = Object.keys(REGIME_COLOURS);
  const byCode = {};
  (regimes || []).forEach(function (r) { byCode[r.code] = r; });
  const rows = known.map(function (c) { return { code: c, name: (byCode[c] && byCode[c].name) || c, colour: REGIME_COLOURS[c], description: byCode[c] && byCode[c].description }; });
  (regimes || []).forEach(function (r) {
    if (known.indexOf(r.code) < 0) { rows.push({ code: r.code, name: r.name, colour: REGIME_OTHER, description: r.description }); }
  });
  rows.push({ code: '', name: 'no regime under the scenario', colour: REGIME_NONE });
  return rows;
}

export { el };
