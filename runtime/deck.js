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
  // reveal names its arrow buttons in English ("next slide") and writes "Resume presentation" on its
  // pause overlay (the B key); a screen reader, and the briefer, read the deck's language.
  Reveal.on('ready', function () {
    var block = document.getElementById('briefdeck-labels');
    var labels = block ? JSON.parse(block.textContent || '{}').labels || {} : {};
    var names = { left: 'previousSlide', right: 'nextSlide', up: 'aboveSlide', down: 'belowSlide' };
    // In a right-to-left deck reveal swaps the meaning of left and right.
    if (Reveal.getConfig().rtl) names = { left: 'nextSlide', right: 'previousSlide', up: 'aboveSlide', down: 'belowSlide' };
    Object.keys(names).forEach(function (direction) {
      var button = document.querySelector('.reveal .controls .navigate-' + direction);
      if (button && labels[names[direction]]) button.setAttribute('aria-label', labels[names[direction]]);
    });
    var resume = document.querySelector('.reveal .pause-overlay .resume-button');
    if (resume && labels.resumePresentation) resume.textContent = labels.resumePresentation;
  });
  Reveal.initialize(config);
})();
