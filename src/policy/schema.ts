import * as z from 'zod/mini';
import { namedUnion } from '../validation.js';

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
  const contractStatus = z.enum(['active', 'trial', 'lapsed', 'none']);

  const target = namedUnion(
    z.union([
      z.strictObject({ duration: z.string(), clause }),
      z.strictObject({ businessDays: z.int().check(z.minimum(0)), rule: z.enum(['end-of-day', 'same-time', 'start-of-day']), clause }),
    ]),
    'a response target { duration: "PT4H", clause } or { businessDays, rule, clause }, or null',
  );
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
    coverage,
    targets,
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

  const policy = z.strictObject({
    id: z.string().check(z.minLength(1)),
    vendor: z.string(),
    name: z.string(),
    versions: z.array(version).check(z.minLength(1)),
  });

  const contractTerms = z.strictObject({
    clause,
    plans: z.record(z.string(), z.strictObject({ targets: z.optional(targets), coverage: z.optional(coverage), channels: z.optional(z.array(z.string())) })),
    // Calendars are validated by compileCalendar when the result compiles.
    calendars: z.optional(z.record(z.string(), z.unknown())),
  });

  return { policy, contractTerms };
}
