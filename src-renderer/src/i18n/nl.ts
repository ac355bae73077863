// Dutch interface texts: the default language and the source of truth for which message keys exist.
export const nl = {
  'app.name': 'Groepsbeeld',
  'app.tagline': 'Gekoppelde registerdata analyseren, offline',
  'app.skipToContent': 'Naar de inhoud',

  'language.label': 'Taal',
  'language.nl': 'Nederlands',
  'language.en': 'English',

  'nav.label': 'Stappen',

  'page.data.title': 'Data',
  'page.populatie.title': 'Populatie',
  'page.populatie.emptyHeading': 'Nog geen koppelrapport',
  'page.populatie.emptyText':
    'Kies de peildatum en de gemeente en koppel de bestanden. Hier verschijnt het koppelrapport: hoeveel personen en huishoudens er per stap overblijven, en waarom records afvallen.',
  'page.vergelijking.title': 'Vergelijking',
  'page.vergelijking.emptyHeading': 'Nog geen vergelijking',
  'page.vergelijking.emptyText':
    'Hier zet u cliënthuishoudens naast alle huishoudens in de gemeente, op dezelfde kenmerken: kindfactoren (jeugdzorg), ouderfactoren (opleidingsniveau) en huishoudfactoren (type huishouden). De verdelingen verschijnen als tabel en als staafdiagram.',
  'page.clusters.title': 'Clusters',
  'page.clusters.emptyHeading': 'Nog geen clusters',
  'page.clusters.emptyText':
    'Hier deelt u de cliënthuishoudens in clusters in, op categorieën en bedragen tegelijk. Per cluster ziet u het aantal huishoudens en wat er relatief vaker in voorkomt, in één vergelijkingstabel.',
  'page.profielen.title': 'Profielen',
  'page.profielen.emptyHeading': "Nog geen persona's",
  'page.profielen.emptyText':
    "Hier maakt u van elk cluster een persona: een herkenbare beschrijving met een naam en de kenmerken die opvallen. De persona's verschijnen als kaarten, één per cluster.",
  'page.export.title': 'Export',
  'page.export.emptyHeading': 'Nog niets geëxporteerd',
  'page.export.emptyText':
    'Alleen geaggregeerde uitkomsten verlaten deze computer, en alleen als ze de outputcontrole doorstaan. Hier ziet u per tabel de uitkomst van de controle en het output log van alles wat is geëxporteerd.',

  'data.intro':
    'Open de CBS-registerbestanden (personen, huishoudens, adressen) en het cliëntbestand van de partnerorganisatie, als CSV of Parquet. De bestanden blijven op deze computer: Groepsbeeld leest alleen wat u hier kiest.',
  'data.open': 'Bestanden openen…',
  'data.opening': 'Bezig met openen…',
  'data.openDemo': 'Demo openen',
  'data.openingDemo': 'Demowereld voorbereiden…',
  'data.demoHint': 'Synthetische registerbestanden van Gilze en Rijen en een voedselbank: oefenen zonder echte microdata.',
  'data.loadingFiles': 'Geopende bestanden laden…',
  'data.noFilesHeading': 'Nog geen bestanden geopend',
  'data.noFilesText':
    'Kies ‘Bestanden openen…’ om te beginnen. Per bestand ziet u hier het formaat, het aantal rijen, de grootte en de kolommen.',
  'data.fileListLabel': 'Geopende bestanden',
  'data.format': 'Formaat',
  'data.format.csv': 'CSV',
  'data.format.parquet': 'Parquet',
  'data.rows': 'Rijen',
  'data.size': 'Grootte',
  'data.columnCount': 'Kolommen',
  'data.columnsHeading': 'Kolommen',
  'data.columnsHint': 'Kies een kolom om te zien hoeveel waarden ontbreken en hoeveel verschillende waarden er zijn.',
  'data.noColumns': 'Dit bestand heeft geen kolommen.',

  'summary.heading': 'Kolom {column}',
  'summary.loading': 'Samenvatting van kolom {column} berekenen…',
  'summary.type': 'Type',
  'summary.rows': 'Rijen',
  'summary.missing': 'Ontbrekend',
  'summary.distinct': 'Verschillende waarden',
  'summary.missingShare': '{count} ({share})',

  'status.label': 'Status van de rekenkern',
  'status.loading': 'Status van de rekenkern ophalen…',
  'status.duckdb': 'DuckDB {version}',
  'status.extensionsOff': 'Extensies: uit',
  'status.extensionsOn': 'Extensies: aan (onveilig)',
  'status.externalAccessOff': 'Externe toegang: uit',
  'status.externalAccessOn': 'Externe toegang: aan (onveilig)',
  'status.configLocked': 'Configuratie vergrendeld',
  'status.configUnlocked': 'Configuratie niet vergrendeld (onveilig)',
  'status.appInfoFailed': 'Versie onbekend.',
  'status.securityFailed': 'Beveiliging van de rekenkern onbekend.',

  'error.unknown-channel': 'Deze functie bestaat niet in deze versie van Groepsbeeld.',
  'error.forbidden-sender': 'Het verzoek is geweigerd omdat het niet uit het Groepsbeeld-venster kwam.',
  'error.invalid-request': 'Het verzoek aan de rekenkern was ongeldig.',
  'error.invalid-response': 'Het antwoord van de rekenkern had een onverwachte vorm.',
  'error.failed': 'De bewerking is mislukt.',
};

export type MessageKey = keyof typeof nl;

/** A complete dictionary: every key of the Dutch one, and no other. */
export type Messages = Record<MessageKey, string>;
