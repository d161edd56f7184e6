// Post-its, clusters and stippen on the live session page (/sessies/{id}).
// The page is complete without this file: every action is a plain form. With it, the forms go over the hub
// (window.proeftuinSession from session.js) and what others do appears at once. Note events are applied to the page
// here (upsert or remove by id, so an event seen twice does no harm); rarer changes (a new step, a cluster, the
// results) fetch the server-rendered panels again, so what someone may do is always decided on the server.
(function () {
  'use strict';

  var root = document.getElementById('pt-sessie');
  if (!root) return;
  // The wall screen shows the board without buttons: any change there simply fetches the board again.
  var wall = root.hasAttribute('data-wall');
  // Server-rendered parts that change with the step: the facilitator's controls, the board, the vote and the ideas.
  var PANELS = wall ? ['bord'] : ['leiden', 'post-its', 'clusters', 'stemmen', 'ideeen'];
  // The hub sends enums by name, as the API does.
  var VOTE = 'Vote';
  var ps = null;
  var myVotes = {};
  var votesLeft = 0;
  var hiddenByStep = {};
  var refreshing = null;
  var again = false;

  function sessionId() { return ps.sessionId || Number(root.dataset.sessionId); }
  function state() { return ps.state || null; }

  function currentStep() {
    var s = state();
    if (!s) return null;
    for (var i = 0; i < s.steps.length; i++) if (s.steps[i].id === s.currentStepId) return s.steps[i];
    return null;
  }

  function stepById(id) {
    var s = state();
    if (!s) return null;
    for (var i = 0; i < s.steps.length; i++) if (s.steps[i].id === id) return s.steps[i];
    return null;
  }

  // What the person may do now, as the server worked it out (the named rules in MeView); this file combines no roles,
  // session states or step modes. The server checks every action again. A new step brings a fresh state (session.js).
  function rights() {
    var s = state();
    var step = currentStep();
    var me = (s && s.me) || {};
    return {
      write: !!me.canWrite,
      cluster: !!me.canCluster,
      moderate: !!me.canModerate,
      vote: !!me.canVote,
      several: !!(step && step.severalPerNote)
    };
  }

  function format(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(text || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? String(args[i]) : m; });
  }

  // ---- applying events --------------------------------------------------------------------------------------

  function noteList(clusterId) {
    var key = clusterId == null ? '' : String(clusterId);
    return root.querySelector('ul[data-pt-cluster="' + key + '"]');
  }

  function isVisibleToAll(note) {
    var step = stepById(note.stepId);
    return !step || !step.private || step.revealed;
  }

  function buildNote(note) {
    var template = document.getElementById('pt-note-template');
    if (!template) return null;
    var li = template.content.firstElementChild.cloneNode(true);
    var r = rights();
    var sid = sessionId();
    var textId = 'post-it-tekst-' + note.id;
    li.id = 'post-it-' + note.id;
    li.dataset.noteId = note.id;
    li.dataset.mine = note.mine ? '1' : '';
    li.dataset.canEdit = note.canEdit ? '1' : '';
    li.dataset.canWithdraw = note.canWithdraw ? '1' : '';
    li.dataset.stepId = note.stepId;
    if (note.mine) li.classList.add('pt-note--mine');
    var text = li.querySelector('.pt-note__text');
    text.id = textId;
    text.textContent = note.text; // never HTML; CSS keeps the line breaks
    li.querySelector('[data-author]').textContent = note.author || template.dataset.anonymous;
    var perspective = li.querySelector('[data-perspective]');
    // Colour per knowledge source, always with its name in words (the same classes as _NoteCard.cshtml).
    var tones = { Experience: 'pt-note--experience', Professional: 'pt-note--professional', Scientific: 'pt-note--scientific' };
    if (note.authorPerspective != null) {
      perspective.textContent = template.getAttribute('data-perspective-' + String(note.authorPerspective).toLowerCase());
      li.classList.add(tones[note.authorPerspective] || 'pt-note--anonymous');
    } else {
      perspective.remove();
      li.classList.add('pt-note--anonymous');
    }
    if (!note.mine) li.querySelector('[data-you]').remove();

    // The note's own flags come from the server (the state, or the writer's copy of an event); a copy sent to everyone
    // carries none, and then only the moderator's right applies (MeView.canModerate: anyone's note, while open).
    var edit = li.querySelector('[data-edit]');
    if (note.canEdit) edit.href = '/sessies/' + sid + '/post-its/' + note.id; else edit.remove();
    var del = li.querySelector('[data-pt-note-delete]');
    if (note.canWithdraw || r.moderate) del.action = '/sessies/' + sid + '/post-its/' + note.id + '?handler=Delete'; else del.remove();

    var move = li.querySelector('[data-pt-note-move]');
    if (r.cluster && (note.mine || isVisibleToAll(note))) {
      move.querySelector('input[name="Input.NoteId"]').value = note.id;
      var select = move.querySelector('select');
      select.id = 'verplaats-' + note.id;
      select.setAttribute('aria-describedby', textId);
      move.querySelector('label').htmlFor = select.id;
      clusterOptions(select, note.clusterId);
    } else {
      move.remove();
    }

    var vote = li.querySelector('[data-pt-vote]');
    var unvote = li.querySelector('[data-pt-unvote]');
    if (r.vote && isVisibleToAll(note)) {
      vote.querySelector('input[name="NoteId"]').value = note.id;
      unvote.querySelector('input[name="NoteId"]').value = note.id;
    } else {
      vote.remove();
      unvote.remove();
    }
    li.querySelectorAll('button, a').forEach(function (el) { el.setAttribute('aria-describedby', textId); });
    showVotes(li);
    return li;
  }

  function clusterOptions(select, chosen) {
    var clusters = root.querySelectorAll('.pt-cluster[data-cluster-id]');
    clusters.forEach(function (section) {
      var option = document.createElement('option');
      option.value = section.dataset.clusterId;
      var name = section.querySelector('h3');
      option.textContent = name ? name.firstChild.textContent.trim() : section.dataset.clusterId;
      if (document.documentElement.lang !== 'nl') option.lang = 'nl'; // a cluster name is Dutch user content
      if (String(chosen) === option.value) option.selected = true;
      select.appendChild(option);
    });
  }

  // The stippen on one note, and whether another may go on it.
  function showVotes(li) {
    var count = myVotes[li.dataset.noteId] || 0;
    var line = li.querySelector('[data-my-votes]');
    var step = currentStep();
    if (line) {
      if (!line.dataset.format) line.dataset.format = document.getElementById('pt-note-template').content.querySelector('[data-my-votes]').dataset.format;
      line.textContent = format(line.dataset.format, count);
      line.hidden = !(step && step.mode === VOTE && count > 0);
    }
    var button = li.querySelector('[data-pt-vote] button');
    // aria-disabled keeps the button focusable: after the last stip the keyboard stays where it was.
    if (button) {
      if (votesLeft <= 0 || (!rights().several && count > 0)) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    var unvote = li.querySelector('[data-pt-unvote]');
    if (unvote) unvote.hidden = count === 0;
  }

  function upsertNote(note) {
    var old = document.getElementById('post-it-' + note.id);
    // Mine (and the writer's flags) arrive only on the writer's own screens; an event for everyone must not undo them.
    if (old && old.dataset.mine && !note.mine) {
      note = Object.assign({}, note, { mine: true, canEdit: !!old.dataset.canEdit, canWithdraw: !!old.dataset.canWithdraw });
    }
    var list = noteList(note.clusterId);
    if (!list) { refresh(); return; }
    var li = buildNote(note);
    if (!li) return;
    var dots = old && old.querySelector('[data-pt-dots]');
    if (dots) li.querySelector('.pt-note__meta').after(dots);
    var hadFocus = old && old.contains(document.activeElement) ? document.activeElement : null;
    if (old && old.parentElement === list) old.replaceWith(li);
    else {
      if (old) old.remove();
      list.appendChild(li);
    }
    if (hadFocus) {
      var same = hadFocus.id ? document.getElementById(hadFocus.id) : li.querySelector(hadFocus.tagName.toLowerCase());
      (same || li.querySelector('button, a, select') || li).focus();
    }
    afterChange();
  }

  function removeNote(id) {
    var old = document.getElementById('post-it-' + id);
    if (!old) return;
    var focusMoves = old.contains(document.activeElement);
    old.remove();
    if (focusMoves) (document.getElementById('post-its-titel') || root).focus();
    afterChange();
  }

  function afterChange() {
    var empty = root.querySelector('[data-pt-no-notes]');
    if (empty) empty.hidden = root.querySelectorAll('li.pt-note').length > 0;
    // Every column's count, the loose one included.
    root.querySelectorAll('.pt-cluster').forEach(function (section) {
      var count = section.querySelector('.pt-cluster__count');
      if (count) count.textContent = '(' + section.querySelectorAll('li.pt-note').length + ')';
    });
    showHidden();
  }

  function showHidden() {
    var line = root.querySelector('[data-pt-hidden-count]');
    if (!line) return;
    var total = 0;
    Object.keys(hiddenByStep).forEach(function (k) { total += Math.max(0, hiddenByStep[k]); });
    line.textContent = format(line.dataset.format, total);
    line.hidden = total === 0;
  }

  function showVotesLeft() {
    var line = root.querySelector('[data-pt-votes-left]');
    var step = currentStep();
    if (line && step) line.textContent = format(line.dataset.format, votesLeft, step.votesPerPerson);
    root.querySelectorAll('li.pt-note').forEach(showVotes);
  }

  function mineInStep(stepId) {
    return root.querySelectorAll('li.pt-note[data-mine="1"][data-step-id="' + stepId + '"]').length;
  }

  // Keeps the shared state's step current, so the rights above follow the session without a reload.
  function stepChanged(step, current) {
    var s = state();
    if (!s || !step) return;
    s.steps = s.steps.map(function (x) { return x.id === step.id ? step : x; });
    if (current) s.currentStepId = step.id;
  }

  // ---- fetching the server-rendered panels ------------------------------------------------------------------

  // One fetch at a time; changes during a fetch ask for one more.
  function refresh() {
    if (refreshing) { again = true; return refreshing; }
    refreshing = fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) swapPanels(new DOMParser().parseFromString(html, 'text/html')); })
      .catch(function () { /* the connection's status line already tells the person */ })
      .then(function () {
        refreshing = null;
        if (again) { again = false; refresh(); }
      });
    return refreshing;
  }

  function swapPanels(doc) {
    var active = document.activeElement;
    var activeId = active && root.contains(active) ? active.id : null;
    // Keep whatever someone is typing (a post-it, a cluster name): a fresh panel must not swallow it.
    var drafts = {};
    PANELS.forEach(function (id) {
      var panel = document.getElementById(id);
      if (!panel) return;
      panel.querySelectorAll('textarea[id], input[id]:not([type]), input[id][type="text"]').forEach(function (field) {
        if (field.value !== field.defaultValue) drafts[field.id] = field.value;
      });
    });
    var anchor = null;
    PANELS.forEach(function (id) {
      var fresh = doc.getElementById(id);
      var old = document.getElementById(id);
      if (fresh) fresh = document.importNode(fresh, true);
      if (old && fresh) old.replaceWith(fresh);
      else if (old) old.remove();
      else if (fresh && anchor) anchor.after(fresh);
      anchor = fresh || anchor;
    });
    Object.keys(drafts).forEach(function (id) {
      var field = document.getElementById(id);
      if (field) field.value = drafts[id];
    });
    if (activeId && document.getElementById(activeId)) document.getElementById(activeId).focus();
    var line = root.querySelector('[data-pt-hidden-count]');
    var step = currentStep();
    hiddenByStep = {};
    if (line && step) hiddenByStep[step.id] = Number((line.textContent.match(/\d+/) || ['0'])[0]);
    enableDrag();
  }

  // ---- drag and drop (the select per note is the keyboard path) ---------------------------------------------

  function enableDrag() {
    if (wall || !window.Sortable || !rights().cluster) return;
    root.querySelectorAll('ul.pt-note-list[data-pt-cluster]').forEach(function (list) {
      if (list.dataset.sortable) return;
      list.dataset.sortable = '1';
      window.Sortable.create(list, {
        group: 'post-its',
        animation: 150,
        filter: 'button, a, select, input, label',
        preventOnFilter: false,
        onAdd: function (event) {
          var noteId = Number(event.item.dataset.noteId);
          var target = event.to.dataset.ptCluster;
          ps.invoke('MoveNote', sessionId(), noteId, target === '' ? null : Number(target))
            .then(function (reply) { if (!reply || !reply.ok) refresh(); }, function () { refresh(); });
        }
      });
    });
  }

  // ---- forms go over the hub; if that fails, the form is sent as usual ---------------------------------------

  function noteIdOf(form) {
    var li = form.closest('li[data-note-id]');
    return li ? Number(li.dataset.noteId) : null;
  }

  // One call at a time per form. The button is not disabled meanwhile: a disabled button drops the keyboard focus.
  // Creates carry a request key: a fresh one per action, the same one when the form is posted as a retry, so a note
  // the server saved before the answer got lost is not made twice.
  var keyed = { AddNote: true, AddCluster: true, CastVote: true };

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function send(form, method, args, done, refused) {
    if (form.dataset.ptBusy) return;
    form.dataset.ptBusy = '1';
    var button = form.querySelector('button[type=submit]');
    if (keyed[method]) {
      var key = newKey();
      var field = form.elements.namedItem('__RequestKey');
      if (field) field.value = key;
      args = args.concat([key]);
    }
    ps.invoke.apply(ps, [method, sessionId()].concat(args)).then(function (reply) {
      delete form.dataset.ptBusy;
      if (reply && reply.ok && done) done(reply);
      if (reply && reply.ok) {
        var note = form.closest('li[data-note-id]');
        if (note) showVotes(note);
      }
      if (reply && reply.ok === false && refused) refused(reply);
      // Focus returns to the button pressed, if the page still has it.
      if (button && document.contains(button) && (document.activeElement === document.body || document.activeElement === null)) button.focus();
    }, function () {
      delete form.dataset.ptBusy;
      form.dataset.ptPlain = '1';
      form.submit();
    });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !ps || form.dataset.ptPlain) return;
    var value = function (name) { var f = form.elements.namedItem(name); return f ? f.value : ''; };
    var id = function (name) { var v = value(name); return v === '' ? null : Number(v); };
    var handled = true;
    if (form.hasAttribute('data-pt-note-add')) {
      var area = form.querySelector('textarea');
      if (value('Input.Text').trim() === '') {
        fieldError(form, area, null);
      } else {
        send(form, 'AddNote', [value('Input.Text')], function () {
          fieldError(form, area, false);
          area.value = '';
          area.focus();
        }, function (reply) { fieldError(form, area, reply.error); });
      }
    } else if (form.hasAttribute('data-pt-note-delete')) {
      send(form, 'DeleteNote', [noteIdOf(form)]);
    } else if (form.hasAttribute('data-pt-note-move')) {
      send(form, 'MoveNote', [id('Input.NoteId'), id('Input.ClusterId')]);
    } else if (form.hasAttribute('data-pt-vote')) {
      var voteButton = form.querySelector('button');
      if (voteButton && voteButton.getAttribute('aria-disabled') === 'true') {
        ps.say(format(root.querySelector('[data-pt-votes-left]') ? root.querySelector('[data-pt-votes-left]').textContent : ''));
        voteButton.focus();
      } else {
        send(form, 'CastVote', [id('NoteId')]);
      }
    } else if (form.hasAttribute('data-pt-unvote')) {
      send(form, 'RemoveVote', [id('NoteId')]);
    } else if (form.hasAttribute('data-pt-cluster-add')) {
      send(form, 'AddCluster', [value('Input.Name')], function () { form.querySelector('input[name="Input.Name"]').value = ''; });
    } else if (form.hasAttribute('data-pt-cluster-rename')) {
      send(form, 'RenameCluster', [id('Input.ClusterId'), value('Input.Name')]);
    } else if (form.hasAttribute('data-pt-cluster-merge')) {
      send(form, 'MergeClusters', [id('Input.ClusterId'), id('Input.IntoClusterId')]);
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
  }

  // The post-it field's own error, next to it: aria-invalid and the message in its aria-describedby. message: the
  // server's words; null: the page's own "write something first"; false: clear the error.
  function fieldError(form, field, message) {
    var error = form.querySelector('[data-pt-note-error]');
    if (!error) return;
    if (!error.dataset.defaultText) error.dataset.defaultText = error.textContent;
    var ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== error.id; });
    if (message === false) {
      error.hidden = true;
      field.removeAttribute('aria-invalid');
      field.classList.remove('utrecht-textarea--invalid');
    } else {
      error.textContent = message || error.dataset.defaultText;
      error.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.classList.add('utrecht-textarea--invalid');
      ids.unshift(error.id);
      field.focus();
    }
    field.setAttribute('aria-describedby', ids.join(' '));
  }

  // ---- wiring -------------------------------------------------------------------------------------------------

  function startWall() {
    var timer = null;
    var later = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 300); // a burst of post-its is one fetch
    };
    ['NoteAdded', 'NoteChanged', 'NoteDeleted', 'NotesRevealed', 'ClusterSaved', 'ClusterDeleted', 'StepStarted', 'VotesRevealed']
      .forEach(function (name) { ps.on(name, later); });
  }

  function start() {
    ps = window.proeftuinSession;
    if (!ps || typeof ps.on !== 'function') return; // no live connection: the forms do everything
    if (wall) { startWall(); return; }
    var firstSequence = Number(root.dataset.sequence);
    root.addEventListener('submit', onSubmit);

    ps.on('state', function (view) {
      myVotes = {};
      Object.keys(view.myVotes || {}).forEach(function (k) { myVotes[k] = view.myVotes[k]; });
      votesLeft = view.votesLeft;
      // The page was rendered from this very state: only a newer one needs fresh panels.
      if (view.sequence > firstSequence) { firstSequence = view.sequence; refresh(); }
      else { hiddenByStep = {}; if (view.currentStepId != null) hiddenByStep[view.currentStepId] = view.hiddenNotes; enableDrag(); showVotesLeft(); }
    });
    ps.on('NoteAdded', function (note) { upsertNote(note); });
    ps.on('NoteChanged', function (note) { upsertNote(note); });
    ps.on('NoteDeleted', function (noteId) { removeNote(noteId); });
    ps.on('NotesRevealed', function (stepId, notes) {
      hiddenByStep[stepId] = 0;
      (notes || []).forEach(upsertNote);
      showHidden();
    });
    ps.on('PrivateNotesCounted', function (stepId, count) {
      hiddenByStep[stepId] = count - mineInStep(stepId);
      showHidden();
    });
    ps.on('VotesChanged', function (stepId, mine, left) {
      myVotes = mine || {};
      votesLeft = left;
      showVotesLeft();
    });
    ps.on('ClusterSaved', function () { refresh(); });
    ps.on('ClusterDeleted', function () { refresh(); });
    // These two fetch the panels themselves; the fresh state session.js asks for after them (for the new rights) then
    // needs no second fetch, which would redraw the buttons under someone's fingers.
    ps.on('StepStarted', function (step, serverNow, sequence) {
      firstSequence = Math.max(firstSequence, sequence || 0);
      stepChanged(step, true);
      refresh();
    });
    ps.on('VotesRevealed', function (stepId, sequence) {
      firstSequence = Math.max(firstSequence, sequence || 0);
      var step = stepById(stepId);
      if (step) stepChanged(Object.assign({}, step, { votingClosed: true }), false);
      refresh();
    });
    enableDrag();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
