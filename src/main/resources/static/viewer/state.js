/*
 * The viewer's shared state and its extension points. Modules read and change `state`, then call
 * `changed(what)`; listeners registered with `on(what, fn)` follow (the map, the legend, the comparison...).
 *
 * Extension points for other modules (e.g. an editing module):
 *  - viewer.hooks.popupContent: functions (context, box) called for each popup; context = { collection, id,
 *    properties, feature } with the full feature once loaded; append nodes to box.
 *  - viewer.refreshComparison(): recomputes the open route / map comparison (after an edit, say).
 *  - viewer.on(what, fn): 'scenario', 'date', 'layers', 'lang', 'data' (after the lists are loaded).
 *
 * The scenario shown when the link names none is the service's default (GET /scenarios), learnt before any tile is
 * asked for: viewer.defaultScenario.
 */

const listeners = {};

export const viewer = window.viewer = {
  map: null, ready: false, errors: [], requests: 0, firstRenderMs: null,
  defaultScenario: null,
  state: { scenario: null, date: null, off: [], routes: [], maps: [], sel: null, view: null, lang: 'en' },
  data: { scenarios: [], maps: [], routes: [], regimes: [], positions: [], events: [], sources: {} },
  hooks: { popupContent: [] },
  lastRouteComparison: null, lastMapComparison: null, lastExport: null,
  on: on,
  refreshComparison: function () { emit('refresh'); }
};

export const state = viewer.state;

export function on(what, fn) {
  (listeners[what] = listeners[what] || []).push(fn);
}

export function emit(what, detail) {
  (listeners[what] || []).forEach(function (fn) { fn(detail); });
}
