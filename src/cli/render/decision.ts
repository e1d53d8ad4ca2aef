// A decision as the lines `slaclock deadline` prints.
import type { CompiledPolicy } from '../../policy/compile.js';
import type { Decision } from '../../policy/decision.js';
import { humanInZone, isoInZone } from '../zoneFormat.js';

/** The decision in plain text; with `verbose`, the time-zone database version when the decision records it. */
export function renderDecision(policy: CompiledPolicy, decision: Decision, customerZone: string | undefined, verbose: boolean): string {
  const lines: string[] = [];
  const atMs = Date.parse(decision.at);
  const shownZone = customerZone ?? decision.firstResponse?.timezone;
  lines.push(`${policy.name} (${decision.policy}, version ${decision.version})`);
  lines.push(`plan:        ${decision.plan}, severity ${decision.severity}`);
  lines.push(shownZone !== undefined ? `opened:      ${isoInZone(atMs, shownZone)} (${humanInZone(atMs, shownZone)})` : `opened:      ${decision.at}`);
  lines.push(`eligible:    ${decision.eligible ? 'yes' : 'no'}`);
  if (decision.reasons.length > 0) {
    lines.push('reasons:');
    for (const reason of decision.reasons) {
      lines.push(`  - [${reason.effect}] ${reason.code}: ${reason.message}`);
      if (reason.remedy) lines.push(`      remedy: ${reason.remedy}`);
      if (reason.clause) lines.push(`      source: ${reason.clause.source}: "${reason.clause.text}"`);
    }
  }
  lines.push(
    `channels:    ${decision.channels.available.length > 0 ? decision.channels.available.join(', ') : '(none)'}` +
      (decision.channels.required ? ` (required: ${decision.channels.required})` : ''),
  );
  const response = decision.firstResponse;
  if (response) {
    lines.push(`target:      ${response.target}`);
    lines.push(`clock:       ${response.clock} (${response.timezone})`);
    lines.push(`deadline:    ${response.deadline} (${humanInZone(response.deadlineMs, response.timezone)})`);
    if (customerZone !== undefined) {
      lines.push(`customer:    ${isoInZone(response.deadlineMs, customerZone)} (${humanInZone(response.deadlineMs, customerZone)}, ${customerZone})`);
    }
    lines.push(`source:      ${response.clause.source}: "${response.clause.text}"`);
  } else {
    lines.push(`deadline:    none (${decision.eligible ? 'the policy publishes no first-response target for this plan and severity' : 'not eligible'})`);
  }
  if (decision.route) lines.push(`route:       ${decision.route.team}`);
  if (decision.interpretations.length > 0) {
    lines.push('interpretations:');
    for (const interpretation of decision.interpretations) lines.push(`  - ${interpretation.id}${verbose ? `: ${interpretation.reading}` : ''}`);
  }
  if (verbose) {
    // `tzdb` is added to Decision by a sibling change (#13); print it whenever a decision carries it.
    const tzdb = (decision as { tzdb?: unknown }).tzdb;
    if (tzdb !== undefined) lines.push(`tzdb:        ${tzdb === null ? 'unknown (the runtime does not expose its time-zone database version)' : String(tzdb)}`);
  }
  return `${lines.join('\n')}\n`;
}
