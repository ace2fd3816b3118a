import type { CodegenConfig } from '@graphql-codegen/cli';

const SCALARS = { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' };

/**
 * Typed operations from the checked-in SDL, for two clients:
 * - the tests: the operations in test/graphql/operations give typed documents (TypedDocumentNode)
 *   and result types; `typescript-operations` emits its own enums, so it goes to a file of its own
 *   (STACK.md);
 * - the web app: the client preset reads the `graphql(...)` calls in web/src and types them.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'test/graphql/generated/schema-types.ts': { documents: 'test/graphql/operations/**/*.graphql', plugins: ['typescript'], config: { enumsAsTypes: true } },
    'test/graphql/generated/operations.ts': {
      documents: 'test/graphql/operations/**/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, scalars: SCALARS },
    },
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, scalars: SCALARS, useTypeImports: true },
    },
  },
};

export default config;
