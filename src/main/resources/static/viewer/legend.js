/* The side panel's legend, layer toggles, and the positions the chosen scenario encodes, with their sources. */
import { viewer, state, emit } from './state.js';
import { el, str, list } from './util.js';
import { swatch, regimeLegendEntries, COUNTRY_COLOURS, KIND_COLOURS, STATUS_STYLES, CHECKPOINT_KINDS, EVENT_COLOUR, regimeColour } from './palette.js';
import { VIA_GROUPS, isOn, applyFilters, mapStyle } from './map.js';
import { writeHash } from './hash.js';

let toggles = [];

function buildToggles() {
  toggles = [];
  toggles.push({ group: 'Base map' });
  toggles.push({ key: 'countries', label: 'Countries', swatch: { type: 'fill', colour: COUNTRY_COLOURS.ARM, colour2: COUNTRY_COLOURS.AZE } });
  toggles.push({ key: 'events', label: 'Events up to the date', swatch: { type: 'dot', colour: EVENT_COLOUR, stroke: '#fff', width: 1 } });
  toggles.push({ group: 'Candidate boundary maps' });
  viewer.data.maps.forEach(function (m) {
    const has = m.lines > 0;
    toggles.push({ key: 'map:' + m.id, label: m.title + (has ? '' : ' (no lines stored)'), disabled: !has,
      swatch: { type: 'line', colour: mapStyle(m.id).colour } });
  });
  toggles.push({ group: 'Held and disputed areas (hatched: schematic shape)' });
  Object.keys(KIND_COLOURS).forEach(function (k) {
    toggles.push({ key: 'kind:' + k, label: k, swatch: { type: 'fill', colour: KIND_COLOURS[k], opacity: 0.8 } });
  });
  toggles.push({ group: 'Routes by transit state' });
  VIA_GROUPS.forEach(function (g) { toggles.push({ key: 'via:' + g.key, label: g.label, swatch: null }); });
  toggles.push({ group: 'Routes by status (line pattern)' });
  STATUS_STYLES.forEach(function (s) {
    toggles.push({ key: 'status:' + s.key, label: s.label, swatch: { type: 'line', colour: '#333333', dash: s.dash } });
  });
  toggles.push({ group: 'Checkpoints by kind (ring)' });
  Object.keys(CHECKPOINT_KINDS).forEach(function (k) {
    toggles.push({ key: 'cp:' + k, label: k, swatch: { type: 'dot', colour: '#ffffff', width: CHECKPOINT_KINDS[k].stroke } });
  });
}

export function renderToggles() {
  buildToggles();
  const box = document.getElementById('layers');
  box.innerHTML = '';
  let group = null;
  toggles.forEach(function (t) {
    if (t.group) {
      group = el('fieldset', { class: 'group' }, [el('legend', { text: t.group })]);
      box.appendChild(group);
      return;
    }
    const id = 'layer-' + t.key.replace(/[^a-zA-Z0-9_-]/g, '_');
    const cb = el('input', { type: 'checkbox', 'data-layer': t.key, id: id });
    cb.checked = isOn(t.key) && !t.disabled;
    if (t.disabled) { cb.disabled = true; }
    cb.addEventListener('change', function () { setLayer(t.key, cb.checked); });
    group.appendChild(el('label', { class: t.disabled ? 'disabled' : '', for: id }, [cb, t.swatch ? swatch(t.swatch) : null, el('span', { text: t.label })]));
  });
}

/** Brings the checkboxes in line with the state (after a changed link). */
export function syncToggles() {
  document.querySelectorAll('#layers input[data-layer]').forEach(function (cb) {
    if (!cb.disabled) { cb.checked = isOn(cb.getAttribute('data-layer')); }
  });
}

export function setLayer(key, on) {
  state.off = state.off.filter(function (k) { return k !== key; });
  if (!on) { state.off.push(key); }
  applyFilters();
  writeHash();
  emit('layers');
}
viewer.setLayer = setLayer;

export function currentScenario() {
  return viewer.data.scenarios.filter(function (s) { return s.id === state.scenario; })[0];
}

