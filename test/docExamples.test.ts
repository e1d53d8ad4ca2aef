// The values the README and the TSDoc examples promise, checked as written there.
import { describe, expect, it, vi } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compilePolicy,
  evaluate,
  getPolicy,
  jumpcloudLegacyPolicy,
  jumpcloudPolicy,
  listPolicies,
  nextClose,
  nextOpen,
  oneIdentityPolicy,
  subtractBusinessTime,
  US_FEDERAL_HOLIDAYS,
  weekdayHours,
  withContract,
} from '../src/index.js';
import { errorOf } from './support/errors.js';

describe('README', () => {
  it('decides a JumpCloud Standard severity 1 request', () => {
    const decision = evaluate(getPolicy('jumpcloud'), {
      plan: 'standard',
      severity: 1,
      at: '2026-11-25T15:00-07:00',
      account: { contract: 'active', role: 'administrator' },
    });
    expect(decision.eligible).toBe(true);
    expect(decision.channels).toEqual({ available: ['help-center', 'email'], required: null });
    expect(decision.firstResponse?.deadline).toBe('2026-11-27T11:00:00.000-07:00');
  });

  it('adds business time across Thanksgiving', () => {
    const denver = weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]);
    expect(addBusinessTime(denver, '2026-11-25T15:00-07:00', { hours: 4 }).toISOString()).toBe('2026-11-27T18:00:00.000Z');
    expect(businessTimeBetween(denver, '2026-11-25T15:00-07:00', '2026-11-30T10:00-07:00')).toBe(39_600_000);
  });
});

describe('TSDoc examples', () => {
  it('the built-in policies by name', () => {
    // Monday 2026-03-02 16:00Z is 09:00 in Denver (MST, before the DST change of March 8): 4 business hours on.
    expect(evaluate(jumpcloudPolicy, { plan: 'standard', severity: 1, at: '2026-03-02T16:00:00Z' }).firstResponse?.deadline).toBe('2026-03-02T13:00:00.000-07:00');
    expect(jumpcloudLegacyPolicy.versions.length).toBe(1);
    expect(oneIdentityPolicy.versions[0]?.plans.map((plan) => plan.id)).toEqual(['trial', 'standard', '24x7', 'premier']);
  });

  it('addBusinessTime, subtractBusinessTime, businessTimeBetween', () => {
    const fridayMonday = { timezone: 'America/Denver', week: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] } } as const;
    expect(addBusinessTime(fridayMonday, '2026-11-20T16:00-07:00', { hours: 2 }).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    const monTue = { timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } } as const;
    expect(subtractBusinessTime(monTue, '2026-11-24T10:00Z', { hours: 1 }).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(subtractBusinessTime(monTue, '2026-11-24T10:00Z', { hours: 1 }, { landing: 'farthest' }).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    const lunch = { timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } } as const;
    expect(businessTimeBetween(lunch, '2026-11-23T08:00Z', '2026-11-23T14:00Z')).toBe(14_400_000);
  });

  it('nextOpen, nextClose, addBusinessDays', () => {
    expect(nextOpen({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } }, '2026-11-21T12:00Z')?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    const nights = { timezone: 'UTC', week: { mon: [['22:00', '06:00']], tue: [['06:00', '08:00']] } } as const;
    expect(nextClose(nights, '2026-11-23T23:00Z')?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    const weekdays = { timezone: 'America/Denver', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } as const;
    expect(addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1, { rule: 'same-time' }).toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1, { rule: 'start-of-day' }).toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('compilePolicy, getPolicy, listPolicies, withContract', () => {
    const oneIdentity = compilePolicy(getPolicy('one-identity'));
    expect(evaluate(oneIdentity, { plan: '24x7', severity: 1, at: '2026-11-28T03:00Z', channel: 'phone' }).firstResponse?.deadline).toBe('2026-11-28T04:00:00.000+00:00');
    expect(getPolicy('one-identity').versions[0]?.plans.map((plan) => plan.id)).toEqual(['trial', 'standard', '24x7', 'premier']);
    expect(listPolicies().map((policy) => policy.id)).toEqual(['jumpcloud', 'jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow']);
    const contract = { text: 'Order form 2026-114, schedule B', source: 'Customer contract' };
    const policy = withContract(getPolicy('cirrus-identity'), {
      clause: contract,
      plans: { standard: { targets: { 1: { duration: 'PT1H', clause: contract }, 2: { duration: 'PT8H', clause: contract } } } },
    });
    expect(evaluate(policy, { plan: 'standard', severity: 1, at: '2026-11-25T15:00Z' }).firstResponse?.target).toBe('1 hour');
    // A contract's metrics replace the published ones severity by severity (they were once dropped unread).
    const resolution = withContract(getPolicy('jumpcloud'), { clause: contract, plans: { standard: { metrics: { resolution: { 1: { duration: 'PT16H', clause: contract } } } } } });
    const targets = evaluate(resolution, { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' }).targets;
    // 16 business hours from Wed 15:00 MST: 2 h Wednesday, Thanksgiving closed, 8 h Friday, 6 h Monday = Mon 30 Nov 15:00.
    expect(targets.resolution?.deadline).toBe('2026-11-30T15:00:00.000-07:00');
    expect(targets.firstResponse?.target).toBe('4 hours');
  });

  it('an unknown policy id is a typed error', () => {
    const error = errorOf(() => getPolicy('acme'));
    expect([error.code, error.path]).toEqual(['unknown_policy', ['policy']]);
  });
});

describe('examples/report.ts (npm run example)', () => {
  it('runs to the end and prints its three parts', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const table = vi.spyOn(console, 'table').mockImplementation((rows: unknown) => void printed.push(JSON.stringify(rows)));
    try {
      await import('../examples/report.js');
    } finally {
      log.mockRestore();
      table.mockRestore();
    }
    const text = printed.join('\n');
    expect(text).toContain('Follow-the-sun: London + New York + Sydney 09-17');
    // The README's worked example: Wed 15:00 MST + 4 business hours, Thanksgiving closed.
    expect(text).toContain('due 2026-11-27T18:00:00.000Z');
    expect(text).toContain('closed (holiday: Thanksgiving Day)');
  });
});
