import { array, boolean, integer, nonEmptyString, nullable, number, oneOf, optional, record, strictObject, string, type Check } from '../util/checks.js';
import { union } from '../util/union.js';

/**
 * The shape of a policy and of `withContract`'s terms, as precompiled checks (structure
 * only; `compilePolicy` checks the cross-references). The zod schema of the same shape
 * (./schema.ts) remains for `policyJsonSchema` and as the tests' oracle: both give the
 * same issues (test/policyChecks.test.ts).
 */

/** The accepted forms of a condition, named when a value fits none of them. */
export const CONDITION_FORMS =
  'a condition { fact, equals | in | exists | gt | gte | lt | lte | within | noticeBusinessDays }, { all: [...] }, { any: [...] }, { not: condition } or { fact: value, ... }';

/** The accepted forms of a response target, named when a value fits none of them. */
export const TARGET_FORMS = 'a response target { duration: "PT4H", clause } or { businessDays, rule, clause }, or null';

const clause = /*#__PURE__*/ strictObject({ source: string(), text: string() });
const dateKey = /*#__PURE__*/ string(/^\d{4}-\d{2}-\d{2}$/, 'a date "YYYY-MM-DD"');
const strings = /*#__PURE__*/ array(string());
const integers = /*#__PURE__*/ array(integer());
const anyValues = /*#__PURE__*/ record();

const factValue = /*#__PURE__*/ union([string(), number(), boolean]);
const factTests = /*#__PURE__*/ [
  strictObject({ fact: nonEmptyString, equals: factValue }),
  strictObject({ fact: nonEmptyString, in: array(factValue, 1) }),
  strictObject({ fact: nonEmptyString, exists: boolean }),
  ...['gt', 'gte', 'lt', 'lte'].map((op) => strictObject({ fact: nonEmptyString, [op]: number() })),
  strictObject({ fact: nonEmptyString, within: union([strictObject({ days: integer({ min: 0 }) }), strictObject({ years: integer({ min: 1 }) })]) }),
  strictObject({ fact: nonEmptyString, noticeBusinessDays: integer({ min: 0 }), clock: string() }),
];
// A condition holds conditions: the reference is followed when a value is checked.
const nested: Check = (value, path, issues) => condition(value, path, issues);
const condition: Check = /*#__PURE__*/ union(
  [strictObject({ all: array(nested, 1) }), strictObject({ any: array(nested, 1) }), strictObject({ not: nested }), ...factTests, record(factValue)],
  CONDITION_FORMS,
);

const targetExtras = { clause, clock: optional(string()), attainment: optional(number({ above: 0, max: 100 })) };
const targetOf = (extras: Readonly<Record<string, Check>>) =>
  union(
    [
      strictObject({ duration: string(), ...extras }),
      strictObject({ businessDays: integer({ min: 0 }), rule: oneOf(['end-of-day', 'same-time', 'start-of-day']), ...extras }),
    ],
    TARGET_FORMS,
  );
const target = /*#__PURE__*/ targetOf({ ...targetExtras, byChannel: optional(record(targetOf(targetExtras))) });
const targets = /*#__PURE__*/ record(nullable(target));
const coverage = /*#__PURE__*/ strictObject({ default: string(), bySeverity: optional(record(string())) });

const plan = /*#__PURE__*/ strictObject({
  id: nonEmptyString,
  name: string(),
  tier: number(),
  requiresAnyOf: optional(strings),
  contract: optional(array(nonEmptyString)),
  trialDays: optional(integer({ min: 1 })),
  channels: strings,
  namedContacts: optional(strictObject({ max: integer({ min: 1 }), clause: optional(clause) })),
  coverage,
  targets,
  metrics: optional(record(targets)),
  requiredChannels: optional(record(nullable(string()))),
  clause,
});

const severity = /*#__PURE__*/ strictObject({ level: integer(), name: string(), definition: string(), requiredChannel: optional(string()), clause: optional(clause) });

const interpretation = /*#__PURE__*/ strictObject({ id: string(), clause, reading: string(), plans: optional(strings), severities: optional(integers) });

const scopeRule = /*#__PURE__*/ strictObject({
  id: string(),
  when: condition,
  plans: optional(strings),
  severities: optional(integers),
  effect: oneOf(['excluded', 'severity', 'business-hours-only', 'note', 'best-effort']),
  severity: optional(integer()),
  min: optional(integer()),
  max: optional(integer()),
  clock: optional(string()),
  remedy: optional(string()),
  route: optional(string()),
  clause,
});

const metric = /*#__PURE__*/ strictObject({ name: string(), recurring: optional(boolean), pausedBy: optional(strings), clause: optional(clause) });

const version = /*#__PURE__*/ strictObject({
  id: nonEmptyString,
  effectiveFrom: optional(dateKey),
  timezone: optional(string()),
  source: string(),
  metrics: optional(record(metric)),
  contractKinds: optional(array(nonEmptyString)),
  // Calendars are checked by compileCalendar, which knows their paths and rules.
  calendars: optional(anyValues),
  severities: array(severity, 1),
  defaultSeverity: optional(integer()),
  plans: array(plan, 1),
  eligibility: optional(
    strictObject({
      roles: optional(strings),
      roleClause: optional(clause),
      languages: optional(strings),
      languageClause: optional(clause),
      otherLanguages: optional(oneOf(['denied', 'accommodated'])),
    }),
  ),
  scope: optional(array(scopeRule)),
  routing: optional(strictObject({ rules: array(strictObject({ when: condition, team: string(), clause })), fallback: string(), clause })),
  interpretations: optional(array(interpretation)),
  tickets: optional(strictObject({ reopenWindow: optional(strictObject({ days: integer({ min: 0, max: 36_500 }), clause })) })),
});

/** The shape of a policy spec. */
export const policyShape = /*#__PURE__*/ strictObject({ id: nonEmptyString, vendor: string(), name: string(), versions: array(version, 1) });

/** The shape of `withContract`'s terms. */
export const contractTermsShape = /*#__PURE__*/ strictObject({
  clause,
  plans: record(strictObject({ targets: optional(targets), metrics: optional(record(targets)), coverage: optional(coverage), channels: optional(strings) })),
  // Calendars are checked by compileCalendar when the result compiles.
  calendars: optional(anyValues),
});
