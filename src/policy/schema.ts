import * as z from 'zod/mini';
import type { Condition } from './types.js';

// The zod schema of a policy, for `policyJsonSchema` (./jsonSchema.ts) only: compilePolicy
// and withContract check the same shape with precompiled checks (./shape.ts), which
// test/policyChecks.test.ts holds to this schema. Nothing on their path may import this
// module: its chunk carries zod.

let schemas: ReturnType<typeof buildSchemas> | undefined;

/**
 * The zod schema of a policy (structure only; `compilePolicy` checks the cross-references).
 * Built on first use, so a bundle that never compiles a policy does not build it.
 */
export function policySchema() {
  schemas ??= buildSchemas();
  return schemas.policy;
}

/** The zod schema of `withContract`'s terms. */
export function contractTermsSchema() {
  schemas ??= buildSchemas();
  return schemas.contractTerms;
}

function buildSchemas() {
  const clause = z.strictObject({ source: z.string(), text: z.string() });
  const factValue = z.union([z.string(), z.number(), z.boolean()]);
  const factCondition = z.record(z.string(), factValue);
  const dateKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date "YYYY-MM-DD"'));
  const contractStatus = z.string().check(z.minLength(1));

  const fact = z.string().check(z.minLength(1));
  const factTest = [
    z.strictObject({ fact, equals: factValue }),
    z.strictObject({ fact, in: z.array(factValue).check(z.minLength(1)) }),
    z.strictObject({ fact, exists: z.boolean() }),
    ...(['gt', 'gte', 'lt', 'lte'] as const).map((op) => z.strictObject({ fact, [op]: z.number() })),
    z.strictObject({ fact, within: z.union([z.strictObject({ days: z.int().check(z.minimum(0)) }), z.strictObject({ years: z.int().check(z.minimum(1)) })]) }),
    z.strictObject({ fact, noticeBusinessDays: z.int().check(z.minimum(0)), clock: z.string() }),
  ];
  const condition: z.ZodMiniType<Condition> = z.union([
    z.strictObject({ get all() { return z.array(condition).check(z.minLength(1)); } }),
    z.strictObject({ get any() { return z.array(condition).check(z.minLength(1)); } }),
    z.strictObject({ get not() { return condition; } }),
    ...factTest,
    factCondition,
  ]) as z.ZodMiniType<Condition>;
  const extras = {
    clause,
    clock: z.optional(z.string()),
    attainment: z.optional(z.number().check(z.gt(0), z.lte(100))),
  };
  const targetOf = (more: typeof extras) =>
    z.union([
      z.strictObject({ duration: z.string(), ...more }),
      z.strictObject({ businessDays: z.int().check(z.minimum(0)), rule: z.enum(['end-of-day', 'same-time', 'start-of-day']), ...more }),
    ]);
  const target = targetOf({ ...extras, byChannel: z.optional(z.record(z.string(), targetOf(extras))) } as typeof extras);
  const coverage = z.strictObject({ default: z.string(), bySeverity: z.optional(z.record(z.string(), z.string())) });
  const targets = z.record(z.string(), z.nullable(target));

  const plan = z.strictObject({
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    tier: z.number(),
    requiresAnyOf: z.optional(z.array(z.string())),
    contract: z.optional(z.array(contractStatus)),
    trialDays: z.optional(z.int().check(z.minimum(1))),
    channels: z.array(z.string()),
    namedContacts: z.optional(z.strictObject({ max: z.int().check(z.minimum(1)), clause: z.optional(clause) })),
    coverage,
    targets,
    metrics: z.optional(z.record(z.string(), targets)),
    requiredChannels: z.optional(z.record(z.string(), z.nullable(z.string()))),
    clause,
  });

  const severity = z.strictObject({
    level: z.int(),
    name: z.string(),
    definition: z.string(),
    requiredChannel: z.optional(z.string()),
    clause: z.optional(clause),
  });

  const interpretation = z.strictObject({
    id: z.string(),
    clause,
    reading: z.string(),
    plans: z.optional(z.array(z.string())),
    severities: z.optional(z.array(z.int())),
  });

  const scopeRule = z.strictObject({
    id: z.string(),
    when: condition,
    plans: z.optional(z.array(z.string())),
    severities: z.optional(z.array(z.int())),
    effect: z.enum(['excluded', 'severity', 'business-hours-only', 'note', 'best-effort']),
    severity: z.optional(z.int()),
    min: z.optional(z.int()),
    max: z.optional(z.int()),
    clock: z.optional(z.string()),
    remedy: z.optional(z.string()),
    route: z.optional(z.string()),
    clause,
  });

  const metric = z.strictObject({ name: z.string(), recurring: z.optional(z.boolean()), pausedBy: z.optional(z.array(z.string())), clause: z.optional(clause) });

  const version = z.strictObject({
    id: z.string().check(z.minLength(1)),
    effectiveFrom: z.optional(dateKey),
    timezone: z.optional(z.string()),
    source: z.string(),
    metrics: z.optional(z.record(z.string(), metric)),
    contractKinds: z.optional(z.array(contractStatus)),
    // Calendars are validated by compileCalendar, which knows their paths and rules.
    calendars: z.optional(z.record(z.string(), z.unknown())),
    severities: z.array(severity).check(z.minLength(1)),
    defaultSeverity: z.optional(z.int()),
    plans: z.array(plan).check(z.minLength(1)),
    eligibility: z.optional(
      z.strictObject({
        roles: z.optional(z.array(z.string())),
        roleClause: z.optional(clause),
        languages: z.optional(z.array(z.string())),
        languageClause: z.optional(clause),
        otherLanguages: z.optional(z.enum(['denied', 'accommodated'])),
      }),
    ),
    scope: z.optional(z.array(scopeRule)),
    routing: z.optional(z.strictObject({ rules: z.array(z.strictObject({ when: condition, team: z.string(), clause })), fallback: z.string(), clause })),
    interpretations: z.optional(z.array(interpretation)),
    tickets: z.optional(z.strictObject({ reopenWindow: z.optional(z.strictObject({ days: z.int().check(z.minimum(0), z.maximum(36_500)), clause })) })),
  });

  const policy = z.strictObject({
    id: z.string().check(z.minLength(1)),
    vendor: z.string(),
    name: z.string(),
    versions: z.array(version).check(z.minLength(1)),
  });

  const contractTerms = z.strictObject({
    clause,
    plans: z.record(z.string(), z.strictObject({ targets: z.optional(targets), metrics: z.optional(z.record(z.string(), targets)), coverage: z.optional(coverage), channels: z.optional(z.array(z.string())) })),
    // Calendars are validated by compileCalendar when the result compiles.
    calendars: z.optional(z.record(z.string(), z.unknown())),
  });

  return { policy, contractTerms };
}
