// Refuge: what is typed into a form stays safe while the person works (issue 12, part 1).
// Every page works without this script; with it, while a form has unsaved changes:
// - typing keeps the session alive (a cheap ping at most once a minute),
// - a warning shows two minutes before the idle timeout would end the session,
// - a draft intake saves itself at most once a minute,
// - leaving the page asks first.
// If the session ends anyway, pressing save still loses nothing: the server holds the
// submission and gives it back after signing in again.
(function () {
  'use strict';

  var warning = document.getElementById('timeout-warning');
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  if (!warning || !csrfMeta || !window.fetch) {
    return; // not signed in, or a browser too old: the pages work as they are
  }
  var ended = document.getElementById('timeout-ended');
  var stay = document.getElementById('timeout-stay');
  var csrf = csrfMeta.getAttribute('content');
  var idleMs = Number(warning.getAttribute('data-idle-seconds')) * 1000;
  var WARN_BEFORE_MS = 2 * 60 * 1000;
  var PING_EVERY_MS = 60 * 1000;
  var AUTOSAVE_EVERY_MS = 60 * 1000;

  var lastContact = Date.now(); // when the server last saw this session
  var sessionOver = false;
  var dirty = []; // forms with unsaved changes

  // The forms whose submissions the server holds when the session has ended (the same
  // list as `routes::held_forms::form_page`): the intake and the case page's forms.
  var HELD = /^\/(intake|cases\/[0-9a-f-]{36}\/(intake|stage|dates|events|ead-stops|checklist|notes|conflict-check|events\/[0-9a-f-]{36}\/outcome|checklist\/[0-9a-f-]{36}))$/;

  function isTracked(form) {
    return !!form && form.method === 'post' && HELD.test(form.getAttribute('action') || '');
  }

  function markDirty(form) {
    if (dirty.indexOf(form) < 0) {
      dirty.push(form);
    }
  }

  function markClean(form) {
    var at = dirty.indexOf(form);
    if (at >= 0) {
      dirty.splice(at, 1);
    }
  }

  function post(url, body, extraHeaders) {
    var headers = { 'X-CSRF-Token': csrf };
    for (var name in extraHeaders) {
      headers[name] = extraHeaders[name];
    }
    // A redirect means the session is gone (the login page); do not follow it.
    return fetch(url, {
      method: 'POST',
      body: body,
      headers: headers,
      credentials: 'same-origin',
      redirect: 'manual'
    });
  }

  function seen() {
    lastContact = Date.now();
    warning.hidden = true;
    if (ended) {
      ended.hidden = true;
    }
  }

  function sessionEnded() {
    sessionOver = true;
    warning.hidden = true;
    if (ended) {
      ended.hidden = false;
    }
  }

  function keepAlive() {
    return post('/session/keep-alive', null, {}).then(function (response) {
      if (response.status === 204) {
        seen();
      } else {
        sessionEnded();
      }
    }, function () {
      // Offline for a moment: the next keystroke tries again.
    });
  }

  function edited(event) {
    var form = event.target && event.target.form;
    if (!isTracked(form)) {
      return;
    }
    markDirty(form);
    if (!sessionOver && Date.now() - lastContact >= PING_EVERY_MS) {
      keepAlive();
    }
  }

  document.addEventListener('input', edited, true);
  document.addEventListener('change', edited, true);
  document.addEventListener('submit', function (event) {
    markClean(event.target);
  }, true);

  if (stay) {
    stay.addEventListener('click', keepAlive);
  }

  window.addEventListener('beforeunload', function (event) {
    if (dirty.length > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Draft intakes save themselves.
  var intake = document.querySelector('form[data-autosave]');
  var status = document.getElementById('autosave-status');
  var lastSave = Date.now();
  var saving = false;

  function autosave() {
    if (!intake || saving || sessionOver || dirty.indexOf(intake) < 0) {
      return;
    }
    if (Date.now() - lastSave < AUTOSAVE_EVERY_MS) {
      return;
    }
    saving = true;
    lastSave = Date.now();
    var body = new URLSearchParams(new FormData(intake));
    body.set('action', 'save_draft');
    post(intake.getAttribute('action'), body, { 'X-Refuge-Autosave': '1' }).then(function (response) {
      saving = false;
      if (response.status === 204) {
        seen();
        markClean(intake);
        // A new intake is now a case: later saves change it instead of opening another.
        var saved = response.headers.get('X-Refuge-Intake');
        if (saved && saved.charAt(0) === '/') {
          intake.setAttribute('action', saved);
          window.history.replaceState(null, '', saved);
        }
        if (status) {
          status.textContent = status.getAttribute('data-saved');
          status.hidden = false;
        }
      } else if (response.type === 'opaqueredirect' || response.status === 403) {
        sessionEnded();
      } else if (status) {
        // Problems in the form: they show when the person saves it.
        status.textContent = status.getAttribute('data-not-saved');
        status.hidden = false;
      }
    }, function () {
      saving = false;
    });
  }

  window.setInterval(function () {
    autosave();
    if (sessionOver) {
      return;
    }
    // Only an estimate: another tab may have kept the session alive, so passing zero
    // shows the note without deciding anything; the server's answers decide.
    var left = lastContact + idleMs - Date.now();
    if (left <= 0 && dirty.length > 0 && ended) {
      warning.hidden = true;
      ended.hidden = false;
    } else if (left <= WARN_BEFORE_MS && dirty.length > 0) {
      warning.hidden = false;
    }
  }, 5000);
}());
