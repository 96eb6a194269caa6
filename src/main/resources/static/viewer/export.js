/*
 * Taking the view out: a PNG of the map composed with its title, date, scenario, legend, scale and
 * attribution (and the labels, which are HTML over the map, drawn again on the image); the visible layers
 * as a GeoPackage through /export.gpkg with the same scenario and date; the comparison as CSV.
 */
import { viewer, state } from './state.js';
import { el, status, today } from './util.js';
import { regimeLegendEntries, drawSwatch, STATUS_STYLES, KIND_COLOURS } from './palette.js';
import { isOn } from './map.js';
import { currentScenario } from './legend.js';
import { shownLabels } from './labels.js';

const HEADER = 64, FOOTER = 34, LEGEND = 250;

/** The collections the map shows now, for the GeoPackage. */
export function visibleCollections() {
  const out = ['boundary-maps', 'boundary-lines', 'scenarios', 'control-regimes', 'positions'];
  if (isOn('countries')) { out.push('countries'); }
  if (Object.keys(KIND_COLOURS).some(function (k) { return isOn('kind:' + k); })) { out.push('disputed-areas'); }
  out.push('routes', 'route-segments', 'checkpoints');
  if (isOn('events')) { out.push('events'); }
  return out;
}

export function gpkgUrl() {
  return '/export.gpkg?collections=' + visibleCollections().join(',') + '&scenario=' + encodeURIComponent(state.scenario)
    + '&datetime=' + (state.date || today());
}

/** A scale bar of a round length near 120 px at the map's centre latitude (Web Mercator, 512 px tiles). */
function scaleBar(map) {
  const lat = map.getCenter().lat;
  const metresPerPixel = 40075016.686 * Math.cos(lat * Math.PI / 180) / (512 * Math.pow(2, map.getZoom()));
  const target = metresPerPixel * 120;
  const pow = Math.pow(10, Math.floor(Math.log10(target)));
  const nice = [1, 2, 5, 10].map(function (m) { return m * pow; }).filter(function (v) { return v <= target; }).pop() || pow;
  return { metres: nice, pixels: nice / metresPerPixel, text: nice >= 1000 ? (nice / 1000) + ' km' : nice + ' m' };
}

