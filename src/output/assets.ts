import { createRequire } from 'node:module';
import path from 'node:path';
import type { Template } from '../deck/template/registry.js';
import { ASSET_URLS } from '../deck/asset-urls.js';
import { packagePath } from '../paths.js';

const require = createRequire(import.meta.url);
const RUNTIME_DIR = packagePath('runtime');

/** A file a deck needs next to its index.html: written from `contents` when it has them, else copied from `from` (`to` is relative to the deck folder). */
export type Asset = { to: string; from: string } | { to: string; contents: string | Uint8Array };

/**
 * reveal.js 6 blocks deep imports (`reveal.js/dist/...`: its package.json
 * "exports" lists no such path, so Node refuses them with
 * ERR_PACKAGE_PATH_NOT_EXPORTED, https://nodejs.org/api/packages.html#subpath-exports),
 * so resolve the package's entry and take its folder. We copy the UMD builds: ES modules do
 * not load from file:// pages, and decks must open from file://.
 */
function revealDist(): string {
  return path.dirname(require.resolve('reveal.js'));
}

/**
 * By the loaded template, not its folders: `build --watch` and `serve` load a template again when its
 * files change, and the list holds its stylesheet's text (a list kept by folder kept the old one).
 */
const cache = new WeakMap<Template, Promise<Asset[]>>();

/** Everything a deck built with `template` needs beside its HTML but its fonts (same list for every deck of that template). */
export function deckAssets(template: Template): Promise<Asset[]> {
  let assets = cache.get(template);
  if (!assets) {
    assets = collect(template);
    cache.set(template, assets);
  }
  return assets;
}

async function collect(template: Template): Promise<Asset[]> {
  const reveal = revealDist();
  return [
    { to: ASSET_URLS.revealCss, from: path.join(reveal, 'reveal.css') },
    { to: ASSET_URLS.revealJs, from: path.join(reveal, 'reveal.js') },
    { to: ASSET_URLS.notesJs, from: path.join(reveal, 'plugin', 'notes.js') },
    { to: ASSET_URLS.deckJs, from: path.join(RUNTIME_DIR, 'deck.js') },
    { to: ASSET_URLS.themeCss, contents: template.css },
    ...[...template.files].map(([relative, from]) => ({ to: `${ASSET_URLS.template}/${relative}`, from })),
  ];
}
