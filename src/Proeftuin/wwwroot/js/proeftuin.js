// Site-wide enhancements for every page. Everything works without this file: the error summary is at the
// top of the form with role="alert", and its links are plain links to the fields.
(function () {
  'use strict';

  var controls = 'input:not([type=hidden]), select, textarea, button';

  // After a refused submit, focus goes to the error summary so it is read out and the next Tab reaches its links.
  function focusSummary(root) {
    var summary = root && root.querySelector ? root.querySelector('.pt-error-summary') : null;
    if (!summary) return;
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  // The field a summary link points at. A radio group has no single field: its link points at the group's
  // fieldset (or an id that is not there), so take the group's first radio.
  function fieldFor(link) {
    var id = decodeURIComponent(link.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.matches(controls)) return target;
    var inside = target ? target.querySelector(controls) : null;
    if (inside) return inside;
    var name = link.getAttribute('data-field');
    if (name) {
      var named = document.getElementsByName(name);
      for (var i = 0; i < named.length; i++) {
        if (named[i].type !== 'hidden') return named[i];
      }
    }
    return target;
  }

  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('.pt-error-summary a[href^="#"]') : null;
    if (!link) return;
    var field = fieldFor(link);
    if (!field) return;
    e.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  });

  // Forms that htmx puts on the page get the same treatment when they come back with errors.
  document.addEventListener('htmx:afterSwap', function (e) { focusSummary(e.detail.target); });

  focusSummary(document);
})();
