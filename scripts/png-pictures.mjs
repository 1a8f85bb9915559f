// The README's pictures of --png and --thumbnails, from a build of the sample with both
// (scripts/screenshots.sh): slide 2 as --png wrote it, halved to 640 px wide (each pixel the mean of
// a 2×2 block: a plain downscale, no other change), and the index page with the decks' thumbnails,
// as Chromium shows it. Usage: node scripts/png-pictures.mjs <output folder> <slug>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { launchBrowser } from '../dist/bin/index.js';

const [out, slug] = process.argv.slice(2);
if (!out || !slug) throw new Error('usage: node scripts/png-pictures.mjs <output folder> <slug>');

/** `image` at half its width and height. */
function halved(image) {
  const half = new PNG({ width: image.width >> 1, height: image.height >> 1 });
  for (let y = 0; y < half.height; y++)
    for (let x = 0; x < half.width; x++)
      for (let channel = 0; channel < 4; channel++) {
        let sum = 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          sum += image.data[((2 * y + dy) * image.width + 2 * x + dx) * 4 + channel];
        half.data[(y * half.width + x) * 4 + channel] = Math.round(sum / 4);
      }
  return half;
}

const slide = PNG.sync.read(readFileSync(path.join(out, slug, 'slides', '02.png')));
writeFileSync('docs/images/slide-png.png', PNG.sync.write(halved(slide), { colorType: 2 }));

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 400 });
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
  await page.screenshot({ path: 'docs/images/index-thumbnails.png', fullPage: true });
} finally {
  await browser.close();
}
