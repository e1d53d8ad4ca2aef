// The built library where Node's APIs do not exist: an edge runtime (Vercel's EdgeVM, with
// eval and new Function switched off as on edge platforms), a bare JavaScript context
// (only the language's built-ins, Intl and V8's console: no process, require, Buffer,
// timers or encoders) for the core entry, and that context with timers for slaclock/regions.
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

/**
 * Deadlines from each entry, worked by hand (see test/package/package.test.ts):
 * JumpCloud Standard severity 1 opened Wed 2026-11-25 15:00 MST is due Fri 11:00 MST
 * (Thanksgiving closed); Munich 09:00-17:00 with DE-BY holidays (or, for the core entry
 * alone, with the same two Christmas days listed), Thu 2026-12-24 16:00 CET + 2 business
 * hours is Mon 2026-12-28 10:00 CET.
 */
const EXPECTED = { deadline: '2026-11-27T11:00:00.000-07:00', munich: '2026-12-28T09:00:00.000Z', unknownZone: 'unknown_time_zone' };

/** Uses only the core entry, then (when `withRegions`) slaclock/regions too. */
const program = (withRegions: boolean) => `
import { addBusinessTime, compileCalendar, evaluate, getPolicy, SlaclockError, weekdayHours } from 'slaclock';
${withRegions ? "import { holidayRegions } from 'slaclock/regions';" : 'const holidayRegions = undefined;'}
const decision = evaluate(getPolicy('jumpcloud'), {
  plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', account: { contract: 'active', role: 'administrator' },
});
const munich = holidayRegions
  ? compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions })
  : compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ date: '2026-12-25' }, { date: '2026-12-26' }]));
let unknownZone = null;
try { compileCalendar({ timezone: 'Mars/Olympus', week: {} }); } catch (error) { unknownZone = error instanceof SlaclockError ? error.code : String(error); }
globalThis.result = JSON.stringify({
  deadline: decision.firstResponse.deadline,
  munich: addBusinessTime(munich, '2026-12-24T16:00+01:00', { hours: 2 }).toISOString(),
  unknownZone,
});
`;

const scripts = { core: '', withRegions: '' };

/**
 * The program as one classic script, as a browser or edge bundle carries it: the package
 * resolved by its own name through "exports" with the browser conditions, dependencies
 * included. platform 'browser' makes any Node built-in import a build error. The ES module
 * bundle runs in an async function: slaclock/regions loads date-holidays, its optional peer
 * dependency, with a top-level `await import()`. Evaluating the script gives that promise.
 */
async function bundle(withRegions: boolean): Promise<string> {
  const result = await build({
    stdin: { contents: program(withRegions), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return `(async () => {\n${result.outputFiles[0]?.text ?? ''}\n})()`;
}

beforeAll(async () => {
  scripts.core = await bundle(false);
  scripts.withRegions = await bundle(true);
});

describe('runs without Node APIs', () => {
  it('the library files import no Node built-in', () => {
    const library = readdirSync(dist).filter((name) => /\.c?js$/.test(name) && name !== 'cli.js');
    expect(library.length).toBeGreaterThan(6);
    for (const name of library) {
      const code = readFileSync(join(dist, name), 'utf8');
      expect(code, name).not.toMatch(/(?:from|require\(|import\()\s*["'](?:node:|(?:fs|path|os|url|util|vm|module|crypto|zlib|stream|child_process|worker_threads)["'])/);
      expect(code, name).not.toMatch(/\bprocess\.(?:env|version|platform|hrtime)|\bBuffer\.|\b__dirname\b|\bimport\.meta\.url\b/);
    }
  });

  it('in an edge runtime (EdgeVM: no eval, no Node globals)', async () => {
    const edge = new EdgeVM();
    expect(edge.evaluate('typeof require + typeof Buffer')).toBe('undefinedundefined');
    expect(() => edge.evaluate('new Function("return 1")()')).toThrow();
    await edge.evaluate(scripts.withRegions);
    expect(JSON.parse(edge.evaluate('globalThis.result') as string)).toEqual(EXPECTED);
  });

  it('the core entry in a bare JavaScript context (language built-ins, Intl, console)', async () => {
    const sandbox: { result?: string } = {};
    expect(runInNewContext('[typeof process, typeof require, typeof Buffer, typeof setTimeout, typeof TextEncoder, typeof Intl].join()', {})).toBe(
      'undefined,undefined,undefined,undefined,undefined,object',
    );
    await runInNewContext(scripts.core, sandbox);
    expect(JSON.parse(sandbox.result as string)).toEqual(EXPECTED);
  });

  it('with slaclock/regions in a browser-like context (bare, plus the timers every browser has)', async () => {
    // date-holidays' astronomy dependency reads setTimeout when it loads.
    const sandbox: { result?: string; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = { setTimeout, clearTimeout };
    await runInNewContext(scripts.withRegions, sandbox);
    expect(JSON.parse(sandbox.result as string)).toEqual(EXPECTED);
  });
});
