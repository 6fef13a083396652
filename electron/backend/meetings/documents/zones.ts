import ICAL from 'ical.js';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { findIana } from 'windows-iana';
import { isTimeZone } from '@shared/meetings/contract';

// Time zones in calendar files: a VTIMEZONE block for each IANA zone we write (its rules from
// timezones-ical-library's current tz data), and an IANA name for each TZID we read (Google and
// Apple write IANA names, Outlook often Windows names such as "W. Europe Standard Time").

let known: ReadonlySet<string> | null = null;

/** The zones timezones-ical-library has rules for (it logs to the console when asked for others). */
function libraryZones(): ReadonlySet<string> {
  known ??= new Set(tzlib_get_timezones(false) as string[]);
  return known;
}

/**
 * The VTIMEZONE component for an IANA zone, with `zone` itself as its TZID (the library names
 * UTC "Etc/UTC"; the TZID must be what the events say). An alias the library lacks (Europe/Kiev)
 * gets its canonical zone's rules. Null when the library has no rules for it.
 */
export function vtimezone(zone: string): ICAL.Component | null {
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  const name = [zone, canonical, zone === 'UTC' ? 'Etc/UTC' : ''].find((z) => z && libraryZones().has(z));
  if (!name) return null;
  const [block] = tzlib_get_ical_block(name) as string[];
  if (!block) return null;
  const component = new ICAL.Component(ICAL.parse(block) as unknown[]);
  component.updatePropertyWithValue('tzid', zone);
  return component;
}

/**
 * The IANA name behind a TZID read from a file: the TZID itself, the VTIMEZONE's
 * X-LIC-LOCATION, a Windows zone name, or the tail of a prefixed name
 * ("/mozilla.org/20050126_1/Europe/Berlin"). Null when none is known.
 */
export function ianaZone(tzid: string, definition: ICAL.Component | null): string | null {
  if (isTimeZone(tzid)) return tzid;
  const location = definition?.getFirstPropertyValue('x-lic-location');
  if (typeof location === 'string' && isTimeZone(location)) return location;
  const windows = findIana(tzid)?.find(isTimeZone);
  if (windows) return windows;
  const parts = tzid.split('/');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (isTimeZone(tail)) return tail;
  }
  return null;
}
