import type { Calendar } from '../calendar/calendar.js';
import type { CompiledPlan } from './compileVersion.js';
import type { PlanLevel } from './planLevel.js';
import type { Reason } from './reasons.js';
import type { RequestFields } from './request.js';
import type { ClockRef } from './types.js';

/** What the entitlement, scope and channel stages decided for a request, apart from the request itself. */
export interface StagesOutcome {
  readonly plan: CompiledPlan;
  readonly severity: number;
  readonly level: PlanLevel;
  readonly clock: ClockRef | undefined;
  readonly bestEffort: boolean;
  readonly eligible: boolean;
  /** The reasons, all frozen (the shared notes), in a list of its own: a decision gets a copy (`slice`; a frozen list would take the slow copy). */
  readonly reasons: readonly Reason[];
}

/**
 * The stages' outcome for the last request a version decided, for the next
 * request that gives the same values: a loop over one tenant's cases repeats them, and
 * a decision then skips the entitlement, scope and channel stages. Only a request whose
 * outcome cannot move with its instant is kept (no facts, trial start, held plans or pinned
 * version; the version in force chosen without a note), and only an outcome whose reasons
 * are all frozen (the shared notes): nothing a caller could mutate is shared. The values
 * are compared one by one (strings and numbers by value, a calendar by identity); one
 * entry per version, so memory stays bounded.
 */
export class RecentStages {
  #outcome: StagesOutcome | undefined;
  #plan: string | undefined;
  #severity: number | undefined;
  #channel: string | undefined;
  #language: string | undefined;
  #calendar: Calendar | undefined;
  #account = false;
  #contract: string | undefined;
  #role: string | undefined;
  #contacts: number | undefined;

  /** Whether the stages' outcome for `fields` may be kept: it depends on the request's values alone, not its instant. */
  static keeps(fields: RequestFields): boolean {
    const account = fields.account;
    return fields.facts === undefined && fields.version === undefined && (account === undefined || (account.trialStart === undefined && account.plans === undefined));
  }

  /** The outcome kept for a request with the same values as `fields` (which {@link keeps} accepts), if any. */
  find(fields: RequestFields): StagesOutcome | undefined {
    const outcome = this.#outcome;
    if (outcome === undefined || fields.plan !== this.#plan || fields.severity !== this.#severity || fields.channel !== this.#channel) return undefined;
    if (fields.language !== this.#language || fields.calendar !== this.#calendar) return undefined;
    const account = fields.account;
    if (account === undefined) return this.#account ? undefined : outcome;
    return this.#account && account.contract === this.#contract && account.role === this.#role && account.contacts === this.#contacts ? outcome : undefined;
  }

  /** Keeps the outcome for `fields` (which {@link keeps} accepts), when its reasons are all frozen. */
  remember(fields: RequestFields, outcome: Omit<StagesOutcome, 'reasons'>, reasons: readonly Reason[]): void {
    for (let index = 0; index < reasons.length; index++) if (!Object.isFrozen(reasons[index])) return;
    const account = fields.account;
    this.#outcome = Object.freeze({ plan: outcome.plan, severity: outcome.severity, level: outcome.level, clock: outcome.clock, bestEffort: outcome.bestEffort, eligible: outcome.eligible, reasons: reasons.slice() });
    this.#plan = fields.plan;
    this.#severity = fields.severity;
    this.#channel = fields.channel;
    this.#language = fields.language;
    this.#calendar = fields.calendar;
    this.#account = account !== undefined;
    this.#contract = account?.contract;
    this.#role = account?.role;
    this.#contacts = account?.contacts;
  }
}
