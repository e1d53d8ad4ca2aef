import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as compareEntry from '../src/compare/index.js';
import * as slaclock from '../src/index.js';
import * as regions from '../src/regions/index.js';
import * as timersEntry from '../src/timers/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

const ENTRIES = {
  slaclock: { file: '../src/index.ts', module: slaclock },
  'slaclock/regions': { file: '../src/regions/index.ts', module: regions },
  'slaclock/compare': { file: '../src/compare/index.ts', module: compareEntry },
  'slaclock/timers': { file: '../src/timers/index.ts', module: timersEntry },
} as const;

describe.each(Object.entries(ENTRIES))('docs/api.md stays in step with the exports of %s', (entry, { file, module }) => {
  const reference = read('../docs/api.md');
  // The entry's section: from its heading to the next entry heading.
  const section = reference.split(/^## Entry /m).find((part) => part.startsWith(`\`${entry}\``)) ?? '';
  // Every name in the entry file's export lists, values and types alike.
  const exported = [...read(file).matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] as string)
      .split(',')
      .map((name) => name.replace(/\btype\b/, '').trim())
      .filter(Boolean),
  );

  it('finds its section and the exports it checks', () => {
    expect(section.length).toBeGreaterThan(100);
    expect(exported).toEqual(expect.arrayContaining(Object.keys(module)));
  });

  it.each(exported)('documents %s', (name) => {
    expect(section).toContain(`\`${name}`);
  });
});

describe('docs/policy.schema.json', () => {
  it('is the schema policyJsonSchema() returns', () => {
    expect(JSON.parse(read('../docs/policy.schema.json'))).toEqual(slaclock.policyJsonSchema());
  });
});
