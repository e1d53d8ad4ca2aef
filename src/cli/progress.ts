// A progress bar on standard error, drawn only when it is a terminal.
import type { CliIo } from './io.js';

const WIDTH = 30;
const EVERY_MS = 100;

/** A progress bar over `total` bytes; silent unless `io.errIsTTY`. */
export interface Progress {
  update(bytes: number, cases: number): void;
  done(): void;
}

/** Draws `[#####.....]  45%  120,000 cases` at most ten times a second, and clears it when done. */
export function createProgress(io: CliIo, total: number, clock: () => number = Date.now): Progress {
  if (io.errIsTTY !== true || total <= 0) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(bytes, cases) {
      const now = clock();
      if (now - last < EVERY_MS) return;
      last = now;
      const share = Math.min(1, bytes / total);
      const filled = Math.round(share * WIDTH);
      io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${cases.toLocaleString('en-US')} cases`);
      drawn = true;
    },
    done() {
      if (drawn) io.err(`\r${' '.repeat(WIDTH + 40)}\r`);
    },
  };
}
