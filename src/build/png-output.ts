import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { outputError, stagingFolder } from '../atomic-write.js';
import { makeDirectory } from '../files.js';
import { moveFile, SLIDE_IMAGE_FOLDERS } from '../output/write-deck.js';
import type { DeckInfo } from '../output/deck-info.js';
import type { SlideCapture } from '../pdf/print.js';
import type { BuildOptions } from './batch.js';
import type { OutputStage, PlannedDeck } from './outputs.js';

/** A folder of one PNG per slide (`slides/01.png` …) that a stage wrote beside the deck's index.html. */
export interface SlideImageFolder {
  dir: string;
  /** The file names in it, slide by slide: zero-padded (at least 2 digits) so that they sort. */
  files: string[];
  /** Pixel size of each image. */
  width: number;
  height: number;
  bytes: number;
}

/** How wide a --thumbnails image is, whatever the deck's shape. */
export const THUMBNAIL_WIDTH = 320;

type ImageStage = 'png' | 'thumbnails';

/**
 * `--png [--scale N]`: slides/01.png …, each slide at N times the deck's size (1280×720 for a 16:9
 * deck at 1). Taken in the PDF's own print tab from the pages it printed (pdf/print.ts captureSlides),
 * so they show what the PDF shows; with --no-pdf, laid out the same way without printing.
 */
export const pngOutput = slideImagesStage('png', {
  wanted: (options) => Boolean(options.png),
  capture: (options) => ({ scale: options.scale ?? 1 }),
  record: (folder) => ({ png: path.basename(folder.dir) }),
  planned: () => ({ png: SLIDE_IMAGE_FOLDERS.png }),
});

/** `--thumbnails`: thumbnails/01.png …, 320 px wide; the index page shows the title slide's. */
export const thumbnailsOutput = slideImagesStage('thumbnails', {
  wanted: (options) => Boolean(options.thumbnails),
  capture: () => ({ width: THUMBNAIL_WIDTH }),
  record: (folder) => ({ thumbnail: `${path.basename(folder.dir)}/${folder.files[0]}` }),
  planned: ({ slides }) => ({ thumbnail: `${SLIDE_IMAGE_FOLDERS.thumbnails}/${imageName(0, slides)}` }),
});

function slideImagesStage<N extends ImageStage>(
  name: N,
  how: {
    wanted(options: BuildOptions): boolean;
    capture(options: BuildOptions): SlideCapture;
    record(folder: SlideImageFolder): Partial<DeckInfo>;
    planned(deck: PlannedDeck): Partial<DeckInfo>;
  },
): OutputStage<N> {
  return {
    name,
    label: name === 'png' ? 'png' : 'thumbs',
    phase: 'printed',
    wanted: how.wanted,
    captures: how.capture,
    write: async (_built, dir, { images }) => {
      const shots = images?.[name];
      if (!shots) throw new Error(`the ${name} stage runs with the slide images taken while printing`);
      return { output: await writeSlideImages(path.join(dir, SLIDE_IMAGE_FOLDERS[name]), shots) };
    },
    files: (folder) => [folder.dir],
    movedTo: (folder, dir) => ({ ...folder, dir: path.join(dir, path.basename(folder.dir)) }),
    record: how.record,
    planned: how.planned,
    size: (folder) => ({
      bytes: folder.bytes,
      count: `${folder.files.length} slides, ${folder.width}×${folder.height}`,
    }),
    json: (folder) => ({
      folder: folder.dir,
      files: folder.files.map((file) => path.join(folder.dir, file)),
      slides: folder.files.length,
      width: folder.width,
      height: folder.height,
      bytes: folder.bytes,
    }),
  };
}

/** The name of slide `index` (from 0) of `count`: zero-padded (at least 2 digits) so that they sort. */
function imageName(index: number, count: number): string {
  return `${String(index + 1).padStart(Math.max(2, String(count).length), '0')}.png`;
}

/**
 * Writes the images into a hidden folder beside `folder`, then renames it into place: a build that
 * fails or is interrupted half-way leaves no half folder under the name the index page links (the
 * hidden one is removed, also at exit).
 */
async function writeSlideImages(folder: string, shots: Uint8Array[]): Promise<SlideImageFolder> {
  const files = shots.map((_, index) => imageName(index, shots.length));
  const staging = stagingFolder(folder);
  try {
    await makeDirectory(staging.dir)
      .then(() => Promise.all(shots.map((shot, index) => writeFile(path.join(staging.dir, files[index]!), shot))))
      .catch((error: unknown) => {
        throw outputError(error, folder);
      });
    // No folder of earlier images is there: writing the deck's new HTML removed it (isDeckOutput). Anything
    // else in the way (a file of that name) makes the rename fail, and that is this output's error.
    await moveFile(staging.dir, folder);
  } finally {
    await staging.remove();
  }
  const { width = 0, height = 0 } = shots[0] ? imageSize(shots[0]) : {};
  const bytes = shots.reduce((sum, shot) => sum + shot.byteLength, 0);
  return { dir: folder, files, width, height, bytes };
}
