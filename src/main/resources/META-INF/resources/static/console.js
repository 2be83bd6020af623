/*
 * The web console's script (no inline script anywhere: the pages' CSP forbids it). It does four things:
 *  1. Live updates: one WebSocket per page (/console/live). Each message {topic, payload} becomes the DOM
 *     event "live-<topic with dots as dashes>" on <body>, e.g. "live-hotline-call". Elements refresh
 *     themselves with htmx: hx-get="..." hx-trigger="live-hotline-call from:body, live-reconnected from:body".
 *     After a reconnect "live-reconnected" fires, so that every live element catches up.
 *  2. Session end: when a request of the page answers 499/401 (the session ended), a banner asks the user
 *     to sign in again, and the page's drafts stay in the tab (3).
 *  3. Drafts: a form with data-draft="<key>" is kept in sessionStorage as it is typed, and filled in again
 *     when the page is opened anew (after signing in again); a page carrying data-draft-saved="<key>"
 *     clears it. Signing out clears every draft of the tab.
 *  4. Forms: the error summary of a form answered with errors takes the focus (GOV.UK pattern). A form marked
 *     data-submit-once is sent once per tap: a second tap while the first is on its way is ignored (after a few
 *     seconds without an answer a tap sends it again, the same form with the same key, which the server
 *     recognises). A refused booking's explanation (#conflict) takes the focus too.
 */
(function () {
  'use strict';
  var body = document.body;
  var user = body.dataset.user || '';

  // ---- 2. session end --------------------------------------------------------------------------
  function sessionEnded() {
    var banner = document.getElementById('session-ended');
    if (!banner || !banner.hidden) { return; }
    var link = document.getElementById('sign-in-again');
    link.href = location.pathname + location.search;
    banner.hidden = false;
    link.focus();
  }
  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (status === 499 || status === 401) { sessionEnded(); }
  });
  // htmx marks its requests with HX-Request; Quarkus answers 499 (not a redirect) to those it sees as scripts.
  document.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-Requested-With'] = 'JavaScript';
  });

  // ---- 3. drafts ---------------------------------------------------------------------------------
  var PREFIX = 'greenribbon-draft:';
  function storageKey(key) { return PREFIX + user + ':' + key; }
  function skip(el) {
    return !el.name || el.name === '_csrf' || el.type === 'submit' || el.type === 'button' || el.type === 'file';
  }
  function collect(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (skip(el)) { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (!data[el.name]) { data[el.name] = []; }
        if (el.checked) { data[el.name].push(el.value); }
      } else {
        data[el.name] = [el.value];
      }
    });
    return data;
  }
  function save(form) {
    try { sessionStorage.setItem(storageKey(form.dataset.draft), JSON.stringify(collect(form))); } catch (ignored) { }
  }
  function apply(form, draft) {
    var changed = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (skip(el) || !Object.prototype.hasOwnProperty.call(draft, el.name) || el.dataset.draftApplied) { return; }
      var values = draft[el.name];
      var before = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = values.indexOf(el.value) >= 0;
      } else {
        el.value = values[0];
      }
      el.dataset.draftApplied = 'true';
      var after = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
      if (before !== after) { changed.push(el); }
    });
    changed.forEach(function (el) { el.dispatchEvent(new Event('change', { bubbles: true })); });
    return changed.length;
  }
  function restore(form) {
    var stored = null;
    try { stored = sessionStorage.getItem(storageKey(form.dataset.draft)); } catch (ignored) { }
    if (!stored) { return; }
    var draft = JSON.parse(stored);
    if (apply(form, draft) > 0) {
      var notice = form.querySelector('[data-draft-notice]');
      if (notice) { notice.hidden = false; }
    }
    // Questions that appear later (htmx) are filled in as they arrive.
    form.addEventListener('htmx:afterSettle', function () { apply(form, draft); });
  }
  function setUpDrafts(root) {
    root.querySelectorAll('[data-draft-saved]').forEach(function (el) {
      try { sessionStorage.removeItem(storageKey(el.dataset.draftSaved)); } catch (ignored) { }
    });
    root.querySelectorAll('form[data-draft]').forEach(function (form) {
      if (form.dataset.draftReady) { return; }
      form.dataset.draftReady = 'true';
      restore(form);
      form.addEventListener('input', function () { save(form); });
      form.addEventListener('change', function () { save(form); });
    });
  }
  document.querySelectorAll('form[data-sign-out]').forEach(function (form) {
    form.addEventListener('submit', function () {
      try {
        Object.keys(sessionStorage).filter(function (k) { return k.indexOf(PREFIX) === 0; })
          .forEach(function (k) { sessionStorage.removeItem(k); });
      } catch (ignored) { }
    });
  });

  // ---- 4. forms ----------------------------------------------------------------------------------
  function focusErrors(root) {
    var summary = root.querySelector('.error-summary') || root.querySelector('#conflict');
    if (summary) { summary.focus(); }
  }
  var RETRY_AFTER_MS = 8000;
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-submit-once')) { return; }
    var sent = Number(form.dataset.sentAt || 0);
    if (sent && Date.now() - sent < RETRY_AFTER_MS) {
      e.preventDefault();
      return;
    }
    form.dataset.sentAt = String(Date.now());
  }, true);
  // A page shown again from the browser's history may be sent again at once (the server answers "done already").
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submit-once]').forEach(function (form) { delete form.dataset.sentAt; });
  });
  // When a part of the page was last replaced (an outerHTML swap replaces the element itself: find the new one).
  document.addEventListener('htmx:afterSwap', function (e) {
    var id = e.detail.target.id;
    var swapped = (id && document.getElementById(id)) || e.detail.target;
    swapped.dataset.updatedAt = String(Date.now());
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    // An outerHTML swap settles on the element it replaced: look for new forms in the whole page.
    setUpDrafts(document);
    if (e.detail.target.id === 'flash' || e.detail.target.querySelector('.error-summary')) {
      focusErrors(e.detail.target);
    }
  });

  // ---- 1. live updates ---------------------------------------------------------------------------
  var socket = null;
  var failures = 0;
  var everOpened = false;
  function fire(name, detail) {
    body.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  }
  function connect() {
    var path = body.dataset.live;
    if (!path) { return; }
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path);
    socket.onopen = function () {
      var lost = document.getElementById('live-lost');
      if (lost) { lost.hidden = true; }
      if (everOpened) { fire('live-reconnected', {}); }
      everOpened = true;
      failures = 0;
      body.dataset.liveState = 'open';
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (ignored) { return; }
      if (!message || !message.topic) { return; }
      body.dataset.liveLast = message.topic + '@' + Date.now();
      fire('live-' + message.topic.replace(/\./g, '-'), message.payload || {});
    };
    socket.onclose = function () {
      body.dataset.liveState = 'closed';
      failures += 1;
      if (failures > 2) {
        var lost = document.getElementById('live-lost');
        if (lost) { lost.hidden = false; }
      }
      // The socket closes when the session's tokens expire: renew them (or learn that the session ended).
      fetch(body.dataset.session, { credentials: 'same-origin', redirect: 'manual',
        headers: { 'X-Requested-With': 'JavaScript' } })
        .then(function (response) {
          if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
            sessionEnded();
          } else {
            setTimeout(connect, Math.min(15000, 250 * Math.pow(2, failures - 1)));
          }
        }, function () { setTimeout(connect, Math.min(15000, 1000 * failures)); });
    };
  }
  setInterval(function () {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send('ping'); }
  }, 25000);

  setUpDrafts(document);
  focusErrors(document);
  connect();
}());
