import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, compilePolicy, evaluate, getPolicy, listPolicies, weekdayHours, type Calendar, type CalendarSpec } from '../src/index.js';
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
  // An account that holds every plan, in good standing, as an administrator: the same request for every plan.
  const allPlans = [...new Set(policy.spec.versions.flatMap((version) => version.plans.map((plan) => plan.id)))];
  const account = { contract: 'active', role: 'administrator', plans: allPlans } as const;

  it('a higher tier is never slower than a lower one for the same request', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...customers), fc.nat(), (at, calendar, pick) => {
        const version = [...policy.spec.versions].reverse().find((v) => (v.effectiveFrom ?? '') <= new Date(at).toISOString().slice(0, 10)) ?? policy.spec.versions[0];
        const severities = version?.severities.map((s) => s.level) ?? [];
        const severity = severities[pick % severities.length] as number;
        const deadlines = (version?.plans ?? [])
          .filter((plan) => (plan.contract ?? ['active']).includes('active'))
          .map((plan) => ({ tier: plan.tier, decision: evaluate(policy, { plan: plan.id, severity, at, calendar, account }) }))
          .filter(({ decision }) => decision.eligible && decision.firstResponse !== null)
          .sort((a, b) => a.tier - b.tier);
        for (let k = 1; k < deadlines.length; k++) {
          const lower = deadlines[k - 1] as (typeof deadlines)[number];
          const higher = deadlines[k] as (typeof deadlines)[number];
          if (higher.tier > lower.tier) expect(higher.decision.firstResponse?.deadlineMs).toBeLessThanOrEqual(lower.decision.firstResponse?.deadlineMs as number);
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
