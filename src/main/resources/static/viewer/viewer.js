/*
 * corridor-gis map viewer: loads its ES modules, starting with main.js (which wires the others together).
 * A classic script, so the page needs no inline script and older tools that look for viewer.js still find it.
 */
import('/viewer/main.js').catch(function (e) {
  var s = document.getElementById('status');
  if (s) { s.hidden = false; s.textContent = 'The viewer could not start: ' + e; }
  if (window.console) { console.error(e); }
});
