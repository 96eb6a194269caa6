/*
 * corridor-gis viewer: the changes editors have proposed to the official data, shown as proposals (an ES module
 * beside the viewer's). "Show proposals" draws each open proposal as the feature it would make
 * (GET .../items?include=proposals): dashed black outlines and hollow rings over the map, each labelled
 * "proposal by <author>". Its popup says what is proposed (for an update: each property from its current value to
 * the proposed one) and why; a signed-in reviewer accepts or rejects it there (POST /proposals/{id}/accept|reject).
 */
import { viewer, on } from './state.js';
import { el, fetchJson, anchorOf, formatValue, recordError } from './util.js';
import { CLICKABLE, refreshTiles } from './map.js';

const SOURCE = 'proposals';
const LAYERS = ['proposals-point', 'proposals-line', 'proposals-fill'];
const shown = viewer.proposals = { on: false, features: [], loaded: 0, lastDecision: null };
let markers = [];
let popup = null;

// proposals are found first under a click: they lie over the features they would change
CLICKABLE.unshift.apply(CLICKABLE, LAYERS);

function isPolygon() { return ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false]; }
function isLine() { return ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false]; }
function isPoint() { return ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false]; }

function ensureLayers(map) {
  if (map.getSource(SOURCE)) { return; }
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  // black dashes over a white casing: apart from every colour the map uses for data
  map.addLayer({ id: 'proposals-fill', type: 'fill', source: SOURCE, filter: isPolygon(),
    paint: { 'fill-color': '#000000', 'fill-opacity': 0.08 } });
  map.addLayer({ id: 'proposals-casing', type: 'line', source: SOURCE, filter: ['!', isPoint()],
    paint: { 'line-color': '#ffffff', 'line-width': 5 } });
  map.addLayer({ id: 'proposals-line', type: 'line', source: SOURCE, filter: ['!', isPoint()],
    paint: { 'line-color': '#000000', 'line-width': 2.5, 'line-dasharray': [2, 1.5] } });
  map.addLayer({ id: 'proposals-point', type: 'circle', source: SOURCE, filter: isPoint(),
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,255,255,0.35)', 'circle-stroke-color': '#000000', 'circle-stroke-width': 2.5 } });
}

function verb(operation) {
  return { create: 'new feature', replace: 'replacement', update: 'change', delete: 'deletion' }[operation] || operation;
}

function titleOf(f) {
  const p = f.properties || {};
  return p.name || p.title || p.section || f.id;
}

/** Reads the open proposals, then each collection's as features (include=proposals), and draws those with a place. */
function load() {
  const map = viewer.map;
  return fetchJson('/proposals').then(function (list) {
    const collections = [];
    list.proposals.forEach(function (p) { if (collections.indexOf(p.collection) < 0) { collections.push(p.collection); } });
    return Promise.all(collections.map(function (c) {
      return fetchJson('/collections/' + encodeURIComponent(c) + '/items?include=proposals&limit=1').then(function (fc) {
        return fc.features.filter(function (f) { return f.properties && f.properties.proposal; })
          .map(function (f) { f.properties.collection = c; return f; });
      });
    }));
  }).then(function (pages) {
    shown.features = [].concat.apply([], pages);
    const drawn = shown.features.filter(function (f) { return f.geometry; }).map(function (f) {
      const p = f.properties.proposal;
      return { type: 'Feature', geometry: f.geometry,
        properties: { id: 'proposal-' + p.id, proposal_id: p.id, author: p.author, operation: p.operation } };
    });
    ensureLayers(map);
    map.getSource(SOURCE).setData({ type: 'FeatureCollection', features: drawn });
    placeMarkers();
    renderList();
    shown.loaded++;
  }).catch(function (e) {
    recordError('proposals: ' + e.message);
    say('Could not read the proposals: ' + e.message);
  });
}

function placeMarkers() {
  markers.forEach(function (m) { m.remove(); });
  markers = [];
  if (!shown.on) { return; }
  shown.features.forEach(function (f) {
    const at = anchorOf(f.geometry);
    if (!at) { return; }
    const p = f.properties.proposal;
    const label = el('button', { type: 'button', class: 'proposal-label', 'data-proposal': String(p.id),
      text: 'proposal by ' + p.author + (p.operation === 'delete' ? ' (delete)' : '') });
    label.addEventListener('click', function (e) { e.stopPropagation(); showProposal(at, p.id); });
    markers.push(new maplibregl.Marker({ element: label, anchor: 'bottom', offset: [0, -12] }).setLngLat(at).addTo(viewer.map));
  });
}

function setVisible(on) {
  const map = viewer.map;
  shown.on = on;
  if (!map || !viewer.ready) { return; }
  if (!on) {
    if (map.getSource(SOURCE)) {
      LAYERS.concat(['proposals-casing']).forEach(function (id) { map.setLayoutProperty(id, 'visibility', 'none'); });
    }
    placeMarkers();
    renderList();
    return;
  }
  ensureLayers(map);
  LAYERS.concat(['proposals-casing']).forEach(function (id) { map.setLayoutProperty(id, 'visibility', 'visible'); });
  load();
}

function say(text) {
  const box = document.getElementById('proposals-status');
  if (box) { box.textContent = text; }
}

function renderList() {
  const list = document.getElementById('proposals-list');
  if (!list) { return; }
  list.innerHTML = '';
  if (!shown.on) { say(''); return; }
  say(shown.features.length ? shown.features.length + ' open proposal' + (shown.features.length === 1 ? '' : 's') + ':'
    : 'No open proposals.');
  shown.features.forEach(function (f) {
    const p = f.properties.proposal;
    const b = el('button', { type: 'button', class: 'link', 'data-proposal': String(p.id),
      text: verb(p.operation) + ' of ' + f.properties.collection + '/' + f.id + ' (proposal by ' + p.author + ')' });
    b.addEventListener('click', function () {
      const at = anchorOf(f.geometry);
      if (at) { viewer.map.easeTo({ center: at, duration: 0 }); }
      showProposal(at || viewer.map.getCenter().toArray(), p.id);
    });
    list.appendChild(el('li', {}, [b]));
  });
}

function byId(id) {
  return shown.features.filter(function (f) { return f.properties.proposal.id === Number(id); })[0];
}

/** Rows "property: current → proposed" of an update; the proposal keeps the merge patch it was sent as. */
function changes(f, into) {
  const p = f.properties.proposal;
  const collection = f.properties.collection;
  if (p.operation !== 'update') {
    const t = el('table', { class: 'proposal-changes' });
    Object.keys(f.properties).forEach(function (k) {
      if (k === 'proposal' || k === 'collection') { return; }
      const v = formatValue(f.properties[k]);
      if (v === null || v === '') { return; }
      t.appendChild(el('tr', {}, [el('th', { scope: 'row', text: k.replace(/_/g, ' ') }), el('td', { text: v })]));
    });
    into.appendChild(t);
    return Promise.resolve();
  }
  return Promise.all([fetchJson('/proposals/' + p.id),
    fetchJson('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(f.id), true).catch(function () { return null; })])
    .then(function (r) {
      const patch = r[0].feature || {};
      const current = (r[1] && r[1].properties) || {};
      const t = el('table', { class: 'proposal-changes' });
      Object.keys(patch.properties || {}).forEach(function (k) {
        const to = patch.properties[k];
        t.appendChild(el('tr', { 'data-property': k }, [el('th', { scope: 'row', text: k.replace(/_/g, ' ') }),
          el('td', { text: (formatValue(current[k]) || '—') + ' → ' + (to === null ? 'removed' : formatValue(to)) })]));
      });
      if (patch.geometry !== undefined) {
        t.appendChild(el('tr', { 'data-property': 'geometry' }, [el('th', { scope: 'row', text: 'geometry' }),
          el('td', { text: patch.geometry === null ? 'removed' : 'moved or reshaped (dashed)' })]));
      }
      into.appendChild(t);
    });
}

function showProposal(lngLat, id) {
  const f = byId(id);
  if (!f) { return; }
  const p = f.properties.proposal;
  if (popup) { popup.remove(); }
  const box = el('div', { class: 'popup proposal-popup', 'data-proposal': String(p.id) });
  box.appendChild(el('h3', { text: 'Proposed ' + verb(p.operation) + ': ' + titleOf(f) }));
  box.appendChild(el('div', { class: 'coll', text: f.properties.collection + ' · ' + f.id + ' · proposal ' + p.id }));
  box.appendChild(el('p', { class: 'proposal-by', text: 'proposal by ' + p.author + ', ' + p.proposed_at.slice(0, 10) }));
  box.appendChild(el('p', { class: 'proposal-what', text: {
    create: 'A new feature in ' + f.properties.collection + ', not yet accepted:',
    replace: 'The feature as a whole would become:',
    update: 'What would change (current → proposed):',
    delete: 'The feature would be deleted (its versions stay in the history).'
  }[p.operation] || '' }));
  if (p.reason) { box.appendChild(el('p', { class: 'proposal-reason' }, [el('strong', { text: 'Why: ' }), p.reason])); }
  const detail = el('div', { class: 'proposal-detail' });
  box.appendChild(detail);
  if (p.operation !== 'delete') { changes(f, detail).catch(function (e) { detail.textContent = 'Could not read the change: ' + e.message; }); }
  box.appendChild(el('p', { class: 'record' }, [el('a', { href: p.href, target: '_blank', rel: 'noopener', text: 'Open the proposal' })]));
  const editing = viewer.editing;
  if (editing && editing.may('reviewer')) {
    const note = el('input', { type: 'text', class: 'decision-note', 'aria-label': 'note on the decision', placeholder: 'note (optional)' });
    const answer = el('p', { class: 'hint decision' });
    const decide = function (what) {
      answer.textContent = 'Sending…';
      editing.request('POST', '/proposals/' + p.id + '/' + what, { note: note.value || null }, { 'Content-Type': 'application/json' })
        .then(function (r) {
          viewer.fetchCache = 'no-cache'; // this tab has written: revalidate what the browser keeps
          shown.lastDecision = { id: p.id, decision: what };
          answer.textContent = what === 'accept' ? 'Accepted: the change is applied.' : 'Rejected.';
          refreshTiles(); // the tiles of the new data version (map.js names it in their URL)
          load();
        })
        .catch(function (e) { answer.textContent = 'Could not ' + what + ': ' + e.message; });
    };
    const accept = el('button', { type: 'button', class: 'accept-proposal', text: 'Accept' });
    const reject = el('button', { type: 'button', class: 'reject-proposal secondary', text: 'Reject' });
    accept.addEventListener('click', function () { decide('accept'); });
    reject.addEventListener('click', function () { decide('reject'); });
    box.appendChild(el('div', { class: 'review' }, [el('h4', { text: 'Review' }), note, accept, reject, answer]));
  }
  popup = new maplibregl.Popup({ maxWidth: '400px' }).setLngLat(lngLat).setDOMContent(box).addTo(viewer.map);
}
viewer.showProposal = showProposal;
viewer.hooks.proposalPopup = function (lngLat, feature) { showProposal(lngLat, feature.properties.proposal_id); };

function renderPanel() {
  const panel = document.getElementById('panel');
  if (!panel || document.getElementById('proposals')) { return; }
  const box = el('input', { type: 'checkbox', id: 'show-proposals' });
  box.checked = shown.on;
  box.addEventListener('change', function () { setVisible(box.checked); });
  panel.appendChild(el('section', { id: 'proposals' }, [
    el('h2', { text: 'Proposals' }),
    el('label', { for: 'show-proposals' }, [box, ' Show proposals']),
    el('p', { class: 'hint', text: 'Changes editors proposed and no reviewer has decided yet, drawn dashed over the map.' }),
    el('p', { id: 'proposals-status', class: 'hint', role: 'status' }),
    el('ul', { id: 'proposals-list', class: 'proposals-list' })
  ]));
}

renderPanel();
on('data', renderPanel);
on('me', function () { if (popup) { popup.remove(); } });
