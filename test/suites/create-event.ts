import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EVENT, eventInput } from '../support/event-operations';
import { startLocalApi, type LocalApi, type LocalApiSource } from '../support/local-api';

/** createEvent's behaviour, against the Events API wired from the model or served from its cloud assembly. */
export function createEventTests(source: LocalApiSource): void {
  let api: LocalApi;
  beforeAll(async () => {
    api = await startLocalApi({ source });
  });
  afterAll(() => api?.close());

  describe('createEvent', () => {
    it('creates a DRAFT event at version 1 with its date stored in UTC', async () => {
      const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput({ date: '2025-06-01T20:30:00+02:00' }) });
      expect(errors).toBeUndefined();
      const event = data!.createEvent;
      expect(event).toMatchObject({ ...eventInput(), date: '2025-06-01T18:30:00.000Z', status: 'DRAFT', version: 1 });
      expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.createdAt).toBe(event.updatedAt);
      expect(Date.parse(event.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await api.storedEvent(event.eventId)).toMatchObject({ title: 'Serverless meetup', version: 1 });
    });

    it('accepts a plain calendar date and PUBLISHED as the first status', async () => {
      const { data } = await api.request(CREATE_EVENT, { input: eventInput({ date: '2025-07-04', status: 'PUBLISHED' }) });
      expect(data!.createEvent).toMatchObject({ date: '2025-07-04T00:00:00.000Z', status: 'PUBLISHED' });
    });

    it('trims text fields before storing them', async () => {
      const { data } = await api.request(CREATE_EVENT, { input: eventInput({ title: '  Padded  ' }) });
      expect(data!.createEvent.title).toBe('Padded');
    });

    it('reports every broken rule at once as a ValidationError, and stores nothing', async () => {
      const before = await api.storedEventCount();
      const { data, errors } = await api.request(CREATE_EVENT, {
        input: eventInput({
          title: '   ',
          description: 'x'.repeat(2001),
          location: '',
          organizer: 'o'.repeat(201),
          capacity: 0,
          date: '2025-02-30',
          status: 'ACTIVE',
        }),
      });
      expect(data).toEqual({ createEvent: null });
      expect(errors).toHaveLength(1);
      expect(errors![0].errorType).toBe('ValidationError');
      expect(errors![0].path).toEqual(['createEvent']);
      const failures = (errors![0].errorInfo as { failures: { field: string; rule: string }[] }).failures;
      expect(failures.map((failure) => `${failure.field}:${failure.rule}`).sort()).toEqual([
        'input.capacity:RANGE',
        'input.date:ISO8601_DATE',
        'input.description:LENGTH',
        'input.location:LENGTH',
        'input.organizer:LENGTH',
        'input.status:INITIAL_STATUS',
        'input.title:LENGTH',
      ]);
      expect(await api.storedEventCount()).toBe(before);
    });

    it.each([
      ['title', 'x'.repeat(200), 'x'.repeat(201)],
      ['description', 'x'.repeat(2000), 'x'.repeat(2001)],
      ['location', 'x'.repeat(500), 'x'.repeat(501)],
      ['organizer', 'x'.repeat(200), 'x'.repeat(201)],
      ['capacity', 100_000, 100_001],
      ['capacity', 1, -5],
      ['date', '2024-02-29', '2023-02-29'],
      ['date', '2025-06-01T23:59:59Z', '2025-06-01T24:00:00Z'],
    ])('accepts %s at its limit and rejects it just past', async (field, valid, invalid) => {
      const accepted = await api.request(CREATE_EVENT, { input: eventInput({ [field]: valid }) });
      expect(accepted.errors).toBeUndefined();
      const rejected = await api.request(CREATE_EVENT, { input: eventInput({ [field]: invalid }) });
      expect(rejected.errors![0]).toMatchObject({ errorType: 'ValidationError' });
      expect(rejected.errors![0].message).toContain(`input.${field}`);
    });

    it('returns a created event with its id when a sibling create in the same request fails', async () => {
      const before = await api.storedEventCount();
      const { data, errors } = await api.request(
        `mutation Both($valid: CreateEventInput!, $invalid: CreateEventInput!) {
          valid: createEvent(input: $valid) { eventId title }
          invalid: createEvent(input: $invalid) { eventId title }
        }`,
        { valid: eventInput({ title: 'Kept' }), invalid: eventInput({ capacity: 0 }) },
      );
      expect(data!.invalid).toBeNull();
      expect(data!.valid).toMatchObject({ title: 'Kept' });
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({ errorType: 'ValidationError', path: ['invalid'] });
      expect(await api.storedEvent(data!.valid.eventId)).toMatchObject({ title: 'Kept' });
      expect(await api.storedEventCount()).toBe(before + 1);
    });

    it('rejects a status outside the enum before any resolver runs', async () => {
      const before = await api.storedEventCount();
      const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput({ status: 'POSTPONED' }) });
      expect(data).toBeNull();
      expect(errors![0].message).toContain('POSTPONED');
      expect(await api.storedEventCount()).toBe(before);
    });
  });

  describe('createEvent: text is text', () => {
    function failuresOf(errors: { errorInfo?: Record<string, unknown> | null }[] | undefined) {
      return (errors![0].errorInfo as { failures: { field: string; rule: string }[] }).failures;
    }

    it.each([
      ['a lone high surrogate', 'Party \uD83D', 'UNICODE'],
      ['a lone low surrogate', '\uDE00 Party', 'UNICODE'],
      ['NUL alone', '\u0000', 'CONTROL_CHARACTER'],
      ['BEL, ESC and DEL alone', '\u0007\u001B\u007F', 'CONTROL_CHARACTER'],
      ['a NUL inside text', 'Meet\u0000up', 'CONTROL_CHARACTER'],
      ['a line break in a one-line field', 'Meet\nup', 'CONTROL_CHARACTER'],
      ['a zero-width space alone', '\u200B', 'VISIBLE_TEXT'],
      ['bidi overrides alone', '\u202E\u202D\u2066', 'VISIBLE_TEXT'],
    ])('refuses a title of %s as a ValidationError and stores nothing', async (_, title, rule) => {
      const before = await api.storedEventCount();
      const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput({ title }) });
      expect(data).toEqual({ createEvent: null });
      expect(errors![0].errorType).toBe('ValidationError');
      expect(failuresOf(errors)).toEqual([expect.objectContaining({ field: 'input.title', rule })]);
      expect(await api.storedEventCount()).toBe(before);
    });

    it('refuses a lone surrogate in every text field at once', async () => {
      const lone = 'x\uDBFFy';
      const { errors } = await api.request(CREATE_EVENT, {
        input: eventInput({ title: lone, description: lone, location: lone, organizer: lone }),
      });
      expect(failuresOf(errors).map((failure) => `${failure.field}:${failure.rule}`)).toEqual([
        'input.title:UNICODE',
        'input.description:UNICODE',
        'input.location:UNICODE',
        'input.organizer:UNICODE',
      ]);
    });

    it('keeps tabs and line breaks in a description, and invisible joiners inside visible text', async () => {
      const description = 'Agenda:\n\t18:30 talks\r\n\t20:00 drinks';
      const title = 'Family day 👨\u200D👩\u200D👧';
      const { data, errors } = await api.request(CREATE_EVENT, { input: eventInput({ title, description }) });
      expect(errors).toBeUndefined();
      expect(await api.storedEvent(data!.createEvent.eventId)).toMatchObject({ title, description });
    });

    it('counts characters as code points: 200 emoji fill a title, 201 do not', async () => {
      const accepted = await api.request(CREATE_EVENT, { input: eventInput({ title: '🎉'.repeat(200) }) });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.createEvent.title).toBe('🎉'.repeat(200));
      const refused = await api.request(CREATE_EVENT, { input: eventInput({ title: '🎉'.repeat(201) }) });
      expect(failuresOf(refused.errors)).toEqual([expect.objectContaining({ field: 'input.title', rule: 'LENGTH' })]);
    });
  });
}
