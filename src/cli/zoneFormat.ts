// Formatting an instant in a named IANA zone for the CLI.
import { formatZonedIso } from '../zone/isoFormat.js';
import { Zone } from '../zone/zone.js';

const shortFormatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-27T11:00:00.000-07:00`: the instant as wall time in `timezone`, with its offset. */
export function isoInZone(epochMs: number, timezone: string): string {
  return formatZonedIso(Zone.of(timezone), epochMs);
}

/** `Fri 27 Nov 2026 11:00 MST`: a short reading of the instant in `timezone`. */
export function humanInZone(epochMs: number, timezone: string): string {
  let formatter = shortFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    shortFormatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  return `${parts.weekday ?? ''} ${parts.day ?? ''} ${parts.month ?? ''} ${parts.year ?? ''} ${parts.hour ?? ''}:${parts.minute ?? ''} ${parts.timeZoneName ?? ''}`.trim();
}
