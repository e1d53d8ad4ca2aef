// Compiled by `npm test` under exactOptionalPropertyTypes (tsconfig.exact.json): callers
// who turn that option on can pass `undefined` for optional fields, and a JSON import
// compiles as a policy. Type-checked only; never run.
import { compileCalendar, compilePolicy, evaluate, type Account, type BusinessTimeOptions, type ReasonCode, type SupportRequest } from '../../src/index.js';
import policyJson from '../fixtures/us-federal-holidays-2024-2027.json';

declare const maybeRole: string | undefined;
declare const maybeSeverity: number | undefined;

export const account: Account = { contract: 'active', role: maybeRole, plans: undefined };
export const request: SupportRequest = { plan: 'standard', severity: maybeSeverity, at: 0, account, channel: undefined };
export const options: BusinessTimeOptions = { pauses: undefined, landing: undefined };
export const fromJson = () => compilePolicy(policyJson);
export const calendarFromJson = () => compileCalendar(JSON.parse('{}') as unknown);
export const decide = () => evaluate(compilePolicy(policyJson), request).reasons.map((reason) => reason.code === 'trial_expired');
// @ts-expect-error: a misspelt reason code does not compile
export const typo = (code: ReasonCode) => code === 'trail_expired';
