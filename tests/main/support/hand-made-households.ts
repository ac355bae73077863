// A hand-made analysis table for tests of the publication: groups of identical households with every column the
// features read (ANALYSIS_COLUMNS), optionally a labelling into clusters, and the study's publication built on it by
// the same buildPublication the study session calls.
import { storeAssignments } from '../../../src-main/analysis/clustering-service/assignments';
import type { QuerySession } from '../../../src-main/analysis/cross-table';
import { CLIENT_HOUSEHOLDS, type Population } from '../../../src-main/analysis/population';
import type { ProtectionMethod } from '../../../src-main/disclosure/disclosure-shapes';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../src-main/disclosure/rule-set';
import { ANALYSIS_COLUMNS, type GridValue } from '../../../src-main/linking/analysis-columns';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import type { LinkReport } from '../../../src-main/linking/link-report';
import type { PublishedClusteringRef } from '../../../src-main/publication/population-atoms';
import type { Recodes } from '../../../src-main/publication/published-feature';
import { buildPublication, type StudyPublication } from '../../../src-main/publication/study-publication';
import { municipalityCodeOf } from '../../../src-main/common/municipality-code';
import { referenceDateOf } from '../../../src-main/common/reference-date';

/** A plain household: one adult with a job, a middle education and an owner-occupied home, no care. */
const DEFAULTS = {
  household_type: '1',
  size: 1,
  children: 0,
  youngest_child_age: null,
  reference_age: 40,
  migration_background: false,
  education_level: 'middle',
  income_source: '11',
  benefit_type: '0',
  disposable_income: 30_000,
  tenure: '1',
  youth_help: false,
  youth_protection: false,
  wmo: false,
  client_days: null,
  has_income_record: true,
  members_found: 1,
} satisfies Record<string, GridValue>;

type ColumnName = keyof typeof DEFAULTS;
export type ColumnValues = Partial<Record<ColumnName, GridValue>>;

/** `count` households alike; `cluster` (1-based) labels them when the table is clustered. */
export interface HouseholdGroup extends ColumnValues {
  count: number;
  client?: boolean;
  cluster?: number;
}

function literal(value: GridValue, type: string): string {
  if (value === null) return `NULL::${type}`;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return `${String(value)}::${type}`;
}

export const householdKey = (index: number): string => String(index + 1).padStart(10, '0');
export const HOUSEHOLD_START = '20170101';

/** Replaces `analysis_households` with the groups' households (keys 0000000001, ... in group order). */
export async function createAnalysisTable(session: QuerySession, groups: readonly HouseholdGroup[]): Promise<void> {
  const names = Object.keys(DEFAULTS) as ColumnName[];
  const missing = Object.keys(ANALYSIS_COLUMNS).filter((name) => !(name in DEFAULTS));
  if (missing.length > 0) throw new Error(`The hand-made table has no default for ${missing.join(', ')}.`);
  const selects: string[] = [];
  let offset = 0;
  for (const group of groups) {
    if (group.count <= 0) continue;
    const client = group.client ?? false;
    const values = names.map(
      (name) =>
        `${literal(group[name] !== undefined ? group[name] : name === 'client_days' && client ? 400 : DEFAULTS[name], ANALYSIS_COLUMNS[name]!.type)} ` +
        `AS ${name}`,
    );
    selects.push(
      `SELECT lpad((${offset} + i + 1)::VARCHAR, 10, '0') AS household_key, '${HOUSEHOLD_START}' ` +
        `AS household_start, ${client} AS client, ${values.join(', ')} FROM range(${group.count}) t(i)`,
    );
    offset += group.count;
  }
  const columns = ['household_key VARCHAR', 'household_start VARCHAR', 'client BOOLEAN', ...names.map((name) => `${name} ${ANALYSIS_COLUMNS[name]!.type}`)];
  await session.query(`CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE} (${columns.join(', ')})`);
  if (selects.length > 0) await session.query(`INSERT INTO ${ANALYSIS_TABLE} ${selects.join(' UNION ALL ')}`);
}

/** Stores the groups' `cluster` labels for the households of `population` (the clients by default) as one run. */
export async function storeGroupClusters(
  session: QuerySession,
  groups: readonly HouseholdGroup[],
  ref: Pick<PublishedClusteringRef, 'runId' | 'k'>,
): Promise<void> {
  const keys: string[] = [];
  const labels: number[] = [];
  let index = 0;
  for (const group of groups) {
    for (let copy = 0; copy < group.count; copy += 1) {
      if (group.cluster !== undefined) {
        keys.push(householdKey(index));
        labels.push(group.cluster - 1);
      }
      index += 1;
    }
  }
  const stored = await storeAssignments(session, ref.runId, ref.k, { householdKey: keys, householdStart: keys.map(() => HOUSEHOLD_START) }, labels);
  if (!stored.ok) throw new Error(stored.message);
}

/** A link report holding only the analysis table's two household counts (the figures the ledger derives from the table). */
export function tableLinkReport(households: number, clientHouseholds: number): LinkReport {
  return {
    referenceDate: referenceDateOf('20171231'),
    municipality: municipalityCodeOf('0784'),
    referenceMoment: 'referenceDate',
    notes: [],
    steps: [
      {
        id: 'table',
        label: 'Analysetabel',
        counts: [
          { id: 'households', label: 'Huishoudens', count: households },
          { id: 'clientHouseholds', label: 'Klanthuishoudens', count: clientHouseholds },
        ],
      },
    ],
  };
}

export interface HandMadeOptions {
  rules?: RuleSet;
  method?: ProtectionMethod;
  recodes?: Recodes;
  /** Cluster the groups with a `cluster` label (k = the highest label), of this population (the clients by default). */
  clustered?: { population?: Population; k?: number } | boolean;
}

/** The table, its labelling (when asked), and the publication buildPublication makes of it. */
export async function handMadePublication(session: QuerySession, groups: readonly HouseholdGroup[], options: HandMadeOptions = {}): Promise<StudyPublication> {
  await createAnalysisTable(session, groups);
  const households = groups.reduce((sum, group) => sum + group.count, 0);
  const clients = groups.reduce((sum, group) => sum + (group.client ? group.count : 0), 0);
  let clustering: { ref: PublishedClusteringRef; populationLabel: string } | null = null;
  if (options.clustered) {
    const settings = options.clustered === true ? {} : options.clustered;
    const k = settings.k ?? Math.max(...groups.map((group) => group.cluster ?? 0));
    const population = settings.population ?? CLIENT_HOUSEHOLDS;
    const ref: PublishedClusteringRef = { runId: `hand-made-${k}`, k, population, fingerprint: 'f1234567' };
    await storeGroupClusters(session, groups, ref);
    clustering = { ref, populationLabel: population.label };
  }
  return buildPublication(session, {
    rules: options.rules ?? DEFAULT_RULE_SET,
    method: options.method ?? 'suppression',
    recodes: options.recodes ?? {},
    linkReport: tableLinkReport(households, clients),
    clustering,
  });
}
