import type { CompiledPlan, SharedDecisionParts } from './compileVersion.js';
import type { CompiledTarget } from './metrics.js';
import type { Reason } from './reasons.js';
import type { RecentStages } from './recent.js';
import type { ClockRef } from './types.js';

/** One severity of a plan: its shared parts, its clock and its targets, looked up once per decision. */
export interface PlanLevel extends SharedDecisionParts {
  /** The clock the plan runs on at this severity (`'base-plan'` for an add-on that rides on its base plan's). */
  readonly clock: ClockRef;
  /** The targets of every metric the plan states (`null`: no published commitment), `firstResponse` first. */
  readonly metrics: readonly (readonly [string, CompiledTarget | null])[];
  /** The note for a request that names no channel, where the severity requires one. */
  readonly channelNotGiven: Reason | undefined;
  /** The stages' outcome for the last request decided at this level, for the next with the same values. */
  readonly recent: RecentStages;
}

/**
 * @internal A plan's terms at a severity of its version, `undefined` for another number:
 * a scan of a few levels, cheaper than hashing.
 */
export function levelOf(plan: CompiledPlan, severity: number): PlanLevel | undefined {
  const levels = plan.levels;
  for (let index = 0; index < levels.length; index++) if ((levels[index] as PlanLevel).level === severity) return levels[index];
  return undefined;
}
