/**
 * pptxgenjs's types, as this ESM package sees them: the library ships one
 * .d.ts (`export default` + a namespace) that TypeScript reads as CommonJS, so
 * a default import names the module, not the class. One place to spell it.
 */
import type * as Module from 'pptxgenjs';

export type PptxClass = typeof Module.default.default;
export type Pptx = InstanceType<PptxClass>;
export type PptxSlide = Module.default.Slide;
export type TextProps = Module.default.TextProps;
export type TextPropsOptions = Module.default.TextPropsOptions;
export type TableRow = Module.default.TableRow;
export type SlideMasterProps = Module.default.SlideMasterProps;
export type SlideNumberProps = Module.default.SlideNumberProps;
export type ThemeProps = Module.default.ThemeProps;

/** pptxgenjs (and JSZip) load only for builds that ask for a PPTX. */
export async function loadPptxGenJS(): Promise<PptxClass> {
  // Node gives the CommonJS-shaped default or, through the bundle, the class itself.
  const mod = (await import('pptxgenjs')) as unknown as { default: PptxClass | { default: PptxClass } };
  const first = mod.default;
  return typeof first === 'function' ? first : first.default;
}
