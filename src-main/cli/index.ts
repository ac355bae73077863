// The headless command line: the same core as the app, without Electron.
import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from '../common/app-info';
import { parseDemoGenerateArguments, runDemoGenerate, type ParsedDemoOptions } from './demo';
import { AUDIT_USAGE, runAuditCommand } from './audit';
import { runDoctor } from './doctor';
import { runHistoryCommand } from './history';
import { UserFacingError } from '../common/errors';
import { runDemoStudy, runStudyCommand } from './run';
import { PASSPHRASE_VARIABLE, runWorkspaceSave } from './workspace';
import type { CommandOutput } from './output';

const USAGE = `Gebruik: groepsbeeld <opdracht> [opties]

Opdrachten:
  doctor        toont de werkelijke beveiligingsinstellingen van de rekenkern, de uitkomst van de
                blokkadetests en de versies (JSON); eindigt met code 1 als een beveiliging niet werkt
  run STUDIE.json [--json] [--out MAP]
                koppelt de bestanden van de studie op de peildatum, beperkt ze tot de gemeente, maakt de
                analysetabel van huishoudens en toont het koppelrapport (alleen totalen; aantallen onder
                10 staan er als "< 10"). --json toont het als JSON. --out schrijft het exportpakket
                (gecontroleerde tabellen als CSV en XLSX, grafieken, rapport als HTML en PDF, outputlog
                met SHA-256-controlegetallen) in een nieuwe submap van MAP, zoals het onderdeel "export"
                van de studie aangeeft; als een controle faalt, wordt er niets geschreven. Ctrl-C stopt
                netjes.
  demo [run] [--folder MAP] [--json] [--out MAP]
                de hoofdtaak op de ingebouwde demogegevens: de demowereld (bij het eerste gebruik
                aangemaakt in de map met app-gegevens, of in --folder MAP) gekoppeld zoals in de pilot,
                Gilze en Rijen op 31-12-2017; --out MAP schrijft ook het exportpakket
  demo generate --out MAP [--seed N] [--scale N|national] [--format csv|parquet] [--planted pilot|three|four|six]
                [--clients-xlsx] [--force]
                schrijft een synthetische wereld van gekoppelde bestanden in CBS-stijl in MAP (nieuw of
                leeg), met de ware indeling en manifest.json; toont een samenvatting als JSON. Standaard
                is --seed 2017, --scale 1 (de demogemeente en haar buurgemeenten; national = 500) en
                --format csv. --planted kiest de geplante klantgroepen (standaard pilot: de vijf van de
                pilot; three, four, six: andere groepen, om clustering te toetsen). --clients-xlsx schrijft de klantenlijst ook als .xlsx; --force vervangt een
                eerdere uitvoer van de generator in MAP (nooit andere bestanden). Ctrl-C stopt en laat MAP
                zoals die was.
  audit PAKKET... [--json]
                leest alleen de geschreven bestanden van een of meer exportpakketten (definities.json en de
                CSV-bestanden), bouwt daaruit het stelsel van vergelijkingen van een aanvaller die alle cijfers
                samen leest (pakketten van dezelfde gegevens samen), en toont per verborgen cel het interval
                dat hij kan bereiken. Eindigt met code 1 als een verborgen cel of een kleine groep te nauw vast
                te leggen is, met code 2 als een pakket niet te lezen is
  history [clear --confirm] [--json]
                toont welke exports de verschilcontrole kent (app en opdrachtregel samen; alleen versleutelde
                vingerafdrukken van huishoudens, nooit sleutels); "clear --confirm" wist ze aan het einde van
                een project
  workspace save --out BESTAND STUDIE.json
                opent de invoerbestanden van de studie (gecontroleerd zoals de app dat doet, met de
                soorten en rollen uit de studie) en bewaart ze als één versleutelde werkruimte BESTAND
                (.gbws), die de app opent met "Werkruimte openen…". De wachtzin komt uit de
                omgevingsvariabele GROEPSBEELD_WORKSPACE_PASSPHRASE (minstens 8 tekens), nooit van de
                opdrachtregel. Vervangt nooit een bestaand BESTAND. Ctrl-C stopt en laat geen bestand
                achter.

Opties:
  --version, -v toont het versienummer
  --help, -h    toont deze hulp
`;

const OPTIONS = {
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  format: { type: 'string' },
  planted: { type: 'string' },
  'clients-xlsx': { type: 'boolean' },
  force: { type: 'boolean' },
  folder: { type: 'string' },
  json: { type: 'boolean' },
  confirm: { type: 'boolean' },
} as const;

/** Options that belong to `demo generate`; any other command refuses them. */
const DEMO_GENERATE_OPTIONS = ['out', 'seed', 'scale', 'format', 'planted', 'clients-xlsx', 'force'] as const;

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

