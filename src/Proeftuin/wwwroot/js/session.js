// Live session core: one hub connection per page, the step panel, the timer, "klaar" and the facilitator's buttons.
// Other scripts (session-notes.js) listen through window.proeftuinSession.on(name, fn) and call invoke(method, ...args).
// Every form keeps working without this script; with it, the buttons call the hub instead of posting.
(function () {
  'use strict';

  var root = document.getElementById('pt-sessie');
  if (!root) return;

  var english = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0;
  var texts = english ? {
    connected: 'Connected',
    lost: 'Connection lost — we are trying again…',
    summoned: 'The facilitator brought everyone here.',
    timeUp: 'Time is up.',
    failed: 'That did not work. Please try again.',
    step: 'New step: {0}.',
    results: 'The vote is closed: the results are shown.'
  } : {
    connected: 'Verbonden',
    lost: 'Verbinding weg — we proberen het opnieuw…',
    summoned: 'De begeleider heeft iedereen hierheen gehaald.',
    timeUp: 'De tijd is om.',
    failed: 'Dat lukte niet. Probeer het nog eens.',
    step: 'Nieuwe stap: {0}.',
    results: 'Het stemmen is gesloten: de uitslag staat er.'
  };

  var sessionId = parseInt(root.getAttribute('data-session-id'), 10);
  var lastSequence = parseInt(root.getAttribute('data-sequence'), 10) || 0;
  var clockOffset = offsetFrom(root.getAttribute('data-server-now'));
  var statusLine = root.querySelector('[data-live-status]');
  var listeners = {};
  var connection = null;
  var firstState = null;
  var timerStep = null;
  var timeUpTold = false;
  var lastLeft = null;

  var api = {
    sessionId: sessionId,
    state: null,
    me: null,
    // The page's one polite live region: its text changes, the element stays (screen readers keep listening to it).
    say: say,
    on: function (name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
    },
    invoke: function (method) {
      var args = Array.prototype.slice.call(arguments, 1);
      if (!connection || connection.state !== 'Connected') {
        say(texts.lost);
        return Promise.resolve({ ok: false, error: texts.lost });
      }
      return connection.invoke.apply(connection, [method].concat(args)).then(function (reply) {
        if (reply && reply.ok === false && reply.error) say(reply.error);
        return reply;
      }, function () {
        say(texts.failed);
        return { ok: false, error: texts.failed };
      });
    }
  };
  window.proeftuinSession = api;

  function emit(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    (listeners[name] || []).forEach(function (fn) {
      try { fn.apply(null, args); } catch (e) { if (window.console) console.error(e); }
    });
  }

  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function offsetFrom(serverNow) {
    var t = serverNow ? Date.parse(serverNow) : NaN;
    return isNaN(t) ? 0 : t - Date.now();
  }

  function seen(sequence) {
    if (typeof sequence === 'number' && sequence > lastSequence) lastSequence = sequence;
  }

  // ---- state -------------------------------------------------------------------------------------------------------

  function takeState(view) {
    if (!view) return;
    seen(view.sequence);
    clockOffset = offsetFrom(view.serverNow);
    // A different phase of the session or a changed plan shows other panels and buttons: the server draws them best.
    if (firstState && (firstState.state !== view.state || firstState.steps.length !== view.steps.length)) {
      window.location.reload();
      return;
    }
    if (!firstState) firstState = view;
    api.state = view;
    api.me = view.me;
    var step = stepById(view.currentStepId);
    if (step) showStep(step);
    showParticipation(view.participation);
    showDone(view.me && view.me.done);
    emit('state', view);
  }

  function stepById(id) {
    var steps = api.state ? api.state.steps : [];
    for (var i = 0; i < steps.length; i++) if (steps[i].id === id) return steps[i];
    return null;
  }

  function replaceStep(step) {
    if (!api.state) return;
    api.state.steps = api.state.steps.map(function (s) { return s.id === step.id ? step : s; });
  }

  // ---- step panel and timer ---------------------------------------------------------------------------------------

  function setText(selector, text) {
    root.querySelectorAll(selector).forEach(function (el) { el.textContent = text; });
  }

  function showStep(step) {
    setText('[data-step-title]', step.title);
    setText('[data-step-instruction]', step.instruction);
    // The title and instruction are typed in Dutch: on an English page a screen reader must read them in Dutch (pt-nl).
    if (document.documentElement.lang !== 'nl') {
      root.querySelectorAll('[data-step-title], [data-step-instruction]').forEach(function (el) { el.lang = 'nl'; });
    }
    var item = root.querySelector('[data-step-list] [data-step-id="' + step.id + '"]');
    root.querySelectorAll('[data-step-list] [data-step-id]').forEach(function (li) {
      if (li === item) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
    if (item) {
      setText('[data-step-what]', item.getAttribute('data-what') || '');
      var mode = root.querySelector('[data-step-mode]');
      var template = mode && mode.getAttribute('data-template');
      if (mode && template) {
        mode.textContent = template.replace('{0}', item.getAttribute('data-position')).replace('{1}', String(api.state ? api.state.steps.length : ''))
          + ' · ' + (item.getAttribute('data-mode-label') || '');
      }
    }
    var select = root.querySelector('#ga-naar-stap');
    if (select) select.value = String(step.id);
    showTimer(step);
  }

  function showTimer(step) {
    timerStep = step;
    timeUpTold = false;
    lastLeft = null;
    tick();
  }

  function secondsLeft(step) {
    if (!step) return null;
    if (step.endsAt) return Math.max(0, Math.ceil((Date.parse(step.endsAt) - (Date.now() + clockOffset)) / 1000));
    if (typeof step.pausedSecondsLeft === 'number') return step.pausedSecondsLeft;
    return null;
  }

  // The timer's state decides its buttons (the server draws the same: SessionWords.TimerState).
  function timerState(step, left) {
    if (!step) return 'idle';
    if (step.endsAt) return left > 0 ? 'running' : 'over';
    return typeof step.pausedSecondsLeft === 'number' ? 'paused' : 'idle';
  }

  function showTimerButtons(state) {
    var group = root.querySelector('[data-timer-buttons]');
    if (!group) return;
    var focusLost = false;
    group.querySelectorAll('[data-timer-states]').forEach(function (form) {
      var fits = form.getAttribute('data-timer-states').split(' ').indexOf(state) >= 0;
      if (!fits && form.contains(document.activeElement)) focusLost = true;
      form.hidden = !fits;
    });
    // The button pressed may be gone (Pauze becomes Verder): keep the keyboard in the same group.
    if (focusLost) {
      var first = group.querySelector('[data-timer-states]:not([hidden]) button');
      if (first) first.focus();
    }
  }

  function tick() {
    var left = secondsLeft(timerStep);
    if (timerStep && api.state && timerStep.id === api.state.currentStepId) showTimerButtons(timerState(timerStep, left));
    root.querySelectorAll('[data-timer]').forEach(function (el) {
      el.hidden = left === null;
      el.classList.toggle('pt-timer--done', left === 0);
      var text = el.querySelector('[data-timer-text]');
      if (text) text.textContent = left === null ? '' : Math.floor(left / 60) + ':' + ('0' + (left % 60)).slice(-2);
      var paused = el.querySelector('[data-timer-paused]');
      if (paused) paused.hidden = !(timerStep && !timerStep.endsAt && typeof timerStep.pausedSecondsLeft === 'number');
    });
    // Told once, when the time runs out while someone watches; a page opened after the end says nothing.
    if (left === 0 && timerStep && timerStep.endsAt && !timeUpTold && lastLeft > 0) {
      timeUpTold = true;
      say(texts.timeUp);
    }
    lastLeft = left;
  }

  // ---- participation and "klaar" ----------------------------------------------------------------------------------

  function showParticipation(p) {
    if (!p) return;
    if (api.state) api.state.participation = p;
    root.querySelectorAll('[data-done-count]').forEach(function (el) {
      var template = el.getAttribute('data-template');
      if (template) el.textContent = template.replace('{0}', p.done).replace('{1}', p.total);
    });
    // The same number of people everywhere on the page: "1 deelnemer", "12 deelnemers".
    root.querySelectorAll('[data-participant-total]').forEach(function (el) {
      var template = el.getAttribute(p.total === 1 ? 'data-one' : 'data-many');
      if (template) el.textContent = template.replace('{0}', p.total);
    });
    root.querySelectorAll('[data-participant-count]').forEach(function (el) { el.textContent = String(p.total); });
  }

  // The facilitator's list of people, redrawn from the server's list with the page's own row template.
  function showPeople(people) {
    var body = root.querySelector('[data-people]');
    var template = root.querySelector('[data-person-template]');
    if (!body || !template || !people) return;
    var labels = JSON.parse(body.getAttribute('data-labels') || '{}');
    var words = JSON.parse(body.getAttribute('data-words') || '{}');
    var myId = api.me ? api.me.participantId : null;
    var hadFocus = body.contains(document.activeElement);
    var before = body.rows.length;
    body.textContent = '';
    people.forEach(function (p) {
      var row = template.content.firstElementChild.cloneNode(true);
      row.setAttribute('data-person-id', String(p.id));
      row.querySelectorAll('[data-person-name]').forEach(function (el) {
        el.textContent = (el.classList.contains('pt-visually-hidden') ? ': ' : '') + p.displayName;
      });
      row.querySelector('[data-person-kind]').textContent = '(' + (p.isGuest ? words.guest : words.account) + (p.done ? ', ' + words.done : '') + ')';
      var perspective = row.querySelector('[data-person-perspective]');
      perspective.textContent = labels[p.perspective] || String(p.perspective);
      if (p.wasPerspective) {
        var was = document.createElement('span');
        was.className = 'pt-meta';
        was.textContent = ' (' + (words.was || '{0}').replace('{0}', labels[p.wasPerspective] || String(p.wasPerspective)) + ')';
        perspective.appendChild(was);
      }
      var joined = row.querySelector('[data-person-joined]');
      var iso = /Z|[+-]\d\d:\d\d$/.test(p.joinedAt) ? p.joinedAt : p.joinedAt + 'Z';
      var at = new Date(iso);
      joined.setAttribute('datetime', iso);
      joined.textContent = isNaN(at) ? '' : String(at.getHours()).padStart(2, '0') + ':' + String(at.getMinutes()).padStart(2, '0');
      var form = row.querySelector('form');
      if (form && p.id === myId) form.remove();
      else if (form) {
        form.setAttribute('data-args', JSON.stringify([sessionId, p.id]));
        form.querySelector('[name=participantId]').value = String(p.id);
        if (words.confirm) form.setAttribute('data-confirm', words.confirm.replace('{0}', p.displayName));
      }
      body.appendChild(row);
    });
    // A keyboard user whose button went with its row lands on the list's heading, and hears what happened.
    if (hadFocus && !body.contains(document.activeElement)) {
      var heading = document.getElementById('deelnemers-titel');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      if (people.length < before && words.removed) say(words.removed);
    }
  }

  function showDone(done) {
    var form = root.querySelector('[data-done-form]');
    if (!form) return;
    var button = form.querySelector('[data-done-button]');
    var value = form.querySelector('[data-done-value]');
    if (value) value.value = done ? 'false' : 'true';
    if (button) {
      button.setAttribute('aria-pressed', done ? 'true' : 'false');
      var text = button.getAttribute(done ? 'data-text-done' : 'data-text-todo');
      if (text) button.textContent = text;
      button.classList.toggle('utrecht-button--primary-action', !done);
      button.classList.toggle('utrecht-button--secondary-action', !!done);
    }
  }

  // ---- forms become hub calls -------------------------------------------------------------------------------------

  function argsFor(form) {
    var args;
    try { args = JSON.parse(form.getAttribute('data-args') || '[' + sessionId + ']'); } catch (e) { return null; }
    var relative = form.getAttribute('data-relative');
    if (relative !== null) {
      if (!api.state) return null;
      var ordered = api.state.steps.slice().sort(function (a, b) { return a.position - b.position; });
      var index = ordered.findIndex(function (s) { return s.id === api.state.currentStepId; });
      var target = ordered[index + parseInt(relative, 10)];
      return target ? [sessionId, target.id] : null;
    }
    var fields = form.getAttribute('data-fields');
    if (fields) {
      fields.split(' ').forEach(function (name) {
        var field = form.elements[name];
        var v = field ? field.value : null;
        args.push(v !== null && v !== '' && /^-?\d+$/.test(v) ? parseInt(v, 10) : v);
      });
    }
    return args;
  }

  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (!connection || connection.state !== 'Connected') return; // the plain post still works
    var method = form.getAttribute('data-hub');
    if (method) {
      var question = form.getAttribute('data-confirm');
      if (question && !window.confirm(question)) { event.preventDefault(); return; }
      var args = argsFor(form);
      if (!args) return;
      event.preventDefault();
      api.invoke.apply(null, [method].concat(args));
      return;
    }
    if (form.hasAttribute('data-done-form')) {
      event.preventDefault();
      var done = form.querySelector('[data-done-value]').value === 'true';
      api.invoke('MarkDone', sessionId, done).then(function (reply) {
        if (reply && reply.ok) {
          if (api.me) api.me.done = done;
          showDone(done);
        }
      });
    }
  });

  // ---- hub events -------------------------------------------------------------------------------------------------

  var eventNames = ['NoteAdded', 'NoteChanged', 'NoteDeleted', 'PrivateNotesCounted', 'NotesRevealed', 'ClusterSaved',
    'ClusterDeleted', 'StepStarted', 'TimerChanged', 'VotesChanged', 'VotesRevealed', 'ParticipationChanged', 'Summoned',
    'SessionChanged', 'Removed', 'ParticipantsChanged'];

  var own = {
    StepStarted: function (step, serverNow) {
      clockOffset = offsetFrom(serverNow);
      replaceStep(step);
      if (api.state) {
        api.state.currentStepId = step.id;
        if (api.me) api.me.done = false;
      }
      showStep(step);
      showDone(false);
      say(texts.step.replace('{0}', step.title));
      freshState();
    },
    VotesRevealed: function () {
      say(texts.results);
      freshState();
    },
    TimerChanged: function (step, serverNow) {
      clockOffset = offsetFrom(serverNow);
      replaceStep(step);
      if (api.state && api.state.currentStepId === step.id) showTimer(step);
    },
    ParticipationChanged: function (participation) {
      showParticipation(participation);
    },
    // The facilitator took this person out: the server's page says so, and shows nothing of the session any more.
    Removed: function () {
      window.location.reload();
    },
    ParticipantsChanged: function (people) {
      showPeople(people);
    },
    Summoned: function (focus) {
      if (api.state) api.state.focus = focus;
      var target = focus ? document.getElementById(focus) : null;
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ behavior: 'smooth', block: 'start' });
      target.focus({ preventScroll: true });
      say(texts.summoned);
    },
    SessionChanged: function () {
      freshState();
    }
  };

  // What someone may do follows the step: after a new step or a closed vote, take the server's rules afresh.
  function freshState() {
    if (!connection) return;
    connection.invoke('Rejoin', sessionId, -1).then(takeState, function () { });
  }

  // A number skipped means this screen may have missed a message (a send that failed after the save): take the whole
  // state once, a moment later, so several skips in a row cost one call. A skip can also be a message meant for
  // someone else only (another person's stippen); then the state is simply the same.
  var catchUpTimer = null;
  function catchUp() {
    if (catchUpTimer) return;
    catchUpTimer = window.setTimeout(function () {
      catchUpTimer = null;
      freshState();
    }, 1500);
  }

  function listen(conn) {
    eventNames.forEach(function (name) {
      conn.on(name, function () {
        var args = Array.prototype.slice.call(arguments);
        var sequence = args[args.length - 1];
        var skipped = typeof sequence === 'number' && lastSequence > 0 && sequence > lastSequence + 1;
        seen(sequence);
        if (own[name]) own[name].apply(null, args);
        emit.apply(null, [name].concat(args));
        if (skipped) catchUp();
      });
    });
  }

  // ---- connection -------------------------------------------------------------------------------------------------

  function start() {
    return connection.start().then(function () {
      say(texts.connected);
      // The first time a full state; after a full drop only what changed since the last number seen.
      return api.state ? connection.invoke('Rejoin', sessionId, lastSequence) : connection.invoke('Enter', sessionId);
    }).then(takeState, function () {
      say(texts.lost);
      window.setTimeout(start, 5000);
    });
  }

  function connect() {
    if (!window.signalR) return;
    connection = new window.signalR.HubConnectionBuilder()
      .withUrl(root.getAttribute('data-hub') || '/hubs/sessions')
      .withAutomaticReconnect()
      .build();
    listen(connection);
    connection.onreconnecting(function () { say(texts.lost); });
    connection.onreconnected(function () {
      say(texts.connected);
      connection.invoke('Rejoin', sessionId, lastSequence).then(takeState, function () { });
    });
    connection.onclose(function () {
      say(texts.lost);
      window.setTimeout(start, 5000);
    });
    start();
  }

  window.setInterval(tick, 1000);
  // Other deferred scripts (session-notes.js) register their handlers before DOMContentLoaded. Deferred scripts run
  // while readyState is already "interactive", so wait for the event itself; "load" is the fallback once.
  var connected = false;
  function connectOnce() {
    if (connected) return;
    connected = true;
    connect();
  }
  if (document.readyState === 'complete') window.setTimeout(connectOnce, 0);
  else {
    document.addEventListener('DOMContentLoaded', connectOnce);
    window.addEventListener('load', connectOnce);
  }
})();
