import * as z from 'zod/mini';

let schema: ReturnType<typeof buildPolicySchema> | undefined;

/**
 * The zod schema of a policy (structure only; `compilePolicy` checks the cross-references).
 * Built on first use, so a bundle that never compiles a policy does not build it.
 */
export function policySchema() {
  schema ??= buildPolicySchema();
  return schema;
}

function buildPolicySchema() {
  const clause = z.strictObject({ source: z.string(), text: z.string() });
  const factValue = z.union([z.string(), z.number(), z.boolean()]);
  const factCondition = z.record(z.string(), factValue);
  const dateKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date "YYYY-MM-DD"'));
  const contractStatus = z.enum(['active', 'trial', 'lapsed', 'none']);

  const target = z.union([
    z.strictObject({ duration: z.string(), clause }),
    z.strictObject({ businessDays: z.int().check(z.minimum(0)), rule: z.enum(['end-of-day', 'same-time', 'start-of-day']), clause }),
  ]);

  const plan = z.strictObject({
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    tier: z.number(),
    requiresAnyOf: z.optional(z.array(z.string())),
    contract: z.optional(z.array(contractStatus)),
    trialDays: z.optional(z.int().check(z.minimum(1))),
    channels: z.array(z.string()),
    coverage: z.strictObject({ default: z.string(), bySeverity: z.optional(z.record(z.string(), z.string())) }),
    targets: z.record(z.string(), z.nullable(target)),
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
    when: factCondition,
    effect: z.enum(['excluded', 'severity', 'business-hours-only']),
    severity: z.optional(z.int()),
    clock: z.optional(z.string()),
    clause,
  });

  const version = z.strictObject({
    id: z.string().check(z.minLength(1)),
    effectiveFrom: z.optional(dateKey),
    source: z.string(),
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
      }),
    ),
    scope: z.optional(z.array(scopeRule)),
    routing: z.optional(z.strictObject({ rules: z.array(z.strictObject({ when: factCondition, team: z.string(), clause })), fallback: z.string(), clause })),
    interpretations: z.optional(z.array(interpretation)),
  });

  return z.strictObject({
    id: z.string().check(z.minLength(1)),
    vendor: z.string(),
    name: z.string(),
    versions: z.array(version).check(z.minLength(1)),
  });
}
