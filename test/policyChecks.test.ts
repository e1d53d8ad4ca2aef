// compilePolicy and withContract check a policy's shape with precompiled checks
// (src/policy/shape.ts) instead of zod. Their issues must be exactly the zod bridge's for
// the schemas they replaced: the zod schemas (src/policy/schema.ts, which policyJsonSchema
// still uses, with their unions named as before: test/support/zodPolicySchemas.ts) are the
// oracle, and every generated value gets the same issues from both, in the same order, with
// the same code, path, message, expected, received and keys. The values are mutations of
// the five built-in policies and of a policy with every field (fields deleted, renamed,
// replaced by hostile values or by other parts of a policy, keys added), and conditions
// and targets built from their parts, where the unions decide which branch to report.
// test/policyShapeMessages.test.ts pins the message text of each way a union reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { CATALOG } from '../src/catalog/index.js';
import { contractTermsShape, policyShape } from '../src/policy/shape.js';
import { issuesOf, type Check } from '../src/util/checks.js';
import { clause, everyField, everyTerm, read, withPart, type Path } from './support/everyField.js';
import { zodIssues } from './support/zodBridge.js';
import { zodPolicySchemas } from './support/zodPolicySchemas.js';


const leaf = fc.oneof(
  fc.constantFrom('PT4H', 'P1D', '2026-12-25', '2026-1-5', 'end-of-day', 'End-of-day', 'note', 'office', 'round-the-clock', 'phone', 'gold', 'fact', ''),
  fc.constantFrom(null, undefined, true, false, 0, -1, 1, 2, 1.5, 100, 101, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 10n),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 40 }),
  fc.double({ min: -50, max: 150, noNaN: true }),
  fc.date({ noInvalidDate: false }),
);
const KEYS = ['fact', 'equals', 'in', 'exists', 'gt', 'within', 'days', 'years', 'all', 'any', 'not', 'duration', 'businessDays', 'rule', 'clause', 'source', 'text', 'id', 'x', 'Fact', 'length'];
const value = fc.letrec<{ any: unknown }>((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), tie('any'), { maxKeys: 3, noNullPrototype: true })),
})).any;

/** Every path in `root`, the root first. */
function pathsOf(root: unknown, path: Path = []): Path[] {
  if (root === null || typeof root !== 'object') return [path];
  const children = Array.isArray(root) ? root.map((child, index) => [index, child] as const) : Object.entries(root);
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

/** A typo of `key`, or another key: what a person writing the JSON by hand gets wrong. */
const typoOf = (key: string, variant: number) => [key.toUpperCase(), key.slice(0, -1), `${key}s`, 'extra', 'length', key.replace(/[aeiou]/, '')][variant % 6] as string;

interface Mutation {
  at: number;
  kind: number;
  replacement: unknown;
  donor: number;
}

const MUTATION_KINDS = 6;
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), kind: fc.nat(MUTATION_KINDS - 1), replacement: value, donor: fc.nat() });

/** The paths of a base, under `value` (so that the root itself can be replaced), computed once per base. */
const basePaths = new Map<unknown, Path[]>();
function pathsUnderValue(base: unknown): Path[] {
  let paths = basePaths.get(base);
  if (paths === undefined) basePaths.set(base, (paths = pathsOf(base).map((path): Path => ['value', ...path])));
  return paths;
}

/**
 * `base` with `mutations` applied one after the other, each at one of its paths (taken
 * modulo their count; one that an earlier mutation removed is skipped): replaced by a
 * hostile value or by another part of the policy, deleted, renamed, given an unknown key
 * beside it, or emptied.
 */
