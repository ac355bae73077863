// English interface texts: typed as Messages, so a missing or extra key is a compile error.
import type { Messages } from './nl';

export const en: Messages = {
  'app.name': 'Groepsbeeld',
  'app.tagline': 'Analyse linked register data, offline',
  'app.skipToContent': 'Skip to content',

  'language.label': 'Language',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'nav.label': 'Steps',

  'page.data.title': 'Data',
  'page.populatie.title': 'Population',
  'page.populatie.emptyHeading': 'No linkage report yet',
  'page.populatie.emptyText':
    'Choose the reference date and the municipality, and link the files. The linkage report will appear here: how many persons and households remain after each step, and why records drop out.',
  'page.vergelijking.title': 'Comparison',
  'page.vergelijking.emptyHeading': 'No comparison yet',
  'page.vergelijking.emptyText':
    'Here you set client households beside all households in the municipality, on the same characteristics: child factors (youth care), parent factors (education level) and household factors (household type). The distributions appear as a table and as a bar chart.',
  'page.clusters.title': 'Clusters',
  'page.clusters.emptyHeading': 'No clusters yet',
  'page.clusters.emptyText':
    'Here you group the client households into clusters, on categories and amounts together. For each cluster you see the number of households and what occurs relatively more often in it, in one comparison table.',
  'page.profielen.title': 'Profiles',
  'page.profielen.emptyHeading': 'No personas yet',
  'page.profielen.emptyText':
    'Here you turn each cluster into a persona: a recognisable description with a name and the characteristics that stand out. The personas appear as cards, one per cluster.',
  'page.export.title': 'Export',
  'page.export.emptyHeading': 'Nothing exported yet',
  'page.export.emptyText':
    'Only aggregate results leave this computer, and only when they pass output checking. Here you see the outcome of the check for each table and the output log of everything exported.',

  'data.intro':
    'Open the CBS register files (persons, households, addresses) and the partner organisation’s client file, as CSV or Parquet. The files stay on this computer: Groepsbeeld reads only what you choose here.',
  'data.open': 'Open files…',
  'data.opening': 'Opening…',
  'data.openDemo': 'Open demo',
  'data.openingDemo': 'Preparing the demo world…',
  'data.demoHint': 'Synthetic register files of Gilze en Rijen and a food bank: practise without real microdata.',
  'data.loadingFiles': 'Loading opened files…',
  'data.noFilesHeading': 'No files opened yet',
  'data.noFilesText':
    'Choose ‘Open files…’ to begin. For each file you will see its format, number of rows, size and columns here.',
  'data.fileListLabel': 'Opened files',
  'data.format': 'Format',
  'data.format.csv': 'CSV',
  'data.format.parquet': 'Parquet',
  'data.rows': 'Rows',
  'data.size': 'Size',
  'data.columnCount': 'Columns',
  'data.columnsHeading': 'Columns',
  'data.columnsHint': 'Choose a column to see how many values are missing and how many distinct values it has.',
  'data.noColumns': 'This file has no columns.',

  'summary.heading': 'Column {column}',
  'summary.loading': 'Summarising column {column}…',
  'summary.type': 'Type',
  'summary.rows': 'Rows',
  'summary.missing': 'Missing',
  'summary.distinct': 'Distinct values',
  'summary.missingShare': '{count} ({share})',

  'status.label': 'Engine status',
  'status.loading': 'Fetching engine status…',
  'status.duckdb': 'DuckDB {version}',
  'status.extensionsOff': 'Extensions: off',
  'status.extensionsOn': 'Extensions: on (unsafe)',
  'status.externalAccessOff': 'External access: off',
  'status.externalAccessOn': 'External access: on (unsafe)',
  'status.configLocked': 'Configuration locked',
  'status.configUnlocked': 'Configuration not locked (unsafe)',
  'status.appInfoFailed': 'Version unknown.',
  'status.securityFailed': 'Engine security unknown.',

  'error.unknown-channel': 'This function does not exist in this version of Groepsbeeld.',
  'error.forbidden-sender': 'The request was refused because it did not come from the Groepsbeeld window.',
  'error.invalid-request': 'The request to the engine was invalid.',
  'error.invalid-response': 'The engine’s answer had an unexpected shape.',
  'error.failed': 'The operation failed.',
};
