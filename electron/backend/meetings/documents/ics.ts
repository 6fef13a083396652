import ICAL from 'ical.js';
import { AppError } from '@shared/errors';
import { isTimeZone } from '@shared/meetings/contract';
import { MAX_ICS_EVENTS } from '@shared/meetings/documents';
import { ianaZone, vtimezone } from './zones';

// Calendar files (RFC 5545) for meetings, written and read with ical.js. Writing: every event
// carries DTSTART/DTEND with a TZID and the calendar a matching VTIMEZONE, so Outlook, Google and
// Apple show the organizer's wall time; ical.js escapes text and folds lines; lines end in CRLF.
// Reading: what Outlook, Google and Apple export (TZID with or without its VTIMEZONE, UTC "Z",
// floating and all-day values, DURATION, repeating events) becomes instants plus an IANA zone;
// an event that cannot be read becomes a problem naming it, and the others still import.

export type IcsRsvp = 'yes' | 'no' | 'maybe' | 'none';

export interface IcsPerson {
  name: string;
  email: string;
}

/** A meeting as a calendar file holds it. */
export interface IcsEvent {
  uid: string;
  title: string;
  /** UTC instants (ISO). */
  startsAt: string;
  endsAt: string;
  /** The IANA zone the meeting's times were set in. */
  timeZone: string;
  location: string;
  videoUrl: string;
  description: string;
  /** The meeting type's label and its working group's name (calendars show them as categories). */
  categories: string[];
  cancelled: boolean;
  organizer: IcsPerson | null;
  attendees: (IcsPerson & { rsvp: IcsRsvp })[];
  updatedAt: string;
}

/** An event read from a file; `notes` say what was assumed or left out. */
export interface IcsReadEvent extends Omit<IcsEvent, 'attendees' | 'updatedAt'> {
  /** Its place among the file's events (1 = first), for messages. */
  position: number;
  attendees: IcsPerson[];
  notes: string[];
}

export interface IcsProblem {
  position: number;
  title: string;
  message: string;
}

const PARTSTAT: Record<IcsRsvp, string> = { yes: 'ACCEPTED', no: 'DECLINED', maybe: 'TENTATIVE', none: 'NEEDS-ACTION' };
/** ical.js folds at `foldLength` octets plus the continuation's leading space: 74 keeps every line within RFC 5545's 75. */
const FOLD_OCTETS = 74;
const HOUR_MS = 3_600_000;

/** Writes meetings as one calendar (VCALENDAR) named `name`, stamped `now`. */
export function encodeIcs(events: readonly IcsEvent[], options: { name: string; now: string }): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Coalition Desk//Meetings//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', options.name);

  const zones = new Map<string, ICAL.Timezone | null>();
  for (const zone of new Set(events.map((e) => e.timeZone))) {
    const definition = vtimezone(zone);
    if (definition) calendar.addSubcomponent(definition);
    zones.set(zone, definition ? new ICAL.Timezone({ component: definition, tzid: zone }) : null);
  }
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);
  for (const event of events) calendar.addSubcomponent(encodeEvent(event, zones.get(event.timeZone) ?? null, stamp));

  const previous = ICAL.foldLength;
  ICAL.foldLength = FOLD_OCTETS;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = previous;
  }
}

function encodeEvent(event: IcsEvent, zone: ICAL.Timezone | null, stamp: ICAL.Time): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.updatePropertyWithValue('uid', event.uid);
  vevent.updatePropertyWithValue('dtstamp', stamp);
  vevent.addProperty(timeProperty('dtstart', event.startsAt, zone));
  vevent.addProperty(timeProperty('dtend', event.endsAt, zone));
  vevent.updatePropertyWithValue('summary', event.title);
  if (event.location) vevent.updatePropertyWithValue('location', event.location);
  if (event.videoUrl) vevent.updatePropertyWithValue('url', event.videoUrl);
  if (event.description) vevent.updatePropertyWithValue('description', event.description);
  if (event.categories.length > 0) {
    const categories = new ICAL.Property('categories');
    categories.setValues(event.categories);
    vevent.addProperty(categories);
  }
  vevent.updatePropertyWithValue('status', event.cancelled ? 'CANCELLED' : 'CONFIRMED');
  if (event.organizer) vevent.addProperty(personProperty('organizer', event.organizer));
  for (const attendee of event.attendees) {
    const property = personProperty('attendee', attendee);
    property.setParameter('role', 'REQ-PARTICIPANT');
    property.setParameter('partstat', PARTSTAT[attendee.rsvp]);
    vevent.addProperty(property);
  }
  vevent.updatePropertyWithValue('last-modified', ICAL.Time.fromJSDate(new Date(event.updatedAt), true));
  return vevent;
}

