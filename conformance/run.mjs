#!/usr/bin/env node
// The conformance runner: runs every vector in conformance/*.json against an implementation and
// reports the ones whose answer differs. No dependencies; see conformance/README.md.
//
//   node conformance/run.mjs                 # slaclock's built package (dist/), after `npm run build`
//   node conformance/run.mjs ./my-adapter.mjs
//
// An adapter module's default export is an object with one function per operation, each taking
// (calendar, inputs) as written in a vector and returning the answer in the vectors' format
// (instants as ISO-8601 UTC strings with milliseconds, durations in milliseconds, or null).
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const OPERATIONS = ['isOpen', 'nextOpen', 'nextClose', 'addBusinessTime', 'subtractBusinessTime', 'businessTimeBetween', 'addBusinessDays'];

/** The vector files of a directory (default: this one), parsed. */
export function loadVectorFiles(dir = new URL('.', import.meta.url)) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, ...JSON.parse(readFileSync(new URL(name, dir), 'utf8')) }));
}

/** Runs every vector; an exception is an answer too (`{ error }`), which never matches. */
export function runVectors(adapter, files) {
  const failures = [];
  let passed = 0;
  for (const file of files) {
    for (const vector of file.vectors) {
      const operation = adapter[vector.operation];
      let actual;
      try {
        if (typeof operation !== 'function') throw new Error(`the adapter has no ${vector.operation}`);
        actual = operation(vector.calendar, vector.inputs);
      } catch (error) {
        actual = { error: String(error?.message ?? error) };
      }
      if (JSON.stringify(actual) === JSON.stringify(vector.expected)) passed++;
      else failures.push({ id: vector.id, rule: vector.rule, expected: vector.expected, actual });
    }
  }
  return { passed, failures };
}

/** The adapter for slaclock itself, given its module (built or from source). */
export function slaclockAdapter(slaclock) {
  const iso = (date) => (date === null ? null : date.toISOString());
  const timeOptions = (inputs) => ({ ...(inputs.landing ? { landing: inputs.landing } : {}), ...(inputs.pauses ? { pauses: inputs.pauses } : {}) });
  return {
    isOpen: (calendar, { t }) => slaclock.isOpen(calendar, t),
    nextOpen: (calendar, { t }) => iso(slaclock.nextOpen(calendar, t)),
    nextClose: (calendar, { t }) => iso(slaclock.nextClose(calendar, t)),
    addBusinessTime: (calendar, inputs) => iso(slaclock.addBusinessTime(calendar, inputs.start, { milliseconds: inputs.durationMs }, timeOptions(inputs))),
    subtractBusinessTime: (calendar, inputs) => iso(slaclock.subtractBusinessTime(calendar, inputs.start, { milliseconds: inputs.durationMs }, timeOptions(inputs))),
    businessTimeBetween: (calendar, inputs) => slaclock.businessTimeBetween(calendar, inputs.a, inputs.b, inputs.pauses ? { pauses: inputs.pauses } : undefined),
    addBusinessDays: (calendar, inputs) => iso(slaclock.addBusinessDays(calendar, inputs.start, inputs.n, { rule: inputs.rule })),
  };
}

async function main() {
  const [adapterPath] = process.argv.slice(2);
  const adapter = adapterPath
    ? (await import(pathToFileURL(adapterPath).href)).default
    : slaclockAdapter(await import(new URL('../dist/index.js', import.meta.url).href));
  const files = loadVectorFiles();
  const { passed, failures } = runVectors(adapter, files);
  for (const failure of failures) {
    console.log(`FAIL ${failure.id} (${failure.rule}): expected ${JSON.stringify(failure.expected)}, got ${JSON.stringify(failure.actual)}`);
  }
  const total = files.reduce((sum, file) => sum + file.vectors.length, 0);
  console.log(`${passed} of ${total} conformance vectors passed in ${files.length} files${failures.length ? `; ${failures.length} failed` : ''}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
