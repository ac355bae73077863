// A progress bar on stderr: one updating line on a terminal, a plain line per 10 % step in a log.

export interface ProgressState {
  /** Share done, 0..1. */
  fraction: number;
  persons: number;
  elapsedMs: number;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface ProgressReporter {
  update(fraction: number, persons: number): void;
  /** Ends the bar: a completed run shows 100 %; an aborted one keeps its last state. */
  finish(completed: boolean): void;
}

const BAR_WIDTH = 10;
const TTY_INTERVAL_MS = 200;

/** 512340 -> "512.340" (Dutch thousands separator), independent of the machine's locale. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 12 s, 4 min 05 s, 1 h 02 min. */
export function formatElapsed(elapsedMs: number): string {
  const seconds = Math.floor(elapsedMs / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} u ${String(minutes % 60).padStart(2, '0')} min`;
}

/** `[#####-----]  45 %  512.340 personen  12 s` */
export function formatProgressLine(state: ProgressState): string {
  const fraction = Math.min(1, Math.max(0, state.fraction));
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = String(Math.floor(fraction * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${percent} %  ${formatCount(state.persons)} personen  ${formatElapsed(state.elapsedMs)}`;
}

/** Throttled to about five redraws a second on a terminal; a log gets a line at 0, 10, ... 100 %. */
export function createProgressReporter(stream: ProgressStream, now: () => number = Date.now): ProgressReporter {
  const started = now();
  const tty = stream.isTTY === true;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLength = 0;
  let lastStep = -1;
  let last: ProgressState = { fraction: 0, persons: 0, elapsedMs: 0 };
  let finished = false;

  const draw = (): void => {
    const line = formatProgressLine(last);
    stream.write(`\r${line.padEnd(lastLength)}`);
    lastLength = line.length;
  };

  return {
    update(fraction, persons) {
      if (finished) return;
      const time = now();
      last = { fraction, persons, elapsedMs: time - started };
      if (tty) {
        if (time - lastDraw < TTY_INTERVAL_MS) return;
        lastDraw = time;
        draw();
        return;
      }
      const step = Math.floor(Math.min(1, Math.max(0, fraction)) * 10);
      if (step <= lastStep) return;
      lastStep = step;
      stream.write(`${formatProgressLine(last)}\n`);
    },
    finish(completed) {
      if (finished) return;
      finished = true;
      if (completed) last = { ...last, fraction: 1, elapsedMs: now() - started };
      if (tty) {
        draw();
        stream.write('\n');
      } else if (completed && lastStep < 10) {
        stream.write(`${formatProgressLine(last)}\n`);
      }
    },
  };
}
