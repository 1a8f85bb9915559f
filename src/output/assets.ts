import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileCopy } from '../deck/options.js';
import type { Template } from '../deck/template.js';
import { ASSET_URLS } from '../deck/render.js';
import { TemplateError } from '../errors.js';

const require = createRequire(import.meta.url);
const RUNTIME_DIR = fileURLToPath(new URL('../../runtime/', import.meta.url));

/** A file a deck needs next to its index.html: copied from `from`, or written from `contents`. */
export type Asset = FileCopy | { to: string; contents: string };

/**
 * reveal.js 6 blocks deep imports (`reveal.js/dist/...`), so resolve the
 * package's entry and take its folder. We copy the UMD builds: ES modules do
 * not load from file:// pages, and decks must open from file://.
 */
function revealDist(): string {
  return path.dirname(require.resolve('reveal.js'));
}

const cache = new Map<string, Promise<Asset[]>>();

/** Everything a deck built with `template` needs beside its HTML (same list for every deck of that template). */
export function deckAssets(template: Template): Promise<Asset[]> {
  const key = template.chain.join('\0');
  let assets = cache.get(key);
  if (!assets) {
    assets = collect(template);
    cache.set(key, assets);
  }
  return assets;
}

async function collect(template: Template): Promise<Asset[]> {
  const reveal = revealDist();
  const fonts = await fontAssets(template);
  return [
    { to: ASSET_URLS.revealCss, from: path.join(reveal, 'reveal.css') },
    { to: ASSET_URLS.revealJs, from: path.join(reveal, 'reveal.js') },
    { to: ASSET_URLS.notesJs, from: path.join(reveal, 'plugin', 'notes.js') },
    { to: ASSET_URLS.deckJs, from: path.join(RUNTIME_DIR, 'deck.js') },
    { to: ASSET_URLS.themeCss, contents: template.css },
    ...[...template.files].map(([relative, from]) => ({ to: `${ASSET_URLS.template}/${relative}`, from })),
    ...fonts,
  ];
}

/**
 * Fonts come from @fontsource packages, never from the network. Each weight's
 * CSS lists one woff2 file per Unicode subset (latin, cyrillic, greek, …); the
 * browser fetches only the subsets a page uses, so we copy them all and keep
 * only the woff2 sources.
 */
async function fontAssets(template: Template): Promise<Asset[]> {
  const fontsDir = path.posix.dirname(ASSET_URLS.fontsCss);
  const assets: Asset[] = [];
  const css: string[] = [];
  for (const font of template.manifest.fonts) {
    let packageDir: string;
    try {
      packageDir = path.dirname(require.resolve(font.package));
    } catch (error) {
      throw new TemplateError(`font package ${font.package} is not installed`, `run npm install ${font.package}`, {
        file: path.join(template.chain[0]!, 'template.json'),
      }, { cause: error });
    }
    const files = [...font.weights.map((w) => `${w}.css`), ...font.italic.map((w) => `${w}-italic.css`)];
    for (const file of files) {
      const source = await readFile(path.join(packageDir, file), 'utf8');
      css.push(
        source.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_match, name: string) => {
          assets.push({ to: `${fontsDir}/${name}`, from: path.join(packageDir, 'files', name) });
          return `src: url(${name}) format('woff2');`;
        }),
      );
    }
  }
  assets.push({ to: ASSET_URLS.fontsCss, contents: css.join('\n') });
  return assets;
}
