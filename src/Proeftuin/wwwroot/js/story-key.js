// The teller's private link: a copy button and a print button. Without JavaScript both stay hidden; the link is
// then plain selectable text, and printing works from the browser's menu.
(function () {
  'use strict';

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!source || !status || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = 'value' in source ? source.value : source.textContent.trim();
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = button.getAttribute('data-copied');
      }, function () {
        // No permission (or an old browser): select the link so the person can copy it themselves.
        if (source.select) source.select();
        status.textContent = button.getAttribute('data-copy-failed');
      });
    });
  });
})();
