// Inverting a what-stands-out test: the v-test and p-value of a category in a cluster are exact functions of four
// counts (clients with a known value n, with the category K, in the cluster n_c, both x). Try every integer.
import { base, narrowed, noteVia } from './attack-base';
import { resolveTarget, type Target } from './category-targets';
import { shareAndCount, traits, type Trait } from './client-figures';
import type { ComparisonModel } from './comparison-models';
import { hypergeometricTest } from './hypergeometric-test';
import { integerRange, integersIn, within, type Domains, type IntegerSystem } from './integer-system';
import { columnIndex, figureRange, headerUnits, populationUnits, type Package } from './package-reader';
import type { Recovery } from './recoveries';

/** Cluster sizes by "k:cluster": the cluster table's headers (or its "Aantal huishoudens" row), else the sheet's population. */
export function clusterSizes(pkg: Package): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-k(\d+)$/.exec(table.name);
    if (!name) continue;
    const countRow = table.rows.find((row) => /^aantal huishoudens$/i.test(row.label.trim()));
    table.header.forEach((header, position) => {
      const cluster = /^Cluster (\d+)/.exec(header);
      if (!cluster || position === 0) return;
      const counted = countRow ? integerRange(countRow.figures[position - 1]) : null;
      const units = counted && counted.lo === counted.hi ? counted.lo : headerUnits(header);
      if (units !== null) sizes.set(`${name[1]}:${cluster[1]}`, units);
    });
  }
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-opvallend-(\d+)-(\d+)$/.exec(table.name);
    const units = name ? populationUnits(table) : null;
    if (name && units !== null && !sizes.has(`${name[1]}:${name[2]}`)) sizes.set(`${name[1]}:${name[2]}`, units);
  }
  return sizes;
}

export interface Inversion {
  trait: Trait;
  target: Target;
  /** Every (n, K) the published v-test and p-value allow. */
  solutions: { n: number; K: number }[];
}

/** For every category trait with a v-test or p-value: the (n, K) pairs that reproduce them exactly. */
export function invertTests(pkg: Package, models: Map<string, ComparisonModel>, domains: Domains): Inversion[] {
  const sizes = clusterSizes(pkg);
  const inversions: Inversion[] = [];
  for (const trait of traits(pkg)) {
    const target = resolveTarget(models, trait.feature, trait.category);
    const clusterUnits = sizes.get(`${trait.k}:${trait.cluster}`);
    if (!target || clusterUnits === undefined) continue;
    const { table, row } = trait;
    const vColumn = columnIndex(table, /v-test/i);
    const pColumn = columnIndex(table, /p-waarde/i);
    const vRange = vColumn === -1 ? null : figureRange(row.figures[vColumn]!);
    const pRange = pColumn === -1 ? null : figureRange(row.figures[pColumn]!);
    if (!vRange && !pRange) continue;
    const overall = shareAndCount(table, row, /alle klanten/i);
    const inCluster = shareAndCount(table, row, /in dit cluster/i);
    const total = domains.get(target.model.totalVar)!;
    const unknown = domains.get(target.model.unknownVar)!;
    const kLo = target.vars.reduce((sum, name) => sum + domains.get(name)!.lo, 0);
    const kHi = target.vars.reduce((sum, name) => sum + domains.get(name)!.hi, 0);
    const nValues = integersIn(null, Math.max(1, total.lo - unknown.hi), total.hi - unknown.lo);
    if (nValues.length === 0 || nValues.length > 2000) continue;
    const solutions: { n: number; K: number }[] = [];
    for (const n of nValues) {
      const shareOfN = overall.share ? { lo: (overall.share.lo * n) / 100, hi: (overall.share.hi * n) / 100 } : null;
      const kValues = integersIn(shareOfN, kLo, Math.min(kHi, n)).filter((K) => within(overall.count, K));
      if (kValues.length === 0) continue;
      // The cluster's unknowns are among all the unknowns.
      const ncValues = integersIn(null, Math.max(1, clusterUnits - (total.hi - n)), Math.min(clusterUnits, n));
      let found = false;
      for (const K of kValues) {
        for (const nc of ncValues) {
          const shareOfNc = inCluster.share ? { lo: (inCluster.share.lo * nc) / 100, hi: (inCluster.share.hi * nc) / 100 } : null;
          for (const x of integersIn(shareOfNc, Math.max(0, nc - (n - K)), Math.min(K, nc))) {
            if (!within(inCluster.count, x)) continue;
            const test = hypergeometricTest(n, K, nc, x);
            if (within(vRange, test.v, 1e-6) && within(pRange, test.p, 1e-300)) {
              found = true;
              break;
            }
          }
          if (found) break;
        }
        if (found) solutions.push({ n, K });
        found = false;
      }
    }
    if (solutions.length > 0) inversions.push({ trait, target, solutions });
  }
  return inversions;
}

export function addInversion(system: IntegerSystem, inversion: Inversion): string {
  const { target, solutions, trait } = inversion;
  const kValues = solutions.map((s) => s.K);
  const nValues = solutions.map((s) => s.n);
  const source = `${trait.table.name}: v-test en p-waarde van ${trait.category}`;
  system.add(
    target.vars.map((name) => [name, 1]),
    Math.min(...kValues),
    Math.max(...kValues),
    source,
  );
  system.add(
    [
      [target.model.totalVar, 1],
      [target.model.unknownVar, -1],
    ],
    Math.min(...nValues),
    Math.max(...nValues),
    source,
  );
  return source;
}

/** The v-tests and p-values (full precision in the XLSX) of what stands out, inverted by trying every integer. */
export function testInversionAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const system = start.system.clone();
  const via = new Map<string, string>();
  for (const inversion of invertTests(pkg, start.models, start.solution)) noteVia(via, inversion.target.model, addInversion(system, inversion));
  return narrowed('v-test/p-waarde', start, system, via);
}
