import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the tests: the checked-in SDL plus the operations in
 * test/graphql/operations give typed documents (TypedDocumentNode) and result types.
 * `typescript-operations` emits its own enums, so it goes to a file of its own (STACK.md).
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'test/graphql/operations/**/*.graphql',
  generates: {
    'test/graphql/generated/schema-types.ts': { plugins: ['typescript'], config: { enumsAsTypes: true } },
    'test/graphql/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' } },
    },
  },
};

export default config;
