import type { Reason } from './reasons.js';
import type { RequestFields } from './request.js';

/** What the entitlement and channel stages decided for a request at a plan's level: whether it is eligible, and why. */
export interface StagesOutcome {
  readonly eligible: boolean;
  /** The reasons, all frozen (the shared notes), in a list of its own: a decision gets a copy. */
  readonly reasons: readonly Reason[];
}

/**
 * The stages' outcome for the request a plan's level (a plan at a severity) decided last,
 * for the next request there that gives the same values: a loop over one tenant's cases
 * repeats them, and a decision then skips the entitlement, scope and channel stages. Only
 * a request whose outcome cannot move with its instant is kept (no facts, trial start,
 * held plans or pinned version; the version in force chosen without a note), only an
 * outcome no scope rule changed, and only one whose reasons are all frozen (the shared
 * notes): nothing a caller could change is shared. The values are compared one by one
 * (strings and numbers by value, a calendar by identity). An outcome is kept when the same
 * values come twice in a row, so requests that alternate only pay the comparison; one
 * entry per level (the last request's values and an outcome), so memory stays bounded.
 */
export class RecentStages {
  #outcome: StagesOutcome | undefined;
  /** The values of the request decided last at this level (a request's fields are never changed once read). */
  #last: RequestFields | undefined;

  /** Whether the stages' outcome for `fields` may be kept: it depends on the request's values alone, not its instant. */
  static keeps(fields: RequestFields): boolean {
    const account = fields.account;
    return fields.facts === undefined && fields.version === undefined && (account === undefined || (account.trialStart === undefined && account.plans === undefined));
  }

  /** The outcome kept for a request with the same values as `fields` (which {@link keeps} accepts), if any. */
  find(fields: RequestFields): StagesOutcome | undefined {
    return this.#outcome !== undefined && this.#holds(fields) ? this.#outcome : undefined;
  }

  /**
   * After the stages ran on `fields` (which {@link keeps} accepts, and no scope rule changed):
   * keeps their outcome when the request before had the same values and the reasons are all
   * frozen, else remembers the values.
   */
  remember(fields: RequestFields, eligible: boolean, reasons: readonly Reason[]): void {
    if (!this.#holds(fields)) {
      this.#outcome = undefined;
      this.#last = fields;
      return;
    }
    for (let index = 0; index < reasons.length; index++) if (!Object.isFrozen(reasons[index])) return;
    this.#outcome = { eligible, reasons: reasons.slice() };
  }

  #holds(fields: RequestFields): boolean {
    const last = this.#last;
    if (last === undefined) return false;
    // The plan and the severity's level are this one; a severity not given differs from one given.
    if (fields.severity !== last.severity || fields.channel !== last.channel || fields.language !== last.language || fields.calendar !== last.calendar) return false;
    const account = fields.account;
    const before = last.account;
    if (account === undefined || before === undefined) return account === before;
    return account.contract === before.contract && account.role === before.role && account.contacts === before.contacts;
  }
}
