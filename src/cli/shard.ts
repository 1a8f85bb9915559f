import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatWarning } from '../errors.js';
import { MAX_SHARDS, parseShard, type Shard } from '../output/shard-record.js';

/** `build --shard K/N`. */
export function shardOption(): Option {
  return new Option(
    '--shard <k/n>',
    'build only shard K of N (e.g. 2/8, one job of a CI matrix): the briefings whose slug hashes to it; also writes <out>/briefdeck-shard-K-of-N.json for briefdeck index',
  ).argParser(parseShardValue);
}

function parseShardValue(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(`K/N: shard K of N shards, 1 <= K <= N <= ${MAX_SHARDS}, e.g. 2/8`);
  return shard;
}

/**
 * `--shard` on a command other than build: a usage error that says where it belongs, rather than
 * commander's "unknown option" (serve previews every briefing it is given; index merges all shards).
 */
export function refuseShard(command: Command, why: string): Command {
  return command.addOption(new Option('--shard <k/n>').hideHelp()).hook('preAction', (action) => {
    if (action.opts().shard !== undefined) action.error(`error: --shard is for briefdeck build only: ${why}`);
  });
}

/** `briefdeck index <folder>...`: one index page for the decks of every shard. `pathValue`: main's check of a path option. */
export function addIndexCommand(program: Command, pathValue: (value: string) => string): void {
  const command = program
    .command('index')
    .description(
      'merge the records of `build --shard K/N` builds (their output folders, or one folder they were all put in) into one index.html',
    )
    .argument('<folders...>', 'output folders of the shards (e.g. CI artifacts downloaded side by side)')
    .option(
      '-o, --out <dir>',
      'folder to write index.html in (default: the one folder given, else the folder holding them all)',
      pathValue,
    )
    .action(async (folders: string[], opts: { out?: string }) => {
      const { mergeShardIndex } = await import('../output/merge-index.js');
      const merged = await mergeShardIndex(folders, { outDir: opts.out });
      for (const warning of merged.warnings) console.error(formatWarning(warning));
      console.log(
        `index   ${merged.indexFile} (${merged.decks} deck${merged.decks === 1 ? '' : 's'} from ${merged.shards} shard${merged.shards === 1 ? '' : 's'})`,
      );
    });
  refuseShard(command, 'index merges the records of every shard');
}
