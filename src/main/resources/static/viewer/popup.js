/*
 * Popups. A click that finds several features offers a list to choose from; a feature's popup gives its
 * name, its regime under the scenario on the day (routes and checkpoints: what the tile carries), its
 * attributes in words, its sources (linked to their records and their own addresses), and then whatever
 * viewer.hooks.popupContent adds.
 */
import { viewer, state } from './state.js';
import { el, fetchJson, formatValue, anchorOf, boundsOf } from './util.js';
import { CLICKABLE } from './map.js';
import { writeHash } from './hash.js';
import { sourcesList, currentScenario } from './legend.js';
import { shownDate } from './timeline.js';
import { localName } from './labels.js';

let popup = null;

function collectionOf(feature) {
  if (feature.layer && (feature.layer.id.indexOf('diff') === 0 || feature.layer.id.indexOf('proposals-') === 0)) { return null; }
  return feature.sourceLayer || null;
}

const SKIP_KEYS = { geometry: true, recorded_at: true, sources: true, regime: true, regime_name: true, regime_open: true, regimes_at: true };

function attributeTable(props) {
  const t = el('table');
  Object.keys(props).forEach(function (k) {
    if (SKIP_KEYS[k]) { return; }
    let v = formatValue(props[k]);
    if (v === null || v === '') { return; }
    if (v.length > 400) { v = v.slice(0, 400) + '…'; }
    t.appendChild(el('tr', {}, [el('th', { class: 'k', scope: 'row', text: k.replace(/_/g, ' ') }), el('td', { text: v })]));
  });
  return t;
}

/** "Under <scenario> on <day>: <regime> (CODE), open|closed" from the tile's properties. */
function regimeLine(collection, props) {
  if ((collection !== 'checkpoints' && collection !== 'routes') || !('regime' in props)) { return null; }
  const sc = currentScenario();
  const name = sc ? sc.name : state.scenario;
  const when = ' on ' + shownDate();
  if (!props.regime) {
    return el('p', { class: 'under', 'data-under': '' }, [el('strong', { text: 'Under ' + name + when + ': ' }), 'no regime recorded']);
  }
  const open = props.regime_open === true || props.regime_open === 'true';
  const closed = props.regime_open === false || props.regime_open === 'false';
  return el('p', { class: 'under', 'data-under': props.regime }, [el('strong', { text: 'Under ' + name + when + ': ' }),
    (props.regime_name || props.regime) + ' (' + props.regime + ')' + (open ? ', open' : closed ? ', closed' : '')]);
}

