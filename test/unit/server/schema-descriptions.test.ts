import { buildSchema, GraphQLNamedType, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { threadlineSchema } from '../../../src/server/schema';

const described = (description: string | null | undefined) => (description ?? '').trim() !== '';

/** Every part of one type that a client reads in the schema docs, as `Type`, `Type.field(arg)`, `Enum.VALUE`. */
function undescribedParts(type: GraphQLNamedType): string[] {
  const missing = described(type.description) ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

/** The schema's own types: introspection (`__`) types and the five standard scalars are graphql-js's. */
const ownTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type));

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await threadlineSchema();
    const missing = ownTypes(schema).flatMap(undescribedParts);
    expect({ undescribed: missing }).toEqual({ undescribed: [] });
  });

  it('is checked over the whole schema, root types and arguments included', async () => {
    // Guards the test above against passing vacuously: it must see the operations of docs/api.md.
    const schema = await threadlineSchema();
    const names = ownTypes(schema).map((type) => type.name);
    expect(names).toEqual(expect.arrayContaining(['Query', 'Mutation', 'RunReportInput', 'DrilldownInput', 'FilterInput', 'FilterOperator', 'Granularity', 'ReportResult']));
    expect(names).not.toEqual(expect.arrayContaining(['String']));
    expect(schema.getQueryType()?.getFields().conversations.args.map((arg) => arg.name)).toEqual(expect.arrayContaining(['filters', 'first', 'after']));
  });

  it('finds an undescribed part of each kind in a tiny schema', () => {
    const tiny = buildSchema(`
      "Root" type Query { "ok" described("ok" a: Int): Int  bare(b: Int): Int }
      "Entry" input Entry { "ok" x: Int  y: Int }
      "Level" enum Level { "ok" LOW  HIGH }
      type Naked { "ok" z: Int }
    `);
    expect(ownTypes(tiny).flatMap(undescribedParts)).toEqual(['Query.bare', 'Query.bare(b)', 'Entry.y', 'Level.HIGH', 'Naked']);
  });
});
