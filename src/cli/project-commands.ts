import type { Command } from 'commander';

/** `init` and `new`: starting a project and a briefing. Each loads its module only when it runs. */
export function addProjectCommands(program: Command): void {
  program
    .command('init')
    .description(
      'make a briefdeck project in <dir>: package.json (build/serve/draft scripts), an example briefing, a config, a house template, .gitignore, a CI workflow',
    )
    .argument('[dir]', 'project folder (made if missing)', '.')
    .option('-f, --force', 'add the files to a folder that is not empty (files already there are kept)')
    .action(async (dir: string, opts: { force?: boolean }) => {
      const { initProject } = await import('../project/init.js');
      const result = await initProject(dir, { force: opts.force });
      for (const file of result.written) console.log(`wrote   ${file}`);
      for (const file of result.kept) console.log(`kept    ${file} (already there)`);
      const cd = dir === '.' ? '' : `cd ${dir} && `;
      console.log(
        `next: ${cd}npm install && npm run build   (then npx briefdeck new "Title" for a briefing of your own)`,
      );
    });

  program
    .command('new')
    .description(
      'write content/<slug>.md: front matter filled in and the three required sections, each with a line of guidance',
    )
    .argument('<title>', "the briefing's title")
    .option('-t, --template <name>', 'template of this briefing (front matter `template:`)')
    .option('--marking <label>', 'handling marking, e.g. TLP:AMBER (front matter `marking:`)')
    .option('-o, --out <file>', 'content file to write (default: content/<slug>.md)')
    .option('-f, --force', 'overwrite the content file if it exists')
    .option(
      '-c, --config <file>',
      'project config file, for its templates (default: briefdeck.config.{yaml,yml,json} here)',
    )
    .action(
      async (
        title: string,
        opts: { template?: string; marking?: string; out?: string; force?: boolean; config?: string },
      ) => {
        const { newBriefing } = await import('../project/new.js');
        const { outFile } = await newBriefing(title, opts);
        console.log(`wrote ${outFile}: fill in the sections, then: npx briefdeck build ${outFile}`);
      },
    );
}
