/** Where a deck's HTML finds its assets, relative to index.html (the output stage puts them there). */
export const ASSET_URLS = {
  revealCss: 'assets/reveal/reveal.css',
  revealJs: 'assets/reveal/reveal.js',
  notesJs: 'assets/reveal/plugin/notes.js',
  deckJs: 'assets/deck.js',
  fontsCss: 'assets/fonts/fonts.css',
  themeCss: 'assets/theme.css',
  /** Files from the template's own assets/ folder. */
  template: 'assets/template',
} as const;
