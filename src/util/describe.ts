/**
 * Safe, short renderings of values a caller passed, for error messages. Nothing here
 * may throw (a getter, a Proxy trap, a BigInt or a cycle must not turn a validation
 * error into a TypeError) or echo a huge input whole.
 */

/** Longest rendering of one string inside a message, in characters. */
const MAX_STRING = 120;
/** Longest rendering of a whole value. */
const MAX_VALUE = 200;
/** How many entries of an array or object a preview shows. */
const MAX_ENTRIES = 4;

/**
 * The kind of a value as a message says it: `'string'`, `'number'`, `'NaN'`,
 * `'array'`, `'null'`, `'Date'`, `'object'`...
 *
 * @example
 * ```ts
 * kindOf([1]);        // 'array'
 * kindOf(Number.NaN); // 'NaN'
 * ```
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value !== 'object') return typeof value;
  try {
    if (Array.isArray(value)) return 'array';
    if (value instanceof Date) return 'Date';
  } catch {
    // A revoked Proxy: Array.isArray throws on it.
  }
  return 'object';
}

/**
 * A value quoted for a message: strings in double quotes (truncated, with their
 * length), numbers as written, arrays and objects as a short JSON-like preview.
 *
 * @example
 * ```ts
 * quoteValue('Active');      // '"Active"'
 * quoteValue({ hours: 8 });  // '{"hours":8}'
 * quoteValue(10n);           // '10n'
 * ```
 */
export function quoteValue(value: unknown): string {
  const text = preview(value, 2);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/**
 * The received value with its kind, unless the quoting already says it:
 * `string "zero"`, `number 5`, `array ["paid"]`, `null`, `undefined`.
 *
 * @example
 * ```ts
 * describeReceived('zero'); // 'string "zero"'
 * describeReceived(null);   // 'null'
 * ```
 */
export function describeReceived(value: unknown): string {
  const kind = kindOf(value);
  if (kind === 'null' || kind === 'undefined' || kind === 'NaN') return kind;
  if (kind === 'symbol' || kind === 'function') return quoteValue(value);
  return `${kind} ${quoteValue(value)}`;
}

/**
 * A string cut to `max` characters, with a note of its full length when cut.
 *
 * @example
 * ```ts
 * truncate('a'.repeat(1000), 5); // 'aaaaa… (1000 characters)'
 * ```
 */
export function truncate(text: string, max = MAX_STRING): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

function quoteString(text: string): string {
  if (text.length <= MAX_STRING) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_STRING))}… (${text.length} characters)`;
}

function preview(value: unknown, depth: number): string {
  try {
    switch (typeof value) {
      case 'string':
        return quoteString(value);
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint':
        return truncate(`${value.toString()}n`, 40);
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'symbol':
        return truncate(value.toString(), 60);
      case 'function':
        return `function ${truncate(value.name || '(anonymous)', 40)}`;
      default:
        return previewObject(value as object | null, depth);
    }
  } catch {
    return 'a value that cannot be read';
  }
}

function previewObject(value: object | null, depth: number): string {
  if (value === null) return 'null';
  if (value instanceof Date) {
    const ms = Date.prototype.getTime.call(value);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : 'Invalid Date';
  }
  if (Array.isArray(value)) {
    if (depth === 0) return value.length === 0 ? '[]' : '[…]';
    const shown = value.slice(0, MAX_ENTRIES).map((item) => preview(item, depth - 1));
    return `[${shown.join(',')}${value.length > MAX_ENTRIES ? `,… ${value.length - MAX_ENTRIES} more` : ''}]`;
  }
  if (depth === 0) return '{…}';
  const keys = Object.keys(value);
  const shown = keys.slice(0, MAX_ENTRIES).map((key) => `${quoteString(key)}:${readPreview(value, key, depth - 1)}`);
  return `{${shown.join(',')}${keys.length > MAX_ENTRIES ? `,… ${keys.length - MAX_ENTRIES} more` : ''}}`;
}

function readPreview(object: object, key: string, depth: number): string {
  try {
    return preview((object as Record<string, unknown>)[key], depth);
  } catch {
    return '(a getter that throws)';
  }
}

/**
 * Edit distance between two short strings, counting a swap of neighbours as one edit
 * ("emial" is one edit from "email"); longer strings count as far apart.
 */
function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, k) => k)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] as number) + 1, (row[j - 1] as number) + 1, (rows[i - 1]?.[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] as number;
}

/**
 * The candidate a mistyped value most likely meant: equal ignoring case, or within a
 * small edit distance (a third of its length, at least 1); `undefined` when none is close.
 *
 * @example
 * ```ts
 * closestMatch('Active', ['active', 'trial']); // 'active'
 * closestMatch('acount', ['plan', 'account']); // 'account'
 * ```
 */
export function closestMatch(value: unknown, candidates: readonly (string | number)[]): string | number | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  if (text === undefined || text.length > 64) return undefined;
  const lower = text.toLowerCase();
  let best: string | number | undefined;
  let bestDistance = Math.max(1, Math.floor(text.length / 3)) + 1;
  for (const candidate of candidates) {
    const name = String(candidate);
    if (name === text && typeof candidate !== typeof value) return candidate;
    // Numbers are never "close" to one another: severity 9 is not a typo of 1.
    if (typeof candidate === 'number' || typeof value === 'number') continue;
    if (name.toLowerCase() === lower) return name === text ? undefined : candidate;
    const d = distance(lower, name.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * `' (did you mean "active"?)'`, or `''` when nothing is close.
 *
 * @example
 * ```ts
 * didYouMean('Active', ['active', 'trial']); // ' (did you mean "active"?)'
 * ```
 */
export function didYouMean(value: unknown, candidates: readonly (string | number)[]): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}

/**
 * `value instanceof type`, false instead of a throw when a Proxy's `getPrototypeOf`
 * trap throws: a hostile argument is bad input, never our TypeError.
 *
 * @example
 * ```ts
 * isInstanceOf(new Date(), Date); // true
 * ```
 */
export function isInstanceOf(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/**
 * `Array.isArray(value)`, false instead of a throw for a revoked Proxy.
 *
 * @example
 * ```ts
 * isArray([1]); // true
 * ```
 */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