function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const root = { value: structuredClone(base) as unknown };
  const paths = pathsUnderValue(base);
  for (const { at, kind, replacement, donor } of mutations) {
    const path = paths[at % paths.length] as Path;
    const key = path[path.length - 1] as string | number;
    const parent = read(root, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const current = parent[key];
    if (kind === 0) parent[key] = replacement;
    else if (kind === 1) parent[key] = structuredClone(read({ value: base }, paths[donor % paths.length] as Path));
    else if (kind === 2 && !Array.isArray(parent) && path.length > 1) delete parent[key];
    else if (kind === 3 && !Array.isArray(parent) && path.length > 1) {
      parent[typoOf(String(key), donor)] = current;
      delete parent[key];
    } else if (kind === 4 && current !== null && typeof current === 'object' && !Array.isArray(current)) (current as Record<string, unknown>)[typoOf(Object.keys(current)[0] ?? 'x', donor)] = replacement;
    else if (kind === 5) parent[key] = Array.isArray(current) ? [] : typeof current === 'string' ? '' : typeof current === 'number' ? [current + 0.5, -current, 1e300][donor % 3] : [current];
    else parent[key] = replacement;
  }
  return root.value;
}

const policies = fc.constantFrom<unknown>(everyField, ...CATALOG);
const mutatedPolicy = fc.tuple(policies, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([base, mutations]) => mutate(base, mutations));
const mutatedTerms = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutate(everyTerm, mutations));

/** Conditions built from their parts: valid ones, near-valid ones (a wrong value, a key too many or too few), nested. */
const condition = fc.letrec<{ condition: unknown }>((tie) => {
  const factValue = fc.oneof(fc.constantFrom('x', 2, true, ''), leaf);
  const tests = fc.oneof(
    fc.record({ equals: factValue }),
    fc.record({ in: fc.oneof(fc.array(factValue, { maxLength: 3 }), leaf) }),
    fc.record({ exists: fc.oneof(fc.boolean(), leaf) }),
    fc.tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte'), fc.oneof(fc.integer(), leaf)).map(([op, bound]) => ({ [op]: bound })),
    fc.record({ within: fc.oneof(fc.record({ days: fc.oneof(fc.integer({ min: -1, max: 30 }), leaf) }), fc.record({ years: fc.oneof(fc.integer({ min: -1, max: 3 }), leaf) }), value) }),
    fc.record({ noticeBusinessDays: fc.oneof(fc.integer({ min: -1, max: 9 }), leaf), clock: fc.oneof(fc.constant('office'), leaf) }, { requiredKeys: [] }),
  );
  const factTest = fc
    .tuple(fc.record({ fact: fc.oneof(fc.constantFrom('product', ''), leaf) }, { requiredKeys: [] }), tests, fc.dictionary(fc.constantFrom(...KEYS), factValue, { maxKeys: 2, noNullPrototype: true }))
    .map(([fact, test, extra]) => ({ ...extra, ...fact, ...test }));
  const list = fc.oneof(fc.array(tie('condition'), { maxLength: 3 }), leaf);
  return {
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      factTest,
      fc.dictionary(fc.string({ maxLength: 4 }), factValue, { maxKeys: 3, noNullPrototype: true }),
      fc.record({ all: list }),
      fc.record({ any: list }),
      fc.record({ not: tie('condition') }),
      fc.tuple(fc.record({ all: list }), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 2, noNullPrototype: true })).map(([all, extra]) => ({ ...extra, ...all })),
      value,
    ),
  };
}).condition;

/** Targets built from their parts, with channel targets inside. */
const target = fc.letrec<{ target: unknown }>((tie) => ({
  target: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        duration: fc.oneof(fc.constant('PT4H'), leaf),
        businessDays: fc.oneof(fc.integer({ min: -1, max: 5 }), leaf),
        rule: fc.oneof(fc.constantFrom('end-of-day', 'same-time', 'Same-time'), leaf),
        clause: fc.oneof(fc.constant(clause), value),
        clock: leaf,
        attainment: fc.oneof(fc.constantFrom(0, 50, 100, 100.5), leaf),
        byChannel: fc.oneof(fc.dictionary(fc.constantFrom('phone', 'email'), tie('target'), { maxKeys: 2, noNullPrototype: true }), leaf),
        x: value,
      },
      { requiredKeys: [] },
    ),
    value,
  ),
})).target;

const fieldPaths = pathsOf(everyField.versions[0]).filter((path) => path.length > 0);

