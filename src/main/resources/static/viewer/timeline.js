/*
 * The time slider: from 1 Jan 1991 to today, one step a day, the dated events as ticks. The chosen day goes to
 * the tiles (features valid then, regimes in force then, events up to then), the comparisons and the
 * territory panel, and to the link (#date=YYYY-MM-DD; no date = today).
 */
import { viewer, state, emit } from './state.js';
import { el, str, today, boundsOf } from './util.js';
import { refreshTiles } from './map.js';
import { writeHash } from './hash.js';

export const START = '1991-01-01';
const DAY = 86400000;

function dayIndex(iso) { return Math.round((Date.parse(iso + 'T00:00:00Z') - Date.parse(START + 'T00:00:00Z')) / DAY); }
function isoOf(index) { return new Date(Date.parse(START + 'T00:00:00Z') + index * DAY).toISOString().slice(0, 10); }

export function validDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text || '')) { return false; }
  const t = Date.parse(text + 'T00:00:00Z');
  return isFinite(t) && new Date(t).toISOString().slice(0, 10) === text && text >= START && text <= today();
}

export function shownDate() { return state.date || today(); }

export function setupTimeline() {
  const slider = document.getElementById('date-slider');
  const input = document.getElementById('date-input');
  const ticks = document.getElementById('event-ticks');
  slider.min = '0';
  slider.max = String(dayIndex(today()));
  slider.step = '1';
  input.min = START;
  input.max = today();
  ticks.innerHTML = '';
  viewer.data.events.forEach(function (e) {
    if (validDate(e.event_date)) { ticks.appendChild(el('option', { value: String(dayIndex(e.event_date)), label: str(e.title) })); }
  });
  slider.addEventListener('input', function () {
    document.getElementById('date-label').textContent = isoOf(Number(slider.value));
  });
  slider.addEventListener('change', function () { setDate(isoOf(Number(slider.value))); });
  input.addEventListener('change', function () {
    if (validDate(input.value)) { setDate(input.value); }
  });
  document.getElementById('date-today').addEventListener('click', function () { setDate(null); });
  showDate();
}

function showDate() {
  const d = shownDate();
  document.getElementById('date-slider').value = String(dayIndex(d));
  document.getElementById('date-input').value = d;
  document.getElementById('date-label').textContent = state.date ? d : d + ' (today)';
  document.getElementById('date-slider').setAttribute('aria-valuetext', d);
  renderEvents();
}

/** Shows the state on a day (null = today). */
export function setDate(d) {
  state.date = d && d !== today() ? d : null;
  showDate();
  refreshTiles();
  writeHash();
  emit('date');
}
viewer.setDate = setDate;

/** The events up to the chosen day, newest first; a click goes to the event's day and place. */
function renderEvents() {
  const box = document.getElementById('events');
  box.innerHTML = '';
  const d = shownDate();
  const shown = viewer.data.events.filter(function (e) { return e.event_date && e.event_date <= d; })
    .sort(function (a, b) { return a.event_date < b.event_date ? 1 : a.event_date > b.event_date ? -1 : 0; });
  document.getElementById('events-count').textContent = '(' + shown.length + ')';
  const ol = el('ol', { class: 'events', reversed: '' });
  shown.forEach(function (e) {
    const b = el('button', { type: 'button', class: 'link', 'data-event': e.id, title: str(e.description) }, [
      el('span', { class: 'when', text: e.event_date }), ' ', str(e.title)]);
    b.addEventListener('click', function () {
      setDate(e.event_date);
      const bounds = boundsOf(e.geometry);
      if (bounds && viewer.map) { viewer.map.fitBounds(bounds, { padding: 80, maxZoom: 11 }); }
    });
    ol.appendChild(el('li', {}, [b]));
  });
  box.appendChild(ol);
}

export { dayIndex, isoOf };
