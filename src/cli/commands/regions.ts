import { listRegions } from '../../compare/regionCatalog.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { renderTable } from '../render/table.js';

const HELP = `Usage: slaclock regions [country] [--json]

List the region codes --region takes: every country date-holidays knows, or with a
country code its states. A region with one time zone needs no --timezone.

Options:
  --json       print the list as JSON
  -h, --help   show this help

Examples:
  slaclock regions
  slaclock regions US
`;

/** `slaclock regions`. */
export const regionsCommand: Command = {
  name: 'regions',
  summary: 'list the region codes --region takes (countries, or the states of one)',
  help: HELP,
  options: { json: { type: 'boolean' } },
  positionals: true,
  flags: { country: 'country' },
  run(values, positionals, io) {
    if (positionals.length > 1) throw new UsageError(`regions: expected at most one country code, got ${positionals.length} arguments`);
    const regions = listRegions(positionals[0]);
    if (values.json) {
      io.out(`${JSON.stringify(regions, null, 2)}\n`);
      return EXIT.ok;
    }
    const zones = (timezones: readonly string[]) => (timezones.length <= 3 ? timezones.join(', ') : `${timezones.slice(0, 3).join(', ')} and ${timezones.length - 3} more`);
    io.out(renderTable(['code', 'name', 'time zones'], regions.map((region) => [region.code, region.name, zones(region.timezones) || '-'])));
    return EXIT.ok;
  },
};
