/*
 * corridor-gis viewer: an editor's own scenarios (an ES module beside the viewer's, through its extension points in
 * state.js). A signed-in editor (an API token or a provider's JWT, pasted once and kept in this tab's sessionStorage
 * only) copies the scenario on show and changes a checkpoint's regime from its popup; the route comparison follows.
 * Who the token belongs to comes from GET /auth/me, on sign-in and after every reload, so that the editor's own
 * scenarios (created_by) are recognised as theirs; viewer.editing (me, token, request) serves proposals.js too.
 */
import { viewer, on, emit } from './state.js';
import { noteDataVersion } from './util.js';
  var KEY = 'corridor-gis.token';
  var ORIGIN = location.origin;
  var editing = viewer.editing = { lastError: null, me: null, token: token, request: request, may: may };

  function token() { return sessionStorage.getItem(KEY); }

  /** Whether the signed-in user holds the role (roles include the ones before them: a reviewer may edit). */
  function may(role) { return !!(editing.me && editing.me.may.indexOf(role) >= 0); }

  /** Asks the service whose token this tab keeps; a refused token is forgotten. */
  function whoAmI() {
    if (!token()) {
      editing.me = null;
      renderPanel();
      emit('me');
      return Promise.resolve(null);
    }
    return request('GET', '/auth/me').then(function (r) { return r.json(); }).then(function (me) {
      editing.me = me.authenticated ? me : null;
      renderPanel();
      emit('me');
      return editing.me;
    }).catch(function (e) {
      if (/^401/.test(e.message)) {
        sessionStorage.removeItem(KEY);
        editing.me = null;
        renderPanel();
        emit('me');
      }
      say('Could not sign in: ' + e.message, true);
      return null;
    });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function request(method, path, body, headers) {
    var h = Object.assign({ Authorization: 'Bearer ' + token(), Accept: 'application/json' }, headers || {});
    if (body !== undefined && !h['Content-Type']) { h['Content-Type'] = 'application/geo+json'; }
    return fetch(ORIGIN + path, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { noteDataVersion(r); return r; }
        return r.text().then(function (t) {
          var detail = t;
          try { detail = JSON.parse(t).detail || t; } catch (e) { /* not JSON */ }
          throw new Error(r.status + ': ' + detail);
        });
      });
  }

  function say(text, isError) {
    var box = document.getElementById('editing-status');
    if (box) { box.textContent = text; box.className = isError ? 'hint error' : 'hint'; }
    if (isError) { editing.lastError = text; }
  }

  function currentScenario() {
    return viewer.data.scenarios.filter(function (s) { return s.id === viewer.state.scenario; })[0];
  }

  /** A scenario is the editor's own when they made it (created_by is the name /auth/me gives), so its regimes change at once. */
  function ownScenario() {
    var s = currentScenario();
    return s && s.created_by && editing.me && s.created_by === editing.me.name ? s : null;
  }

  /**
   * The panel: a token field, or (signed in) who is signed in, whether the scenario on show is theirs, and the
   * buttons. Built again only when the tab signs in or out, so that its buttons and messages stay in place while
   * /auth/me answers or the scenario changes.
   */
  function renderPanel() {
    var section = document.getElementById('editing');
    var signed = token() ? 'in' : 'out';
    if (section.getAttribute('data-signed') === signed && section.firstChild) {
      updatePanel();
      return;
    }
    section.setAttribute('data-signed', signed);
    section.innerHTML = '';
    section.appendChild(el('h2', { text: 'Your scenarios' }));
    if (!token()) {
      var input = el('input', { id: 'editing-token', type: 'password', autocomplete: 'off', placeholder: 'API token or JWT',
        'aria-label': 'token' });
      var signIn = el('button', { id: 'editing-sign-in', type: 'button', text: 'Sign in' });
      signIn.addEventListener('click', function () {
        if (input.value.trim()) { sessionStorage.setItem(KEY, input.value.trim()); renderPanel(); whoAmI(); }
      });
      section.appendChild(el('p', { class: 'hint', text: 'Editors: paste your token to copy a scenario and change its regimes. '
        + 'It stays in this tab only.' }));
      section.appendChild(input);
      section.appendChild(signIn);
      section.appendChild(el('p', { id: 'editing-status', class: 'hint' }));
      return;
    }
    section.appendChild(el('p', { id: 'editing-who', class: 'hint' }));
    var copy = el('button', { id: 'editing-copy', type: 'button', text: 'Copy this scenario' });
    copy.addEventListener('click', copyScenario);
    var signOut = el('button', { id: 'editing-sign-out', type: 'button', class: 'secondary', text: 'Sign out' });
    signOut.addEventListener('click', function () { sessionStorage.removeItem(KEY); whoAmI(); });
    section.appendChild(el('p', { id: 'editing-own', class: 'hint' }));
    section.appendChild(copy);
    section.appendChild(signOut);
    section.appendChild(el('p', { id: 'editing-status', class: 'hint' }));
    updatePanel();
  }

  function updatePanel() {
    var who = document.getElementById('editing-who');
    var ownLine = document.getElementById('editing-own');
    if (!who || !ownLine) { return; }
    who.textContent = editing.me ? 'Signed in as ' + editing.me.name + ' (' + editing.me.roles.join(', ') + ').' : 'Signing in…';
    var own = ownScenario();
    ownLine.textContent = own ? 'Your scenario "' + own.name + '" (by ' + own.created_by + '): open a checkpoint to change its regime.'
      : 'Copy the scenario on show to change its regimes.';
  }

  function copyScenario() {
    var base = currentScenario();
    var id = 'user-' + Math.random().toString(16).slice(2, 10);
    var name = (base ? base.name : viewer.state.scenario) + ' (my copy)';
    say('Copying…');
    request('POST', '/collections/scenarios/items', { type: 'Feature', id: id, geometry: null,
      properties: { based_on: viewer.state.scenario, name: name } }, { 'Change-Reason': 'copied in the viewer' })
      .then(function () { return fetch(ORIGIN + '/collections/scenarios/items/' + encodeURIComponent(id), { cache: 'no-cache' }).then(function (r) { return r.json(); }); })
      .then(function (f) {
        var s = Object.assign({ id: f.id }, f.properties);
        viewer.data.scenarios.push(s);
        document.getElementById('scenario').appendChild(el('option', { value: s.id, text: s.name + ' (by ' + s.created_by + ')' }));
        viewer.setScenario(s.id);
        renderPanel();
        say('Made "' + s.name + '" (' + s.id + ').');
      })
      .catch(function (e) { say('Could not copy: ' + e.message, true); });
  }

  /** Sets the regime of every assignment of the checkpoint in the editor's scenario, based on the version read. */
  function setCheckpointRegime(checkpointId, regime) {
    var scenario = ownScenario();
    var path = '/collections/scenarios/items/' + encodeURIComponent(scenario.id);
    return fetch(ORIGIN + path, { headers: { Accept: 'application/geo+json' }, cache: 'no-cache' }).then(function (r) {
      var etag = r.headers.get('ETag');
      return r.json().then(function (f) {
        var assignments = f.properties.assignments || {};
        var list = assignments.checkpoints || [];
        var found = false;
        list.forEach(function (a) {
          if (a.checkpoint_id === checkpointId) { a.regime = regime; a.basis = 'changed in the viewer'; found = true; }
        });
        if (!found) { list.push({ checkpoint_id: checkpointId, regime: regime, open: regime !== 'CLOSED', basis: 'changed in the viewer' }); }
        assignments.checkpoints = list;
        return request('PATCH', path, { properties: { assignments: assignments } },
          { 'If-Match': etag, 'Change-Reason': 'regime of ' + checkpointId + ' set to ' + regime });
      });
    }).then(function () {
      viewer.fetchCache = 'no-cache'; // this tab has written: revalidate what the browser keeps
      viewer.setScenario(scenario.id); // new tiles
      viewer.refreshComparison();
    });
  }

  viewer.hooks.popupContent.push(function (context, box) {
    var collection = context.collection, id = context.id;
    if (collection !== 'checkpoints' || !id || !token() || !ownScenario()) { return; }
    var select = el('select', { class: 'regime-choice', 'aria-label': 'regime' });
    viewer.data.regimes.forEach(function (r) { select.appendChild(el('option', { value: r.code, text: r.code + ' — ' + (r.name || '') })); });
    var button = el('button', { type: 'button', class: 'set-regime', text: 'Set regime in my scenario' });
    var note = el('p', { class: 'hint' });
    button.addEventListener('click', function () {
      button.disabled = true;
      note.textContent = 'Saving…';
      setCheckpointRegime(id, select.value).then(function () {
        note.textContent = 'Regime set to ' + select.value + '.';
        button.disabled = false;
      }).catch(function (e) {
        note.textContent = 'Could not save: ' + e.message;
        editing.lastError = e.message;
        button.disabled = false;
      });
    });
    box.appendChild(el('div', { class: 'editing' }, [el('h4', { text: 'Your scenario' }), select, button, note]));
  });

  var panel = document.getElementById('panel');
  if (panel && !document.getElementById('editing')) {
    panel.appendChild(el('section', { id: 'editing' }));
  }
  on('data', renderPanel);
  on('scenario', renderPanel);
  renderPanel();
  whoAmI();
