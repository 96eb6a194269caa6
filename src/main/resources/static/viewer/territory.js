/* The territory panel: the held-since-2020 total on the chosen day and each episode, from /analysis/territory. */
import { viewer, state, on } from './state.js';
import { el, fetchJson, str, list, isNum, boundsOf } from './util.js';
import { swatch, KIND_COLOURS } from './palette.js';

let seq = 0;

export function renderTerritory() {
  const box = document.getElementById('territory');
  const mine = ++seq;
  fetchJson('/analysis/territory' + (state.date ? '?datetime=' + state.date : ''), true).then(function (t) {
    if (mine !== seq) { return; }
    box.innerHTML = '';
    const h = t.headline || {};
    box.appendChild(el('p', { class: 'headline', 'data-km2': String(h.area_km2) }, [el('strong', { text: (isNum(h.area_km2) ? h.area_km2 : 0) + ' km²' }),
      ' ' + str(h.title) + ' (' + (h.areas || 0) + ' areas' + (h.cited_area_km2 ? '; cited: ' + h.cited_area_km2 + ' km²' : '') + ')']));
    const byEpisode = list(t.totals && t.totals.by_episode);
    if (byEpisode.length) {
      const table = el('table', { class: 'episodes' }, [el('tr', {}, [el('th', { scope: 'col', text: 'Episode' }), el('th', { scope: 'col', text: 'km²' }),
        el('th', { scope: 'col', text: 'areas' })])]);
      byEpisode.forEach(function (e) {
        table.appendChild(el('tr', {}, [el('td', { text: str(e.episode) || 'undated' }), el('td', { class: 'num', text: String(e.area_km2) }),
          el('td', { class: 'num', text: String(e.areas) })]));
      });
      box.appendChild(table);
    }
    const ul = el('ul', { class: 'areas' });
    list(t.areas).forEach(function (a) {
      const b = el('button', { type: 'button', class: 'link', 'data-area': a.id }, [
        swatch({ type: 'fill', colour: KIND_COLOURS[a.kind] || '#7a6470', hatch: a.accuracy === 'schematic' }),
        ' ' + str(a.name) + ' — ' + (isNum(a.area_km2) ? a.area_km2 + ' km²' : 'no shape') + (a.accuracy === 'schematic' ? ' (schematic shape)' : '')]);
      b.addEventListener('click', function () {
        const f = viewer.data.labelAreas.filter(function (x) { return x.id === a.id; })[0];
        const bounds = f && boundsOf(f.geometry);
        if (bounds) { viewer.map.fitBounds(bounds, { padding: 60, maxZoom: 12 }); }
      });
      ul.appendChild(el('li', {}, [b]));
    });
    box.appendChild(ul);
    box.appendChild(el('p', { class: 'hint' }, ['Hatched shapes are schematic. ', el('a', { href: '/analysis/territory?f=html'
      + (state.date ? '&datetime=' + state.date : ''), target: '_blank', rel: 'noopener', text: 'Full accounting' })]));
  }).catch(function (e) {
    if (mine !== seq) { return; }
    box.innerHTML = '';
    box.appendChild(el('p', { class: 'error', text: 'Territory accounting is not available: ' + e.message }));
  });
}

on('date', renderTerritory);
