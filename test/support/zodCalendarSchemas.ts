// The zod schemas the calendar path validated with before it had precompiled checks
// (src/util/checks.ts): the oracle test/checks.test.ts compares the checks with, and what
// bench/compile.mjs times them against.
import * as z from 'zod/mini';

const wallTime = z.string().check(z.regex(/^\d{2}:\d{2}$/, 'Expected a wall-clock time "HH:MM"'));
const intervals = z.array(z.tuple([wallTime, wallTime]));
const dateKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date "YYYY-MM-DD"'));
const label = z.optional(z.string());
const day = z.optional(intervals);

/** By kind: the weekly spec, each holiday source, each combination. */
export const zodSchemas: Record<string, z.ZodMiniType> = {
  weekly: z.strictObject({
    timezone: z.string(),
    week: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
    holidays: z.optional(z.array(z.unknown())),
    name: label,
  }),
  closed: z.strictObject({ date: dateKey, name: label }),
  partial: z.strictObject({ date: dateKey, hours: intervals, name: label }),
  region: z.strictObject({
    region: z.string(),
    types: z.optional(z.array(z.enum(['public', 'bank', 'school', 'optional', 'observance']))),
    observed: z.optional(z.boolean()),
  }),
  preset: z.strictObject({ preset: z.enum(['us-federal']) }),
  union: z.strictObject({ union: z.array(z.unknown()).check(z.minLength(1)), timezone: z.optional(z.string()), name: label }),
  intersection: z.strictObject({ intersection: z.array(z.unknown()).check(z.minLength(1)), timezone: z.optional(z.string()), name: label }),
};

