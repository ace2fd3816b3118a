import tseslint from 'typescript-eslint';

/**
 * One-way layers (README, "Layout"): a folder of src/ imports only the folders below it.
 *   calendar, db, graphql            nothing of the domain
 *   accounts, auth, conversations    calendar, db, graphql and each other
 *   reporting                        the above (it hooks into conversation writes: src/reporting/install.ts)
 *   dashboards, demo, src/*.ts       the above
 *   server                           all of the above
 *   cli                              everything; only bin/ imports it
 * Imports are relative, so a forbidden folder is one reached by going up: `../server/x`, `../../reporting/x`
 * (or `./server/x` from a file directly in src/).
 *
 * Within a domain folder, resolver -> service -> engine: its graphql/ folders (resolvers, GraphQL types
 * and inputs) are the GraphQL layer on top of it and read the server's request context
 * (`server/context`), nothing else of the server. Everything else of the domain (services, stores, the
 * engine, the conversation list) takes and returns plain objects: it imports no graphql/ folder and
 * not type-graphql.
 */
const forbidden = (folders, allowed = []) =>
  `^\\.\\.?/(\\.\\./)*${allowed.length > 0 ? `(?!(${allowed.join('|')})$)` : ''}(${folders.join('|')})(/|$)`;
const GRAPHQL = {
  regex: '^(\\.\\.?/(.*/)?graphql(/|$)|type-graphql(/|$))',
  message: 'only graphql/ folders know GraphQL: services, stores and the engine take and return plain objects, which resolvers map (README, "Layout").',
};
const SERVER_CONTEXT = 'server/context';
const restrict = (files, ignores, patterns) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });
/**
 * `files` import none of `folders`. Unless `plain` is false, only their graphql/ folders (at any depth)
 * import GraphQL, and those may reach the request context. `exception` names files that may reach one
 * more module of the forbidden folders (`allowed`, a regex).
 */
const layer = (files, folders, message, { plain = true, exception } = {}) => {
  const graphqlFolders = plain ? files.filter((f) => f.endsWith('/**')).map((f) => `${f}/graphql/**`) : [];
  const plainRules = plain ? [GRAPHQL] : [];
  return [
    restrict(files, [...graphqlFolders, ...(exception?.files ?? [])], [{ regex: forbidden(folders), message }, ...plainRules]),
    ...(graphqlFolders.length === 0 ? [] : [restrict(graphqlFolders, [], [{ regex: forbidden(folders, [SERVER_CONTEXT]), message }])]),
    ...(exception ? [restrict(exception.files, [], [{ regex: forbidden(folders, exception.allowed), message }, ...plainRules])] : []),
  ];
};
const DOMAIN = ['accounts', 'auth', 'conversations', 'reporting', 'dashboards', 'demo', 'server', 'cli'];
const BOTTOM = 'calendar, db and graphql are below the domain: they import none of it.';
const LAYERS = [
  ...layer(['src/calendar/**', 'src/db/**'], DOMAIN, BOTTOM, { exception: { files: ['src/db/entities.ts'], allowed: ['(accounts|auth|conversations)/[a-z-]+\\.entity'] } }),
  ...layer(['src/graphql/**'], DOMAIN, BOTTOM, { plain: false }),
  ...layer(['src/accounts/**', 'src/auth/**', 'src/conversations/**'], ['reporting', 'dashboards', 'server', 'cli'],
    'accounts, auth and conversations are below reporting, dashboards, server and cli (reporting hooks in from above).'),
  ...layer(['src/reporting/**'], ['dashboards', 'server', 'cli'], 'reporting is below dashboards, server and cli.'),
  ...layer(['src/dashboards/**', 'src/demo/**', 'src/*.ts'], ['server', 'cli'], 'only src/server and src/cli import src/server; only bin/ imports src/cli.'),
  ...layer(['src/server/**'], ['cli'], 'only bin/ imports src/cli.', { plain: false }),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/graphql/generated/', 'web/src/gql/', 'data/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...LAYERS,
);
