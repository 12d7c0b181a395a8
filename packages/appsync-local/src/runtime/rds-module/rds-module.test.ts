import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../evaluate-code.ts';

// '@aws-appsync/utils/rds' through EvaluateCode. Every expected value is the
// answer AWS's EvaluateCode gave for the same code, as recorded in
// localstack/appsync-utils __tests__/__snapshots__/resolvers.test.js.snap (the
// test names below are the recorded ones); an error is compared without its
// `code.js:L:C: ` prefix, as that suite compares it.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html

const runtime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };

function evaluate(body: string, context: object = {}, fn: 'request' | 'response' = 'request') {
  const code = `import { util } from '@aws-appsync/utils';\nimport * as rds from '@aws-appsync/utils/rds';\nexport function request(ctx) {\n${fn === 'request' ? body : ''}\n}\nexport function response(ctx) {\n${fn === 'response' ? body : ''}\n}`;
  const output = evaluateCode({ runtime, code, context: JSON.stringify(context), function: fn });
  return output.error
    ? { message: output.error.message.replace(/^code\.js:\d+:\d+: /, '') }
    : JSON.parse(output.evaluationResult ?? 'null');
}

const pg = (expression: string) => evaluate(`return rds.createPgStatement(${expression});`);
const mysql = (expression: string) => evaluate(`return rds.createMySQLStatement(${expression});`);

function request(statements: string[], variableMap: object = {}, variableTypeHintMap: object = {}) {
  return { statements, variableMap, variableTypeHintMap };
}

const error = (message: string) => ({ message });

