/*
 * The web console's script (no inline script anywhere: the pages' CSP forbids it). It does these things:
 *  1. Live updates: one WebSocket per page (/console/live). Each message {topic, payload} becomes the DOM
 *     event "live-<topic with dots as dashes>" on <body>, e.g. "live-hotline-call". Elements refresh
 *     themselves with htmx: hx-get="..." hx-trigger="live-hotline-call from:body, live-reconnected from:body".
 *     After a reconnect "live-reconnected" fires, so that every live element catches up. A message about one
 *     risk case (payload.caseId) also fires "live-<topic>-<caseId>", for the elements that show that case only.
 *  2. Session end: when a request of the page answers 499/401 (the session ended), a banner asks the user
 *     to sign in again, and the page's drafts stay in the tab (3).
 *  3. Drafts: a form with data-draft="<key>" is kept in sessionStorage as it is typed, and filled in again
 *     when the page is opened anew (after signing in again); a page carrying data-draft-saved="<key>"
 *     clears it. Signing out clears every draft of the tab.
 *  4. Forms: the error summary of a form answered with errors takes the focus (GOV.UK pattern). A form marked
 *     data-submit-once is sent once per tap: a second tap while the first is on its way is ignored (after a few
 *     seconds without an answer a tap sends it again, the same form with the same key, which the server
 *     recognises). A refused booking's explanation (#conflict) takes the focus too. A request the server
 *     refuses (403, 404, 409: its words go to #flash) also refreshes the part of the page it came from when
 *     that part is marked data-refresh-on-refusal: what it showed has changed meanwhile. A part marked
 *     data-live-panel (refreshed by live messages) does not refresh while an action taken in it is under way.
 *  5. Ages: an element with data-age="<seconds>" (an alert's age, the longest wait) counts up every second, in
 *     the words of data-age-formats on it or an ancestor (the server's own patterns).
 *  6. Alarm (risk supervisors): a live "risk.alert" the server marks urgent shows the banner #alarm, flashes the
 *     page's title and plays the service's sound #alarm-sound unless the account switched sound off. Browsers
 *     play sound only after the user has touched the page: when they would not, the sound switch says so and
 *     offers to allow it (a click anywhere allows it too). body[data-alarm-plays] and body[data-title-flashes]
 *     count what happened, for the tests.
 *  7. Full screen: a button with data-fullscreen puts the page (the wallboard) in full screen.
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
  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (status !== 403 && status !== 404 && status !== 409) { return; }
    var region = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest('[data-refresh-on-refusal]') : null;
    // Once the refused request has ended (a live part does not refresh while an action in it is under way).
    if (region && window.htmx) { setTimeout(function () { window.htmx.trigger(region, 'refused'); }, 0); }
  });
  // A part of the page that refreshes itself live (data-live-panel) yields to the user's own action in it: an
  // action aborts a refresh in flight, and no refresh starts while an action is in flight, so that the action's
  // answer (the part as it is after the action) is what the page shows, not a refresh that crossed it.
  document.addEventListener('htmx:beforeRequest', function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.closest) { return; }
    if (elt.hasAttribute('data-live-panel')) {
      if (elt.querySelector('.htmx-request')) { e.preventDefault(); }
      return;
    }
    var panel = elt.closest('[data-live-panel]');
    if (panel && window.htmx) { window.htmx.trigger(panel, 'htmx:abort'); }
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
      var name = 'live-' + message.topic.replace(/\./g, '-');
      fire(name, message.payload || {});
      if (message.payload && message.payload.caseId != null) { fire(name + '-' + message.payload.caseId, message.payload); }
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

  // ---- 5. ages ----------------------------------------------------------------------------------
  function ageText(seconds, formats) {
    function fill(pattern, a, b) { return pattern.replace('{0}', a).replace('{1}', b); }
    function two(n) { return (n < 10 ? '0' : '') + n; }
    var days = Math.floor(seconds / 86400), hours = Math.floor(seconds / 3600) % 24, minutes = Math.floor(seconds / 60) % 60;
    if (days > 0) { return fill(formats.dh, days, hours); }
    if (hours > 0) { return fill(formats.hm, hours, two(minutes)); }
    if (minutes > 0) { return fill(formats.ms, minutes, two(seconds % 60)); }
    return fill(formats.s, seconds, '');
  }
  function tickAges() {
    var now = Date.now();
    document.querySelectorAll('[data-age]').forEach(function (el) {
      if (!el.dataset.ageSince) { el.dataset.ageSince = String(now - 1000 * Number(el.dataset.age)); }
      var holder = el.closest('[data-age-formats]');
      if (!holder) { return; }
      var formats;
      try { formats = JSON.parse(holder.dataset.ageFormats); } catch (ignored) { return; }
      el.textContent = ageText(Math.max(0, Math.floor((now - Number(el.dataset.ageSince)) / 1000)), formats);
    });
  }
  setInterval(tickAges, 1000);

  // ---- 6. alarm ----------------------------------------------------------------------------------
  var alarm = document.getElementById('alarm');
  var sound = document.getElementById('alarm-sound');
  var pageTitle = document.title;
  var flashing = null;
  function count(name) { body.dataset[name] = String(Number(body.dataset[name] || '0') + 1); }
  function soundWanted() {
    var control = document.getElementById('sound-control');
    return !control || control.dataset.sound !== 'off';
  }
  // Whether the browser would play the sound now: its own answer, or that of an audio context, which starts
  // suspended exactly when sound may not play yet.
  function mayPlay() {
    if (navigator.getAutoplayPolicy) { return navigator.getAutoplayPolicy('mediaelement') === 'allowed'; }
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return true; }
    try {
      var probe = new Context();
      var running = probe.state === 'running';
      probe.close();
      return running;
    } catch (ignored) { return true; }
  }
  function showBlocked(blocked) {
    var note = document.getElementById('sound-blocked');
    if (note) { note.hidden = !blocked || !soundWanted(); }
    body.dataset.soundBlocked = blocked ? 'true' : 'false';
  }
  function play() {
    if (!sound) { return; }
    sound.currentTime = 0;
    var started = sound.play();
    if (started && started.then) { started.then(function () { showBlocked(false); }, function () { showBlocked(true); }); }
  }
  function stopFlashing() {
    if (flashing) { clearInterval(flashing); flashing = null; document.title = pageTitle; }
  }
  function flashTitle() {
    if (flashing || !alarm) { return; }
    var on = false;
    flashing = setInterval(function () {
      on = !on;
      document.title = on ? alarm.dataset.title : pageTitle;
      count('titleFlashes');
    }, 800);
  }
  function ring(detail) {
    if (!alarm) { return; }
    document.getElementById('alarm-text').textContent = alarm.dataset.text.replace('CASE', String(detail.caseId));
    document.getElementById('alarm-open').href = '/console/cases/' + encodeURIComponent(String(detail.caseId));
    alarm.hidden = false;
    count('alarms');
    flashTitle();
    if (soundWanted()) { play(); }
  }
  if (alarm) {
    sound.addEventListener('playing', function () { count('alarmPlays'); showBlocked(false); });
    body.addEventListener('live-risk-alert', function (e) { if (e.detail && e.detail.urgent) { ring(e.detail); } });
    // A user who looks at the page and touches it has seen the alert; touching also lets the browser play sound.
    // Checked on the click itself, not on the press before it: the note (and its button) must stay put until
    // the click has reached the button.
    ['click', 'keydown'].forEach(function (type) {
      document.addEventListener(type, function (e) {
        if (document.visibilityState === 'visible') { stopFlashing(); }
        if (type === 'click' && e.target.closest && e.target.closest('[data-sound-try]')) { play(); return; }
        if (body.dataset.soundBlocked === 'true') { showBlocked(!mayPlay()); }
      });
    });
    document.addEventListener('htmx:afterSettle', function (e) {
      if (e.detail.target.id === 'sound-control' && !body.dataset.soundBlocked) { showBlocked(!mayPlay()); }
      else if (e.detail.target.id === 'sound-control') { showBlocked(body.dataset.soundBlocked === 'true'); }
    });
  }

  // ---- 7. full screen ----------------------------------------------------------------------------
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-fullscreen]');
    if (!button || !document.documentElement.requestFullscreen) { return; }
    if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
  });

  setUpDrafts(document);
  focusErrors(document);
  tickAges();
  connect();
}());