const cases: Record<string, { check: Check; oracle: z.ZodMiniType; values: fc.Arbitrary<unknown> }> = {
  'each field of a policy, given a hostile value': {
    check: policyShape,
    oracle: zodPolicySchemas.policy,
    values: fc.tuple(fc.constantFrom(...fieldPaths), fc.oneof(leaf, value)).map(([path, part]) => withPart(path, part)),
  },
  'mutated policies (the five built-in ones and one with every field)': { check: policyShape, oracle: zodPolicySchemas.policy, values: mutatedPolicy },
  'conditions (as a scope rule and a routing rule)': {
    check: policyShape,
    oracle: zodPolicySchemas.policy,
    values: fc.tuple(condition, fc.boolean()).map(([part, routing]) => withPart(routing ? ['routing', 'rules', 0, 'when'] : ['scope', 0, 'when'], part)),
  },
  'targets (of a severity, of a metric, of a channel)': {
    check: policyShape,
    oracle: zodPolicySchemas.policy,
    values: fc.tuple(target, fc.nat(2)).map(([part, at]) => withPart([['plans', 0, 'targets', 2], ['plans', 0, 'metrics', 'resolution', 1], ['plans', 0, 'targets', 1, 'byChannel', 'email']][at] as Path, part)),
  },
  'mutated contract terms': { check: contractTermsShape, oracle: zodPolicySchemas.contractTerms, values: mutatedTerms },
};

describe('precompiled policy checks give exactly the issues of the zod schemas they replaced', () => {
  it('the policy with every field and the contract terms pass both', () => {
    expect(issuesOf(policyShape, everyField)).toEqual([]);
    expect(zodIssues(zodPolicySchemas.policy, everyField, [])).toEqual([]);
    expect(issuesOf(contractTermsShape, everyTerm)).toEqual([]);
    expect(zodIssues(zodPolicySchemas.contractTerms, everyTerm, [])).toEqual([]);
  });

  it.each(Object.keys(cases))('%s', (name) => {
    const { check, oracle, values } = cases[name] as (typeof cases)[string];
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: values }, { weight: 1, arbitrary: value }), fc.constantFrom([], ['policy']), (input, path) => {
        expect(issuesOf(check, input, path)).toStrictEqual(zodIssues(oracle, input, path));
      }),
      { numRuns: 1500 },
    );
  });

  it('the generated values reach every kind of issue and every way a union reports (so the comparison above is not vacuous)', () => {
    const messages: string[] = [];
    for (const { check, values } of Object.values(cases)) {
      for (const input of fc.sample(values, { numRuns: 300, seed: 11 })) {
        for (const issue of issuesOf(check, input)) messages.push(issue.keys !== undefined && issue.expected === undefined ? `[bare] ${issue.message}` : issue.message);
      }
    }
    const reached = (pattern: RegExp) => messages.filter((message) => pattern.test(message)).length;
    expect(reached(/^Missing required/)).toBeGreaterThan(5);
    expect(reached(/^Unknown field .*did you mean/)).toBeGreaterThan(5);
    expect(reached(/^\[bare\] Unknown field/)).toBeGreaterThan(5); // a union's one branch with soft problems only
    expect(reached(/^Expected one of "/)).toBeGreaterThan(5);
    expect(reached(/^Expected at least 1 (item|character)/)).toBeGreaterThan(1);
    expect(reached(/^Expected a number (>|<)/)).toBeGreaterThan(3);
    expect(reached(/^Expected an integer/)).toBeGreaterThan(3);
    expect(reached(/^Expected a date "YYYY-MM-DD"/)).toBeGreaterThan(1);
    expect(reached(/^Expected a condition \{/)).toBeGreaterThan(5);
    expect(reached(/^Expected a response target \{/)).toBeGreaterThan(5);
    expect(reached(/^Expected a string, a number or a boolean, got/)).toBeGreaterThan(3);
    // (`Expected one of the accepted forms`, the within union's, never shows: the plain record branch ties with it.)
  });
});
