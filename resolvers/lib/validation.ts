import type { CreateEventInput, EventFilter, EventStatus, UpdateEventInput } from '../../generated/graphql';
import { formatUtcIso, parseIsoDate } from './iso-date';
import { INITIAL_STATUSES } from './lifecycle';
import { raiseValidationError, type ValidationFailure } from './errors';
import { readText } from './text';

// Every rule is checked and every failure reported at once, so a form can
// mark all its bad fields after one round trip.

const TEXT_LIMITS = {
  title: 200,
  description: 2000,
  location: 500,
  organizer: 200,
} as const;
type TextField = keyof typeof TEXT_LIMITS;
const TEXT_FIELDS: TextField[] = ['title', 'description', 'location', 'organizer'];

export const MAX_CAPACITY = 100_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_EVENT_ID_LENGTH = 128;

/** The stored form of an event's editable fields: text trimmed, date in UTC. */
export interface EventChanges {
  title?: string;
  description?: string;
  date?: string;
  location?: string;
  capacity?: number;
  organizer?: string;
  status?: EventStatus;
}

/** Control characters a multi-line text keeps: tab and line breaks. Every other one is refused. */
const MULTILINE_CONTROLS = ['\t', '\n', '\r'];
const ALLOWED_CONTROLS: Record<TextField, string[]> = {
  title: [],
  description: MULTILINE_CONTROLS,
  location: [],
  organizer: [],
};

/** A code point takes at most two UTF-16 units: text longer than this is too long without reading it. */
const MAX_UNITS_PER_CHARACTER = 2;

/** The rules one text value follows besides being well-formed Unicode. */
interface TextRule {
  /** most characters (code points, see text.ts) */
  max: number;
  /** control characters it keeps */
  allowedControls: string[];
  /** the message of a LENGTH failure */
  lengthMessage: string;
}

function textRule(path: string, max: number, allowedControls: string[] = [], trimmed = true): TextRule {
  const afterTrimming = trimmed ? ' (after trimming)' : '';
  return { max, allowedControls, lengthMessage: `${path} must be 1 to ${max} characters${afterTrimming}` };
}

/**
 * Why `text` breaks the rules every text value follows, or null: well-formed
 * Unicode, no control character but the allowed ones, 1 to `max` characters,
 * and at least one visible character.
 */
function textFailure(path: string, text: string, rule: TextRule): ValidationFailure | null {
  const lengthFailure = { field: path, rule: 'LENGTH', message: rule.lengthMessage };
  if (text.length > rule.max * MAX_UNITS_PER_CHARACTER) {
    return lengthFailure;
  }
  const facts = readText(text, rule.allowedControls);
  if (!facts.wellFormed) {
    return { field: path, rule: 'UNICODE', message: `${path} must be well-formed Unicode text (it holds a lone UTF-16 surrogate)` };
  }
  if (facts.hasForbiddenControl) {
    const kept = rule.allowedControls.length > 0 ? ' other than tab and line breaks' : '';
    return { field: path, rule: 'CONTROL_CHARACTER', message: `${path} must not contain control characters${kept}` };
  }
  if (facts.length < 1 || facts.length > rule.max) {
    return lengthFailure;
  }
  if (!facts.hasVisible) {
    return { field: path, rule: 'VISIBLE_TEXT', message: `${path} must contain a visible character` };
  }
  return null;
}

function checkText(path: string, field: TextField, value: string, failures: ValidationFailure[], changes: EventChanges) {
  const trimmed = value.trim();
  const failure = textFailure(path, trimmed, textRule(path, TEXT_LIMITS[field], ALLOWED_CONTROLS[field]));
  if (failure) {
    failures.push(failure);
    return;
  }
  changes[field] = trimmed;
}

function checkCapacity(path: string, value: number, failures: ValidationFailure[], changes: EventChanges) {
  if (Math.floor(value) !== value || value < 1 || value > MAX_CAPACITY) {
    failures.push({ field: path, rule: 'RANGE', message: `${path} must be an integer from 1 to ${MAX_CAPACITY}` });
    return;
  }
  changes.capacity = value;
}

/** A plain calendar date is `YYYY-MM-DD`: ten characters, no time of day. */
const PLAIN_DATE_LENGTH = 10;
const LAST_MS_OF_DAY = 86_400_000 - 1;

/**
 * The UTC form of an ISO 8601 date, or null after recording why it is not one.
 * With `wholeDay`, a plain date means the last moment of that day, so that a
 * range "to 2025-12-31" includes the events of December 31st, as people read it.
 */
