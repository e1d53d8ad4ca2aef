// The conformance vectors (conformance/*.json) are current with the reference, and slaclock passes
// every one of them through the same runner another implementation would use.
import { describe, expect, it } from 'vitest';
import * as slaclock from '../src/index.js';
// @ts-expect-error conformance/run.mjs is plain JavaScript without declarations.
import { loadVectorFiles, OPERATIONS, runVectors, slaclockAdapter } from '../conformance/run.mjs';
import { buildVectorFiles } from './support/conformance.js';

interface VectorFile {
  name: string;
  vectors: { id: string; operation: string; rule: string }[];
}

const files = loadVectorFiles() as VectorFile[];

describe('conformance vectors', () => {
  it('are what the reference generates now (npm run conformance:generate)', () => {
    const generated = buildVectorFiles();
    expect(files.map((file) => file.name)).toEqual(Object.keys(generated).sort());
    for (const { name, ...content } of files) expect(content, name).toEqual(generated[name]);
  });

  it('cover every operation, with unique ids', () => {
    const vectors = files.flatMap((file) => file.vectors);
    expect(new Set(vectors.map((v) => v.operation))).toEqual(new Set(OPERATIONS as string[]));
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
  });

  it('all pass on slaclock', () => {
    const { passed, failures } = runVectors(slaclockAdapter(slaclock), files) as { passed: number; failures: unknown[] };
    console.log(`conformance: ${passed} vectors passed in ${files.length} files`);
    expect(failures).toEqual([]);
    expect(passed).toBeGreaterThan(40);
  });

  it('the runner reports a wrong implementation', () => {
    const wrong = { ...slaclockAdapter(slaclock), isOpen: () => true };
    const { failures } = runVectors(wrong, files) as { failures: { id: string }[] };
    expect(failures.map((f) => f.id)).toContain('intervals/half-open-end');
  });
});
