// The targets of one interval run, deduplicated: the same count printed in ten places is solved once.
import type { IntervalRequest } from './interval-targets';
import { expressionKey, type LinearExpression } from './linear-expression';

/** Requests deduplicated by expression: the same count printed in ten places is solved once. */
export class RequestSet {
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
