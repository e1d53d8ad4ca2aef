// Internal: text safe inside XML and HTML content and attribute values.

/** @internal Escapes `& < > " '` for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string);
}
