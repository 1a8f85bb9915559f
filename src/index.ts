/** briefdeck's library API: the same pipeline the CLI uses, one function per stage. */
export { build, type BuildOptions, type BuildResult, type DeckResult, type ProgressEvent } from './build/batch.js';
export { BriefingBuilder, type BuilderOptions, type BuiltDeck } from './build/briefing.js';
export { serve, type ServeOptions, type RunningServer } from './serve/index.js';
export { draftBriefing, draftFile, type DraftResult } from './draft/index.js';
export { DeckPrinter, type PrintJob, type PrintOptions, type PrintResult } from './pdf/print.js';
export { PrintPool, type PrintPoolOptions } from './pdf/pool.js';
export { writeIndexPage } from './output/index-page.js';
export { mergeShardIndex, type MergedIndex } from './output/merge-index.js';
export { parseShard, type Shard } from './output/shard-record.js';
export { shardOf } from './build/shard.js';
export { readBriefing, parseBriefing, slugify, fileSlug, type ParsedBriefing } from './content/parse.js';
export { discoverContent, findContentFiles, type ContentDiscovery } from './content/discover.js';
export type {
  Briefing,
  BriefingMeta,
  BriefingType,
  ConfidenceLevel,
  OptionGroup,
  Section,
  SectionKind,
  Source,
  Subsection,
  Warning,
} from './content/model.js';
export type { FrontMatter } from './content/schema.js';
export { planSlides } from './deck/plan.js';
export type {
  Slide,
  SlideConfidence,
  SlideItem,
  SlideKind,
  SlideOptionGroup,
  SlideQuote,
} from './deck/slide.js';
export { renderBriefing, renderDeck, type RenderContext, type RenderedDeck } from './deck/render.js';
export { writePptx, LAYOUT_NAMES, type PptxResult } from './pptx/index.js';
export { markingOf } from './content/marking.js';
export {
  TemplateRegistry,
  BUILTIN_TEMPLATES,
  type Template,
  type TemplateInfo,
} from './deck/template/registry.js';
export type { TemplateManifest } from './deck/template/manifest.js';
export { resolveOptions } from './deck/options.js';
export { loadConfig, type ProjectConfig } from './config.js';
export { ejectTemplate } from './deck/eject.js';
export { findBrowser, launchBrowser } from './pdf/browser.js';
export {
  BriefdeckError,
  ConfigError,
  ContentError,
  DraftError,
  EXIT_CODES,
  InstallError,
  OutputError,
  PdfError,
  ProjectError,
  ServeError,
  TemplateError,
} from './errors.js';
