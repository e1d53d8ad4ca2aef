import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { Zone } from '../zone/zone.js';
import { SlaclockError } from '../errors.js';
import type { CompiledPlan, CompiledVersion } from './compileVersion.js';
import type { RequestFields } from './request.js';
import type { ClockRef } from './types.js';

/** Clock ids with a meaning of their own; any other id names one of the version's calendars. */
export const ROUND_THE_CLOCK = 'round-the-clock';
export const CUSTOMER_CLOCK = 'customer';
export const BASE_PLAN_CLOCK = 'base-plan';

/** @internal The clock a plan runs on for a severity, following an add-on to the best base plan the account holds. */
export function resolveClock(version: CompiledVersion, plan: CompiledPlan, severity: number, request: RequestFields, clock = plan.clocks.get(severity) as ClockRef): ClockRef {
  if (clock !== BASE_PLAN_CLOCK) return clock;
  // The add-on rides on the best base plan the account holds; when the account's plans
  // are not given, on the first base plan the policy lists.
  const candidates = plan.spec.requiresAnyOf ?? [];
  const held = candidates
    .map((id) => version.plans.get(id) as CompiledPlan)
    .filter((base) => request.account?.plans?.includes(base.spec.id))
    .sort((a, b) => b.spec.tier - a.spec.tier);
  const base = held[0] ?? (version.plans.get(candidates[0] as string) as CompiledPlan);
  return resolveClock(version, base, severity, request);
}

/** @internal The calendar behind a clock: a vendor calendar, or the customer's from the request. */
export function clockCalendar(version: CompiledVersion, clock: ClockRef, request: RequestFields): Calendar {
  if (clock !== CUSTOMER_CLOCK) return version.calendars.get(clock) as Calendar;
  if (request.calendar === undefined) {
    throw new SlaclockError('invalid_input', "Missing required calendar: this plan and severity run on the customer's local business hours, so give the customer's calendar", ['calendar']);
  }
  return request.calendar;
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
