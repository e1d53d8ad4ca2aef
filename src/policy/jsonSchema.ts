import * as z from 'zod/mini';
import { policySchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a policy document, for editors and for
 * validating policy files outside JavaScript. `calendars` entries are calendar
 * specs (see docs/calendars.md); cross-references (a plan requiring a missing plan,
 * a severity without a target) are checked by `compilePolicy`, not by the schema.
 *
 * @example
 * ```ts
 * import { policyJsonSchema } from 'slaclock';
 * JSON.stringify(policyJsonSchema(), null, 2);
 * ```
 */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema()) as Record<string, unknown>;
}
