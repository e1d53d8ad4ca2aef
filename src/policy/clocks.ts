import { Calendar, compileCalendar, timelineOf, type CompileOptions } from '../calendar/calendar.js';
import type { CalendarSpec, HolidaySource, WeeklyCalendarSpec } from '../calendar/spec.js';
import type { Zone } from '../zone/zone.js';
import { SlaclockError, withPathPrefix } from '../errors.js';
import type { CompiledPlan, CompiledVersion } from './compileVersion.js';
import { levelOf, type PlanLevel } from './planLevel.js';
import type { RequestFields } from './request.js';
import type { ClockRef } from './types.js';

/** Clock ids with a meaning of their own; any other id names one of the version's calendars. */
export const ROUND_THE_CLOCK = 'round-the-clock';
export const CUSTOMER_CLOCK = 'customer';
export const BASE_PLAN_CLOCK = 'base-plan';

/** @internal `clock`, or for `'base-plan'` the clock of the best base plan the account holds at the same severity. */
export function resolveClock(version: CompiledVersion, plan: CompiledPlan, severity: number, request: RequestFields, clock: ClockRef): ClockRef {
  if (clock !== BASE_PLAN_CLOCK) return clock;
  const base = basePlan(version, plan, request);
  return resolveClock(version, base, severity, request, (levelOf(base, severity) as PlanLevel).clock);
}

// The add-on rides on the best base plan the account holds; when the account's plans
// are not given, on the first base plan the policy lists.
function basePlan(version: CompiledVersion, plan: CompiledPlan, request: RequestFields): CompiledPlan {
  const candidates = plan.spec.requiresAnyOf ?? [];
  const held = candidates
    .map((id) => version.plans.get(id) as CompiledPlan)
    .filter((base) => request.account?.plans?.includes(base.spec.id))
    .sort((a, b) => b.spec.tier - a.spec.tier);
  return held[0] ?? (version.plans.get(candidates[0] as string) as CompiledPlan);
}

/** @internal The calendar behind a clock: a vendor calendar, or the customer's from the request. */
export function clockCalendar(version: CompiledVersion, clock: ClockRef, request: RequestFields): Calendar {
  const template = version.templates.size === 0 ? undefined : version.templates.get(clock);
  if (clock !== CUSTOMER_CLOCK && template === undefined) return version.calendars.get(clock) as Calendar;
  if (request.calendar === undefined) {
    const hours = template === undefined ? "the customer's local business hours" : `the vendor's hours "${clock}" in the customer's zone`;
    throw new SlaclockError('invalid_input', `Missing required calendar: this plan and severity run on ${hours}, so give the customer's calendar (its zone and holidays)`, ['calendar']);
  }
  return template === undefined ? request.calendar : template.applyTo(request.calendar);
}

/** @internal Whether a clock's calendar depends on the request (the customer's, or a template applied in the customer's zone). */
export function isCustomerClock(version: CompiledVersion, clock: ClockRef): boolean {
  return clock === CUSTOMER_CLOCK || (version.templates.size > 0 && version.templates.has(clock));
}

/**
 * @internal The zone a deadline is shown in: the clock's own, except round the clock,
 * which has none that matters: the customer's zone when the request gives a calendar,
 * else the policy's.
 */
export function displayZone(version: CompiledVersion, clock: ClockRef, calendar: Calendar, request: RequestFields): Zone {
  if (clock !== ROUND_THE_CLOCK) return timelineOf(calendar).zone;
  return request.calendar === undefined ? version.zone : timelineOf(request.calendar).zone;
}

/** The zone a calendar template names: its weekly hours run in the customer's zone. */
export const CUSTOMER_ZONE = 'customer';
/** How many customer calendars each template keeps compiled: the most recently used. */
const TEMPLATE_CACHE_SIZE = 16;

/**
 * A vendor calendar with `"timezone": "customer"`: the vendor's weekly hours
 * ("Mon-Fri 08:00-18:00 in your region") applied in the customer's zone, closed on the
 * customer's holidays as well as the template's own. Compiled once per customer zone and
 * holidays, in a small least-recently-used cache.
 */
export class CalendarTemplate {
  readonly #spec: WeeklyCalendarSpec;
  readonly #options: CompileOptions;
  readonly #byKey = new Map<string, Calendar>();
  readonly #byCalendar = new WeakMap<Calendar, Calendar>();

  constructor(spec: WeeklyCalendarSpec, options: CompileOptions) {
    this.#spec = spec;
    this.#options = options;
  }

  /** The template applied in `customer`'s zone, with `customer`'s holidays. */
  applyTo(customer: Calendar): Calendar {
    const known = this.#byCalendar.get(customer);
    if (known !== undefined) return known;
    const holidays = [...(this.#spec.holidays ?? []), ...holidaysOf(customer.spec)];
    const key = JSON.stringify([customer.timezone, holidays]);
    let calendar = this.#byKey.get(key);
    if (calendar === undefined) {
      const spec: WeeklyCalendarSpec = { ...this.#spec, timezone: customer.timezone, holidays };
      calendar = withPathPrefix(['calendar'], () => compileCalendar(spec, this.#options));
      if (this.#byKey.size >= TEMPLATE_CACHE_SIZE) this.#byKey.delete(this.#byKey.keys().next().value as string);
    } else {
      this.#byKey.delete(key);
    }
    this.#byKey.set(key, calendar);
    this.#byCalendar.set(customer, calendar);
    return calendar;
  }
}

/** @internal Whether a calendar spec of a policy is a template (its zone is the customer's). */
export function isTemplateSpec(spec: unknown): spec is WeeklyCalendarSpec {
  return typeof spec === 'object' && spec !== null && (spec as { timezone?: unknown }).timezone === CUSTOMER_ZONE && 'week' in spec;
}

// The holidays a customer calendar closes on: a weekly calendar's own, and those of every
// member of a union or intersection.
function holidaysOf(spec: CalendarSpec | Calendar): readonly HolidaySource[] {
  const plain = Calendar.is(spec) ? spec.spec : spec;
  if ('week' in plain) return plain.holidays ?? [];
  const members = 'union' in plain ? plain.union : plain.intersection;
  return members.flatMap((member) => holidaysOf(member));
}