/** The wall time in the meeting's zone with its TZID; UTC ("Z") when no zone rules are known. */
function timeProperty(name: string, instant: string, zone: ICAL.Timezone | null): ICAL.Property {
  const utc = ICAL.Time.fromJSDate(new Date(instant), true);
  const property = new ICAL.Property(name);
  if (zone) {
    property.setParameter('tzid', zone.tzid);
    property.setValue(utc.convertToZone(zone));
  } else {
    property.setValue(utc);
  }
  return property;
}

function personProperty(name: string, person: IcsPerson): ICAL.Property {
  const property = new ICAL.Property(name);
  if (person.name) property.setParameter('cn', person.name);
  property.setValue(`mailto:${person.email}`);
  return property;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Refuses what is not a whole calendar file, with a sentence the coordinator can act on. */
function refuse(message: string): AppError {
  return new AppError('validation', message, { issues: [{ path: 'content', message }] });
}

/** Reads a calendar file. `defaultTimeZone` places floating and all-day times (the coordinator's zone). */
export function decodeIcs(content: string, options: { defaultTimeZone: string }): { events: IcsReadEvent[]; problems: IcsProblem[] } {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 10) {
    throw refuse('This file is not a calendar (.ics) file: it is not text. Choose the .ics file your calendar exported.');
  }
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(text)) {
    throw refuse('This file is not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR.');
  }
  if (!/\nEND:VCALENDAR$/i.test(text)) {
    throw refuse('The calendar file is cut short: it does not end with END:VCALENDAR. Export or download it again.');
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    throw refuse(`The calendar file could not be read: ${reason}.`);
  }
  // Several VCALENDARs in one file come back as a list of them.
  const calendars = (Array.isArray((parsed as unknown[])[0]) ? (parsed as unknown[]) : [parsed]).map((c) => new ICAL.Component(c as unknown[]));
  const vevents = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent').map((vevent) => ({ calendar, vevent })));
  if (vevents.length === 0) throw refuse('The calendar file holds no events.');
  if (vevents.length > MAX_ICS_EVENTS) {
    throw refuse(`The calendar file holds ${vevents.length.toLocaleString('en')} events; import at most ${MAX_ICS_EVENTS.toLocaleString('en')} at once.`);
  }

  const readers = new Map(calendars.map((calendar) => [calendar, new CalendarReader(calendar, options.defaultTimeZone)]));
  const events: IcsReadEvent[] = [];
  const problems: IcsProblem[] = [];
  vevents.forEach(({ calendar, vevent }, index) => {
    const position = index + 1;
    try {
      events.push((readers.get(calendar) as CalendarReader).read(vevent, position));
    } catch (error) {
      const message = error instanceof EventProblem ? error.message : `It could not be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).`;
      problems.push({ position, title: textValue(vevent, 'summary'), message });
    }
  });
  return { events, problems };
}

/** Why one event cannot be imported. */
class EventProblem extends Error {}

