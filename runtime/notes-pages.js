/* briefdeck notes pages (build --notes-pages): after the print layout (ours or
 * reveal's) has put each slide's notes on a page after it, gives every notes
 * page the marking at the top and bottom, the slide it belongs to ("Notes for
 * slide 3 of 10: Summary") and its page number. They are drawn in the page's
 * margin boxes (CSS @page, one named page per slide), so that they repeat on
 * every page when long notes run over onto more pages, and count the PDF's
 * real pages. Run by the PDF printer in the tab after the layout.
 * Expects window.briefdeckLabels (runtime/labels.js) and window.briefdeckNotesPages = { marking: { text, ink, background } | null }. */
(function () {
  'use strict';
  var options = window.briefdeckNotesPages || {};
  var labels = window.briefdeckLabels; // runtime/labels.js, run before this
  var rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  var slides = document.querySelector('.reveal .slides');
  var sections = Array.prototype.slice.call(slides.querySelectorAll(':scope > .pdf-page > section'));
  var notesPages = Array.prototype.slice.call(slides.querySelectorAll(':scope > .speaker-notes-pdf[data-layout="separate-page"]'));
  var rules = [
    // The page's height comes from its margins now, and long notes flow on to more pages, each with the
    // template's padding.
    '.reveal .slides > .speaker-notes-pdf[data-layout="separate-page"] { height: auto !important; min-height: 0 !important; max-height: none !important; box-decoration-break: clone; -webkit-box-decoration-break: clone; }',
  ];
  notesPages.forEach(function (notes) {
    var page = notes.previousElementSibling;
    var section = page && page.querySelector(':scope > section');
    var number = sections.indexOf(section) + 1;
    if (number < 1) return;
    var heading = section.querySelector('h1, h2, h3');
    var label = section.getAttribute('data-label') || (heading ? heading.textContent : '') || '';
    var reference = labels.text('notesForSlide', { number: number, total: sections.length }) + (label.trim() ? ': ' + label.trim() : '');
    var name = 'briefdeck-notes-' + number;
    notes.style.page = name;
    // The page's heading in the deck's language: the template's CSS shows it (`content: attr(data-heading)`).
    notes.setAttribute('data-heading', labels.text('speakerNotes'));
    var font = 'font-family: ' + getComputedStyle(notes).fontFamily + '; font-size: 15px; ';
    var text = font + 'color: #3b4456; vertical-align: middle; ';
    // Margin boxes have no logical names: a right-to-left deck has the reference on the right.
    var start = rtl ? 'right' : 'left';
    var end = rtl ? 'left' : 'right';
    var box = [
      // The top margin is the banner's height: the marking runs along the top edge, as on the slides.
      '@page ' + name + ' { margin: ' + (options.marking ? 28 : 0) + 'px 0 56px; ',
      '@bottom-' + start + ' { content: ' + cssString(reference) + '; ' + text + 'text-align: ' + start + '; padding-' + start + ': 48px; direction: ' + (rtl ? 'rtl' : 'ltr') + '; }',
      '@bottom-' + end + ' { content: ' + labels.counters('page') + '; ' + text + 'text-align: ' + end + '; padding-' + end + ': 48px; white-space: nowrap; }',
    ];
    var marking = options.marking;
    if (marking) {
      // Kerning off: pdftotext splits letter-spaced words at kerned pairs (see the theme's "Letter-spaced labels").
      var banner = 'content: ' + cssString(marking.text) + '; ' + font + 'font-weight: 700; letter-spacing: 0.08em; font-kerning: none; text-align: center; vertical-align: middle; ' +
        'background: ' + marking.background + '; color: ' + marking.ink + '; padding: 0 16px; -webkit-print-color-adjust: exact; print-color-adjust: exact; ';
      box.push('@top-center { ' + banner + '}', '@bottom-center { ' + banner + 'height: 28px; }');
    }
    box.push('}');
    rules.push(box.join('\n'));
  });
  // A named page last in the document is followed by a blank page of the unnamed kind, where the
  // containers end (measured in Chromium 156): the containers take the last page's name, and the
  // slides' pages, which would take it from them, a name of their own.
  var last = slides.lastElementChild;
  if (last && last.style.page) {
    // No page break after the very last page, or the PDF ends with a blank page.
    last.style.pageBreakAfter = 'avoid';
    slides.querySelectorAll(':scope > .pdf-page').forEach(function (page) {
      page.style.page = 'briefdeck-slide';
    });
    for (var container = slides; container && container !== document.body; container = container.parentElement) container.style.page = last.style.page;
  }
  // Replaced, not added again, when the printer reuses the tab for the next deck.
  var style = document.getElementById('briefdeck-notes-pages') || document.createElement('style');
  style.id = 'briefdeck-notes-pages';
  style.textContent = rules.join('\n');
  document.head.appendChild(style);

  function cssString(value) {
    return '"' + String(value).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ') + '"';
  }
})();
