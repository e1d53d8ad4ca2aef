import type { IssuePath, SlaclockIssue } from '../errors.js';
import { HARD, PASS, SOFT, type Check } from './checks.js';
import { quoteValue } from './describe.js';
import { messages, unknownKeyIssues } from './issues.js';

/**
 * A value that passes any of `branches` (tried in order). One that passes none is
 * reported by the branch the caller most likely meant, as the zod schemas this replaced
 * reported it (test/policyChecks.test.ts holds the two side by side):
 *
 * - the one branch whose problems are all soft (a bound, a format, unknown keys): its
 *   issues, its unknown keys without a "did you mean" (as the zod bridge gave them: it
 *   could not see the keys of a branch zod reported this way);
 * - else the one branch with the fewest issues, unless one of them is about the value
 *   itself (it is of none of the accepted kinds);
 * - else one issue naming the accepted forms: `forms`, or the kinds the branches expect
 *   (`a string, a number or a boolean`).
 *
 * @example
 * ```ts
 * const factValue = union([string(), number(), boolean]);
 * issuesOf(factValue, null); // [{ message: 'Expected a string, a number or a boolean, got null', ... }]
 * ```
 */
export function union(branches: readonly Check[], forms?: string): Check {
  return (value, path, issues) => {
    // Most values pass a branch: probing finds it without building any issue.
    for (const branch of branches) if (branch(value, path) === PASS) return PASS;
    if (issues === undefined) return HARD;
    const failed = branches.map((branch) => {
      const found: SlaclockIssue[] = [];
      return { issues: found, verdict: branch(value, path, found) };
    });
    const soft = failed.filter((branch) => branch.verdict === SOFT);
    if (soft.length === 1) {
      issues.push(...(soft[0] as (typeof soft)[number]).issues.map(withoutKnownKeys));
      return SOFT;
    }
    issues.push(...closestBranch(failed.map((branch) => branch.issues), value, path, forms));
    return HARD;
  };
}

function withoutKnownKeys(issue: SlaclockIssue): SlaclockIssue {
  if (issue.keys === undefined || issue.expected === undefined) return issue;
  return unknownKeyIssues(issue.keys, [], issue.path, issue.code)[0] as SlaclockIssue;
}

function closestBranch(branches: readonly SlaclockIssue[][], value: unknown, path: IssuePath, forms: string | undefined): SlaclockIssue[] {
  const fewest = Math.min(...branches.map((branch) => branch.length));
  const closest = branches.filter((branch) => branch.length === fewest);
  const aboutTheValue = (issue: SlaclockIssue) => issue.path.length === path.length && issue.expected !== undefined && issue.keys === undefined;
  if (closest.length === 1 && !(closest[0] as SlaclockIssue[]).some(aboutTheValue)) return closest[0] as SlaclockIssue[];
  const kinds = [...new Set(branches.map((branch) => branch.find(aboutTheValue)?.expected).filter((kind): kind is string => kind !== undefined))];
  const expected = forms ?? (kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1] as string}` : kinds[0]) ?? 'one of the accepted forms';
  return [{ code: 'invalid_input', path, message: messages.expected(expected, value), expected, received: quoteValue(value) }];
}
