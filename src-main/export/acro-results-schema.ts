// What we write: the schema of the output log in ACRO's results.json format (AI-SDC/ACRO acro/record.py), so
// SACRO-Viewer can open an export package.
//
// Format (ACRO 0.4.x, the generation SACRO-Viewer supports: sacro/settings.py ACRO_SUPPORTED_VERSION = "0.4.x"):
//   { "version": "0.4.11", "results": { uid: { uid, status, type, properties: { method }, files: [{ name, sdc }],
//     outcome, command, summary, timestamp, comments, exception } } }
// - `sdc` is one dictionary per output, repeated on every file of that output (ACRO does the same):
//   { summary: { suppressed, negative, missing, threshold, p-ratio, nk-rule, all-values-are-same, ...ours },
//     cells: { same names: [[row, column], ...] } }; a custom output without checked cells gets `{}`.
// - [row, column] index the data part of the CSV: row 0 is the first line after the header, column 0 the first
//   column after the row labels (SACRO-Viewer highlights tbody tr (row + 1), td (column + 2)).
// - `outcome` is ACRO's DataFrame.to_json(): { columnLabel: { rowLabel: "ok" | "threshold; p-ratio; " } }.
// - `summary` starts with the status ("review; threshold: 1 cells suppressed; "), which SACRO-Viewer splits on "; ".
// - The text is pure ASCII (non-ASCII escaped as \uXXXX, as Python's json.dump does): SACRO-Viewer reads the file
//   with the platform's default encoding, which on Windows is not UTF-8.
import { z } from 'zod';
import { CHECK_ORDER } from './acro-checks';

export const ACRO_RESULTS_FILE = 'results.json';
/**
 * The ACRO version we claim. SACRO-Viewer accepts any version from 0.4 on (major.minor compared); ACRO's own
 * `load_records` accepts only its exact `__version__`. Later ACRO names its checks after its ontology
 * (MinimumThresholdCheck, NKCheck, ...: 0.4.12 by its architecture docs, before 1.0.1 by its CHANGELOG); 0.4.11 is
 * the last release whose names are the ones we write. Pass `version` to claim another.
 */
export const ACRO_RESULTS_VERSION = '0.4.11';

export const count = z.number().int().nonnegative();
const positions = z.array(z.tuple([count, count]));
/** A plain file name in the package folder (ACRO writes flat folders; SACRO-Viewer joins it to the folder). */
export const packageFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'een bestandsnaam zonder map');
export const uidSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, cijfers, punt, streep of liggend streepje');
/** major.minor.patch, and at least 0.4 (SACRO-Viewer refuses older results). */
export const acroVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/)
  .refine((version) => {
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return major > 0 || minor >= 4;
  }, 'SACRO-Viewer opent alleen ACRO-versie 0.4 of later');

export const tableSdcSchema = z.strictObject({
  summary: z.strictObject({
    suppressed: z.boolean(),
    negative: count,
    missing: count,
    threshold: count,
    'p-ratio': count,
    'nk-rule': count,
    'all-values-are-same': count,
    dof: count.optional(),
    'min-max': count.optional(),
    zeros: count.optional(),
    'group-disclosure': count.optional(),
    secondary: count.optional(),
    differencing: count.optional(),
  }),
  cells: z.strictObject({
    negative: positions,
    missing: positions,
    threshold: positions,
    'p-ratio': positions,
    'nk-rule': positions,
    'all-values-are-same': positions,
    dof: positions.optional(),
    'min-max': positions.optional(),
    zeros: positions.optional(),
    'group-disclosure': positions.optional(),
    secondary: positions.optional(),
    differencing: positions.optional(),
  }),
});
export type AcroTableSdc = z.infer<typeof tableSdcSchema>;

/** A table's checks, or `{}` for an output without checked cells (ACRO's add_custom). */
export const acroSdcSchema = z.union([tableSdcSchema, z.strictObject({})]);
export type AcroSdc = z.infer<typeof acroSdcSchema>;

export const acroOutputTypeSchema = z.enum(['table', 'regression', 'histogram', 'survival plot', 'pie chart', 'custom']);
export type AcroOutputType = z.infer<typeof acroOutputTypeSchema>;
const statusSchema = z.enum(['pass', 'fail', 'review']);
export type AcroStatus = z.infer<typeof statusSchema>;
export const mitigationSchema = z.enum(['none', 'suppress', 'round']);

export const acroResultSchema = z.strictObject({
  uid: uidSchema,
  status: statusSchema,
  type: acroOutputTypeSchema,
  /** ACRO writes `method`; 1.0 adds `mitigation` and, for rounding, `round_base`. */
  properties: z.strictObject({
    method: z.string().min(1),
    mitigation: mitigationSchema.optional(),
    round_base: z.number().int().positive().optional(),
  }),
  files: z.array(z.strictObject({ name: packageFileNameSchema, sdc: acroSdcSchema })).min(1),
  outcome: z.record(z.string(), z.record(z.string(), z.string().regex(/^(ok|([a-z-]+; )+)$/))),
  command: z.string(),
  summary: z.string().regex(/^(pass|fail|review)(; .*)?$/),
  timestamp: z.iso.datetime({ offset: true }),
  comments: z.array(z.string()),
  exception: z.string(),
});
export type AcroResult = z.infer<typeof acroResultSchema>;

export const acroResultsSchema = z.strictObject({ version: acroVersionSchema, results: z.record(uidSchema, acroResultSchema) }).superRefine((log, context) => {
  const files = new Set<string>();
  for (const [key, result] of Object.entries(log.results)) {
    if (result.uid !== key) context.addIssue({ code: 'custom', path: ['results', key, 'uid'], message: `uid ${result.uid} wijkt af van de sleutel ${key}` });
    if (!result.summary.startsWith(result.status))
      context.addIssue({ code: 'custom', path: ['results', key, 'summary'], message: 'de samenvatting begint niet met de status' });
    if (result.status === 'fail' && result.exception.trim() === '') {
      context.addIssue({
        code: 'custom',
        path: ['results', key, 'exception'],
        message: 'een uitvoer met status fail gaat alleen mee met een uitzonderingsverzoek',
      });
    }
    for (const [index, file] of result.files.entries()) {
      if (files.has(file.name) || file.name === ACRO_RESULTS_FILE) {
        context.addIssue({ code: 'custom', path: ['results', key, 'files', index, 'name'], message: `${file.name} staat al in het logboek` });
      }
      files.add(file.name);
      if (!('summary' in file.sdc)) continue;
      const summary: Partial<Record<string, number | boolean>> = file.sdc.summary;
      const cells: Partial<Record<string, unknown[]>> = file.sdc.cells;
      for (const name of CHECK_ORDER) {
        if ((summary[name] ?? 0) !== (cells[name]?.length ?? 0)) {
          context.addIssue({ code: 'custom', path: ['results', key, 'files', index, 'sdc', 'summary', name], message: 'het aantal telt de cellen niet' });
        }
      }
    }
  }
});
export type AcroResults = z.infer<typeof acroResultsSchema>;
