// --map, --severity-map, --delimiter, --local-times and --region: how a ticket export becomes cases.
import type { ParseCasesOptions } from '../compare/cases.js';
import { CASE_FIELDS, type CaseField } from '../compare/caseReader.js';
import { choice, pairs, text, type Values } from './args.js';
import { InputError, shown, UsageError } from './errors.js';
import { looksLikePath, readJsonFile } from './files.js';
import { matchIgnoringCase } from './suggest.js';

/** --map, --severity-map, --delimiter and --region as parseCases options. */
export function caseOptions(values: Values, region: string | undefined): ParseCasesOptions {
  const columns: Partial<Record<CaseField, string>> = {};
  let severities: Record<string, number> = {};
  const map = text(values, 'map');
  if (map !== undefined) {
    const fromFile = looksLikePath(map) && !map.includes('=');
    const spec = fromFile ? mapFile(map) : { columns: Object.fromEntries(pairs(map, 'map')), severities: {} };
    for (const [field, column] of Object.entries(spec.columns)) {
      const known = matchIgnoringCase(field === 'opened' ? 'at' : field === 'first_reply' ? 'first_reply_at' : field, CASE_FIELDS);
      if (known === undefined) throw new UsageError(`--map: unknown field ${shown(field)}; fields: ${CASE_FIELDS.join(', ')} (opened is at)`);
      columns[known as CaseField] = column;
    }
    severities = spec.severities;
  }
  const severityMap = text(values, 'severity-map');
  if (severityMap !== undefined) {
    for (const [word, level] of pairs(severityMap, 'severity-map')) {
      if (!/^[+-]?\d{1,9}$/.test(level)) throw new UsageError(`--severity-map: the level of ${shown(word)} must be an integer, got ${shown(level)}`);
      // Defined, not assigned: a word such as __proto__ must become a mapping, not a prototype.
      severities = { ...severities, [word]: Number(level) };
    }
  }
  const delimiter = choice(values, 'delimiter', ['comma', 'semicolon', 'tab'] as const);
  const localTimes = text(values, 'local-times');
  return {
    ...(localTimes !== undefined ? { timezone: localTimes.trim() } : {}),
    columns,
    severities,
    ...(region !== undefined ? { region } : {}),
    ...(delimiter !== undefined ? { delimiter: ({ comma: ',', semicolon: ';', tab: '\t' } as const)[delimiter] } : {}),
  };
}

function mapFile(file: string): { columns: Record<string, string>; severities: Record<string, number> } {
  const json = readJsonFile(file, '--map file');
  const record = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const columns = record?.columns;
  const severities = record?.severities ?? {};
  const isRecord = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isRecord(columns) || !isRecord(severities) || Object.values(columns as object).some((value) => typeof value !== 'string') || Object.values(severities as object).some((value) => !Number.isSafeInteger(value))) {
    throw new InputError(`--map file ${shown(file)} must be {"columns": {"at": "Created", ...}, "severities": {"Urgent": 1, ...}}`);
  }
  return { columns: columns as Record<string, string>, severities: { ...(severities as Record<string, number>) } };
}

