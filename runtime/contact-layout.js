/* briefdeck contact sheet layout: turns a built deck into landscape sheets, each a grid of its slides
 * (drawn small by slide-thumbnails.js, run before this), numbered and labelled, under a header with the
 * title and date, with the marking at the top and bottom and the page number on every sheet. Run by the
 * printer in a tab with page scripts off; the sheets are the pages (the printer adds nothing), so that a
 * screenshot of one is the same picture as its PDF page.
 * Expects window.briefdeckContact = { paper: { width, height } (mm), columns, rows, title,
 * details: [<text>…], footer: [<text>…], marking: { text, ink, background } | null, draft: <notice> | null }, and window.briefdeckLabels (runtime/labels.js). */
(function () {
  'use strict';
  var options = window.briefdeckContact;
  var perSheet = options.columns * options.rows;
  var original = document.querySelector('.reveal');
  var look = getComputedStyle(original);
  var font = look.getPropertyValue('--font-body').trim() || 'sans-serif';
  var accent = look.getPropertyValue('--accent').trim() || '#14213d';
  var direction = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
  var GAP_X = 14; // px between columns
  var GAP_Y = 10; // px between rows (each slide's caption is above the gap)
  var CAPTION = 17; // px: a caption's line under its slide

  var count = document.querySelectorAll('.reveal .slides > section').length;
  var total = Math.max(1, Math.ceil(count / perSheet));
  // A deck on one sheet sits in the middle of it; on several, each slide keeps its place from sheet to sheet.
  var single = total === 1;

  var style = document.createElement('style');
  style.textContent = [
    '@page { size: ' + options.paper.width + 'mm ' + options.paper.height + 'mm; margin: 0; }',
    'html.briefdeck-contact, html.briefdeck-contact body { height: auto; overflow: visible; background: #fff; margin: 0; padding: 0; }',
    '.contact__sheet { box-sizing: border-box; width: ' + options.paper.width + 'mm; height: ' + options.paper.height + 'mm; padding: 6mm 12mm 5mm; display: flex; flex-direction: column; overflow: hidden; break-after: page; font-family: ' + font + '; color: #14213d; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
    '.contact__sheet:last-child { break-after: auto; }',
    '.contact__sheet.contact__sheet--hidden { display: none; }',
    '.contact__marking { height: 16px; text-align: center; font: bold 10px/16px ' + font + '; letter-spacing: 0.08em; }',
    '.contact__marking span { display: inline-block; padding: 0 10px; margin: 0 4px; }',
    '.contact__draft { background: #ffd400; color: #000; letter-spacing: 0; }',
    '.contact__header { display: flex; align-items: baseline; gap: 16px; margin: 6px 0 10px; padding-bottom: 6px; border-bottom: 2px solid ' + accent + '; }',
    '.contact__title { flex: 1; min-width: 0; font-size: 19px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }',
    '.contact__details { font-size: 12px; color: #3d4a63; white-space: nowrap; }',
    '.contact__grid { flex: 1; min-height: 0; display: grid; grid-template-columns: repeat(' + options.columns + ', auto); justify-content: center; align-content: ' + (single ? 'center' : 'start') + '; column-gap: ' + GAP_X + 'px; row-gap: ' + GAP_Y + 'px; }',
    '.contact__item { break-inside: avoid; }',
    '.contact__caption { display: flex; gap: 6px; align-items: baseline; height: ' + CAPTION + 'px; font-size: 10.5px; line-height: ' + CAPTION + 'px; overflow: hidden; white-space: nowrap; }',
    '.contact__part { unicode-bidi: isolate; }',
    '.contact__number { font-weight: 700; color: ' + accent + '; }',
    '.contact__label { overflow: hidden; text-overflow: ellipsis; }',
    '.contact__footer { display: flex; justify-content: space-between; font-size: 10px; color: #5b6576; border-top: 1px solid #d5dbe5; padding-top: 4px; margin-top: 6px; }',
  ].join('\n');
  document.head.appendChild(style);
  document.documentElement.classList.add('briefdeck-contact');

  var text = function (tag, className, content) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = content;
    return element;
  };
  // Parts in either direction (an Arabic date, "5 slides"), each isolated so that none reorders the others.
  var parts = function (className, list) {
    var element = document.createElement('div');
    element.className = className;
    list.forEach(function (part, index) {
      if (index > 0) element.appendChild(document.createTextNode(' · '));
      var span = text('span', 'contact__part', part);
      span.dir = 'auto';
      element.appendChild(span);
    });
    return element;
  };
  var marking = function () {
    var line = document.createElement('div');
    line.className = 'contact__marking';
    if (options.draft) line.appendChild(text('span', 'contact__draft', options.draft));
    if (options.marking && options.marking.text) {
      var label = text('span', '', options.marking.text);
      label.style.background = options.marking.background;
      label.style.color = options.marking.ink;
      line.appendChild(label);
    }
    return line;
  };

  var root = document.createElement('div');
  root.className = 'contact';
  var grids = [];
  // The printer shows one sheet at a time through this to take its picture.
  var sheets = [];
  window.briefdeckContactSheets = sheets;
  for (var n = 0; n < total; n++) {
    var sheet = document.createElement('div');
    sheet.className = 'contact__sheet';
    sheet.dir = direction;
    sheet.appendChild(marking());
    var header = document.createElement('div');
    header.className = 'contact__header';
    header.appendChild(text('div', 'contact__title', options.title));
    header.appendChild(parts('contact__details', options.details));
    sheet.appendChild(header);
    var grid = document.createElement('div');
    grid.className = 'contact__grid';
    sheet.appendChild(grid);
    grids.push(grid);
    var footer = document.createElement('div');
    footer.className = 'contact__footer';
    footer.appendChild(parts('contact__credit', options.footer));
    footer.appendChild(parts('contact__page', [window.briefdeckLabels.text('page', { page: n + 1, pages: total })]));
    sheet.appendChild(footer);
    sheet.appendChild(marking());
    root.appendChild(sheet);
    sheets.push(sheet);
  }
  document.body.appendChild(root);

  // The largest slides that fit the grid's box, columns across and rows down, with their captions.
  var box = grids[0].getBoundingClientRect();
  var thumbnails = window.briefdeckThumbnails(function (width, height) {
    var across = (box.width - GAP_X * (options.columns - 1)) / (options.columns * width);
    var down = (box.height - GAP_Y * (options.rows - 1) - CAPTION * options.rows) / (options.rows * height);
    return Math.min(across, down);
  });
  thumbnails.sections.forEach(function (section, index) {
    var item = document.createElement('div');
    item.className = 'contact__item';
    item.style.width = thumbnails.width + 'px'; // a long label is cut short rather than widening its column
    item.appendChild(thumbnails.frame(section));
    var caption = document.createElement('div');
    caption.className = 'contact__caption';
    caption.appendChild(text('span', 'contact__number', String(index + 1)));
    caption.appendChild(text('span', 'contact__label', section.dataset.label || ''));
    item.appendChild(caption);
    grids[Math.floor(index / perSheet)].appendChild(item);
  });
  thumbnails.done();
})();
