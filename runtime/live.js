/* briefdeck live reload, injected by `briefdeck serve` only (never into built files).
 * Listens for rebuilds over Server-Sent Events: reloads when this deck was
 * rebuilt, staying on the current slide; shows build errors as an overlay
 * until the next good save. */
(function () {
  'use strict';
  var script = document.currentScript;
  var slug = (script && script.getAttribute('data-slug')) || '';
  var events = new EventSource('/__briefdeck/events');

  events.addEventListener('reload', function (event) {
    var data = JSON.parse(event.data);
    if (slug && data.slugs.indexOf(slug) < 0) return;
    // reveal writes the slide into the URL with a delay; write it now so the reload lands on it.
    if (window.Reveal && window.Reveal.isReady && window.Reveal.isReady()) {
      var at = window.Reveal.getIndices();
      history.replaceState(null, '', '#/' + at.h + (at.v ? '/' + at.v : ''));
    }
    location.reload();
  });

  events.addEventListener('errors', function (event) {
    showErrors(JSON.parse(event.data).errors);
  });

  function showErrors(errors) {
    var overlay = document.getElementById('briefdeck-error-overlay');
    if (!errors.length) {
      if (overlay) overlay.remove();
      return;
    }
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'briefdeck-error-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText =
        'position:fixed;left:0;right:0;top:0;z-index:2147483647;padding:16px 24px;' +
        'background:#8b1a1a;color:#fff;font:16px/1.45 ui-monospace,Menlo,Consolas,monospace;' +
        'white-space:pre-wrap;box-shadow:0 4px 24px rgba(0,0,0,.4)';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'briefdeck: the last save has errors; showing the last good build.\n\n' + errors.join('\n');
  }
})();
