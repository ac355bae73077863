// The study of the pilot on the demo world: Gilze en Rijen on 31-12-2017, every extract in its role.
import { join } from 'node:path';
import { municipalityCodeOf } from '../common/municipality-code';
import { referenceDateOf } from '../common/reference-date';
import { EXTRACT_TABLES } from '../synthetic/extract-tables';
import type { DemoWorld } from '../synthetic/demo-world';
import { INPUT_KINDS, type InputKind, type Study } from './study-file';

export function demoStudy(demo: Pick<DemoWorld, 'folder'>, extension: 'csv' | 'parquet' = 'csv'): Study {
  const inputs = EXTRACT_TABLES.filter((table): table is (typeof EXTRACT_TABLES)[number] & { id: InputKind } =>
    (INPUT_KINDS as readonly string[]).includes(table.id),
  ).map((table) => ({ path: join(demo.folder, `${table.fileName}.${extension}`), kind: table.id }));
  return {
    version: 1,
    name: 'Voedselbank Gilze en Rijen (demo)',
    referenceDate: referenceDateOf('20171231'),
    referenceMoment: 'referenceDate',
    municipality: { code: municipalityCodeOf('0784'), name: 'Gilze en Rijen' },
    openEndDate: '20501231',
    inputs,
    // The demo world knows its planted clusters: `run` reports how well the clustering finds them.
    clustering: { reference: join(demo.folder, 'ground-truth', 'clusters.csv') },
    // The demo's export choices, as an analyst would record them: secondary suppression, charts, and a note for the checker.
    export: {
      protection: 'suppression',
      charts: true,
      notes: {
        koppelrapport: {
          comment:
            'Het koppelrapport telt alleen regels, personen en huishoudens per koppelstap; ' +
            'niet getoonde aantallen (x) zijn samen met de rest van het pakket beschermd.',
        },
      },
    },
  };
}
