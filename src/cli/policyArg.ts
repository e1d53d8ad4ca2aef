// --policy, --policies and --contract: built-in ids (any case) or JSON files, mixed.
import { existsSync } from 'node:fs';
import { formatPath, SlaclockError } from '../errors.js';
import { compilePolicy, type CompiledPolicy } from '../policy/compile.js';
import { getPolicy, listPolicies } from '../catalog/registry.js';
import { withContract, type ContractTerms } from '../policy/contract.js';
import { holidayRegions } from '../regions/regional.js';
import { InputError, shown, UsageError } from './errors.js';
import { list, type Values } from './args.js';
import { looksLikePath, readJsonFile } from './files.js';
import { didYouMean, matchIgnoringCase } from './suggest.js';

/** Every problem of a SlaclockError, one line each: `path: message`. */
export function issueLines(error: SlaclockError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? formatPath(issue.path) : '(root)'}: ${issue.message}`);
}

/** A built-in policy id (matched ignoring case) or a path to a policy JSON file, compiled. */
export function loadPolicy(argument: string, flag: string): CompiledPolicy {
  const ids = listPolicies().map((policy) => policy.id);
  const id = matchIgnoringCase(argument.trim(), ids);
  if (id !== undefined) return compilePolicy(getPolicy(id));
  if (!looksLikePath(argument) && !existsSync(argument)) {
    throw new InputError(`${flag}: unknown policy ${shown(argument)}${didYouMean(argument.trim(), ids)}; built-in policies: ${ids.join(', ')} (or give the path of a policy JSON file)`);
  }
  return compileFile(argument, 'policy file', (json) => compilePolicy(json as never, { holidayRegions }));
}

/** Applies contract terms from a JSON file (`withContract`). */
export function applyContract(policy: CompiledPolicy, file: string): CompiledPolicy {
  return compileFile(file, 'contract file', (json) => compilePolicy(withContract(policy, json as ContractTerms, { holidayRegions }), { holidayRegions }));
}

function compileFile(file: string, what: string, compile: (json: unknown) => CompiledPolicy): CompiledPolicy {
  const json = readJsonFile(file, what);
  try {
    return compile(json);
  } catch (error) {
    if (!(error instanceof SlaclockError)) throw error;
    const count = error.issues.length;
    throw new InputError(`${what} ${shown(file)} has ${count} problem${count === 1 ? '' : 's'} (see: slaclock validate ${file}):`, issueLines(error));
  }
}

/** The policies of --policies (default: the catalog, one per vendor) with their --contract terms. */
export function loadPolicies(values: Values): CompiledPolicy[] {
  const names = list(values, 'policies');
  if (names !== undefined && names.length === 0) throw new UsageError('--policies names no policy');
  const vendors = new Set<string>();
  const defaults = listPolicies().filter((summary) => !vendors.has(summary.vendor) && vendors.add(summary.vendor)).map((summary) => summary.id);
  const policies = (names ?? defaults).map((name) => loadPolicy(name, '--policies'));
  const contracts = Array.isArray(values.contract) ? values.contract.map(String) : [];
  for (const contract of contracts) {
    const index = contract.indexOf('=');
    const named = index > 0 && !looksLikePath(contract.slice(0, index)) ? contract.slice(0, index) : undefined;
    const file = named === undefined ? contract : contract.slice(index + 1);
    let target = 0;
    if (named === undefined) {
      if (policies.length !== 1) throw new UsageError(`--contract ${shown(contract)}: name the policy it applies to (id=file) when comparing ${policies.length} policies`);
    } else {
      target = policies.findIndex((policy) => policy.id.toLowerCase() === named.toLowerCase());
      if (target < 0) throw new UsageError(`--contract: no compared policy is ${shown(named)}; compared: ${policies.map((policy) => policy.id).join(', ')}`);
    }
    policies[target] = applyContract(policies[target] as CompiledPolicy, file);
  }
  return policies;
}

