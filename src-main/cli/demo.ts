// `groepsbeeld demo generate`: writes a synthetic world with a progress bar; Ctrl-C aborts and leaves nothing behind.
import { UserFacingError } from '../common/errors';
import { interruptOnCtrlC } from './interrupt-signal';
import { generateExtracts } from '../synthetic/generate-extracts';
import { parseFormatOption, parsePlantedOption, parseScaleOption, parseSeedOption, type ExtractsOptions } from '../synthetic/extract-options';
import { createProgressReporter } from '../synthetic/progress-bar';
import { DEFAULT_DEMO_SEED } from '../synthetic/demo-world';
import { type CommandOutput, INTERRUPTED_EXIT_CODE } from './output';

export interface DemoGenerateArguments {
  out?: string | undefined;
  seed?: string | undefined;
  scale?: string | undefined;
  format?: string | undefined;
  planted?: string | undefined;
  clientsXlsx?: boolean | undefined;
  force?: boolean | undefined;
}

export type ParsedDemoOptions = Omit<ExtractsOptions, 'signal' | 'onProgress'>;

/** Turns command-line text into options; throws a UserFacingError naming the bad option (a usage error). */
export function parseDemoGenerateArguments(args: DemoGenerateArguments): ParsedDemoOptions {
  if (args.out === undefined || args.out.trim() === '') {
    throw new UserFacingError('demo generate heeft --out MAP nodig: een nieuwe of lege map om de bestanden in te schrijven.');
  }
  return {
    out: args.out,
    seed: args.seed === undefined ? DEFAULT_DEMO_SEED : parseSeedOption(args.seed),
    scale: args.scale === undefined ? 1 : parseScaleOption(args.scale),
    format: args.format === undefined ? 'csv' : parseFormatOption(args.format),
    ...(args.planted === undefined ? {} : { planted: parsePlantedOption(args.planted) }),
    clientsXlsx: args.clientsXlsx ?? false,
    force: args.force ?? false,
  };
}

/** Runs the generator; resolves with the exit code (0 done, 1 failed, 130 interrupted). */
export async function runDemoGenerate(options: ParsedDemoOptions, output: CommandOutput): Promise<number> {
  const progress = createProgressReporter({ write: output.err, isTTY: output.errIsTerminal });
  // The first Ctrl-C aborts cleanly (the partial folder is removed); a second one quits at once.
  const interrupt = interruptOnCtrlC(() => {
    progress.finish(false);
    output.err('Bezig met stoppen: de half geschreven uitvoer wordt verwijderd (druk nogmaals op Ctrl-C om meteen te stoppen)...\n');
  });
  const started = performance.now();
  try {
    const { folder, manifest } = await generateExtracts({
      ...options,
      signal: interrupt.signal,
      onProgress: ({ fraction, personsWritten }) => progress.update(fraction, personsWritten),
    });
    progress.finish(true);
    const summary = {
      out: folder,
      seed: manifest.seed,
      scale: manifest.scale,
      format: manifest.format,
      persons: manifest.persons,
      households: manifest.households,
      files: manifest.files.length,
      bytes: manifest.files.reduce((sum, file) => sum + file.bytes, 0),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    output.out(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (error) {
    progress.finish(false);
    if (interrupt.signal.aborted) {
      output.err(`Onderbroken: de half geschreven uitvoer is verwijderd; ${options.out} is niet veranderd.\n`);
      return INTERRUPTED_EXIT_CODE;
    }
    if (error instanceof UserFacingError) {
      output.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}
