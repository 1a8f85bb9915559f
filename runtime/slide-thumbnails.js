/* briefdeck slide thumbnails: a built deck's slides drawn small (vector, so the PDF's text stays text),
 * for the pages the printer lays out itself: the handout (handout-layout.js) and the contact sheet
 * (contact-layout.js). Run first, in a tab with page scripts off; defines
 * window.briefdeckThumbnails(scaleFor), where scaleFor(width, height) gives the scale of a slide of that size
 * (the deck's, from its config), and returns { sections, direction, width, height, frame, done }:
 * width and height are a thumbnail's; frame(section) moves that slide into a thumbnail box of its own;
 * done() removes the deck's own wrapper, empty once every slide is framed. */
(function () {
  'use strict';
  window.briefdeckThumbnails = function (scaleFor) {
    var config = JSON.parse(document.getElementById('briefdeck-config').textContent || '{}');
    var width = config.width;
    var height = config.height;
    var scale = scaleFor(width, height);
    var original = document.querySelector('.reveal');
    var direction = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
    var style = document.createElement('style');
    style.textContent = [
      // The scaled slide's boxes are laid out left to right (right to left, they overflow to the left and
      // are clipped away); the slide's content keeps the deck's direction. `contain: strict`: without it,
      // Chromium printed a five-slide Arabic handout shrunk to two thirds of the page (measured): it sizes
      // the printout by overflow even where overflow: hidden clips it, and shrinks every page to fit;
      // containment keeps the clipped boxes out of that measure (the same diagnosis and fix:
      // https://github.com/area9innovation/flow9/pull/1653; https://developer.mozilla.org/docs/Web/CSS/contain).
      '.slide-thumb { width: ' + width * scale + 'px; height: ' + height * scale + 'px; overflow: hidden; position: relative; outline: 1px solid #888; direction: ltr; contain: strict; }',
      '.slide-thumb__scale { width: ' + width + 'px; height: ' + height + 'px; transform: scale(' + scale + '); transform-origin: 0 0; }',
      '.slide-thumb__scale > .reveal { width: ' + width + 'px !important; height: ' + height + 'px !important; position: relative; overflow: hidden; }',
      '.slide-thumb__scale .slides { position: absolute !important; inset: 0 !important; width: ' + width + 'px !important; height: ' + height + 'px !important; margin: 0 !important; transform: none !important; zoom: 1 !important; }',
      '.slide-thumb__scale .slides > section { display: block !important; position: absolute !important; left: 0; top: 0; width: ' + width + 'px !important; height: ' + height + 'px !important; opacity: 1 !important; visibility: visible !important; transform: none !important; direction: ' + direction + '; }',
    ].join('\n');
    document.head.appendChild(style);
    // print-pdf turns off reveal.css's rules for printing a live deck (black text, static slides), which would wreck the thumbnails.
    document.documentElement.classList.add('print-pdf');
    var sections = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides > section'));
    return {
      sections: sections,
      direction: direction,
      width: width * scale,
      height: height * scale,
      frame: function (section) {
        var frame = document.createElement('div');
        frame.className = 'slide-thumb';
        var scaled = document.createElement('div');
        scaled.className = 'slide-thumb__scale';
        // A copy of the deck's wrapper per slide keeps the theme's `.reveal …` rules and custom properties.
        var reveal = original.cloneNode(false);
        var slides = document.createElement('div');
        slides.className = 'slides';
        slides.appendChild(section);
        reveal.appendChild(slides);
        scaled.appendChild(reveal);
        frame.appendChild(scaled);
        return frame;
      },
      /** Removes the deck's own (now empty) wrapper. */
      done: function () {
        original.remove();
      },
    };
  };
})();
