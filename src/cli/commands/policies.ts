import { listPolicies } from '../../catalog/registry.js';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { renderTable } from '../render/table.js';

const HELP = `Usage: slaclock policies [--json]

List the built-in policy catalog: id, vendor, plans (lowest tier first) and versions.
Any command that takes --policy or --policies also takes the path of a policy JSON file.

Options:
  --json       print the list as JSON
  -h, --help   show this help
`;

/** `slaclock policies`. */
export const policiesCommand: Command = {
  name: 'policies',
  summary: 'list the built-in policy catalog',
  help: HELP,
  options: { json: { type: 'boolean' } },
  run(values, _positionals, io) {
    const policies = listPolicies();
    if (values.json) {
      io.out(`${JSON.stringify(policies, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(
      renderTable(
        ['id', 'vendor', 'plans', 'versions'],
        policies.map((policy) => [
          policy.id,
          policy.vendor,
          policy.plans.join(', '),
          policy.versions.map((version) => (version.effectiveFrom ? `${version.id} (from ${version.effectiveFrom})` : version.id)).join(', '),
        ]),
      ),
    );
    return EXIT.ok;
  },
};