function checkDate(path: string, value: string, failures: ValidationFailure[], wholeDay = false): string | null {
  const parsed = parseIsoDate(value);
  const epochMs = parsed !== null && wholeDay && value.length === PLAIN_DATE_LENGTH ? parsed + LAST_MS_OF_DAY : parsed;
  if (epochMs === null) {
    failures.push({
      field: path,
      rule: 'ISO8601_DATE',
      message: `${path} must be a real calendar date in ISO 8601, e.g. 2025-06-01 or 2025-06-01T18:30:00Z`,
    });
    return null;
  }
  return formatUtcIso(epochMs);
}

function checkFields(input: UpdateEventInput, failures: ValidationFailure[]): EventChanges {
  const changes: EventChanges = {};
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (typeof value === 'string') {
      checkText(`input.${field}`, field, value, failures, changes);
    }
  }
  if (typeof input.capacity === 'number') {
    checkCapacity('input.capacity', input.capacity, failures, changes);
  }
  if (typeof input.date === 'string') {
    const date = checkDate('input.date', input.date, failures);
    if (date !== null) {
      changes.date = date;
    }
  }
  if (input.status) {
    changes.status = input.status;
  }
  return changes;
}

export function validateEventId(path: string, eventId: string, failures: ValidationFailure[]) {
  const failure = textFailure(path, eventId.trim(), textRule(path, MAX_EVENT_ID_LENGTH, [], false));
  if (failure) {
    failures.push(failure);
  }
}

export function validateExpectedVersion(expectedVersion: number | null | undefined, failures: ValidationFailure[]) {
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion < 1) {
    failures.push({ field: 'expectedVersion', rule: 'RANGE', message: 'expectedVersion must be 1 or more' });
  }
}

/** Raises a ValidationError naming every failure, if there is any. */
export function assertValid(failures: ValidationFailure[]) {
  if (failures.length > 0) {
    raiseValidationError(failures);
  }
}

export function validateCreateInput(input: CreateEventInput): EventChanges & { status: EventStatus } {
  const failures: ValidationFailure[] = [];
  const changes = checkFields(input, failures);
  const status = input.status ?? 'DRAFT';
  if (INITIAL_STATUSES.indexOf(status) < 0) {
    failures.push({ field: 'input.status', rule: 'INITIAL_STATUS', message: 'input.status must be DRAFT or PUBLISHED for a new event' });
  }
  assertValid(failures);
  return { ...changes, status };
}

/** Fields given as null cannot be removed: every event has them all. */
function nullFields(input: UpdateEventInput): string[] {
  return Object.keys(input).filter((field) => input[field as keyof UpdateEventInput] === null);
}

export function validateUpdateArgs(eventId: string, input: UpdateEventInput, expectedVersion?: number | null): EventChanges {
  const failures: ValidationFailure[] = [];
  validateEventId('eventId', eventId, failures);
  validateExpectedVersion(expectedVersion, failures);
  for (const field of nullFields(input)) {
    failures.push({ field: `input.${field}`, rule: 'NOT_NULL', message: `input.${field} cannot be null` });
  }
  const changes = checkFields(input, failures);
  if (Object.keys(input).length === 0) {
    failures.push({ field: 'input', rule: 'NOT_EMPTY', message: 'input must change at least one field' });
  }
  assertValid(failures);
  return changes;
}

export interface ListQuery {
  status?: EventStatus;
  organizer?: string;
  from?: string;
  to?: string;
  limit: number;
}

export function validateListArgs(filter: EventFilter | null | undefined, limit: number | null | undefined): ListQuery {
  const failures: ValidationFailure[] = [];
  const query: ListQuery = { limit: limit ?? DEFAULT_PAGE_SIZE };
  if (query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    failures.push({ field: 'limit', rule: 'RANGE', message: `limit must be from 1 to ${MAX_PAGE_SIZE}` });
  }
  if (filter?.status) {
    query.status = filter.status;
  }
  if (typeof filter?.organizer === 'string') {
    const organizer = filter.organizer.trim();
    const failure = textFailure('filter.organizer', organizer, textRule('filter.organizer', TEXT_LIMITS.organizer));
    if (failure) {
      failures.push(failure);
    }
    query.organizer = organizer;
  }
  if (typeof filter?.from === 'string') {
    query.from = checkDate('filter.from', filter.from, failures) ?? undefined;
  }
  if (typeof filter?.to === 'string') {
    query.to = checkDate('filter.to', filter.to, failures, true) ?? undefined;
  }
  if (query.from && query.to && query.from > query.to) {
    failures.push({ field: 'filter.to', rule: 'DATE_RANGE', message: 'filter.to must not be before filter.from' });
  }
  assertValid(failures);
  return query;
}
