// The audit of one group of packages of the same data: what an attacker who solves every printed figure at once
// learns about hidden cells, statistics' inputs, amounts' units and small cell classes.
import { buildAttackerSystem } from './attacker-system';
import type { Finding } from './audit-findings';
import type { GroupReport, HiddenCellResult } from './audit-report';
import { classFails, classSettled, figureWhere, hiddenCellPasses, hiddenTarget, intervalText } from './cell-verdicts';
import { SystemTooLargeError, type IntervalOptions } from './interval-options';
import { RequestSet } from './interval-requests';
import type { IntervalStatistics, TargetInterval } from './interval-targets';
import { attackerIntervals } from './intervals';
import { expressionKey, type RangedConstraint } from './linear-expression';
import { InconsistentSystemError } from './presolve';
import { differenceConstraint } from './printed-bounds';
import type { ReadPackage } from './read-package';
import type { SystemFigure } from './system-parts';

const STATISTIC_NAME = { residual: 'Dit residu', chiSquare: 'Deze chikwadraattoets', vTest: 'Deze v-test', pValue: 'Deze p-waarde' } as const;

export interface GroupOutcome {
  readonly group: GroupReport;
  readonly hidden: Map<SystemFigure, HiddenCellResult>;
  readonly packageFindings: Finding[];
}