type ParsedValues = ReturnType<typeof parseCommandLine>['values'];

/** Node's own parseArgs messages are English: the common ones in Dutch, the rest wrapped in a Dutch sentence. */
function commandLineProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Onbekende optie ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take an argument/.test(message) ? `De optie ${option} neemt geen waarde.` : `De optie ${option} heeft een waarde nodig.`;
  }
  return `De opdrachtregel klopt niet (${message}).`;
}

function foreignOptions(values: ParsedValues): string[] {
  return DEMO_GENERATE_OPTIONS.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
}

async function runDemo(rest: readonly string[], values: ParsedValues, output: CommandOutput): Promise<number> {
  const [subcommand, ...extra] = rest;
  if ((subcommand === 'run' && extra.length === 0) || subcommand === undefined) {
    const misplaced = foreignOptions(values).filter((option) => option !== '--out');
    if (misplaced.length > 0) {
      output.err(`${misplaced.join(', ')} hoort bij "demo generate", niet bij "demo run".\n\n${USAGE}`);
      return 2;
    }
    return runDemoStudy(values.folder, { json: values.json ?? false, out: values.out }, output);
  }
  if (subcommand !== 'generate' || extra.length > 0) {
    output.err(`Na demo volgt "run" of "generate" (opgegeven: "${rest.join(' ')}").\n\n${USAGE}`);
    return 2;
  }
  if (values.folder !== undefined || values.json !== undefined) {
    output.err(`--folder en --json horen bij "demo run" en "run", niet bij "demo generate".\n\n${USAGE}`);
    return 2;
  }
  let options: ParsedDemoOptions;
  try {
    options = parseDemoGenerateArguments({
      out: values.out,
      seed: values.seed,
      scale: values.scale,
      format: values.format,
      planted: values.planted,
      clientsXlsx: values['clients-xlsx'],
      force: values.force,
    });
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  return runDemoGenerate(options, output);
}

/** Runs one command line; resolves with the process exit code (0 ok, 1 failed, 2 usage error, 130 interrupted). */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    output.err(`${commandLineProblem(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    output.out(`${APP_NAME.toLowerCase()} ${APP_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (command === undefined && !values.help ? output.err : output.out)(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'demo') return runDemo(rest, values, output);
  // --out is the export folder for run, the world's folder for demo generate, the workspace file for workspace save.
  const misplaced = foreignOptions(values).filter((option) => !((command === 'run' || command === 'workspace') && option === '--out'));
  if (misplaced.length > 0) {
    output.err(`${misplaced.join(', ')} hoort bij "demo generate", niet bij "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (command === 'run') {
    const [studyPath, ...more] = rest;
    if (studyPath === undefined || more.length > 0 || values.folder !== undefined) {
      output.err(`Na run volgt precies één studiebestand (opgegeven: ${rest.length === 0 ? 'geen' : rest.join(' ')}).\n\n${USAGE}`);
      return 2;
    }
    return runStudyCommand(studyPath, { json: values.json ?? false, out: values.out }, output);
  }
  if (command === 'workspace') {
    const [subcommand, studyPath, ...more] = rest;
    if (
      subcommand !== 'save' ||
      studyPath === undefined ||
      more.length > 0 ||
      values.out === undefined ||
      values.folder !== undefined ||
      values.json !== undefined
    ) {
      output.err(`Na workspace volgt "save --out BESTAND STUDIE.json" (opgegeven: "${rest.join(' ')}").\n\n${USAGE}`);
      return 2;
    }
    return runWorkspaceSave({ studyPath, out: values.out, passphrase: process.env[PASSPHRASE_VARIABLE] }, output);
  }
  if (command === 'audit') {
    if (rest.length === 0 || values.folder !== undefined || values.confirm !== undefined) {
      output.err(`${AUDIT_USAGE}\n\n${USAGE}`);
      return 2;
    }
    return runAuditCommand(rest, { json: values.json ?? false }, output);
  }
  if (command === 'history') {
    const [subcommand, ...more] = rest;
    if (more.length > 0 || values.folder !== undefined) {
      output.err(`Na history volgt niets of "clear --confirm" (opgegeven: "${rest.join(' ')}").\n\n${USAGE}`);
      return 2;
    }
    return runHistoryCommand(subcommand, { confirm: values.confirm ?? false, json: values.json ?? false }, output);
  }
  if (command === 'doctor') {
    if (rest.length > 0) {
      output.err(`Na doctor volgen geen argumenten (opgegeven: ${rest.join(' ')}).\n`);
      return 2;
    }
    const report = await runDoctor();
    output.out(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.secure) output.err(`Niet veilig:\n- ${report.problems.join('\n- ')}\n`);
    return report.secure ? 0 : 1;
  }
  output.err(`Onbekende opdracht "${command}".\n\n${USAGE}`);
  return 2;
}
