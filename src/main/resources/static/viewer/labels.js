/*
 * Map labels without a glyph server: HTML elements placed over the map (MapLibre markers), drawn with the
 * browser's own fonts, so nothing is fetched at run time. Names of places come from the data (`names` by
 * language, else `name`); country names are the viewer's own words in each language. A label that would
 * overlap one placed before it (countries, then checkpoints, held areas, routes) is hidden.
 */
import { viewer, state } from './state.js';
import { el, anchorOf, str } from './util.js';
import { isOn } from './map.js';
import { shownDate } from './timeline.js';

export const LANGUAGES = [['en', 'English'], ['hy', 'Հայերեն (Armenian)'], ['az', 'Azərbaycanca (Azerbaijani)'], ['ru', 'Русский (Russian)']];

const COUNTRY_LABELS = [
  { key: 'ARM', at: [44.75, 40.35], names: { en: 'Armenia', hy: 'Հայաստան', az: 'Ermənistan', ru: 'Армения' } },
  { key: 'AZE', at: [48.0, 40.45], names: { en: 'Azerbaijan', hy: 'Ադրբեջան', az: 'Azərbaycan', ru: 'Азербайджан' } },
  { key: 'NAX', at: [45.35, 39.35], names: { en: 'Nakhchivan (AZE)', hy: 'Նախիջևան (Ադրբ.)', az: 'Naxçıvan', ru: 'Нахичевань (Азерб.)' } },
  { key: 'GEO', at: [44.4, 41.75], names: { en: 'Georgia', hy: 'Վրաստան', az: 'Gürcüstan', ru: 'Грузия' } },
  { key: 'IRN', at: [46.9, 37.75], names: { en: 'Iran', hy: 'Իրան', az: 'İran', ru: 'Иран' } },
  { key: 'TUR', at: [43.2, 39.6], names: { en: 'Türkiye', hy: 'Թուրքիա', az: 'Türkiyə', ru: 'Турция' } },
  { key: 'RUS', at: [47.3, 42.3], names: { en: 'Russia', hy: 'Ռուսաստան', az: 'Rusiya', ru: 'Россия' } }
];

/** The feature's name in the chosen language where the data has it, else its own name. */
export function localName(props) {
  if (!props) { return ''; }
  let names = props.names;
  if (typeof names === 'string') { try { names = JSON.parse(names); } catch (e) { names = null; } }
  if (names && typeof names === 'object' && typeof names[state.lang] === 'string') { return names[state.lang]; }
  return str(props.name);
}

let labels = [];

/** A marker used as a label: text for the eye (the same names are in the panels), no "Map marker" for screen readers. */
export function plainMarker(e) {
  e.removeAttribute('aria-label');
  e.setAttribute('aria-hidden', 'true');
}

function validOn(f, day) {
  return (!f.valid_from || f.valid_from <= day) && (!f.valid_to || f.valid_to >= day);
}

/** The labels for the current language and day: { kind, text, at, minzoom, layer }. */
function labelList() {
  const day = shownDate();
  const out = [];
  COUNTRY_LABELS.forEach(function (c) { out.push({ kind: 'country', text: c.names[state.lang] || c.names.en, at: c.at, minzoom: 0, layer: 'countries', id: c.key }); });
  viewer.data.labelCheckpoints.filter(function (f) { return validOn(f, day); }).forEach(function (f) {
    out.push({ kind: 'checkpoint', text: localName(f), at: anchorOf(f.geometry), minzoom: 7, layer: 'cp:' + f.kind, id: f.id });
  });
  viewer.data.labelAreas.filter(function (f) { return validOn(f, day) && f.geometry; }).forEach(function (f) {
    out.push({ kind: 'area', text: localName(f), at: anchorOf(f.geometry), minzoom: 8, layer: 'kind:' + f.kind, id: f.id });
  });
  viewer.data.labelRoutes.forEach(function (f) {
    out.push({ kind: 'route', text: localName(f), at: anchorOf(f.geometry), minzoom: 8, layer: 'routes', id: f.id });
  });
  return out.filter(function (l) { return l.at && l.text; });
}

export function renderLabels() {
  labels.forEach(function (l) { l.marker.remove(); });
  labels = [];
  if (!viewer.map) { return; }
  document.documentElement.setAttribute('data-label-lang', state.lang);
  labelList().forEach(function (l) {
    const e = el('div', { class: 'map-label ' + l.kind + '-label', 'data-label': l.kind + ':' + l.id, lang: state.lang, text: l.text });
    l.offset = l.kind === 'checkpoint' ? 14 : 0; // under the dot, not over it
    l.marker = new maplibregl.Marker({ element: e, offset: [0, l.offset] }).setLngLat(l.at).addTo(viewer.map);
    plainMarker(e);
    l.element = e;
    labels.push(l);
  });
  placeLabels();
}

/** Shows the labels whose layer is on, whose zoom has come, and that overlap no label shown before them. */
export function placeLabels() {
  const map = viewer.map;
  if (!map) { return; }
  const zoom = map.getZoom();
  const taken = [];
  labels.forEach(function (l) {
    let show = zoom >= l.minzoom && (l.layer === 'routes' || isOn(l.layer)) && (l.kind !== 'country' || isOn('countries'));
    if (show) {
      const p = map.project(l.at);
      const w = l.element.offsetWidth || l.text.length * 7, h = l.element.offsetHeight || 14;
      const box = [p.x - w / 2, p.y + l.offset - h / 2, p.x + w / 2, p.y + l.offset + h / 2];
      show = !taken.some(function (b) { return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]; });
      if (show) { taken.push(box); }
    }
    l.element.style.display = show ? '' : 'none';
    l.shown = show;
  });
}

/** The labels shown now, in map pixels, for the exported image. */
export function shownLabels() {
  return labels.filter(function (l) { return l.shown; }).map(function (l) {
    const p = viewer.map.project(l.at);
    return { kind: l.kind, text: l.text, x: p.x, y: p.y + l.offset };
  });
}

viewer.labels = function () {
  return labels.map(function (l) { return { kind: l.kind, id: l.id, text: l.text, shown: !!l.shown }; });
};

export function setupLanguages() {
  const sel = document.getElementById('lang');
  sel.innerHTML = '';
  LANGUAGES.forEach(function (l) { sel.appendChild(el('option', { value: l[0], text: l[1] })); });
  if (!LANGUAGES.some(function (l) { return l[0] === state.lang; })) { state.lang = 'en'; }
  sel.value = state.lang;
}
