/* briefdeck print layout: the page structure reveal.js's print view builds
 * (html.reveal-print, one .pdf-page per slide, @page sized to the slide), made
 * without running reveal.js. The PDF printer runs it in a tab with page scripts
 * off: the same HTML, reveal.css, theme and partials give the same pages,
 * faster (no reveal start-up, no measuring pass per slide). The test suite
 * compares its pages with reveal's print view, pixel for pixel. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('briefdeck-config').textContent || '{}');
  var options = window.briefdeckPrint || {};
  var width = config.width;
  var height = config.height;
  var root = document.documentElement;
  // Replaced, not added again, when the printer reuses the tab for the next deck.
  var style = document.getElementById('briefdeck-print-layout') || document.createElement('style');
  style.id = 'briefdeck-print-layout';
  style.textContent =
    '@page{size:' + width + 'px ' + height + 'px; margin: 0px;}' +
    '.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ' + width + 'px; max-height:' + height + 'px}';
  document.head.appendChild(style);
  root.classList.add('reveal-print', 'print-pdf');
  document.body.classList.add('reveal-viewport');
  document.body.style.width = width + 'px';
  document.body.style.height = height + 'px';
  var reveal = document.querySelector('.reveal');
  reveal.classList.add('ready');
  var slides = reveal.querySelector('.slides');
  var sections = Array.prototype.slice.call(slides.querySelectorAll(':scope > section'));
  sections.forEach(function (section) {
    var page = document.createElement('div');
    page.className = 'pdf-page';
    page.style.height = height + (config.pdfPageHeightOffset || 0) + 'px';
    slides.appendChild(page);
    page.appendChild(section);
    section.style.left = '0px';
    section.style.top = '0px';
    section.style.width = width + 'px';
    section.querySelectorAll('.fragment').forEach(function (fragment) {
      fragment.classList.add('visible');
    });
    // Like reveal's showNotes: 'separate-page': the slide's notes on a page of their own after it.
    var notes = section.querySelector('aside.notes');
    if (options.notesPages && notes) {
      var notesPage = document.createElement('div');
      notesPage.className = 'speaker-notes speaker-notes-pdf';
      notesPage.setAttribute('data-layout', 'separate-page');
      notesPage.innerHTML = notes.innerHTML;
      slides.appendChild(notesPage);
    }
  });
})();
