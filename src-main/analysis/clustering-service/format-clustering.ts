// A published clustering as plain Dutch text for the terminal: method, features, advice, per-k table, cluster sizes, and external validation when given.
import type { CheckedTable, PublishedCell } from '../../disclosure/checked-table';
import type { PublishedCount } from '../../disclosure/disclosure-shapes';
import { algorithmLabel, type PublishedClustering } from './clustering-result';
import type { ExternalValidation } from './external-validation';

function number(value: number, digits: number): string {
  return value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function count(value: PublishedCount): string {
  return typeof value === 'number' ? number(value, 0) : 'x';
}

/** A cell as text: the value with the decimals it was published with, "x" for a hidden one, "-" for nothing. */
function cellText(cell: PublishedCell): string {
  if ('value' in cell) return number(cell.value, cell.decimals);
  return cell.status === 'suppressed' ? 'x' : '-';
}

function tableText(table: CheckedTable): string[] {
  const header = [table.rowHeader, ...table.columns.map((column) => column.label)];
  const body = table.rows.map((row) => [row.label, ...row.cells.map(cellText)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), ...body.map(line)];
}

/** The terminal summary; a hidden size reads "x". */
export function formatClustering(published: PublishedClustering, options: { validation?: ExternalValidation }): string {
  const features = published.features.map((feature) => (feature.weight === 1 ? feature.label : `${feature.label} (gewicht ${number(feature.weight, 1)})`));
  const lines = [
    `Clustering van ${published.population.label} (${count(published.population.units)} huishoudens)`,
    `Methode: ${algorithmLabel(published.algorithm)}; k van ${published.kRange[0]} tot ${published.kRange[1]}, ` +
      `${published.resamples} bootstrap-steekproeven per k, seed ${published.seed}.`,
    `Kenmerken: ${features.join(', ')}.`,
    '',
    `Advies: ${published.reason}`,
    '',
    ...tableText(published.quality),
    ...published.quality.notes.map((note) => `  ${note}`),
    '',
    ...tableText(published.clusters),
    ...published.clusters.notes.map((note) => `  ${note}`),
  ];
  const validation = options.validation;
  if (validation) {
    lines.push(
      '',
      `Vergelijking met de referentie-indeling (${validation.referenceClusters} clusters, ` +
        `${count(validation.matched)} huishoudens gevonden, ${count(validation.unmatched)} niet):`,
      `  ARI ${number(validation.adjustedRandIndex, 3)}, NMI ${number(validation.normalizedMutualInformation, 3)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