export function auditGroup(packages: readonly ReadPackage[], options: IntervalOptions): GroupOutcome {
  const started = performance.now();
  const system = buildAttackerSystem(packages);
  const { rules } = system;
  const packageFindings: Finding[] = system.findings.filter((finding) => finding.package !== undefined);
  const groupFindings: Finding[] = system.findings.filter((finding) => finding.package === undefined);
  const hidden = new Map<SystemFigure, HiddenCellResult>();
  let smallClasses = 0;
  let tooLarge: GroupReport['tooLarge'] = null;
  const finish = (statistics: IntervalStatistics | null, checkedClasses: number, audited = true): GroupOutcome => {
    const pass = [...packageFindings, ...groupFindings].every((finding) => finding.severity !== 'fail') && [...hidden.values()].every((cell) => cell.pass);
    return {
      group: {
        dataDigest: packages[0]?.definitions.dataDigest ?? '',
        packages: system.packages,
        pass,
        audited,
        rules,
        findings: groupFindings,
        checkedClasses,
        smallClasses,
        statistics,
        tooLarge,
        milliseconds: Math.round((performance.now() - started) * 10) / 10,
      },
      hidden,
      packageFindings,
    };
  };
  // A count printed as a number of 1 to threshold - 1 is a small cell published outright, whatever the rest says.
  for (const figure of system.figures) {
    const { printed, meaning } = figure;
    if (printed?.kind !== 'number' || (meaning.kind !== 'count' && meaning.kind !== 'record')) continue;
    if (printed.value >= 1 && printed.value < rules.threshold) {
      packageFindings.push({
        severity: 'fail',
        ...figureWhere(figure),
        message: `Deze telling staat er als ${printed.value}: minstens 1 en minder dan de drempel ${rules.threshold}.`,
      });
    }
  }
  try {
    // Differences of shares are linear once both denominators are pinned: settle those first.
    let constraints: readonly RangedConstraint[] = system.constraints;
    if (system.differences.length > 0) {
      const denominators = new RequestSet();
      const positions = system.differences.map(
        (difference) => [denominators.add(difference.minuend.denominator), denominators.add(difference.subtrahend.denominator)] as const,
      );
      const intervals = attackerIntervals(system.variables.length, constraints, denominators.requests, options);
      const added: RangedConstraint[] = [];
      const unpinned = new Map<string, SystemFigure[]>();
      system.differences.forEach((difference, index) => {
        const [first, second] = (positions[index] as readonly [number, number]).map((position) => intervals[position] as TargetInterval);
        const pinned = (interval: TargetInterval | undefined): interval is TargetInterval =>
          interval !== undefined && interval.lower === interval.upper && interval.lower > 0;
        if (pinned(first) && pinned(second)) added.push(differenceConstraint(difference, first.lower, second.lower));
        else {
          const key = `${difference.figure.package}\u0000${difference.figure.output}`;
          unpinned.set(key, [...(unpinned.get(key) ?? []), difference.figure]);
        }
      });
      // One warning per output, at its first such cell: a rounded package has one in every row.
      for (const figures of unpinned.values()) {
        const first = figures[0] as SystemFigure;
        const more = figures.length > 1 ? ` (${figures.length} cellen in deze uitvoer, de eerste hier)` : '';
        packageFindings.push({
          severity: 'warning',
          ...figureWhere(first),
          message: `Verschil van aandelen over noemers die niet vastliggen${more}: niet lineair, dus niet meegenomen in het stelsel van de aanvaller.`,
        });
      }
      constraints = [...constraints, ...added];
    }

    const requests = new RequestSet();
    const hiddenRequests: { figure: SystemFigure; request: number; conceded: number }[] = [];
    const inputRequests: { figure: SystemFigure; requests: number[] }[] = [];
    const unitRequests: { figure: SystemFigure; request: number }[] = [];
    for (const figure of system.figures) {
      const target = hiddenTarget(figure);
      if (target) hiddenRequests.push({ figure, request: requests.add(target.target), conceded: target.conceded });
      const shown = figure.printed === null || figure.printed.kind === 'number' || figure.printed.kind === 'below' || figure.printed.kind === 'text';
      if (!shown) continue;
      if (figure.meaning.kind === 'statistic') inputRequests.push({ figure, requests: figure.meaning.inputs.map((input) => requests.add(input)) });
      if (figure.meaning.kind === 'amount') unitRequests.push({ figure, request: requests.add(figure.meaning.units) });
    }
    const classRequests = system.classTargets.map((target) => requests.add(target.expression, (knowledge, solved) => classSettled(knowledge, solved, rules)));
    let statistics: IntervalStatistics | null = null;
    const intervals = attackerIntervals(system.variables.length, constraints, requests.requests, options, (value) => (statistics = value));
    const at = (index: number): TargetInterval => intervals[index] as TargetInterval;

    const failedTargets = new Set<string>();
    for (const { figure, request, conceded } of hiddenRequests) {
      const interval = at(request);
      const pass = hiddenCellPasses(interval, rules, conceded);
      if (!pass) failedTargets.add(expressionKey(requests.requests[request]?.target ?? []));
      hidden.set(figure, {
        output: figure.output,
        row: figure.row as number,
        column: figure.column as number,
        label: figure.label,
        lower: interval.lower,
        upper: interval.upper === Infinity ? null : interval.upper,
        integerVerified: interval.integerVerified,
        pass,
      });
    }
    for (const { figure, requests: inputs } of inputRequests) {
      const loose = inputs.map(at).find((interval) => interval.lower !== interval.upper);
      if (loose !== undefined) {
        packageFindings.push({
          severity: 'fail',
          ...figureWhere(figure),
          message:
            `${figure.meaning.kind === 'statistic' ? STATISTIC_NAME[figure.meaning.statistic] : 'Deze toets'} hangt af van een telling die niet ` +
            `gepubliceerd is (de aanvaller weet alleen ${intervalText(loose)}); bij volle precisie kan hij die telling prijsgeven.`,
        });
      }
    }
    for (const { figure, request } of unitRequests) {
      const interval = at(request);
      if (interval.lower === interval.upper && interval.lower < rules.threshold) {
        packageFindings.push({
          severity: 'fail',
          ...figureWhere(figure),
          message: `Dit bedrag is berekend over ${interval.lower} eenheden, minder dan de drempel ${rules.threshold}.`,
        });
      } else if (interval.upper < rules.threshold) {
        packageFindings.push({
          severity: 'fail',
          ...figureWhere(figure),
          message: `Dit bedrag is berekend over minder dan ${rules.threshold} eenheden (${intervalText(interval)}).`,
        });
      } else if (interval.lower !== interval.upper) {
        // A statistic's own rule (enough units) is checked where it is made; the package need not print its units.
        packageFindings.push({
          severity: 'warning',
          ...figureWhere(figure),
          message:
            `Het aantal eenheden waarover dit bedrag berekend is, staat niet in het pakket (${intervalText(interval)}); ` +
            'de drempel is bij het maken gecontroleerd.',
        });
      }
    }
    system.classTargets.forEach((target, index) => {
      const interval = at(classRequests[index] as number);
      if (!classFails(interval, rules) || failedTargets.has(expressionKey(target.expression))) return;
      smallClasses += 1;
      groupFindings.push({
        severity: 'fail',
        message:
          `Zeker kleine groep: ${target.label} ligt voor de aanvaller in ${intervalText(interval)}${interval.integerVerified ? '' : ' (LP-grens)'}: ` +
          `zeker minstens 1 en minder dan ${rules.threshold}.`,
      });
    });
    return finish(statistics, system.classTargets.length);
  } catch (error) {
    if (error instanceof SystemTooLargeError) {
      tooLarge = { variables: error.variables, rows: error.rows };
      groupFindings.push({ severity: 'fail', message: `${error.message} Deze pakketten zijn daarom niet samen gecontroleerd.` });
      return finish(null, 0, false);
    }
    if (!(error instanceof InconsistentSystemError)) throw error;
    groupFindings.push({ severity: 'fail', message: `${error.message} Het pakket kan zo niet worden gecontroleerd.` });
    return finish(null, 0, false);
  }
}
