// Ctrl-C on the command line: the first press aborts (after the caller's notice), a second exits 130, dispose stops listening.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interruptOnCtrlC } from '../../src-main/cli/interrupt-signal';

afterEach(() => vi.restoreAllMocks());

describe('interruptOnCtrlC', () => {
  it('aborts on the first Ctrl-C, after telling the caller', () => {
    const before = process.listenerCount('SIGINT');
    const notices: boolean[] = [];
    const interrupt = interruptOnCtrlC(() => notices.push(interrupt.signal.aborted));
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(interrupt.signal.aborted).toBe(false);
    process.emit('SIGINT', 'SIGINT');
    expect(interrupt.signal.aborted).toBe(true);
    expect(notices).toEqual([false]);
    interrupt.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('exits with 130 on a second Ctrl-C while the job cleans up', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const interrupt = interruptOnCtrlC();
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT', 'SIGINT');
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      interrupt.dispose();
    }
  });

  it('no longer reacts once disposed', () => {
    const interrupt = interruptOnCtrlC();
    interrupt.dispose();
    const listener = vi.fn();
    process.on('SIGINT', listener);
    process.emit('SIGINT', 'SIGINT');
    process.off('SIGINT', listener);
    expect(interrupt.signal.aborted).toBe(false);
  });
});