function textValue(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

interface ReadTime {
  instant: string;
  /** The IANA zone it was set in, or null when it has none (UTC, floating, all-day). */
  zone: string | null;
  isDate: boolean;
}

/** Reads the events of one VCALENDAR, with its VTIMEZONEs and its default zone. */
class CalendarReader {
  readonly #definitions = new Map<string, ICAL.Component>();
  readonly #fileRules = new Map<string, ICAL.Timezone>();
  readonly #libraryRules = new Map<string, ICAL.Timezone | null>();
  /** Where UTC, floating and all-day times are shown: the calendar's X-WR-TIMEZONE, else the coordinator's zone. */
  readonly #zone: string;
  readonly #cancelAll: boolean;

  constructor(calendar: ICAL.Component, defaultTimeZone: string) {
    for (const definition of calendar.getAllSubcomponents('vtimezone')) {
      const tzid = definition.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') this.#definitions.set(tzid, definition);
    }
    const declared = textValue(calendar, 'x-wr-timezone');
    this.#zone = isTimeZone(declared) ? declared : defaultTimeZone;
    this.#cancelAll = textValue(calendar, 'method').toUpperCase() === 'CANCEL';
  }

  read(vevent: ICAL.Component, position: number): IcsReadEvent {
    if (vevent.hasProperty('recurrence-id')) {
      throw new EventProblem('It is a changed occurrence of a repeating event; only the first occurrence of each series is imported.');
    }
    const notes: string[] = [];
    const startProperty = vevent.getFirstProperty('dtstart');
    if (!startProperty) throw new EventProblem('It has no start time (DTSTART).');
    const start = this.#time(startProperty, 'start');
    const end = this.#end(vevent, start, notes);
    if (start.isDate) notes.push(`All-day event: imported from midnight to midnight in ${this.#zone}.`);
    if (vevent.hasProperty('rrule') || vevent.hasProperty('rdate')) notes.push('Repeating event: only its first occurrence was imported.');
    const timeZone = start.zone ?? this.#zone;
    if (start.zone === null && !start.isDate) notes.push(`Times without a named time zone are shown in ${timeZone}.`);

    const organizer = person(vevent.getFirstProperty('organizer'));
    const videoUrl = [textValue(vevent, 'url'), textValue(vevent, 'x-google-conference')].find((v) => /^https?:\/\//i.test(v)) ?? '';
    return {
      position,
      uid: textValue(vevent, 'uid'),
      title: textValue(vevent, 'summary'),
      startsAt: start.instant,
      endsAt: end,
      timeZone,
      location: textValue(vevent, 'location'),
      videoUrl,
      description: textValue(vevent, 'description'),
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map((v) => String(v).trim()).filter(Boolean)),
      cancelled: this.#cancelAll || textValue(vevent, 'status').toUpperCase() === 'CANCELLED',
      organizer,
      attendees: vevent
        .getAllProperties('attendee')
        .map(person)
        .filter((p): p is IcsPerson => p !== null),
      notes,
    };
  }

  /** DTEND, or DTSTART + DURATION, or a day (all-day) / an hour (no end given). */
  #end(vevent: ICAL.Component, start: ReadTime, notes: string[]): string {
    const endProperty = vevent.getFirstProperty('dtend');
    if (endProperty) return this.#time(endProperty, 'end').instant;
    const duration = vevent.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) return new Date(Date.parse(start.instant) + duration.toSeconds() * 1000).toISOString();
    if (start.isDate) return new Date(Date.parse(start.instant) + 24 * HOUR_MS).toISOString();
    notes.push('No end time: imported as one hour long.');
    return new Date(Date.parse(start.instant) + HOUR_MS).toISOString();
  }

  #time(property: ICAL.Property, what: 'start' | 'end'): ReadTime {
    let value: unknown;
    try {
      value = property.getFirstValue();
    } catch {
      value = null;
    }
    if (!(value instanceof ICAL.Time) || value.year < 1900 || value.year > 2200) {
      throw new EventProblem(`Its ${what} time is not a valid date and time.`);
    }
    const tzid = property.getParameter('tzid');
    if (typeof tzid === 'string' && tzid !== '' && !value.isDate) {
      const definition = this.#definitions.get(tzid) ?? null;
      const zone = ianaZone(tzid, definition);
      const rules = definition ? this.#rulesOf(tzid, definition) : zone ? this.#rulesFor(zone) : null;
      if (!rules) throw new EventProblem(`Its ${what} time is in a time zone the file does not define and that is not known: "${tzid.slice(0, 80)}".`);
      return { instant: instantIn(value, rules), zone, isDate: false };
    }
    if (value.zone === ICAL.Timezone.utcTimezone) return { instant: instantIn(value, ICAL.Timezone.utcTimezone), zone: null, isDate: false };
    const rules = this.#rulesFor(this.#zone);
    if (!rules) throw new EventProblem(`Its ${what} time has no time zone, and ${this.#zone} has no known rules.`);
    return { instant: instantIn(value, rules), zone: null, isDate: value.isDate };
  }

  /** The rules a VTIMEZONE of the file defines (read once per TZID). */
  #rulesOf(tzid: string, definition: ICAL.Component): ICAL.Timezone {
    let rules = this.#fileRules.get(tzid);
    if (!rules) {
      rules = new ICAL.Timezone({ component: definition, tzid });
      this.#fileRules.set(tzid, rules);
    }
    return rules;
  }

  /** The rules of an IANA zone the file does not define, from the library (null when it has none). */
  #rulesFor(zone: string): ICAL.Timezone | null {
    if (!this.#libraryRules.has(zone)) {
      const definition = vtimezone(zone);
      this.#libraryRules.set(zone, definition ? new ICAL.Timezone({ component: definition, tzid: zone }) : null);
    }
    return this.#libraryRules.get(zone) ?? null;
  }
}

/** The instant a wall time (or a date's midnight) stands for in a zone. */
function instantIn(time: ICAL.Time, zone: ICAL.Timezone): string {
  const wall = time.clone();
  wall.isDate = false;
  wall.zone = zone;
  return new Date(wall.toUnixTime() * 1000).toISOString();
}

/** ORGANIZER / ATTENDEE: the name (CN) and the mailto: address; null without an email address. */
function person(property: ICAL.Property | null): IcsPerson | null {
  if (!property) return null;
  const value = property.getFirstValue();
  const email = typeof value === 'string' ? value.replace(/^mailto:/i, '').trim() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return null;
  const cn = property.getParameter('cn');
  return { name: typeof cn === 'string' ? cn.trim() : '', email: email.toLowerCase() };
}
