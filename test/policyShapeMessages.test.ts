// The exact text of the issues of a malformed policy or contract terms, for each way the
// shape's unions report (test/policyChecks.test.ts proves the issues are the zod schemas'
// on generated values; these pin the words), and the one deliberate difference.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compilePolicy, getPolicy, withContract } from '../src/index.js';
import { policyShape } from '../src/policy/shape.js';
import { issuesOf } from '../src/util/checks.js';
import { errorOf } from './support/errors.js';
import { clause, withPart } from './support/everyField.js';
import { isLengthAfterType, zodIssues } from './support/zodBridge.js';
import { zodPolicySchemas } from './support/zodPolicySchemas.js';

describe('policy shape messages (exact text)', () => {
  const messagesOf = (policy: unknown) => errorOf(() => compilePolicy(policy)).issues.map((issue) => `${issue.message} @ ${issue.path.join('.')}`);
  const scopeRule = (when: unknown) => withPart(['scope'], [{ id: 'r', when, effect: 'note', clause }]);
  const conditionForms = 'a condition { fact, equals | in | exists | gt | gte | lt | lte | within | noticeBusinessDays }, { all: [...] }, { any: [...] }, { not: condition } or { fact: value, ... }';
  const targetForms = 'a response target { duration: "PT4H", clause } or { businessDays, rule, clause }, or null';

  it.each<[string, unknown, string[]]>([
    // Every branch of the condition union fails in kind: one message naming the forms.
    ['a condition that is a number', scopeRule(5), [`Expected ${conditionForms}, got number 5 @ versions.0.scope.0.when`]],
    // Two branches tie with one issue each ({ fact, equals } and the plain record): the forms again.
    ['a fact test whose value is null', scopeRule({ fact: 'tier', equals: null }), [`Expected ${conditionForms}, got object {"fact":"tier","equals":null} @ versions.0.scope.0.when`]],
    // Only the { fact, within } branch has soft problems only (a bound): its issue.
    ['a window of minus one day', scopeRule({ fact: 'closedAt', within: { days: -1 } }), ['Expected a number >= 0, got -1 @ versions.0.scope.0.when.within.days']],
    // The same for an unknown key beside a right { fact, within }: no "did you mean", as before.
    ['an unknown key beside a window', scopeRule({ fact: 'closedAt', within: { days: 1 }, note: [] }), ['Unknown field "note" @ versions.0.scope.0.when']],
    // The plain record branch alone has the fewest issues (one, below the value): it is reported.
    ['an all that is not a list, beside a fact of no kind', scopeRule({ all: 'x', tier: null }), ['Expected a string, a number or a boolean, got null @ versions.0.scope.0.when.tier']],
    // The { duration } branch has one issue, the { businessDays, rule } branch three: the first is reported.
    ['a duration that is a number', withPart(['plans', 0, 'targets', 2], { duration: 5, clause }), ['Expected a string, got number 5 @ versions.0.plans.0.targets.2.duration']],
    ['a target that is a number', withPart(['plans', 0, 'targets', 2], 5), [`Expected ${targetForms}, got number 5 @ versions.0.plans.0.targets.2`]],
    ['an attainment of zero', withPart(['plans', 0, 'targets', 2], { duration: 'PT4H', clause, attainment: 0 }), ['Expected a number > 0, got 0 @ versions.0.plans.0.targets.2.attainment']],
    ['a business-day rule in the wrong case', withPart(['plans', 0, 'targets', 2], { businessDays: 1, rule: 'Same-time', clause }), ['Expected one of "end-of-day", "same-time", "start-of-day", got "Same-time" (did you mean "same-time"?) @ versions.0.plans.0.targets.2.rule']],
    ['a reopen window beyond a hundred years', withPart(['tickets', 'reopenWindow', 'days'], 36_501), ['Expected a number <= 36500, got 36501 @ versions.0.tickets.reopenWindow.days']],
    ['a severity level of 1.5', withPart(['severities', 1, 'level'], 1.5), ['Expected an integer, got number 1.5 @ versions.0.severities.1.level']],
    ['an unsafe trial length', withPart(['plans', 0, 'trialDays'], 1e300), ['Expected a number <= 9007199254740991, got 1e+300 @ versions.0.plans.0.trialDays']],
    ['an empty plan id', withPart(['plans', 1, 'id'], ''), ['Expected at least 1 character, got "" @ versions.0.plans.1.id']],
    // The deliberate difference: zod also said "Expected at least 1 character" of the array.
    ['a plan id that is an empty list', withPart(['plans', 1, 'id'], []), ['Expected a string, got array [] @ versions.0.plans.1.id']],
  ])('%s', (_label, policy, expected) => {
    expect(messagesOf(policy)).toEqual(expected);
  });

  it('contract terms with a typo are rejected with the path', () => {
    const terms = { clause, plans: { standard: { target: { 1: { duration: 'PT1H', clause } } } } };
    expect(errorOf(() => withContract(getPolicy('cirrus-identity'), terms as never)).issues.map((issue) => `${issue.message} @ ${issue.path.join('.')}`)).toEqual([
      'Unknown field "target" (did you mean "targets"?) @ plans.standard',
    ]);
  });

  it('the one deliberate difference exists in zod: a length check after a rejected type, which the bridge of the oracle drops', () => {
    const policy = withPart(['plans', 1, 'id'], []);
    const raw = z.safeParse(zodPolicySchemas.policy, policy).error?.issues ?? [];
    expect(raw.map((issue) => issue.code)).toEqual(['invalid_type', 'too_small']);
    expect(isLengthAfterType(raw[1] as z.core.$ZodIssue, raw[0])).toBe(true);
    expect(issuesOf(policyShape, policy)).toHaveLength(1);
    expect(zodIssues(zodPolicySchemas.policy, policy)).toEqual(issuesOf(policyShape, policy));
  });
});
