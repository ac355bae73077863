// Cluster shares: with N <= 100 a whole-percent share names one count. The rest of the cluster (N minus that count)
// is a group of households too; a group of 1 to 9 is a count under the threshold, published.
import { base } from './attack-base';
import { unknownModel } from './category-targets';
import { shareAndCount, traits } from './client-figures';
import { integersIn, within } from './integer-system';
import { figureRange, normalise, type Package, type Range } from './package-reader';
import { PROTECTION_WIDTH, recovery, type Recovery } from './recoveries';
import { clusterSizes } from './test-inversion-attack';

export function clusterShareAttack(pkg: Package): Recovery[] {
  const start = base(pkg);
  const sizes = clusterSizes(pkg);
  const found = new Map<string, Recovery>();
  const note = (cell: string, lo: number, hi: number, via: string) => {
    if (!(lo >= 1 && hi < PROTECTION_WIDTH)) return;
    const key = normalise(cell);
    const earlier = found.get(key);
    if (earlier) {
      const nextLo = Math.max(earlier.interval[0], lo);
      const nextHi = Math.min(earlier.interval[1], hi);
      found.set(key, recovery('clusteraandelen', earlier.cell, nextLo, nextHi, `${earlier.via}; ${via}`));
    } else found.set(key, recovery('clusteraandelen', cell, lo, hi, via));
  };
  const consider = (k: number, cluster: number, feature: string, category: string, share: Range | null, count: Range | null, source: string) => {
    const units = sizes.get(`${k}:${cluster}`);
    if (units === undefined || (!share && !count)) return;
    const model = unknownModel(start.models, feature);
    const unknownMax = model ? start.solution.get(model.unknownVar)!.hi : 0;
    let xLo = Number.POSITIVE_INFINITY;
    let xHi = Number.NEGATIVE_INFINITY;
    for (let known = Math.max(1, units - unknownMax); known <= units; known++) {
      const ofKnown = share ? { lo: (share.lo * known) / 100, hi: (share.hi * known) / 100 } : null;
      for (const x of integersIn(ofKnown, 0, known)) {
        if (!within(count, x)) continue;
        xLo = Math.min(xLo, x);
        xHi = Math.max(xHi, x);
      }
    }
    if (xLo > xHi) return;
    note(`Cluster ${cluster} / ${feature} / ${category}`, xLo, xHi, source);
    note(`Cluster ${cluster} / ${feature} / niet ${category}`, units - xHi, units - xLo, source);
  };
  for (const table of pkg.tables.values()) {
    const name = /^clusterprofiel-k(\d+)$/.exec(table.name);
    if (!name) continue;
    table.header.forEach((header, position) => {
      const cluster = /^Cluster (\d+)/.exec(header);
      if (!cluster || position === 0) return;
      for (const row of table.rows) {
        const figure = row.figures[position - 1];
        if (!figure || figure.unit !== '%' || figure.label === '') continue;
        consider(
          Number(name[1]),
          Number(cluster[1]),
          row.label,
          figure.label,
          figureRange(figure),
          null,
          `${table.name}: "${figure.text}" bij N = ${sizes.get(`${name[1]}:${cluster[1]}`)}`,
        );
      }
    });
  }
  for (const trait of traits(pkg)) {
    const { share, count } = shareAndCount(trait.table, trait.row, /in dit cluster/i);
    consider(trait.k, trait.cluster, trait.feature, trait.category, share, count, `${trait.table.name}: ${trait.category}`);
  }
  return [...found.values()].filter((r) => r.interval[0] >= 1 && r.interval[1] < PROTECTION_WIDTH);
}
