// Property tests on random tables and random cluster structures: synthetic worlds of other seeds, other reference
// dates and other rule sets, and cluster labellings drawn at random (unbalanced, at the cluster minimum, or cut along
// a register column so that clusters differ sharply). For each, the study's package is written (its own audit does not
// refuse it), read back as an output checker reads it and audited independently: no hidden cell pinned to fewer than
// the protection level while it may lie below the threshold, no count of 1 to threshold - 1 printed. More labellings are
// checked on the ledger (every hidden count's interval). And the checks can fail: the same package with hidden cells
// revealed, or with a small cell printed, must be refused by the auditor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport } from '../../../src-main/audit/audit-report';
import type { ReadPackage } from '../../../src-main/audit/read-package';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { CLIENTS_ID } from '../../../src-main/publication/population-atoms';
import {
  clusterSizes,
  contextOf,
  describeClustering,
  minimumOf,
  PACKAGE_CASES,
  writeCase,
  type PackageCase,
  type Written,
} from '../support/random-package-cases';
import {
  chooseRandomClustering,
  hiddenFigures,
  ledgerProblems,
  packageProblems,
  randomGenerator,
  randomInteger,
  randomSizes,
  withPrinted,
  type HiddenFigure,
  type LabelOrder,
} from '../support/random-publications';

/** The three properties of a case: the publication is whole, the ledger keeps every hidden count wide, the package is written and passes. */
function caseTests(testCase: PackageCase, get: () => Written): void {
  it('publishes the clusters as labelled, and its ledger keeps every hidden count at least the protection level wide', () => {
    const case_ = get();
    const context = contextOf(testCase, case_);
    expect(case_.publication.refusals, context).toEqual([]);
    expect(case_.publication.clusters, context).not.toBeNull();
    if (case_.clustering) expect(clusterSizes(case_.publication), context).toEqual(case_.clustering.sizes);
    const ledger = ledgerProblems(case_.publication, testCase.rules);
    expect(ledger.problems, context).toEqual([]);
    expect(ledger.hidden, context).toBeGreaterThan(0);
  });

  it('is written: its own audit does not refuse it', () => {
    const case_ = get();
    expect(case_.refused, contextOf(testCase, case_)).toEqual([]);
  });

  it('passes the independent audit, keeps every hidden client cell wide and prints no small count', () => {
    const case_ = get();
    const context = contextOf(testCase, case_);
    expect(case_.written, `${context}: not written`).not.toBeNull();
    const { pkg, audit } = case_.written!;
    expect(pkg.definitions.rules).toEqual({ threshold: testCase.rules.threshold, protectionLevel: testCase.rules.protectionLevel });
    expect(pkg.outputs.some((output) => output.id.startsWith('clusterprofiel'))).toBe(true);
    expect(pkg.outputs.flatMap((output) => output.cells.filter((cell) => cell.printed.kind === 'hidden')).length, context).toBeGreaterThan(0);
    expect(packageProblems(pkg, audit, testCase.rules), context).toEqual([]);
    expect(audit.pass, context).toBe(true);
  });
}

/** Writes the case's package before the tests of the enclosing describe, runs the shared tests on it, closes it after. */
function writtenCase(testCase: PackageCase): () => Written {
  let case_: Written;
  beforeAll(async () => {
    case_ = await writeCase(testCase);
  }, 300_000);
  afterAll(() => case_?.study.close());
  caseTests(testCase, () => case_);
  return () => case_;
}

