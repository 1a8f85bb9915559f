/** briefdeck's library API: the same pipeline the CLI uses, one function per stage. */
export { build, type BuildOptions, type BuildResult, type DeckResult, type ProgressEvent } from './build.js';
export { readBriefing, parseBriefing, slugify, type ParsedBriefing } from './content/parse.js';
export { findContentFiles } from './content/discover.js';
export type { Briefing, BriefingMeta, Section, SectionKind, Source, Warning } from './content/model.js';
export { planSlides } from './deck/plan.js';
export type { Slide, SlideKind } from './deck/slide.js';
export { renderBriefing, renderDeck, markingOf, type RenderedDeck } from './deck/render.js';
export { loadTemplate, listTemplates, type Template } from './deck/template.js';
export { findBrowser, launchBrowser } from './pdf/browser.js';
export { BriefdeckError, ContentError, TemplateError, OutputError, PdfError } from './errors.js';