/** The regime legend: what the route and checkpoint colours mean, as the map draws them. */
export function renderRegimeLegend() {
  const box = document.getElementById('regimes');
  box.innerHTML = '';
  const sc = currentScenario();
  document.getElementById('scenario-name').textContent = (sc ? sc.name : state.scenario) + ' · ' + (state.date || 'today');
  regimeLegendEntries(viewer.data.regimes).forEach(function (r) {
    box.appendChild(el('div', { class: 'row', title: r.description || '', 'data-regime': r.code }, [
      swatch({ type: 'line', colour: r.colour, width: 5 }), swatch({ type: 'dot', colour: r.colour }),
      el('span', { text: r.name + (r.code ? ' (' + r.code + ')' : '') })]));
  });
  box.appendChild(el('div', { class: 'row' }, [swatch({ type: 'dot', colour: regimeColour('CLOSED'), stroke: '#222' }),
    el('span', { text: '× on a checkpoint: closed under the scenario' })]));
  box.appendChild(el('p', { class: 'hint', text: 'Route lines and checkpoint dots take the control regime in force on the date under the scenario; '
    + 'a route\'s is the one on its transit segment. The line pattern is the route\'s status.' }));
}

/** The palette as the legend shows it, for tests and the export: code → colour. */
viewer.regimePalette = function () {
  const out = {};
  regimeLegendEntries(viewer.data.regimes).forEach(function (r) { if (r.code) { out[r.code] = r.colour; } });
  return out;
};

/** A source as a link to its record, with its title, publisher, date and its own URL. */
export function sourceItem(id) {
  const s = viewer.data.sources[id];
  const li = el('li', { 'data-source': id });
  li.appendChild(el('a', { class: 'source-title', href: '/collections/sources/items/' + encodeURIComponent(id) + '?f=html',
    target: '_blank', rel: 'noopener', text: (s && s.title) || id }));
  if (s) {
    const meta = [s.publisher, s.published].filter(Boolean).join(', ');
    if (meta) { li.appendChild(document.createTextNode(' — ' + meta)); }
    [s.url, s.reference].filter(Boolean).forEach(function (ref, i, all) {
      if (i > 0 && ref === all[0]) { return; }
      li.appendChild(el('br'));
      if (/^https?:\/\//.test(ref)) {
        li.appendChild(el('a', { class: 'ref', href: ref, target: '_blank', rel: 'noopener noreferrer', text: ref }));
      } else {
        li.appendChild(el('span', { class: 'ref', text: ref }));
      }
    });
  }
  return li;
}

export function sourcesList(ids) {
  const ul = el('ul', { class: 'sources' });
  list(ids).forEach(function (id) { ul.appendChild(sourceItem(id)); });
  return ul;
}

/** The positions the chosen scenario encodes, by party, each with who stated it, when, and the sources. */
export function renderPositions() {
  const box = document.getElementById('positions');
  box.innerHTML = '';
  const sc = currentScenario();
  const ids = list(sc && sc.positions);
  const byId = {};
  viewer.data.positions.forEach(function (p) { byId[p.id] = p; });
  if (!ids.length) {
    box.appendChild(el('p', { class: 'hint', text: 'This scenario encodes no stated position (it follows the record or is a snapshot).' }));
    return;
  }
  const parties = {};
  ids.forEach(function (id) {
    const p = byId[id];
    if (p) { (parties[p.party] = parties[p.party] || []).push(p); }
  });
  Object.keys(parties).forEach(function (party) {
    box.appendChild(el('h3', { class: 'party', text: party === 'joint' ? 'Joint text' : party }));
    parties[party].forEach(function (p) {
      box.appendChild(el('div', { class: 'position', 'data-position': p.id }, [
        el('strong', { text: str(p.topic) + ': ' }), str(p.position) + ' ',
        el('span', { class: 'hint', text: '(' + str(p.stated_by) + (p.stated_on ? ', ' + p.stated_on : '') + ')' }),
        sourcesList(p.sources)]));
    });
  });
}
