import { registerEnumType } from 'type-graphql';

/**
 * Declares a GraphQL enum from the product's own string union: every value needs a description
 * (the Record type makes a missing one a compile error), and the returned object is what
 * `@Field(() => ...)` takes.
 */
export function graphqlEnum<T extends string>(name: string, description: string, values: Record<T, string>): { [K in T]: K } {
  const enumObject = Object.fromEntries(Object.keys(values).map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries<string>(values).map(([v, d]) => [v, { description: d }])) as Record<T, { description: string }>,
  });
  return enumObject;
}
