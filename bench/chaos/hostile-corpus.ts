import { request } from 'node:http';

// A generated corpus of hostile requests: documents shaped to exhaust the
// parser, bodies that are not what they claim, values at and past every
// bound, forged tokens, and seeded random text. Each case is sent once; the
// figures are how many answered 5xx, how many got no answer at all, and how
// many answers show internals (a stack trace, DynamoDB's words, the table).

export interface HostileCase {
  name: string;
  method?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

const CREATE = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { eventId } }';
const LIST = 'query($filter: EventFilter, $limit: Int, $nextToken: String) { listEvents(filter: $filter, limit: $limit, nextToken: $nextToken) { nextToken } }';
const GET = 'query($eventId: ID!) { getEvent(eventId: $eventId) { eventId } }';

const json = (query: unknown, variables?: unknown) => JSON.stringify({ query, variables });

/** A small seeded generator, so that every run sends the same corpus. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function nested(open: string, close: string, depth: number, inner = '') {
  return open.repeat(depth) + inner + close.repeat(depth);
}

export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, body: string | Buffer, extra: Partial<HostileCase> = {}) => cases.push({ name, body, ...extra });
  for (const depth of [10, 100, 128, 129, 500, 1_000, 5_000, 20_000, 40_000]) {
    add(`list literal ${depth} deep`, json(`{ getEvent(eventId: ${nested('[', ']', depth)}) { eventId } }`));
    add(`selection ${depth} deep`, json(`{ ${nested('health { ', ' }', Math.min(depth, 12_000), 'status')} }`));
    add(`object literal ${depth} deep`, json(`{ listEvents(filter: ${nested('{ status: ', ' }', Math.min(depth, 8_000), 'DRAFT')}) { nextToken } }`));
    // written out: JSON.stringify itself overflows on such values
    add(`variables ${depth} deep`, `{"query":${JSON.stringify(LIST)},"variables":{"filter":${nested('{"a":', '}', depth, '1')}}}`);
    add(`list variable ${depth} deep`, `{"query":${JSON.stringify(GET)},"variables":{"eventId":${nested('[', ']', depth)}}}`);
  }
  for (const count of [1, 99, 100, 101, 150, 1_000, 5_000]) {
    add(`${count} aliased health fields`, json(`{ ${Array.from({ length: count }, (_, i) => `h${i}: health { status }`).join(' ')} }`));
    add(`${count} aliased createEvent fields`, json(`mutation { ${Array.from({ length: count }, (_, i) => `c${i}: createEvent(input: { title: "t", description: "d", date: "2026-01-01", location: "l", capacity: 1, organizer: "o" }) { eventId }`).join(' ')} }`));
  }
  for (const tokens of [14_999, 15_001, 40_000]) {
    add(`${tokens} tokens`, json(`{ health { ${'status '.repeat(tokens - 4)}} }`));
  }
  add('15,000 directives', json(`{ health ${'@skip(if: false) '.repeat(3_000)}{ status } }`));
  add('fragment cycle', json('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  add('1,000 fragments', json(`{ ...F0 } ${Array.from({ length: 1_000 }, (_, i) => `fragment F${i} on Query { ${i < 999 ? `...F${i + 1}` : 'health { status }'} }`).join(' ')}`));
  for (const body of ['', ' ', 'null', '[]', '{}', '"query"', '{"query":1}', '{"query":null}', '{"query":"{ health { status } }","variables":[]}', '{"query":"{ health { status } }","variables":"x"}', '{"query":"{ health { status } }","operationName":7}', '{"query":"{ health', '{"query":"\\ud800"}', '{"query":"\\u0000"}']) {
    add(`body ${JSON.stringify(body).slice(0, 40)}`, body);
  }
  add('invalid UTF-8 bytes', Buffer.concat([Buffer.from('{"query":"{ health { status } }","x":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]));
  add('JSON nested 100,000 deep', nested('[', ']', 100_000));
  const texts = ['\ud800', 'a\udfffb', '\u0000', '\u202e', '\u200b', 'x'.repeat(300), 'x'.repeat(90_000), '𝄞'.repeat(150), '\n\t', ''];
  for (const text of texts) {
    for (const field of ['title', 'description', 'location', 'organizer']) {
      add(`createEvent ${field} ${JSON.stringify(text).slice(0, 20)}`, json(CREATE, { input: { title: 't', description: 'd', date: '2026-01-01', location: 'l', capacity: 1, organizer: 'o', [field]: text } }));
    }
    add(`getEvent eventId ${JSON.stringify(text).slice(0, 20)}`, json(GET, { eventId: text }));
  }
  for (const capacity of [0, -1, 1e309, 2 ** 31, 2 ** 53, 1.5, '1', null, true, [], {}]) {
    add(`capacity ${JSON.stringify(capacity)}`, json(CREATE, { input: { title: 't', description: 'd', date: '2026-01-01', location: 'l', capacity, organizer: 'o' } }));
  }
  for (const date of ['2026-02-30', '0000-00-00', '9999-12-31T23:59:59Z', '2026-01-01T25:00:00Z', 'not a date', '2026-01-01T00:00:00', '1e10', '']) {
    add(`date ${date}`, json(CREATE, { input: { title: 't', description: 'd', date, location: 'l', capacity: 1, organizer: 'o' } }));
  }
  for (const limit of [-1, 0, 1, 100, 101, 1e9, 2 ** 31, 1.5]) {
    add(`listEvents limit ${limit}`, json(LIST, { limit }));
  }
  const next = random(7);
  for (let i = 0; i < 60; i += 1) {
    const forged = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 200) }, () => Math.floor(next() * 256))).toString('base64');
    add(`forged nextToken ${i}`, json(LIST, { nextToken: forged, filter: i % 2 ? { status: 'PUBLISHED' } : null }));
  }
  const alphabet = '{}[]()!$:@.=|&"\\#,\n abcdefghijklmnopqrstuvwxyz0123456789_-health status query mutation fragment on ...';
  for (let i = 0; i < 120; i += 1) {
    const length = 1 + Math.floor(next() * 400);
    add(`random text ${i}`, json(Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')));
  }
  for (const token of ['x', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'x'.repeat(20_000), 'Bearer abc']) {
    add(`authorization ${token.slice(0, 20)}`, json(CREATE, { input: {} }), { headers: { authorization: token } });
  }
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    add(`${method} /graphql`, method === 'GET' ? '' : json('{ health { status } }'), { method });
  }
  add('content-type text/plain', json('{ health { status } }'), { headers: { 'content-type': 'text/plain' } });
  add('lying content-length', json('{ health { status } }'), { headers: { 'content-length': '5' } });
  add('1 MB body', json(`{ health { status } } # ${'x'.repeat(1_000_000)}`));
  return cases;
}

export interface CorpusFigures {
  cases: number;
  serverErrors: number;
  noAnswer: number;
  internalsShown: number;
  /** names of the cases that failed one of the above */
  failures: string[];
}

