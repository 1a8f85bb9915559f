import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_COLOURS, classificationOf, markingOf } from '../../src/content/marking.js';
import { contrastRatio, parseColour } from '../../src/deck/contrast.js';

describe('classificationOf', () => {
  it('reads the classification from the first // segment, caveats and all', () => {
    expect(classificationOf('UNCLASSIFIED')).toBe('unclassified');
    expect(classificationOf('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toBe('unclassified');
    expect(classificationOf('CUI')).toBe('cui');
    expect(classificationOf('CUI//SP-PRVCY')).toBe('cui');
    expect(classificationOf('CONTROLLED//SP-PRVCY//FED ONLY')).toBe('cui');
    expect(classificationOf('CONFIDENTIAL')).toBe('confidential');
    expect(classificationOf('SECRET')).toBe('secret');
    expect(classificationOf('SECRET//NOFORN')).toBe('secret');
    expect(classificationOf('SECRET//REL TO USA, NATO')).toBe('secret');
    expect(classificationOf('TOP SECRET')).toBe('top-secret');
    expect(classificationOf('TOP SECRET//NOFORN')).toBe('top-secret');
    expect(classificationOf('TOP SECRET//SAR-BUTTER POPCORN')).toBe('top-secret');
  });

  it('tells TOP SECRET//SCI by its SCI control systems', () => {
    expect(classificationOf('TOP SECRET//SCI')).toBe('top-secret-sci');
    expect(classificationOf('TOP SECRET//SI/TK//NOFORN')).toBe('top-secret-sci');
    expect(classificationOf('TOP SECRET//HCS-P/SI-G ABCD/TK//ORCON/NOFORN')).toBe('top-secret-sci');
    // SCI at SECRET keeps SECRET's colour: the yellow is TOP SECRET//SCI's.
    expect(classificationOf('SECRET//SI//NOFORN')).toBe('secret');
  });

  it('leaves other schemes, other case and free text neutral', () => {
    for (const text of [
      'NATO SECRET',
      '//GBR SECRET//REL TO USA, GBR',
      'OFFICIAL-SENSITIVE',
      'OFFICIAL',
      'SECRET SQUIRREL',
      'Secret//NoForn',
      'secret',
      'SECRET/NOFORN',
      ' SECRET',
      'UNCLASSIFIED FOUO',
      'TLP:RED',
      '',
    ])
      expect(classificationOf(text), text).toBeUndefined();
  });
});

describe('markingOf', () => {
  it('gives a classification banner its colours and a class, and never changes its text', () => {
    expect(markingOf('SECRET//NOFORN')).toEqual({
      text: 'SECRET//NOFORN',
      draft: false,
      className: 'classification classification-secret',
      colours: { background: '#c8102e', text: '#ffffff' },
      style: '--marking-bg: #c8102e; --marking-ink: #ffffff',
    });
    expect(markingOf('TOP SECRET//SI/TK//NOFORN').colours).toEqual({ background: '#fce83a', text: '#000000' });
    expect(markingOf('CUI//SP-PRVCY').className).toBe('classification classification-cui');
  });

  it('keeps free text neutral: no class, no colours', () => {
    expect(markingOf('SECRET SQUIRREL')).toEqual({ text: 'SECRET SQUIRREL', draft: false, className: '' });
    expect(markingOf('NATO SECRET').colours).toBeUndefined();
  });

  it("lets a template's markings win: the whole banner first, then its first // segment", () => {
    const mapped = [
      { match: 'OFFICIAL', background: '#1d3a6b', text: '#ffffff' },
      { match: 'SECRET', background: '#000000', text: '#ffffff' },
      { match: 'SECRET//NOFORN', background: '#5a0010', text: '#ffffff' },
    ];
    expect(markingOf('OFFICIAL', false, mapped)).toMatchObject({
      className: 'mapped',
      colours: { background: '#1d3a6b' },
    });
    expect(markingOf('OFFICIAL//SENSITIVE', false, mapped).colours?.background).toBe('#1d3a6b');
    expect(markingOf('OFFICIAL-SENSITIVE', false, mapped).colours).toBeUndefined();
    expect(markingOf('SECRET//REL TO USA, NATO', false, mapped).colours?.background).toBe('#000000');
    expect(markingOf('SECRET//NOFORN', false, mapped).colours?.background).toBe('#5a0010');
    // TLP labels keep FIRST's colours.
    expect(markingOf('TLP:RED', false, mapped).colours).toEqual({ background: '#000000', text: '#ff2b2b' });
  });

  it('draws every built-in banner colour pair at WCAG AA 4.5:1 or better', () => {
    for (const [level, { background, text }] of Object.entries(CLASSIFICATION_COLOURS))
      expect(contrastRatio(parseColour(text)!, parseColour(background)!), level).toBeGreaterThanOrEqual(4.5);
  });
});
