// Internal, the command's build only (tsup.config.ts swaps it in for src/regions/dateHolidays.ts):
// date-holidays and its dependencies ship with the command, bundled, minified and
// brotli-compressed next to it (dist/date-holidays.cjs.br, about 0.2 MB instead of 1.6 MB
// minified or 46 MB installed), so `slaclock compare` works from a plain install while a
// library install stays light. Unpacked on first use only: commands without regions never pay.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import type { HolidaysClass } from '../regions/peer.js';

/** The compressed CommonJS bundle, written by the build next to dist/cli.js. */
export const BUNDLED_DATE_HOLIDAYS = 'date-holidays.cjs.br';

let holidays: HolidaysClass | undefined;

/** The `Holidays` class of the date-holidays copy that ships with the command. */
export function dateHolidays(): HolidaysClass {
  if (holidays === undefined) {
    const file = new URL(`./${BUNDLED_DATE_HOLIDAYS}`, import.meta.url);
    const source = brotliDecompressSync(readFileSync(file)).toString('utf8');
    const module = { exports: {} as unknown };
    const load = runInThisContext(`(function (exports, require, module) {${source}\n})`, { filename: file.pathname }) as (...args: unknown[]) => void;
    load(module.exports, createRequire(file), module);
    const exported = module.exports as HolidaysClass & { default?: HolidaysClass };
    holidays = exported.default ?? exported;
  }
  return holidays;
}
