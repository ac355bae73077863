// The audit: what an attacker who solves every printed figure at once learns about hidden cells, statistics' inputs and small cells.
import type { Finding } from './audit-findings';
import { buildAttackerSystem, differenceConstraint, type AttackerSystem, type SystemFigure } from './attacker-system';
import {
  attackerIntervals,
  DEFAULT_INTERVAL_OPTIONS,
  SystemTooLargeError,
  type IntervalOptions,
  type IntervalRequest,
  type IntervalStatistics,
  type Knowledge,
  type SolvedSides,
  type TargetInterval,
} from './intervals';
import { expressionKey, type LinearExpression, type RangedConstraint } from './linear-expression';
import { InconsistentSystemError } from './presolve';
import type { ReadPackage } from './read-package';

export interface HiddenCellResult {
  readonly output: string;
  readonly row: number;
  readonly column: number;
  readonly label: string;
  /** The attacker's interval for the cell (for a share: its numerator); upper null when nothing bounds it. */
  readonly lower: number;
  readonly upper: number | null;
  /** Both endpoints attained by whole-number solutions (else the interval is the LP's, rounded inwards). */
  readonly integerVerified: boolean;
  readonly pass: boolean;
}

export interface OutputReport {
  readonly id: string;
  readonly csv: string;
  readonly hiddenCells: readonly HiddenCellResult[];
}

export interface PackageReport {
  readonly name: string;
  readonly folder: string;
  readonly dataDigest: string;
  readonly pass: boolean;
  /** False when its figures contradict each other, so no cell could be checked (the findings say why). */
  readonly audited: boolean;
  readonly outputs: readonly OutputReport[];
  readonly findings: readonly Finding[];
}

/** Packages of the same data, audited as one publication. */
export interface GroupReport {
  readonly dataDigest: string;
  readonly packages: readonly string[];
  readonly pass: boolean;
  readonly audited: boolean;
  readonly rules: { readonly threshold: number; readonly protectionLevel: number };
  /** Findings about the group as a whole (cell classes, contradictions). */
  readonly findings: readonly Finding[];
  readonly checkedClasses: number;
  /** Cell classes found certainly small and pinned (each also a failing finding). */
  readonly smallClasses: number;
  readonly statistics: IntervalStatistics | null;
  /** Set when the system was beyond the audit's limits, so nothing could be checked (the group then fails). */
  readonly tooLarge: { readonly variables: number; readonly rows: number } | null;
  readonly milliseconds: number;
}

export interface AuditReport {
  readonly pass: boolean;
  readonly packages: readonly PackageReport[];
  readonly groups: readonly GroupReport[];
}

const STATISTIC_NAME = { residual: 'Dit residu', chiSquare: 'Deze chikwadraattoets', vTest: 'Deze v-test', pValue: 'Deze p-waarde' } as const;

/** A hidden cell fails when the attacker pins it to fewer than the protection level and it could be below the threshold. */
export function hiddenCellPasses(interval: Pick<TargetInterval, 'lower' | 'upper'>, rules: AttackerSystem['rules'], conceded = rules.protectionLevel): boolean {
  return !(interval.upper - interval.lower < Math.min(rules.protectionLevel, conceded) && interval.lower < rules.threshold);
}

/**
 * A cell class (a group of households no printed figure splits) fails when it is certainly small: every count the
 * attacker can reach is at least 1 and below the threshold, so the package says that such a small group exists. A
 * class that may be empty, or may hold the threshold or more, says no such thing (an interval like [2, 11] is no
 * published small count). Hidden cells of the tables have the stricter rule of hiddenCellPasses.
 */
function classVerdict(knowledge: Knowledge, rules: AttackerSystem['rules']): 'pass' | 'fail' | 'open' {
  if (knowledge.lowerAttained <= 0 || knowledge.upperAttained >= rules.threshold || knowledge.lowerProven >= rules.threshold) return 'pass';
  if (knowledge.lowerProven >= 1 && knowledge.upperProven < rules.threshold) return 'fail';
  return 'open';
}

/**
 * Whether classFails can already tell: a verdict from whole-number solutions, or LP bounds that cannot make the class
 * certainly small (it may be empty, or may hold the threshold or more). Only the others need both of their sides.
 */
function classSettled(knowledge: Knowledge, solved: SolvedSides, rules: AttackerSystem['rules']): boolean {
  return (
    classVerdict(knowledge, rules) !== 'open' || (solved.lower && knowledge.lowerProven <= 0) || (solved.upper && knowledge.upperProven >= rules.threshold)
  );
}

function classFails(interval: TargetInterval, rules: AttackerSystem['rules']): boolean {
  const verdict = classVerdict(interval, rules);
  if (verdict !== 'open') return verdict === 'fail';
  // Not settled by whole-number solutions: judge the LP bounds.
  return interval.lower >= 1 && interval.upper < rules.threshold;
}

function intervalText(interval: Pick<TargetInterval, 'lower' | 'upper'>): string {
  return `[${interval.lower}, ${interval.upper === Infinity ? '∞' : interval.upper}]`;
}