describe('random publications: written, audited and safe', () => {
  describe('world 7, default rules, its own clustering at k = 4', () => {
    const testCase: PackageCase = { title: 'world 7, default rules, k = 4', seed: 7, rules: DEFAULT_RULE_SET, clustering: { kind: 'real', k: 4 } };
    const current = writtenCase(testCase);
    let case_: Written;
    beforeAll(() => {
      case_ = current();
    });

    describe('the checks can fail: the same package, changed as a careless writer would have written it', () => {
      const rules = DEFAULT_RULE_SET;
      /** A hidden count of client households below the threshold in a comparison table, with its row's other hidden figures. */
      let target: HiddenFigure;
      let figures: HiddenFigure[];

      beforeAll(() => {
        figures = hiddenFigures(case_.written!.pkg, case_.publication);
        const candidates = figures.filter(
          (figure) =>
            figure.output.startsWith('vergelijking-') &&
            figure.cell.figure.kind === 'count' &&
            figure.cell.figure.cell.population === CLIENTS_ID &&
            figure.count > 0 &&
            figure.count < rules.threshold &&
            figures.some((other) => other.output === figure.output && other.row !== figure.row),
        );
        expect(candidates.length).toBeGreaterThan(0);
        // A real category before a rest category ("Overig of onbekend"): one client household under 25, say.
        target = candidates.find((figure) => !figure.cell.label.startsWith('Overig')) ?? candidates[0]!;
      });

      it('refuses it with the other hidden cells of the table revealed, naming the small cell that is then pinned', () => {
        const revealed = figures.filter((figure) => figure.output === target.output && figure.row !== target.row);
        const pkg = withPrinted(case_.written!.pkg, revealed);
        const audit = auditPackages([pkg]);
        expect(audit.pass).toBe(false);
        const failing = audit.packages[0]!.outputs.flatMap((output) =>
          output.hiddenCells.filter((cell) => !cell.pass).map((cell) => ({ ...cell, output: output.id })),
        );
        expect(failing.map((cell) => `${cell.output} ${cell.row}`)).toContain(`${target.output} ${target.row}`);
        const rowLabel = target.cell.label.split(' / ')[0]!;
        expect(
          failing.filter((cell) => cell.output === target.output && cell.row === target.row).every((cell) => cell.label.startsWith(`${rowLabel} / `)),
        ).toBe(true);
        expect(
          packageProblems(pkg, audit, rules).some(
            (problem) => problem.startsWith('hidden cell pinned') && problem.includes(`${target.output} [${target.row}/`),
          ),
        ).toBe(true);
      });

      it('refuses it with one small hidden count printed', () => {
        const pkg = withPrinted(case_.written!.pkg, [target]);
        const audit = auditPackages([pkg]);
        expect(audit.pass).toBe(false);
        expect(packageProblems(pkg, audit, rules)).toContain(
          `printed small count ${target.count}: ${target.output} [${target.row}/${target.column}] ${target.cell.label}`,
        );
      });

      describe('with a small cell printed, its count and its share', () => {
        let printed: { pkg: ReadPackage; audit: AuditReport } | undefined;
        const printedPackage = () => {
          if (!printed) {
            const pkg = withPrinted(
              case_.written!.pkg,
              figures.filter((figure) => figure.output === target.output && figure.row === target.row),
            );
            printed = { pkg, audit: auditPackages([pkg]) };
          }
          return printed;
        };

        it('is reported by the package check', () => {
          const { pkg, audit } = printedPackage();
          expect(
            pkg.outputs
              .find((output) => output.id === target.output)!
              .cells.filter(
                (cell) => cell.row === target.row && cell.printed.kind === 'hidden' && (cell.figure.kind === 'count' || cell.figure.kind === 'share'),
              ),
          ).toEqual([]);
          expect(packageProblems(pkg, audit, rules)).toContain(
            `printed small count ${target.count}: ${target.output} [${target.row}/${target.column}] ${target.cell.label}`,
          );
        });

        // The auditor checks every printed count against the threshold (a printed category count is a sum of finer
        // classes none of which is pinned on its own, so the class check alone would miss it).
        it('is refused by the auditor, naming the printed count', () => {
          const { audit } = printedPackage();
          expect(audit.pass).toBe(false);
          const findings = audit.packages.flatMap((report) => report.findings).filter((finding) => finding.severity === 'fail');
          expect(
            findings.some((finding) => finding.output === target.output && finding.row === target.row && /minder dan de drempel/.test(finding.message)),
          ).toBe(true);
        });
      });
    });

    describe('more random labellings of the same clients, checked on the ledger', () => {
      const random = randomGenerator(7007);
      const labellings: { k: number; shape: 'unbalanced' | 'nearMinimum'; order: LabelOrder }[] = [
        { k: 8, shape: 'nearMinimum', order: { kind: 'random' } },
        { k: randomInteger(random, 2, 8), shape: 'unbalanced', order: { kind: 'sortedBy', column: 'household_type' } },
        { k: 2, shape: 'nearMinimum', order: { kind: 'sortedBy', column: 'tenure' } },
        { k: randomInteger(random, 2, 8), shape: 'unbalanced', order: { kind: 'sortedBy', column: 'disposable_income' } },
        { k: randomInteger(random, 3, 8), shape: 'nearMinimum', order: { kind: 'sortedBy', column: 'reference_age' } },
      ];
      for (const [index, labelling] of labellings.entries()) {
        const order = labelling.order.kind === 'random' ? 'at random' : `along ${labelling.order.column}`;
        it(
          `k = ${labelling.k}, ${labelling.shape === 'nearMinimum' ? 'at the minimum' : 'unbalanced'}, ` + `${order}: every hidden count keeps its interval`,
          async () => {
            const caseRandom = randomGenerator(7100 + index);
            const clustering = await chooseRandomClustering(case_.study, {
              ...labelling,
              random: caseRandom,
              seed: 2017 + index,
              sizes: (households) => randomSizes(households, labelling.k, minimumOf(DEFAULT_RULE_SET), labelling.shape, caseRandom),
            });
            const publication = await case_.study.session.publication('suppression');
            const context = describeClustering(clustering);
            expect(publication.refusals, context).toEqual([]);
            expect(publication.clusters?.clustering.runId, context).toBe(clustering.runId);
            expect(clusterSizes(publication), context).toEqual(clustering.sizes);
            const ledger = ledgerProblems(publication, DEFAULT_RULE_SET);
            expect(ledger.problems, context).toEqual([]);
            expect(ledger.hidden, context).toBeGreaterThan(0);
          },
          120_000,
        );
      }
    });
  });

  for (const testCase of PACKAGE_CASES) {
    describe(`${testCase.title} (k = ${testCase.clustering.k})`, () => {
      writtenCase(testCase);
    });
  }
});
