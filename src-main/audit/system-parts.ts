// The parts of the attacker's linear system: its variables, the printed figures in their terms, the cell classes it
// checks, the differences it settles later, and what the phases that build it add to.
import type { Finding } from './audit-findings';
import type { LinearExpression, RangedConstraint } from './linear-expression';
import type { PrintedValue } from './read-package';

export interface SystemVariable {
  /** Dutch: which households (or records) the variable counts. */
  readonly label: string;
}

export interface ShareMeaning {
  readonly numerator: LinearExpression;
  readonly denominator: LinearExpression;
}

/** A figure in terms of the variables. Counts, shares and records are linear; the rest only names its inputs. */
export type FigureMeaning =
  | { readonly kind: 'count'; readonly expression: LinearExpression }
  | ({ readonly kind: 'share' } & ShareMeaning)
  | ({ readonly kind: 'shareAtLeast'; readonly floor: number } & ShareMeaning)
  | { readonly kind: 'difference'; readonly minuend: ShareMeaning; readonly subtrahend: ShareMeaning }
  | { readonly kind: 'record'; readonly expression: LinearExpression }
  | { readonly kind: 'statistic'; readonly statistic: 'residual' | 'chiSquare' | 'vTest' | 'pValue'; readonly inputs: readonly LinearExpression[] }
  | { readonly kind: 'amount'; readonly units: LinearExpression }
  | { readonly kind: 'model' };

export interface SystemFigure {
  readonly packageIndex: number;
  readonly package: string;
  readonly output: string;
  /** Null for a figure printed in an output's notes. */
  readonly row: number | null;
  readonly column: number | null;
  readonly label: string;
  /** Null for a figure in the notes: the package holds no value for it. */
  readonly printed: PrintedValue | null;
  readonly meaning: FigureMeaning;
}

/** A cell class the audit checks for being certainly small: one variable. */
export interface ClassTarget {
  readonly label: string;
  readonly expression: LinearExpression;
}

/** A printed difference of two shares, linear only once both denominators are known to be pinned. */
export interface PendingDifference {
  readonly figure: SystemFigure;
  readonly minuend: ShareMeaning;
  readonly subtrahend: ShareMeaning;
  /** The printed difference in percentage points, and how far the true difference may lie from it. */
  readonly value: number;
  readonly halfWidth: number;
}

/** What the phases of buildAttackerSystem add to, in the order they run. */
export interface SystemBuilder {
  readonly constraints: RangedConstraint[];
  readonly findings: Finding[];
  readonly classTargets: ClassTarget[];
  /** A new variable counting what `label` says; returns its index. */
  readonly newVariable: (label: string) => number;
}
