// Internal: how compare's messages show a value they received.

const MAX_SHOWN = 40;

/**
 * @internal A value quoted for a message, never more than {@link MAX_SHOWN}
 * characters of it (a 50 MB field must not become a 50 MB message).
 */
export function quoted(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (text.length <= MAX_SHOWN) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, MAX_SHOWN)}…`)} (${text.length} characters)`;
}
