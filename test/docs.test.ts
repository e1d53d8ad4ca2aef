import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as slaclock from '../src/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('docs/api.md stays in step with the exports', () => {
  const reference = read('../docs/api.md');
  // Every name in src/index.ts's export lists, values and types alike.
  const exported = [...read('../src/index.ts').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] as string)
      .split(',')
      .map((name) => name.replace(/\btype\b/, '').trim())
      .filter(Boolean),
  );

  it('finds the exports it checks', () => {
    expect(exported).toEqual(expect.arrayContaining(Object.keys(slaclock)));
  });

  it.each(exported)('documents %s', (name) => {
    expect(reference).toContain(`\`${name}`);
  });
});

describe('docs/policy.schema.json', () => {
  it('is the schema policyJsonSchema() returns', () => {
    expect(JSON.parse(read('../docs/policy.schema.json'))).toEqual(slaclock.policyJsonSchema());
  });
});
