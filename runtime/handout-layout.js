/* briefdeck handout layout: turns a built deck into read-ahead pages, each slide
 * small with its speaker notes below it, after a cover block with the title,
 * date and source. Run by the PDF printer in a tab with page scripts off; the
 * printer adds the marking (header) and page numbers (footer) on every page.
 * Expects window.briefdeckHandout = { width: <px of the printable area> , cover: { … } }. */
(function () {
  'use strict';
  var options = window.briefdeckHandout;
  var config = JSON.parse(document.getElementById('briefdeck-config').textContent || '{}');
  var width = config.width;
  var height = config.height;
  var scale = options.width / width;
  var sections = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides > section'));
  var original = document.querySelector('.reveal');
  var direction = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';

  var style = document.createElement('style');
  style.textContent = [
    'html.briefdeck-handout, html.briefdeck-handout body { height: auto; overflow: visible; background: #fff; margin: 0; }',
    '.handout { font-family: var(--font-body, sans-serif); color: #111; }',
    '.handout__cover { margin-bottom: 18px; border-bottom: 2px solid #000; padding-bottom: 12px; }',
    '.handout__cover h1 { font-size: 24px; margin: 0 0 6px; }',
    '.handout__cover p { margin: 2px 0; font-size: 12.5px; }',
    '.handout__item { break-inside: avoid; margin: 0 0 18px; }',
    // The scaled slide's boxes are laid out left to right (right to left, they overflow to the left and
    // are clipped away); the slide's content keeps the deck's direction. `contain: strict`: without it,
    // Chromium printed a five-slide Arabic handout shrunk to two thirds of the page (measured): it sizes
    // the printout by overflow even where overflow: hidden clips it, and shrinks every page to fit;
    // containment keeps the clipped boxes out of that measure (the same diagnosis and fix:
    // https://github.com/area9innovation/flow9/pull/1653; https://developer.mozilla.org/docs/Web/CSS/contain).
    '.handout__slide { width: ' + width * scale + 'px; height: ' + height * scale + 'px; overflow: hidden; position: relative; outline: 1px solid #888; direction: ltr; contain: strict; }',
    '.handout__scale { width: ' + width + 'px; height: ' + height + 'px; transform: scale(' + scale + '); transform-origin: 0 0; }',
    '.handout__scale > .reveal { width: ' + width + 'px !important; height: ' + height + 'px !important; position: relative; overflow: hidden; }',
    '.handout__scale .slides { position: absolute !important; inset: 0 !important; width: ' + width + 'px !important; height: ' + height + 'px !important; margin: 0 !important; transform: none !important; zoom: 1 !important; }',
    '.handout__scale .slides > section { display: block !important; position: absolute !important; left: 0; top: 0; width: ' + width + 'px !important; height: ' + height + 'px !important; opacity: 1 !important; visibility: visible !important; transform: none !important; direction: ' + direction + '; }',
    '.handout__notes { font-size: 12.5px; line-height: 1.45; margin-top: 8px; }',
    '.handout__notes p { margin: 0 0 6px; }',
    '.handout__notes .handout__label { font-weight: 700; }',
    // Page margins: the printer draws the marking (header) and page numbers (footer) in them.
    '@page { margin: 15mm; }',
  ].join('\n');
  document.head.appendChild(style);
  // print-pdf turns off reveal.css's rules for printing a live deck (black text, static slides), which would wreck the thumbnails.
  document.documentElement.classList.add('briefdeck-handout', 'print-pdf');

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

  sections.forEach(function (section, index) {
    var item = document.createElement('div');
    item.className = 'handout__item';
    var frame = document.createElement('div');
    frame.className = 'handout__slide';
    var scaled = document.createElement('div');
    scaled.className = 'handout__scale';
    // A copy of the deck's wrapper per slide keeps the theme's `.reveal …` rules and custom properties.
    var reveal = original.cloneNode(false);
    var slides = document.createElement('div');
    slides.className = 'slides';
    slides.appendChild(section);
    reveal.appendChild(slides);
    scaled.appendChild(reveal);
    frame.appendChild(scaled);
    item.appendChild(frame);
    var notes = document.createElement('div');
    notes.className = 'handout__notes';
    var aside = section.querySelector('aside.notes');
    var label = '<span class="handout__label">Slide ' + (index + 1) + '.</span> ';
    notes.innerHTML = aside && aside.textContent.trim() ? label + aside.innerHTML : label + '<em>No notes.</em>';
    item.appendChild(notes);
    root.appendChild(item);
  });
  original.remove();
  document.body.appendChild(root);
})();