const INTERNALS = /\bat [\w.<>]+ \(|DynamoDB:|ResourceNotFound|ConditionalCheckFailed|\(Service: DynamoDb|chaos-events/;

function send(url: URL, hostile: HostileCase, caller: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...caller, ...hostile.headers };
    const outgoing = request(url, { method: hostile.method ?? 'POST', headers, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => resolve({ status: 0, text: '' }));
    });
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', () => resolve({ status: 0, text: '' }));
    outgoing.end(hostile.body);
  });
}

/** `caller`: the headers every case carries unless it sets its own (a signed-in user's token) */
export async function runHostileCorpus(baseUrl: string, caller: Record<string, string>): Promise<CorpusFigures> {
  const corpus = hostileCorpus();
  const figures: CorpusFigures = { cases: corpus.length, serverErrors: 0, noAnswer: 0, internalsShown: 0, failures: [] };
  const url = new URL('/graphql', baseUrl);
  for (const hostile of corpus) {
    const { status, text } = await send(url, hostile, caller);
    const failures = [status >= 500 && 'serverErrors', status === 0 && 'noAnswer', INTERNALS.test(text) && 'internalsShown'].filter(
      (failure): failure is 'serverErrors' | 'noAnswer' | 'internalsShown' => Boolean(failure),
    );
    for (const failure of failures) {
      figures[failure] += 1;
    }
    if (failures.length > 0) {
      figures.failures.push(`${hostile.name}: ${status} ${text.slice(0, 100)}`);
    }
  }
  return figures;
}
