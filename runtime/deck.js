/* briefdeck deck runtime: starts reveal.js with the configuration the build wrote
 * into the page. Kept as a file (not an inline script) so that a strict
 * Content-Security-Policy can forbid inline scripts. */
(function () {
  'use strict';
  var configElement = document.getElementById('briefdeck-config');
  var config = configElement ? JSON.parse(configElement.textContent || '{}') : {};
  config.plugins = typeof RevealNotes !== 'undefined' ? [RevealNotes] : [];
  // The PDF printer waits on this flag instead of sleeping: reveal fires
  // 'pdf-ready' once its print layout exists; 'ready' and isReady() come earlier,
  // before the print view is laid out (https://revealjs.com/events/,
  // https://github.com/hakimel/reveal.js/issues/1534).
  Reveal.on('pdf-ready', function () {
    document.documentElement.setAttribute('data-briefdeck-pdf-ready', 'true');
  });
  Reveal.initialize(config);
})();
