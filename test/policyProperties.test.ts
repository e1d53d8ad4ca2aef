import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, compilePolicy, evaluate, getPolicy, listPolicies, versionAt, weekdayHours, type Calendar, type CalendarSpec } from '../src/index.js';
import { holidayRegions } from '../src/regions/index.js';

const customers: (Calendar | CalendarSpec)[] = [
  weekdayHours('America/Denver', '09:00', '17:00', [{ preset: 'us-federal' }]),
  compileCalendar(weekdayHours('Europe/Berlin', '08:00', '18:00', [{ region: 'DE-BY' }]), { holidayRegions }),
  weekdayHours('Australia/Sydney', '09:00', '17:00'),
  weekdayHours('Asia/Kolkata', '09:30', '18:30'),
];
const instant = fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2028, 11, 31) });

describe.each(listPolicies().map((summary) => summary.id))('catalog policy %s', (id) => {
  const policy = compilePolicy(getPolicy(id));
  const allPlans = [...new Set(policy.spec.versions.flatMap((version) => version.plans.map((plan) => plan.id)))];

  // Plans as real accounts hold them: one base plan alone, or a base plan with an add-on that
  // requires it. A higher base tier is never slower than a lower one, and an add-on is never
  // slower than the base plan it is added to. Plans no account holds together (Premier on
  // Standard against 24x7 alone) are not compared: see one-identity.premier-on-standard.
  it('a higher tier is never slower than a lower one, for plans as accounts hold them', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...customers), fc.nat(), (at, calendar, pick) => {
        const version = versionAt(policy, at);
        const severities = version.severities.map((s) => s.level);
        const severity = severities[pick % severities.length] as number;
        const paid = version.plans.filter((plan) => (plan.contract ?? ['active']).includes('active'));
        const deadlineOf = (plan: string, plans: string[]) => {
          const decision = evaluate(policy, { plan, severity, at, calendar, account: { contract: 'active', role: 'administrator', plans } });
          return decision.eligible ? (decision.firstResponse?.deadlineMs ?? null) : null;
        };
        const bases = paid
          .filter((plan) => (plan.requiresAnyOf ?? []).length === 0)
          .map((plan) => ({ plan, deadline: deadlineOf(plan.id, [plan.id]) }))
          .filter((entry) => entry.deadline !== null)
          .sort((a, b) => a.plan.tier - b.plan.tier);
        for (let k = 1; k < bases.length; k++) {
          const lower = bases[k - 1] as (typeof bases)[number];
          const higher = bases[k] as (typeof bases)[number];
          if (higher.plan.tier > lower.plan.tier) expect(higher.deadline).toBeLessThanOrEqual(lower.deadline as number);
        }
        for (const addOn of paid.filter((plan) => (plan.requiresAnyOf ?? []).length > 0)) {
          for (const base of bases.filter((entry) => addOn.requiresAnyOf?.includes(entry.plan.id))) {
            const withAddOn = deadlineOf(addOn.id, [base.plan.id, addOn.id]);
            if (withAddOn !== null) expect(withAddOn).toBeLessThanOrEqual(base.deadline as number);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('deadlines are never before the request, and an ineligible request never gets one', () => {
    const plans = allPlans;
    fc.assert(
      fc.property(instant, fc.constantFrom(...customers), fc.constantFrom(...plans), fc.nat(), fc.constantFrom('active', 'lapsed', 'trial', 'none'), (at, calendar, plan, pick, contract) => {
        const version = [...policy.spec.versions].reverse().find((v) => (v.effectiveFrom ?? '') <= new Date(at).toISOString().slice(0, 10)) ?? policy.spec.versions[0];
        if (!version?.plans.some((p) => p.id === plan)) return;
        const severity = version.severities[pick % version.severities.length]?.level as number;
        const decision = evaluate(policy, { plan, severity, at, calendar, account: { contract, plans: pick % 2 === 0 ? [] : allPlans, trialStart: at - (pick % 40) * 86_400_000 } });
        if (!decision.eligible) expect(decision.firstResponse).toBeNull();
        if (decision.firstResponse) expect(decision.firstResponse.deadlineMs).toBeGreaterThanOrEqual(at);
        expect(decision.eligible).toBe(!decision.reasons.some((reason) => reason.effect === 'deny'));
      }),
      { numRuns: 300 },
    );
  });
});
