import { withPathPrefix } from '../errors.js';
import type { CompiledPolicy } from '../policy/compile.js';
import type { PolicySpec } from '../policy/types.js';
import { compileEntryPolicy, type CompareEntry } from './engine.js';

/**
 * Every plan of a policy as comparison entries, lowest tier first, from the newest
 * version (older versions' plans that it dropped come last): an add-on plan once per
 * base plan it can be added to, since its clock is the base plan's
 * (`premier` on `standard`, `premier` on `24x7`).
 *
 * @throws {SlaclockError} `unknown_policy`, or any policy error for a spec.
 * @example
 * ```ts
 * import { planEntries } from 'slaclock/compare';
 * planEntries('one-identity').map((entry) => entry.basePlan ? `${entry.plan} on ${entry.basePlan}` : entry.plan);
 * // ['trial', 'standard', '24x7', 'premier on standard', 'premier on 24x7']
 * ```
 */
export function planEntries(policy: string | PolicySpec | CompiledPolicy): CompareEntry[] {
  const compiled = withPathPrefix(['policy'], () => compileEntryPolicy(policy));
  const versions = [...compiled.versions].reverse();
  const seen = new Set<string>();
  const entries: CompareEntry[] = [];
  for (const version of versions) {
    const plans = [...version.plans.values()].sort((a, b) => a.spec.tier - b.spec.tier);
    for (const plan of plans) {
      if (seen.has(plan.spec.id)) continue;
      seen.add(plan.spec.id);
      const bases = plan.spec.requiresAnyOf ?? [];
      if (bases.length === 0) entries.push({ policy: compiled, plan: plan.spec.id });
      else for (const basePlan of bases) entries.push({ policy: compiled, plan: plan.spec.id, basePlan });
    }
  }
  return entries;
}