export function showPopup(lngLat, collection, id, props, others, choose) {
  if (popup) { popup.remove(); }
  const box = el('div', { class: 'popup' });
  box.appendChild(el('h3', { text: localName(props) || props.title || props.section || id || 'Feature' }));
  box.appendChild(el('div', { class: 'coll', text: (collection || 'boundary comparison') + (id ? ' · ' + id : '') }));
  const under = regimeLine(collection, props);
  if (under) { box.appendChild(under); }
  const body = el('div', { class: 'attrs' }, [attributeTable(props)]);
  box.appendChild(body);
  const src = el('div', { class: 'popup-sources' });
  box.appendChild(src);
  const extra = el('div', { class: 'popup-extra' });
  box.appendChild(extra);
  if (others && others.length) {
    // several features under the click: the reader chooses
    const ul = el('ul', { class: 'choices' });
    others.forEach(function (f) {
      const c = collectionOf(f);
      const b = el('button', { type: 'button', class: 'link', 'data-choice': (c || 'comparison') + '/' + (f.properties.id || '') }, [
        el('span', { class: 'coll', text: (c || 'comparison') + ': ' }), localName(f.properties) || f.properties.title || f.properties.id || 'area']);
      b.addEventListener('click', function () { choose(f); });
      ul.appendChild(el('li', {}, [b]));
    });
    box.appendChild(el('div', { class: 'also' }, [el('h4', { text: 'Also here' }), ul]));
  }
  popup = new maplibregl.Popup({ maxWidth: '400px' }).setLngLat(lngLat).setDOMContent(box).addTo(viewer.map);
  const context = { collection: collection, id: id, properties: props, feature: null, popup: popup };
  popup.on('close', function () {
    if (state.sel === collection + '/' + id) { state.sel = null; writeHash(); }
  });
  if (!collection || !id) { runHooks(context, extra); return; }
  state.sel = collection + '/' + id;
  writeHash();
  box.appendChild(el('p', { class: 'record' }, [el('a', { href: '/collections/' + encodeURIComponent(collection) + '/items/'
    + encodeURIComponent(id) + '?f=html', target: '_blank', rel: 'noopener', text: 'Open the record' })]));
  fetchJson('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(id)
    + (state.scenario && (collection === 'routes' || collection === 'checkpoints') ? '?scenario=' + encodeURIComponent(state.scenario)
      + (state.date ? '&datetime=' + state.date : '') : '')).then(function (f) {
    const p = f.properties || {};
    body.innerHTML = '';
    body.appendChild(attributeTable(p));
    src.appendChild(el('h4', { text: 'Sources' }));
    src.appendChild(sourcesList(p.sources));
    context.feature = f;
    runHooks(context, extra);
  }).catch(function (e) {
    body.appendChild(el('p', { class: 'error', text: 'Could not load the full feature: ' + e.message }));
  });
}
viewer.showPopup = showPopup;

function runHooks(context, box) {
  viewer.hooks.popupContent.forEach(function (fn) {
    try { fn(context, box); } catch (e) { viewer.errors.push('popup hook: ' + e); }
  });
}

/** Opens the popup of "collection/id"; with move, the map goes to the feature first (a link without a view). */
export function openSelection(sel, move) {
  const i = sel.indexOf('/');
  if (i < 0) { return; }
  const collection = sel.slice(0, i), id = sel.slice(i + 1);
  fetchJson('/collections/' + encodeURIComponent(collection) + '/items/' + encodeURIComponent(id), true).then(function (f) {
    const at = anchorOf(f.geometry);
    if (at && move) {
      const b = boundsOf(f.geometry);
      viewer.map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 0 });
    }
    if (at) { showPopup(at, collection, id, f.properties || {}); }
  }).catch(function () { state.sel = null; writeHash(); });
}
viewer.openSelection = openSelection;

/** Features under a click, one per collection and id, points before lines before areas. */
export function featuresAt(point) {
  const map = viewer.map;
  const layers = CLICKABLE.filter(function (l) { return map.getLayer(l); });
  const box = [[point.x - 5, point.y - 5], [point.x + 5, point.y + 5]];
  const found = map.queryRenderedFeatures(box, { layers: layers });
  found.sort(function (a, b) { return CLICKABLE.indexOf(a.layer.id) - CLICKABLE.indexOf(b.layer.id); });
  const seen = {};
  return found.filter(function (f) {
    const key = (collectionOf(f) || f.layer.id) + '/' + (f.properties.id || f.id || JSON.stringify(f.properties));
    if (seen[key]) { return false; }
    seen[key] = true;
    return true;
  });
}

/** A click opens the nearest-ranked feature (points, lines, areas); the others under the click are listed in its popup. */
export function onClick(e) {
  const found = featuresAt(e.point);
  if (!found.length) { return; }
  const open = function (f) {
    // a proposal drawn over the map (proposals.js) has a popup of its own
    if (f.layer.id.indexOf('proposals-') === 0 && viewer.hooks.proposalPopup) { viewer.hooks.proposalPopup(e.lngLat, f); return; }
    const collection = collectionOf(f);
    showPopup(e.lngLat, collection, collection ? f.properties.id : null, f.properties, found.filter(function (x) { return x !== f; }), open);
  };
  open(found[0]);
}
