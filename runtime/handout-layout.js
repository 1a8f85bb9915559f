/* briefdeck handout layout: turns a built deck into read-ahead pages, each slide
 * small with its speaker notes below it, after a cover block with the title,
 * date and source. Run by the PDF printer in a tab with page scripts off; the
 * printer adds the marking (header) and page numbers (footer) on every page.
 * Expects window.briefdeckLabels (runtime/labels.js) and window.briefdeckHandout = { width: <px of the printable area> , cover: { … } }. */
(function () {
  'use strict';
  var options = window.briefdeckHandout;
  var labels = window.briefdeckLabels; // runtime/labels.js, run before this
  // slide-thumbnails.js, run before this: the slides drawn small, as wide as the printable area.
  var thumbnails = window.briefdeckThumbnails(function (width) {
    return options.width / width;
  });

  var style = document.createElement('style');
  style.textContent = [
    'html.briefdeck-handout, html.briefdeck-handout body { height: auto; overflow: visible; background: #fff; margin: 0; }',
    '.handout { font-family: var(--font-body, sans-serif); color: #111; }',
    '.handout__cover { margin-bottom: 18px; border-bottom: 2px solid #000; padding-bottom: 12px; }',
    '.handout__cover h1 { font-size: 24px; margin: 0 0 6px; }',
    '.handout__cover p { margin: 2px 0; font-size: 12.5px; }',
    '.handout__item { break-inside: avoid; margin: 0 0 18px; }',
    '.handout__notes { font-size: 12.5px; line-height: 1.45; margin-top: 8px; }',
    '.handout__notes p { margin: 0 0 6px; }',
    '.handout__notes .handout__label { font-weight: 700; }',
    // Page margins: the printer draws the marking (header) and page numbers (footer) in them.
    '@page { margin: 15mm; }',
  ].join('\n');
  document.head.appendChild(style);
  document.documentElement.classList.add('briefdeck-handout');

  var root = document.createElement('div');
  root.className = 'handout';
  var cover = document.createElement('div');
  cover.className = 'handout__cover';
  var title = document.createElement('h1');
  title.textContent = options.cover.title;
  cover.appendChild(title);
  options.cover.lines.forEach(function (line) {
    var p = document.createElement('p');
    p.textContent = line;
    cover.appendChild(p);
  });
  root.appendChild(cover);

  thumbnails.sections.forEach(function (section, index) {
    var item = document.createElement('div');
    item.className = 'handout__item';
    var frame = thumbnails.frame(section);
    item.appendChild(frame);
    var notes = document.createElement('div');
    notes.className = 'handout__notes';
    var aside = section.querySelector('aside.notes');
    var label = document.createElement('span');
    label.className = 'handout__label';
    label.textContent = labels.text('slideLabel', { number: index + 1 });
    var none = document.createElement('em');
    none.textContent = labels.text('noNotes');
    notes.innerHTML = aside && aside.textContent.trim() ? aside.innerHTML : '';
    notes.insertBefore(document.createTextNode(' '), notes.firstChild);
    notes.insertBefore(label, notes.firstChild);
    if (!aside || !aside.textContent.trim()) notes.appendChild(none);
    item.appendChild(notes);
    root.appendChild(item);
  });
  thumbnails.done();
  document.body.appendChild(root);
})();
