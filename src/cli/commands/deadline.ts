import { compileCalendar } from '../../calendar/calendar.js';
import type { SupportRequest } from '../../policy/decision.js';
import { evaluate } from '../../policy/evaluate.js';
import { holidayRegions } from '../../regions/regional.js';
import { fact, instant, integer, list, requireText, text } from '../args.js';
import type { Command } from '../command.js';
import { CONTRACT_STATUSES } from '../contractStatus.js';
import { EXIT, InputError, shown } from '../errors.js';
import { looksLikePath } from '../files.js';
import { applyContract, loadPolicy } from '../policyArg.js';
import { customerCalendar } from '../regionArg.js';
import { renderDecision } from '../render/decision.js';
import { didYouMean, matchIgnoringCase } from '../suggest.js';
import { isoInZone } from '../zoneFormat.js';

const HELP = `Usage: slaclock deadline --policy <id|file> --plan <id> --at <instant|now> [options]

Decide one support request and print the decision.

Required:
  --policy <id|file>   built-in policy id (any case; see: slaclock policies) or a policy JSON file
  --plan <id>          plan id of the policy, e.g. standard (any case)
  --at <instant>       when the case is opened: ISO-8601 with an offset (2026-11-25T15:00-07:00),
                       epoch milliseconds, or "now"

Options:
  --severity <n>       severity level (default: the policy's default severity)
  --region <code>      the customer's region: any country or state date-holidays knows (FR, US-CA,
                       DE-BY; see: slaclock regions); its calendar is Mon-Fri 09:00-17:00, closed on
                       its public holidays, in its zone
  --timezone <zone>    the customer's IANA zone (needed for a region with several zones;
                       alone: Mon-Fri 09:00-17:00 in that zone)
  --channel <name>     the channel the case comes in on, e.g. email
  --contract <x>       the account's status (active, trial, lapsed or none; not checked when
                       omitted), or a contract terms JSON file applied with withContract
  --role <role>        the requester's role, e.g. administrator
  --trial-start <instant>  when the account's trial began
  --holds <plans>      comma-separated plans the account holds (for add-on plans)
  --language <tag>     the language support is asked in, e.g. en
  --fact <key=value>   a fact for scope and routing rules (repeatable; true/false/numbers are typed)
  --json               print the decision as JSON (with a "customer" field)
  --verbose            also print each interpretation's reading and the time-zone database version
  -h, --help           show this help

Example:
  slaclock deadline --policy jumpcloud --plan standard --severity 1 --at 2026-11-25T15:00-07:00
  slaclock deadline --policy ./our-vendor.json --plan gold --at now --region FR
`;

/** `slaclock deadline`. */
export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'decide one support request: eligibility, channels, first-response deadline',
  help: HELP,
  options: {
    policy: { type: 'string' },
    plan: { type: 'string' },
    severity: { type: 'string' },
    at: { type: 'string' },
    region: { type: 'string' },
    timezone: { type: 'string' },
    channel: { type: 'string' },
    contract: { type: 'string' },
    role: { type: 'string' },
    'trial-start': { type: 'string' },
    holds: { type: 'string' },
    language: { type: 'string' },
    fact: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
  flags: {
    at: '--at',
    severity: '--severity',
    plan: '--plan',
    policy: '--policy',
    channel: '--channel',
    language: '--language',
    facts: '--fact',
    region: '--region',
    timezone: '--timezone',
    'calendar.timezone': '--timezone',
    calendar: '--region',
    'account.contract': '--contract',
    'account.role': '--role',
    'account.trialStart': '--trial-start',
    'account.plans': '--holds',
  },
  run(values, _positionals, io) {
    let policy = loadPolicy(requireText(values, 'policy', 'deadline'), '--policy');
    const contract = text(values, 'contract');
    const status = contract === undefined ? undefined : matchIgnoringCase(contract.trim(), CONTRACT_STATUSES);
    if (contract !== undefined && status === undefined) {
      if (!looksLikePath(contract)) {
        throw new InputError(`--contract must be one of ${CONTRACT_STATUSES.join(', ')} or a contract terms JSON file, got ${shown(contract)}${didYouMean(contract.trim(), CONTRACT_STATUSES)}`);
      }
      policy = applyContract(policy, contract);
    }
    const planIds = [...new Set(policy.versions.flatMap((version) => [...version.plans.keys()]))];
    const planText = requireText(values, 'plan', 'deadline');
    const plan = matchIgnoringCase(planText.trim(), planIds);
    if (plan === undefined) throw new InputError(`--plan: policy "${policy.id}" has no plan ${shown(planText)}${didYouMean(planText.trim(), planIds)}; it has ${planIds.join(', ')}`);
    const at = instant(values, 'at', io);
    if (at === undefined) requireText(values, 'at', 'deadline');
    const severity = integer(values, 'severity');
    const customer = customerCalendar(text(values, 'region'), text(values, 'timezone'));
    const account: Record<string, unknown> = {};
    if (status !== undefined) account.contract = status;
    if (text(values, 'role') !== undefined) account.role = text(values, 'role');
    const trialStart = instant(values, 'trial-start', io);
    if (trialStart !== undefined) account.trialStart = trialStart;
    const holds = list(values, 'holds');
    if (holds) account.plans = holds.map((held) => matchIgnoringCase(held, planIds) ?? held);
    const facts = Array.isArray(values.fact) ? Object.fromEntries(values.fact.map((item) => fact(String(item)))) : undefined;
    const request: SupportRequest = {
      plan,
      at: at as number,
      ...(severity !== undefined ? { severity } : {}),
      ...(customer.spec ? { calendar: compileCalendar(customer.spec, { holidayRegions }) } : {}),
      ...(Object.keys(account).length > 0 ? { account: account as SupportRequest['account'] } : {}),
      ...(text(values, 'channel') !== undefined ? { channel: text(values, 'channel') } : {}),
      ...(text(values, 'language') !== undefined ? { language: text(values, 'language') } : {}),
      ...(facts ? { facts } : {}),
    };
    const decision = evaluate(policy, request);
    if (values.json) {
      const customerDeadline =
        customer.timezone !== undefined && decision.firstResponse ? { timezone: customer.timezone, deadline: isoInZone(decision.firstResponse.deadlineMs, customer.timezone) } : null;
      io.out(`${JSON.stringify({ ...decision, customer: customerDeadline }, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(renderDecision(policy, decision, customer.timezone, values.verbose === true));
    return EXIT.ok;
  },
};
