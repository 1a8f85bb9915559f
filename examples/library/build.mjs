// briefdeck as a library: the same build as `npx briefdeck build content --handout`, with the
// results as data. Run it with `node build.mjs` in a project where briefdeck is installed.
import { build, readBriefing } from 'briefdeck';

// One briefing, parsed and validated (throws a ContentError naming the file and line).
const { briefing } = await readBriefing('content/iskp-moscow-plot.md');
console.log(`${briefing.meta.title}: ${briefing.sections.length} sections`);

// Every briefing under content/: HTML decks, PDFs and handouts in output/.
const result = await build({ paths: ['content'], outDir: 'output', handout: 'a4' });
for (const deck of result.decks) {
  console.log(`${deck.slug}: ${deck.slides} slides, ${deck.pdf?.pages ?? 0} PDF pages → ${deck.pdf?.pdfFile}`);
}
for (const error of result.errors) console.error(error.message);
process.exitCode = result.errors.length ? 1 : 0;
