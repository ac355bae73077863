// `groepsbeeld history [clear --confirm]`: the differencing guard's memory of earlier exports (shared by the app and the
// command line), listed without any household, or deleted at the end of a project.
import { userDataFolder } from '../common/app-paths';
import { DifferencingStore, STORE_FOLDER } from '../publication/differencing-store';
import { UserFacingError } from '../common/errors';
import { join } from 'node:path';
import type { CommandOutput } from './output';

export async function runHistoryCommand(subcommand: string | undefined, options: { confirm: boolean; json: boolean }, output: CommandOutput): Promise<number> {
  const folder = userDataFolder();
  const store = new DifferencingStore(folder);
  try {
    if (subcommand === 'clear') {
      if (!options.confirm) {
        output.err(
          `"history clear" wist de verschilcontrole in ${join(folder, STORE_FOLDER)}: ` +
            'daarna weet Groepsbeeld niet meer welke huishoudens eerdere exports beschreven, ' +
            'en kan een nieuwe export er samen mee een kleine groep verraden. ' +
            'Doe dit alleen aan het einde van een project, na overleg met de outputcontroleur, en bevestig met --confirm.\n',
        );
        return 2;
      }
      await store.clearStore();
      output.err(`De verschilcontrole in ${join(folder, STORE_FOLDER)} is gewist.\n`);
      return 0;
    }
    if (subcommand !== undefined) {
      output.err(`Na history volgt niets of "clear --confirm" (opgegeven: "${subcommand}").\n`);
      return 2;
    }
    const exports = await store.listExports();
    const rows = exports.map((entry) => ({
      exportedAt: entry.exportedAt,
      title: entry.title,
      study: entry.studyName,
      folder: entry.exportFolder,
      // Labels only: a population's exact size may be a figure the package hides (a cluster's size, say).
      populations: entry.populations.map((population) => ({ id: population.id, label: population.label })),
    }));
    if (options.json) output.out(`${JSON.stringify({ folder: join(folder, STORE_FOLDER), exports: rows }, null, 2)}\n`);
    else {
      output.out(`Verschilcontrole: ${exports.length} eerdere export(s) in ${join(folder, STORE_FOLDER)}\n`);
      for (const row of rows)
        output.out(`  ${row.exportedAt.slice(0, 19).replace('T', ' ')}  ${row.study}  ${row.folder}  (${row.populations.length} populaties)\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.err(`${error.message}\n`);
    return 1;
  }
}