function halo(ctx, text, x, y) {
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/** Composes the image; resolves to { canvas, info } once the map has drawn its current frame. */
export function composeImage() {
  const map = viewer.map;
  return new Promise(function (resolve) {
    map.once('render', function () {
      const src = map.getCanvas();
      const ratio = src.width / src.clientWidth || 1;
      const w = src.clientWidth, h = src.clientHeight;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round((w + LEGEND) * ratio);
      canvas.height = Math.round((h + HEADER + FOOTER) * ratio);
      const ctx = canvas.getContext('2d');
      ctx.scale(ratio, ratio);
      const texts = [];
      const text = function (t, x, y, font, colour) {
        ctx.font = font;
        ctx.fillStyle = colour || '#1d2733';
        ctx.fillText(t, x, y);
        texts.push(t);
      };
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w + LEGEND, h + HEADER + FOOTER);
      // header: title, scenario, date
      ctx.fillStyle = '#1f3347';
      ctx.fillRect(0, 0, w + LEGEND, HEADER);
      const sc = currentScenario();
      const title = 'Armenia–Azerbaijan delimitation and transit corridors';
      text(title, 14, 26, 'bold 18px sans-serif', '#ffffff');
      const subtitle = 'Scenario: ' + ((sc && sc.name) || state.scenario) + ' · State on ' + (state.date || today());
      text(subtitle, 14, 50, '14px sans-serif', '#dbe6f0');
      // the map and its labels
      ctx.drawImage(src, 0, HEADER, w, h);
      ctx.font = '600 12px sans-serif';
      ctx.textAlign = 'center';
      ctx.fillStyle = '#3b4a58';
      const labels = shownLabels();
      labels.forEach(function (l) { halo(ctx, l.text, l.x, HEADER + l.y + 4); });
      ctx.textAlign = 'left';
      // legend
      const lx = w + 12;
      let ly = HEADER + 22;
      text('Control regime', lx, ly, 'bold 13px sans-serif');
      ly += 8;
      regimeLegendEntries(viewer.data.regimes).forEach(function (r) {
        drawSwatch(ctx, { type: 'line', colour: r.colour, width: 5 }, lx, ly);
        text(r.name.length > 30 ? r.name.slice(0, 29) + '…' : r.name, lx + 32, ly + 11, '12px sans-serif');
        ly += 18;
      });
      ly += 10;
      text('Route status', lx, ly, 'bold 13px sans-serif');
      ly += 8;
      STATUS_STYLES.forEach(function (s) {
        drawSwatch(ctx, { type: 'line', colour: '#333333', dash: s.dash }, lx, ly);
        text(s.label, lx + 32, ly + 11, '12px sans-serif');
        ly += 18;
      });
      // footer: scale and attribution
      const bar = scaleBar(map);
      const fy = HEADER + h + 20;
      ctx.strokeStyle = '#1d2733';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(14, fy - 6); ctx.lineTo(14, fy); ctx.lineTo(14 + bar.pixels, fy); ctx.lineTo(14 + bar.pixels, fy - 6);
      ctx.stroke();
      text(bar.text, 22 + bar.pixels, fy, '12px sans-serif');
      const attribution = '© OpenStreetMap contributors (ODbL) · corridor-gis · sources and accuracy in every feature';
      text(attribution, 120 + bar.pixels, fy, '11px sans-serif', '#51657a');
      const info = { width: canvas.width, height: canvas.height, ratio: ratio, title: title, subtitle: subtitle, texts: texts,
        labels: labels.map(function (l) { return l.text; }), scale: bar.text, attribution: attribution,
        regions: { header: [0, 0, w + LEGEND, HEADER], map: [0, HEADER, w, h], legend: [w, HEADER, LEGEND, h], footer: [0, HEADER + h, w + LEGEND, FOOTER] } };
      viewer.lastExport = info;
      resolve({ canvas: canvas, info: info });
    });
    map.triggerRepaint();
  });
}

/** The composed image as a PNG data URL (for tests and tools). */
viewer.exportPng = function () {
  return composeImage().then(function (r) { return r.canvas.toDataURL('image/png'); });
};

function download(href, name) {
  const a = el('a', { href: href, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function setupExport() {
  document.getElementById('export-png').addEventListener('click', function () {
    composeImage().then(function (r) {
      r.canvas.toBlob(function (blob) {
        const url = URL.createObjectURL(blob);
        download(url, 'corridor-map-' + state.scenario + '-' + (state.date || today()) + '.png');
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        status('Image saved.');
        setTimeout(function () { status(''); }, 2000);
      });
    });
  });
  const gpkg = document.getElementById('export-gpkg');
  const update = function () { gpkg.href = gpkgUrl(); };
  update();
  gpkg.addEventListener('focus', update);
  gpkg.addEventListener('mouseenter', update);
  gpkg.addEventListener('click', update);
  document.getElementById('export-csv').addEventListener('click', function () {
    if (state.routes.length >= 2) {
      download('/analysis/routes/compare?routes=' + state.routes.map(encodeURIComponent).join(',') + '&scenario=' + encodeURIComponent(state.scenario)
        + (state.date ? '&datetime=' + state.date : '') + '&f=csv', 'route-comparison.csv');
    } else if (state.maps.length === 2) {
      download('/analysis/boundaries/compare?a=' + encodeURIComponent(state.maps[0]) + '&b=' + encodeURIComponent(state.maps[1]) + '&f=csv', 'map-comparison.csv');
    } else {
      status('Pick routes or maps to compare first: the CSV is the comparison table.');
      setTimeout(function () { status(''); }, 3000);
    }
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });
}
