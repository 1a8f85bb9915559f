// The format names of the config's `formats:` list, and the BuildOptions each one sets (formats.ts).
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatOptions } from '../src/formats.js';

describe('formatOptions', () => {
  it('the PDF alone by default: every other format off', () => {
    expect(formatOptions(['pdf'])).toEqual({
      pdf: true,
      handout: false,
      pptx: false,
      png: false,
      scale: undefined,
      thumbnails: false,
      contactSheet: false,
      script: false,
      singleFile: false,
    });
  });

  it('exactly the formats listed: no PDF unless it is named', () => {
    expect(formatOptions(['pptx'])).toMatchObject({ pdf: false, pptx: true, handout: false, png: false });
    expect(formatOptions([])).toMatchObject({ pdf: false, pptx: false, singleFile: false, script: false });
  });

  it('every format name sets its own option, and only it', () => {
    const optionOf = {
      pdf: 'pdf',
      handout: 'handout',
      pptx: 'pptx',
      png: 'png',
      thumbnails: 'thumbnails',
      'contact-sheet': 'contactSheet',
      script: 'script',
      'single-file': 'singleFile',
    } as const;
    for (const name of FORMAT_NAMES) {
      const options = formatOptions([name]);
      const on = Object.entries(options).filter(([key, value]) => key !== 'scale' && value !== false);
      expect(on, name).toEqual([[optionOf[name], name === 'handout' || name === 'contact-sheet' ? 'a4' : true]]);
    }
  });

  it('the handout and the contact sheet are on `paper`, the PNGs at `scale`', () => {
    expect(formatOptions(['handout', 'contact-sheet', 'png'], { paper: 'letter', scale: 2 })).toMatchObject({
      handout: 'letter',
      contactSheet: 'letter',
      png: true,
      scale: 2,
    });
    // A paper with neither paper format asked for turns nothing on.
    expect(formatOptions(['pdf'], { paper: 'letter' })).toMatchObject({ handout: false, contactSheet: false });
  });
});