describe('rds resolvers (recorded EvaluateCode answers)', () => {
  it('the import the AWS suites put in front of every resolver is accepted', () => {
    expect(evaluate('return 1;')).toBe(1);
  });

  it.each([
    [
      'postgresql select',
      pg(`rds.select({ table: 'UserGroup', where: { or: [{ name: { eq: 'Stephane' } }, { id: { gt: 10 } }] }, limit: 10, offset: 1, columns: ['id', 'name'], orderBy: [{ column: 'name' }, { column: 'id', dir: 'DESC' }] })`),
      request(['SELECT "id", "name" FROM "UserGroup" WHERE ("name" = :P0) OR ("id" > :P1) ORDER BY "name" ASC, "id" DESC LIMIT :P2 OFFSET :P3'], { ':P0': 'Stephane', ':P1': 10, ':P2': 10, ':P3': 1 }),
    ],
    [
      'mysql select',
      mysql(`rds.select({ table: 'UserGroup', where: { or: [{ name: { eq: 'Stephane' } }, { id: { gt: 10 } }] }, limit: 10, offset: 1, columns: ['id', 'name'], orderBy: [{ column: 'name' }, { column: 'id', dir: 'DESC' }] })`),
      request(['SELECT `id`, `name` FROM `UserGroup` WHERE (`name` = :P0) OR (`id` > :P1) ORDER BY `name` ASC, `id` DESC LIMIT :P2 OFFSET :P3'], { ':P0': 'Stephane', ':P1': 10, ':P2': 10, ':P3': 1 }),
    ],
    [
      'postgresql update',
      pg(`rds.update({ table: 'persons', values: { name: 'name', birthday: 'today', country: 'home' }, where: { id: { eq: 'abc123' } } })`),
      request(['UPDATE "persons" SET "name" = :P0, "birthday" = :P1, "country" = :P2 WHERE "id" = :P3'], { ':P0': 'name', ':P1': 'today', ':P2': 'home', ':P3': 'abc123' }),
    ],
    [
      'postgresql insert (returning *)',
      pg(`rds.insert({ table: 'persons', values: { name: 'test' }, returning: '*' })`),
      request(['INSERT INTO "persons" ("name") VALUES (:P0) RETURNING *'], { ':P0': 'test' }),
    ],
    ['mysql insert', mysql(`rds.insert({ table: 'persons', values: { name: 'test' } })`), request(['INSERT INTO `persons` (`name`) VALUES (:P0)'], { ':P0': 'test' })],
    [
      'postgresql remove (returning columns)',
      pg(`rds.remove({ table: 'persons', where: { id: { eq: '1232' } }, returning: ['id', 'name'] })`),
      request(['DELETE FROM "persons" WHERE "id" = :P0 RETURNING "id", "name"'], { ':P0': '1232' }),
    ],
    ['mysql remove', mysql(`rds.remove({ table: 'persons', where: { id: { eq: '1232' } } })`), request(['DELETE FROM `persons` WHERE `id` = :P0'], { ':P0': '1232' })],
    [
      'postgresql raw string',
      pg('`UPDATE "document" set "data" = 10 WHERE id = ${"adb626eb"}`'),
      request(['UPDATE "document" set "data" = 10 WHERE id = adb626eb']),
    ],
    [
      'postgresql sql tagged template (two statements share the numbering)',
      pg("rds.sql`insert into Post(id, text) values(${rds.typeHint.UUID('adb6')}, ${'hello world'})`, rds.sql`select * from Post where id = ${'adb6'}`"),
      request(['insert into Post(id, text) values(:P0, :P1)', 'select * from Post where id = :P2'], { ':P0': 'adb6', ':P1': 'hello world', ':P2': 'adb6' }, { ':P0': 'UUID' }),
    ],
    [
      'postgresql type hints',
      pg(`rds.select({ table: 'UserGroup', where: { and: [{ id: { eq: rds.typeHint.UUID('1232') } }, { started: { lt: rds.typeHint.TIMESTAMP('2022-03-02T00:00:00.000Z') } }] } })`),
      request(['SELECT * FROM "UserGroup" WHERE ("id" = :P0) AND ("started" < :P1)'], { ':P0': '1232', ':P1': '2022-03-02T00:00:00.000Z' }, { ':P0': 'UUID', ':P1': 'TIMESTAMP' }),
    ],
    [
      'where mixed inline and',
      pg(`rds.select({ table: 'supplier', where: { count: { le: 10 }, and: [{ id: { eq: 123456 } }], deleted: { attributeExists: false } } })`),
      request(['SELECT * FROM "supplier" WHERE "count" <= :P0 AND ("id" = :P1) AND "deleted" IS NULL'], { ':P0': 10, ':P1': 123456 }),
    ],
    [
      'where mixed or/and multiple or',
      pg(`rds.select({ table: 'supplier', where: { and: [{ id: { eq: 'and eq' } }], or: [{ id: { eq: 'or eq 1' } }, { id: { eq: 'or eq 2' } }], id: { eq: 'id eq' } } })`),
      request(['SELECT * FROM "supplier" WHERE ("id" = :P0) AND ("id" = :P1) OR ("id" = :P2) AND "id" = :P3'], { ':P0': 'and eq', ':P1': 'or eq 1', ':P2': 'or eq 2', ':P3': 'id eq' }),
    ],
    [
      'where nested ors with ands',
      pg(`rds.select({ table: 'supplier', where: { id: { eq: 'id eq' }, or: [{ id: { eq: 'or 1' } }, { or: [{ id: { eq: 'or nested 1' } }, { id: { eq: 'or nested 2' } }] }, { id: { eq: 'final or' } }] } })`),
      request(['SELECT * FROM "supplier" WHERE "id" = :P0 AND ("id" = :P1) OR (("id" = :P2) OR ("id" = :P3)) OR ("id" = :P4)'], { ':P0': 'id eq', ':P1': 'or 1', ':P2': 'or nested 1', ':P3': 'or nested 2', ':P4': 'final or' }),
    ],
    [
      'attributeExists nested or',
      pg(`rds.select({ table: 'supplier', where: { id: { eq: '123456' }, and: [{ or: [{ deleted: { eq: false } }, { deleted: { attributeExists: false } }] }] } })`),
      request(['SELECT * FROM "supplier" WHERE "id" = :P0 AND (("deleted" = :P1) OR ("deleted" IS NULL))'], { ':P0': '123456', ':P1': false }),
    ],
    [
      'multiple conditions on one column',
      pg(`rds.select({ table: 'persons', where: { id: { ge: 1, le: 9, ne: 5 } } })`),
      request(['SELECT * FROM "persons" WHERE "id" >= :P0 AND "id" <= :P1 AND "id" != :P2'], { ':P0': 1, ':P1': 9, ':P2': 5 }),
    ],
    ['contains wraps the value in wildcards', pg(`rds.select({ table: 'persons', where: { name: { contains: 'test' } } })`), request(['SELECT * FROM "persons" WHERE "name" LIKE :P0'], { ':P0': '%test%' })],
    ['notContains does not wrap the value', pg(`rds.select({ table: 'persons', where: { name: { notContains: 'test' } } })`), request(['SELECT * FROM "persons" WHERE "name" NOT LIKE :P0'], { ':P0': 'test' })],
    ['beginsWith in mysql', mysql(`rds.select({ table: 'persons', where: { name: { beginsWith: 'te' } } })`), request(['SELECT * FROM `persons` WHERE `name` LIKE :P0'], { ':P0': 'te%' })],
    ['between a null bound', pg(`rds.select({ table: 'persons', where: { age: { between: [null, 65] } } })`), request(['SELECT * FROM "persons" WHERE "age" BETWEEN NULL AND :P0'], { ':P0': 65 })],
    [
      'size with each comparison operator',
      pg(`rds.select({ table: 'persons', where: { a: { size: { ne: 1 } }, b: { size: { gt: 2 } }, c: { size: { ge: 3 } }, d: { size: { lt: 4 } }, e: { size: { le: 5 } } } })`),
      request(['SELECT * FROM "persons" WHERE LENGTH ("a") != :P0 AND LENGTH ("b") > :P1 AND LENGTH ("c") >= :P2 AND LENGTH ("d") < :P3 AND LENGTH ("e") <= :P4'], { ':P0': 1, ':P1': 2, ':P2': 3, ':P3': 4, ':P4': 5 }),
    ],
    ['size with a nested between', pg(`rds.select({ table: 'persons', where: { name: { size: { between: [2, 8] } } } })`), request(['SELECT * FROM "persons" WHERE LENGTH ("name") BETWEEN :P0 AND :P1'], { ':P0': 2, ':P1': 8 })],
    ['size with a null value', pg(`rds.select({ table: 'persons', where: { name: { size: { eq: null } } } })`), request(['SELECT * FROM "persons" WHERE LENGTH ("name") = NULL'])],
    ['size nested in an or of an and', pg(`rds.select({ table: 'persons', where: { or: [{ and: [{ name: { size: { eq: 3 } } }] }] } })`), request(['SELECT * FROM "persons" WHERE ((LENGTH ("name") = :P0))'], { ':P0': 3 })],
    ['empty size object alongside a real condition in a group', pg(`rds.select({ table: 'persons', where: { and: [{ name: { size: {} } }, { id: { eq: 1 } }] } })`), request(['SELECT * FROM "persons" WHERE  AND ("id" = :P0)'], { ':P0': 1 })],
    ['empty condition object alongside a real condition', pg(`rds.select({ table: 'persons', where: { name: { eq: 'test' }, id: {} } })`), request(['SELECT * FROM "persons" WHERE "name" = :P0 AND'], { ':P0': 'test' })],
    ['empty objects in an or array', pg(`rds.select({ table: 'persons', where: { or: [{}, {}] } })`), request(['SELECT * FROM "persons" WHERE  OR'])],
    ['empty nested or group', pg(`rds.select({ table: 'persons', where: { and: [{ or: [] }] } })`), request(['SELECT * FROM "persons"'])],
    ['empty column list', pg(`rds.select({ table: 'domain.color', columns: [] })`), request(['SELECT FROM "domain"."color"'])],
    ['qualified star column', pg(`rds.select({ table: 'private.persons', columns: ['id', 'persons.*'] })`), request(['SELECT "id", "persons"."*" FROM "private"."persons"'])],
    ['postgresql qualified column in where clause', pg(`rds.select({ table: 'private.persons', where: { 'persons.id': { eq: 123 } } })`), request(['SELECT * FROM "private"."persons" WHERE "persons"."id" = :P0'], { ':P0': 123 })],
    ['limit and offset zero', pg(`rds.select({ table: 'domain.color', limit: 0, offset: 0 })`), request(['SELECT * FROM "domain"."color" LIMIT :P0 OFFSET :P1'], { ':P0': 0, ':P1': 0 })],
    ['a numeric string limit binds a number', pg(`rds.select({ table: 'persons', limit: '5' })`), request(['SELECT * FROM "persons" LIMIT :P0'], { ':P0': 5 })],
    ['lowercase orderBy dir is uppercased', pg(`rds.select({ table: 'persons', orderBy: [{ column: 'name', dir: 'desc' }] })`), request(['SELECT * FROM "persons" ORDER BY "name" DESC'])],
    ['an object orderBy dir sorts ascending', pg(`rds.select({ table: 'persons', orderBy: [{ column: 'name', dir: {} }] })`), request(['SELECT * FROM "persons" ORDER BY "name" ASC'])],
    ['empty values object in update', pg(`rds.update({ table: 'persons', values: {}, where: { id: { eq: 1 } } })`), request(['UPDATE "persons" SET WHERE "id" = :P0'], { ':P0': 1 })],
    ['null mixed with bound values in insert', pg(`rds.insert({ table: 'persons', values: { name: 'test', country: null } })`), request(['INSERT INTO "persons" ("name", "country") VALUES (:P0, NULL)'], { ':P0': 'test' })],
    ['empty returning array in insert', pg(`rds.insert({ table: 'persons', values: { name: 'test' }, returning: [] })`), request(['INSERT INTO "persons" ("name") VALUES (:P0) RETURNING'], { ':P0': 'test' })],
    ['select with a table alias', pg(`rds.select({ table: { persons: 'p' } })`), request(['SELECT * FROM "p" as "persons"'])],
    ['select with a qualified table alias', pg(`rds.select({ table: { 'public.persons': 'p' } })`), request(['SELECT * FROM "p" as "public"."persons"'])],
    ['select with from and the other clauses', pg(`rds.select({ from: 'domain.color', columns: ['id'], where: { id: { eq: 1 } }, limit: 2 })`), request(['SELECT "id" FROM "domain"."color" WHERE "id" = :P0 LIMIT :P1'], { ':P0': 1, ':P1': 2 })],
    ['insert uses table and ignores from', pg(`rds.insert({ from: 'ignored', table: 'persons', values: { name: 'test' } })`), request(['INSERT INTO "persons" ("name") VALUES (:P0)'], { ':P0': 'test' })],
    ['where as a sql template in an update', pg("rds.update({ table: 'persons', values: { name: 'test' }, where: rds.sql`id = ${1}` })"), request(['UPDATE "persons" SET "name" = :P0 WHERE id = :P1'], { ':P0': 'test', ':P1': 1 })],
    ['where as a sql template with nothing interpolated', pg("rds.select({ table: 'persons', where: rds.sql`id = 1` })"), request(['SELECT * FROM "persons" WHERE id = 1'])],
    [
      'between two type hints',
      pg(`rds.select({ table: 'persons', where: { birthday: { between: [rds.typeHint.DATE('2020-01-01'), rds.typeHint.DATE('2020-12-31')] } } })`),
      request(['SELECT * FROM "persons" WHERE "birthday" BETWEEN :P0 AND :P1'], { ':P0': '2020-01-01', ':P1': '2020-12-31' }, { ':P0': 'DATE', ':P1': 'DATE' }),
    ],
  ])('%s', (_recordedName, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each([
    ['rejects a select with neither table nor from', pg(`rds.select({ columns: ['id'] })`), "'table' or 'from' key is required."],
    ['rejects from and table together in select', pg(`rds.select({ from: 'a', table: 'b' })`), "'from' and 'table' keys cannot be used together"],
    ['rejects an update given only from', pg(`rds.update({ from: 'persons', values: { name: 'test' } })`), "'table' or 'from' key is required."],
    ['rejects a call with no statement', pg(''), 'An argument is expected to be passed to createPgStatement'],
    ['rejects a call with no statement in mysql', mysql(''), 'An argument is expected to be passed to createMySQLStatement'],
    ['rejects a number as a statement', pg('1'), 'Unsupported type is passed as argument to createPgStatement'],
    ['rejects an object that is not a statement', pg('{}'), 'Unsupported type is passed as argument to createPgStatement'],
    ['rejects a malformed sql tagged template', pg("rds.sql(['a'], 1, 2)"), 'java.lang.IllegalArgumentException: Unexpected argument passed to sql tagged template'],
    ['rejects a select called with no payload', pg('rds.select()'), 'An argument is expected to be passed to select'],
    ['rejects a payload given as an array', pg('rds.select([])'), 'Expected payload to be an Object.'],
    ['rejects an alias with more than one entry', pg(`rds.select({ table: { a: 'x', b: 'y' } })`), 'table alias is allowed only one key-value pair.'],
    ['rejects an empty alias', pg('rds.select({ table: {} })'), 'java.util.NoSuchElementException'],
    ['rejects a non-string alias value', pg('rds.select({ table: { persons: 1 } })'), 'Table alias value is expected to be a string.'],
    ['rejects a table given as an array', pg(`rds.select({ table: ['persons'] })`), 'table name is expected to be a string or alias.'],
    ['rejects a from that is neither a string nor an object', pg('rds.select({ from: 1 })'), "'from' value is expected to be string or object."],
    ['rejects a column list given as a plain string', pg(`rds.select({ table: 'persons', columns: 'name' })`), 'Expected column to be * or an array.'],
    ['rejects a null column name', pg(`rds.select({ table: 'persons', columns: ['name', null] })`), 'Invalid type in column array.'],
    ['rejects returning in mysql', mysql(`rds.remove({ table: 'persons', where: { id: { eq: 1 } }, returning: ['id'] })`), 'returning is not supported in MySQL.'],
    ['a malformed returning in mysql reports the column list', mysql(`rds.insert({ table: 'persons', values: { name: 'test' }, returning: 'id' })`), 'Expected column to be * or an array.'],
    ['rejects a where given as a plain string', pg(`rds.select({ table: 'persons', where: 'id = 1' })`), 'WHERE values are expected to be SQL templates or a condition object.'],
    ['rejects a bare value as a condition', pg(`rds.select({ table: 'persons', where: { name: 'test' } })`), 'Expected condition to be an Object.'],
    ['rejects an and that is not an array', pg(`rds.select({ table: 'persons', where: { and: 'nope' } })`), 'and expects conditions to be an array'],
    ['rejects a sql template inside an and group', pg("rds.select({ table: 'persons', where: { and: [rds.sql`id = ${1}`] } })"), 'Expected and to be an Object.'],
    ['rejects a string entry in an or group', pg(`rds.select({ table: 'persons', where: { or: ['id = 1'] } })`), 'Expected or to be an Object.'],
    ['rejects the in operator', pg(`rds.select({ table: 'persons', where: { id: { in: [1, 2] } } })`), 'Unsupported condition id.in.'],
    ['rejects a null equality value', pg(`rds.select({ table: 'persons', where: { id: { eq: null } } })`), "Value for id.eq can't be null."],
    ['rejects null for beginsWith', pg(`rds.select({ table: 'persons', where: { name: { beginsWith: null } } })`), "Value for name.beginsWith can't be null."],
    ['rejects a non-string for contains', pg(`rds.select({ table: 'persons', where: { name: { contains: 5 } } })`), 'name.contains expects a string value to be passed.'],
    ['rejects a non-boolean attributeExists value', pg(`rds.select({ table: 'persons', where: { name: { attributeExists: 'yes' } } })`), 'name.attributeExists expects a boolean value to be passed.'],
    ['rejects between with a value that is not an array', pg(`rds.select({ table: 'persons', where: { age: { between: 5 } } })`), 'age.between condition expects an array with length of 2.'],
    ['rejects between with the wrong number of values', pg(`rds.select({ table: 'persons', where: { age: { between: [1] } } })`), 'age.between condition expects an array with 2 values but received an array with length 1.'],
    ['rejects a nested between with the wrong number of values', pg(`rds.select({ table: 'persons', where: { name: { size: { between: [1] } } } })`), 'name.size condition expects an array with 2 values but received an array with length 1.'],
    ['rejects an unsupported size operator', pg(`rds.select({ table: 'persons', where: { name: { size: { contains: 'x' } } } })`), 'name.size has invalid size operator.'],
    ['rejects a size that is not an object', pg(`rds.select({ table: 'persons', where: { name: { size: 3 } } })`), 'Expected name.size to be an Object.'],
    ['rejects an orderBy dir that is neither ascending nor descending', pg(`rds.select({ table: 'persons', orderBy: [{ column: 'id', dir: '; DROP TABLE persons' }] })`), 'orderBy dir can have either ASC or DESC found ; DROP TABLE persons.'],
    ['rejects an orderBy that is not an array', pg(`rds.select({ table: 'persons', orderBy: { column: 'name' } })`), 'orderBy expects an array.'],
    ['rejects an orderBy item with no column', pg(`rds.select({ table: 'persons', orderBy: [{}] })`), 'orderBy item expected to have property column.'],
    ['rejects a limit that is not numeric', pg(`rds.select({ table: 'persons', limit: 'abc' })`), 'limit expects a number.'],
    ['rejects an object offset', pg(`rds.select({ table: 'persons', offset: {} })`), 'offset expects a number.'],
    ['rejects an update with no values', pg(`rds.update({ table: 'persons', where: { id: { eq: 1 } } })`), 'values are expected to be passed to update'],
    ['rejects insert values given as an array', pg(`rds.insert({ table: 'persons', values: [1] })`), 'Expected values to an Object.'],
  ])('%s', (_recordedName, actual, message) => {
    expect(actual).toEqual(error(message));
  });

  it('typehints UUID: a hint returned as such is { type, value }', () => {
    expect(evaluate(`return rds.typeHint.UUID(ctx.args.id);`, { arguments: { id: 'abc123' } })).toEqual({ type: 'UUID', value: 'abc123' });
  });
});

describe('toJsonObject (recorded EvaluateCode answers)', () => {
  const books = {
    sqlStatementResults: [
      {
        numberOfRecordsUpdated: 0,
        records: [
          [{ longValue: 12345 }, { stringValue: 'Mark Twain' }, { isNull: true }, { arrayValue: { stringValues: ['a', 'b'] } }, { booleanValue: true }, { blobValue: 'aGVsbG8=' }],
          [
            { longValue: 67890 },
            { stringValue: 'Jack London' },
            { doubleValue: 12.34 },
            { arrayValue: { arrayValues: [{ booleanValues: [true, false] }, { longValues: [1, 2] }] } },
            { booleanValue: false },
            { blobValue: 'd29ybGQ=' },
          ],
        ],
        columnMetadata: [{ label: 'id' }, { name: 'author', label: 'author' }, { name: 'optional_double' }, { name: 'tags' }, { name: 'is_active', label: 'IS ACTIVE' }, { name: 'blob_value' }],
      },
    ],
  };

  it('toJsonObject: rows keyed by label else name, NULL fields left out, arrays read (rds.toJsonObject and util.rds.toJsonObject)', () => {
    const expected = [
      [
        { id: 12345, author: 'Mark Twain', tags: ['a', 'b'], 'IS ACTIVE': true, blob_value: 'aGVsbG8=' },
        { id: 67890, author: 'Jack London', optional_double: 12.34, tags: [[true, false], [1, 2]], 'IS ACTIVE': false, blob_value: 'd29ybGQ=' },
      ],
    ];
    const context = { result: JSON.stringify(books) };
    expect(evaluate('return rds.toJsonObject(ctx.result);', context, 'response')).toEqual(expected);
    expect(evaluate('return util.rds.toJsonObject(ctx.result);', context, 'response')).toEqual(expected);
  });

  it('toJsonObject update and select: a statement without records gives [{}]', () => {
    const result = JSON.stringify({ sqlStatementResults: [{ numberOfRecordsUpdated: 1, generatedFields: [] }, books.sqlStatementResults[0]] });
    const [updated, selected] = evaluate('return rds.toJsonObject(ctx.result);', { result }, 'response');
    expect(updated).toEqual([{}]);
    expect(selected).toHaveLength(2);
  });
});
