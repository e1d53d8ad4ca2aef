// Policies for the tests of the policy's shape (test/policyChecks.test.ts,
// test/policyShapeMessages.test.ts): one that uses every field of the shape, contract terms
// that use every field of theirs, and that policy with one part replaced.
import type { ContractTerms, PolicySpec } from '../../src/index.js';

export type Path = (string | number)[];

export const clause = { source: 'Support terms', text: 'Severity 1: one hour.' };

/** A policy that uses every field of the shape once. */
export const everyField: PolicySpec = {
  id: 'every-field',
  vendor: 'Acme',
  name: 'Every field',
  versions: [
    {
      id: 'v1',
      effectiveFrom: '2026-01-01',
      timezone: 'America/Denver',
      source: 'https://example.com/support',
      metrics: { escalation: { name: 'Escalation', recurring: true, pausedBy: ['pending-customer'], clause } },
      contractKinds: ['partner'],
      calendars: { office: { timezone: 'America/Denver', week: { mon: [['09:00', '17:00']] } } },
      severities: [
        { level: 1, name: 'Critical', definition: 'Down', requiredChannel: 'phone', clause },
        { level: 2, name: 'Major', definition: 'Degraded' },
      ],
      defaultSeverity: 2,
      plans: [
        {
          id: 'gold',
          name: 'Gold',
          tier: 2,
          requiresAnyOf: ['base'],
          contract: ['active', 'partner'],
          trialDays: 30,
          channels: ['phone', 'email'],
          namedContacts: { max: 4, clause },
          coverage: { default: 'office', bySeverity: { 1: 'round-the-clock' } },
          targets: {
            1: { duration: 'PT1H', clause, clock: 'round-the-clock', attainment: 95, byChannel: { email: { businessDays: 1, rule: 'end-of-day', clause } } },
            2: null,
          },
          metrics: { resolution: { 1: { businessDays: 2, rule: 'same-time', clause, attainment: 99.5 } } },
          requiredChannels: { 1: 'phone', 2: null },
          clause,
        },
        { id: 'base', name: 'Base', tier: 1, channels: ['email'], coverage: { default: 'office' }, targets: { 1: { duration: 'PT4H', clause } }, clause },
      ],
      eligibility: { roles: ['admin'], roleClause: clause, languages: ['en'], languageClause: clause, otherLanguages: 'accommodated' },
      scope: [
        {
          id: 'legacy',
          when: { all: [{ fact: 'product', in: ['legacy', 2, true] }, { any: [{ fact: 'seats', gt: 10 }, { not: { fact: 'beta', exists: true } }] }] },
          plans: ['gold'],
          severities: [1],
          effect: 'severity',
          severity: 2,
          min: 1,
          max: 2,
          clock: 'office',
          remedy: 'Upgrade',
          route: 'legacy-desk',
          clause,
        },
        { id: 'reopened', when: { fact: 'closedAt', within: { days: 30 } }, effect: 'note', clause },
        { id: 'anniversary', when: { fact: 'startedAt', within: { years: 1 } }, effect: 'note', clause },
        { id: 'notice', when: { fact: 'lastReply', noticeBusinessDays: 5, clock: 'office' }, effect: 'excluded', clause },
        { id: 'plain', when: { customization: true, region: 'EU' }, effect: 'best-effort', clause },
        { id: 'bounds', when: { any: [{ fact: 'a', gte: 1 }, { fact: 'b', lt: 2 }, { fact: 'c', lte: 3 }, { fact: 'd', equals: 'x' }] }, effect: 'business-hours-only', clause },
      ],
      routing: { rules: [{ when: { fact: 'product', equals: 'legacy' }, team: 'legacy-desk', clause }], fallback: 'front-line', clause },
      interpretations: [{ id: 'acme.hours', clause, reading: 'Business hours are Denver hours.', plans: ['gold'], severities: [1, 2] }],
      tickets: { reopenWindow: { days: 30, clause } },
    },
  ],
};

export const everyTerm: ContractTerms = {
  clause,
  plans: {
    gold: {
      targets: { 1: { duration: 'PT30M', clause }, 2: null },
      metrics: { resolution: { 1: { duration: 'PT8H', clause } } },
      coverage: { default: 'round-the-clock', bySeverity: { 2: 'office' } },
      channels: ['phone'],
    },
  },
  calendars: { office: { timezone: 'Europe/Berlin', week: { mon: [['08:00', '16:00']] } } },
};

/** The value at `path` in `root` (`undefined` when it goes through something else than an object or array). */
export function read(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root);
}

/** `everyField` with `part` at `path` of its first version. */
export function withPart(path: Path, part: unknown): unknown {
  const policy = structuredClone(everyField) as unknown as Record<string, unknown>;
  const parent = read(policy, ['versions', 0, ...path.slice(0, -1)]) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = part;
  return policy;
}