/** The cell an attacker would like to know for a hidden figure, and how wide the print itself already leaves it. */
function hiddenTarget(figure: SystemFigure): { target: LinearExpression; conceded: number } | null {
  const { printed, meaning } = figure;
  if (printed === null || figure.row === null) return null;
  const hidden = printed.kind === 'hidden';
  const below = printed.kind === 'below';
  if (meaning.kind === 'count' || meaning.kind === 'record') {
    if (hidden) return { target: meaning.expression, conceded: Infinity };
    // "< 10" concedes [0, 9]: the attacker must not narrow it further (up to the protection level).
    if (below) return { target: meaning.expression, conceded: Math.ceil(printed.value) - 1 };
  }
  if ((meaning.kind === 'share' || meaning.kind === 'shareAtLeast') && hidden) return { target: meaning.numerator, conceded: Infinity };
  return null;
}

function figureWhere(figure: SystemFigure): Pick<Finding, 'package' | 'output' | 'row' | 'column' | 'label'> {
  return {
    package: figure.package,
    output: figure.output,
    ...(figure.row === null ? {} : { row: figure.row }),
    ...(figure.column === null ? {} : { column: figure.column }),
    label: figure.label,
  };
}

/** Requests deduplicated by expression: the same count printed in ten places is solved once. */
class RequestSet {
  readonly requests: IntervalRequest[] = [];
  private readonly index = new Map<string, number>();

  add(target: LinearExpression, settled?: IntervalRequest['settled']): number {
    const key = `${settled === undefined ? 'full' : 'lazy'}|${expressionKey(target)}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const position = this.requests.push(settled === undefined ? { target } : { target, settled }) - 1;
    this.index.set(key, position);
    return position;
  }
}

interface GroupOutcome {
  readonly group: GroupReport;
  readonly hidden: Map<SystemFigure, HiddenCellResult>;
  readonly packageFindings: Finding[];
}

function auditGroup(packages: readonly ReadPackage[], options: IntervalOptions): GroupOutcome {
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
          message: `${figure.meaning.kind === 'statistic' ? STATISTIC_NAME[figure.meaning.statistic] : 'Deze toets'} hangt af van een telling die niet gepubliceerd is (de aanvaller weet alleen ${intervalText(loose)}); bij volle precisie kan hij die telling prijsgeven.`,
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
          message: `Het aantal eenheden waarover dit bedrag berekend is, staat niet in het pakket (${intervalText(interval)}); de drempel is bij het maken gecontroleerd.`,
        });
      }
    }
    system.classTargets.forEach((target, index) => {
      const interval = at(classRequests[index] as number);
      if (!classFails(interval, rules) || failedTargets.has(expressionKey(target.expression))) return;
      smallClasses += 1;
      groupFindings.push({
        severity: 'fail',
        message: `Zeker kleine groep: ${target.label} ligt voor de aanvaller in ${intervalText(interval)}${interval.integerVerified ? '' : ' (LP-grens)'}: zeker minstens 1 en minder dan ${rules.threshold}.`,
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

/**
 * Audits the packages: those with the same dataDigest together (they describe the same households), the others
 * separately. A package passes when none of its hidden cells fails, it has no failing finding and its group passes.
 */
export function auditPackages(given: readonly ReadPackage[], options: IntervalOptions = DEFAULT_INTERVAL_OPTIONS): AuditReport {
  // Reports name a package by its folder's name; two folders of the same name are named by their paths.
  const packages = given.map((item) => (given.filter((other) => other.name === item.name).length > 1 ? { ...item, name: item.folder } : item));
  const byDigest = new Map<string, ReadPackage[]>();
  for (const item of packages) {
    const group = byDigest.get(item.definitions.dataDigest);
    if (group) group.push(item);
    else byDigest.set(item.definitions.dataDigest, [item]);
  }
  const groups: GroupReport[] = [];
  const reports = new Map<ReadPackage, PackageReport>();
  for (const members of byDigest.values()) {
    const outcome = auditGroup(members, options);
    groups.push(outcome.group);
    members.forEach((item) => {
      const findings = outcome.packageFindings.filter((finding) => finding.package === item.name);
      const outputs: OutputReport[] = item.outputs.map((output) => ({
        id: output.id,
        csv: output.csv,
        hiddenCells: [...outcome.hidden].filter(([figure]) => figure.package === item.name && figure.output === output.id).map(([, cell]) => cell),
      }));
      const pass =
        outcome.group.pass &&
        findings.every((finding) => finding.severity !== 'fail') &&
        outputs.every((output) => output.hiddenCells.every((cell) => cell.pass));
      reports.set(item, {
        name: item.name,
        folder: item.folder,
        dataDigest: item.definitions.dataDigest,
        pass,
        audited: outcome.group.audited,
        outputs,
        findings,
      });
    });
  }
  const packageReports = packages.map((item) => reports.get(item) as PackageReport);
  return { pass: groups.every((group) => group.pass) && packageReports.every((report) => report.pass), packages: packageReports, groups };
}
