// The zod schemas of a policy and of withContract's terms (src/policy/schema.ts, which
// policyJsonSchema still uses), with their unions named as the zod bridge named them when
// the library validated with them: the oracle test/policyChecks.test.ts compares the
// precompiled checks (src/policy/shape.ts) with, and what bench/compile.mjs times them against.
import type * as z from 'zod/mini';
import { contractTermsSchema, policySchema } from '../../src/policy/schema.js';
import { CONDITION_FORMS, TARGET_FORMS } from '../../src/policy/shape.js';
import { namedUnion, schemaAt } from './zodBridge.js';

type Schema = z.core.$ZodType;

/** The schema at `path` under `schema`, which must be a union. */
function unionAt(schema: Schema, path: readonly (string | number)[]): Schema {
  const found = schemaAt(schema, path);
  if (found?._zod.def.type !== 'union') throw new Error(`No union at ${path.join('.')}`);
  return found;
}

const policy = policySchema();
const target = unionAt(policy, ['versions', 0, 'plans', 0, 'targets', 'x']);
namedUnion(unionAt(policy, ['versions', 0, 'scope', 0, 'when']), CONDITION_FORMS);
namedUnion(target, TARGET_FORMS);
// Each option of a target holds the targets by channel: the same options, another union.
for (const option of (target._zod.def as unknown as { options: Schema[] }).options) namedUnion(unionAt(option, ['byChannel', 'x']), TARGET_FORMS);

/** The oracle schemas: a policy, and withContract's terms (whose targets are the policy's). */
export const zodPolicySchemas = { policy, contractTerms: contractTermsSchema() } as Record<'policy' | 'contractTerms', z.ZodMiniType>;
