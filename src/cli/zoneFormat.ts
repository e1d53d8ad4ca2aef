// Formatting an instant in a named IANA zone for the CLI, with Intl only.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const shortFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timezone, formatter);
  }
  return formatter;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2026-11-27T11:00:00.000-07:00`: the instant as wall time in `timezone`, with its offset. */
export function isoInZone(epochMs: number, timezone: string): string {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timezone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const wallMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, millis);
  const offsetMinutes = Math.round((wallMs - epochMs) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const wall = new Date(wallMs).toISOString().slice(0, 23);
  return `${wall}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** `Fri 27 Nov 2026 11:00 MST`: a short reading of the instant in `timezone`. */
export function humanInZone(epochMs: number, timezone: string): string {
  let formatter = shortFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
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
