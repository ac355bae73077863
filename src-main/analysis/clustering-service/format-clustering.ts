// A published clustering as plain Dutch text for the terminal: method, features, advice, per-k table, cluster sizes, and external validation when given.
import type { CheckedTable, PublishedCell } from '../../disclosure/checked-table';
import type { PublishedCount } from '../../disclosure/published-count';
import type { RuleSet } from '../../disclosure/rule-set';
import { algorithmLabel, type PublishedClustering } from './clustering-result';
import type { ExternalValidation } from './external-validation';

function number(value: number, digits: number): string {
  return value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function count(value: PublishedCount): string {
  return typeof value === 'number' ? number(value, 0) : `< ${value.below}`;
}

/** Decimals per column: errors and Calinski-Harabasz are large numbers, silhouettes and Jaccards lie between -1 and 1. */
const DECIMALS: Record<string, number> = { 'within-error': 1, 'calinski-harabasz': 1 };

/** A cell as text: the value, "< threshold" for a blocked count, "x" for a suppressed one, "-" for nothing. */
function cellText(cell: PublishedCell, column: CheckedTable['columns'][number], threshold: number): string {
  if ('value' in cell) return number(cell.value, column.format === 'count' ? 0 : (DECIMALS[column.id] ?? 3));
  if (cell.status === 'blocked') return `< ${threshold}`;
  if (cell.status === 'secondary') return 'x';
  return '-';
}

function tableText(table: CheckedTable, threshold: number): string[] {
  const header = [table.rowHeader, ...table.columns.map((column) => column.label)];
  const body = table.rows.map((row) => [row.label, ...row.cells.map((cell, c) => cellText(cell, table.columns[c]!, threshold))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), ...body.map(line)];
}

/** The terminal summary; a blocked size reads "< threshold" (in the clusters table: the higher of threshold and cluster minimum). */
export function formatClustering(published: PublishedClustering, options: { rules: Pick<RuleSet, 'threshold' | 'clusterMinimum'>; validation?: ExternalValidation }): string {
  const { threshold, clusterMinimum } = options.rules;
  const features = published.features.map((feature) => (feature.weight === 1 ? feature.label : `${feature.label} (gewicht ${number(feature.weight, 1)})`));
  const lines = [
    `Clustering van ${published.population.label} (${count(published.population.units)} huishoudens)`,
    `Methode: ${algorithmLabel(published.algorithm)}; k van ${published.kRange[0]} tot ${published.kRange[1]}, ${published.resamples} bootstrap-steekproeven per k, seed ${published.seed}.`,
    `Kenmerken: ${features.join(', ')}.`,
    '',
    `Advies: ${published.reason}`,
    '',
    ...tableText(published.quality, threshold),
    ...published.quality.notes.map((note) => `  ${note}`),
    '',
    ...tableText(published.clusters, Math.max(threshold, clusterMinimum)),
    ...published.clusters.notes.map((note) => `  ${note}`),
  ];
  const validation = options.validation;
  if (published.clusters.rows.some((row) => row.cells[0]?.status === 'secondary')) lines.splice(lines.length - published.clusters.notes.length, 0, '  x = weggelaten om een geblokkeerde grootte te beschermen.');
  if (validation) {
    lines.push(
      '',
      `Vergelijking met de referentie-indeling (${validation.referenceClusters} clusters, ${count(validation.matched)} huishoudens gevonden, ${count(validation.unmatched)} niet):`,
      `  ARI ${number(validation.adjustedRandIndex, 3)}, NMI ${number(validation.normalizedMutualInformation, 3)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
