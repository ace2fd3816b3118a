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
 * `debt` names the files that still cross a line and the one module each may reach (issue 14.5: the
 * domain's resolvers and services still take the server's request context); nothing else may.
 */
const forbidden = (folders, allowed = []) =>
  `^\\.\\.?/(\\.\\./)*${allowed.length > 0 ? `(?!(${allowed.join('|')})$)` : ''}(${folders.join('|')})(/|$)`;
const layer = (files, folders, message, debt = { files: [], allowed: [] }) => [
  { files, ignores: debt.files, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: forbidden(folders), message }] }] } },
  ...(debt.files.length === 0 ? [] : [
    { files: debt.files, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: forbidden(folders, debt.allowed), message }] }] } },
  ]),
];
const DOMAIN = ['accounts', 'auth', 'conversations', 'reporting', 'dashboards', 'demo', 'server', 'cli'];
const SERVER_CONTEXT = 'server/context';
const LAYERS = [
  ...layer(['src/calendar/**', 'src/db/**', 'src/graphql/**'], DOMAIN, 'calendar, db and graphql are below the domain: they import none of it.',
    { files: ['src/db/entities.ts'], allowed: ['(accounts|auth|conversations)/[a-z-]+\\.entity'] }),
  ...layer(['src/accounts/**', 'src/auth/**', 'src/conversations/**'], ['reporting', 'dashboards', 'server', 'cli'],
    'accounts, auth and conversations are below reporting, dashboards, server and cli (reporting hooks in from above).',
    {
      files: ['src/auth/graphql/access.resolver.ts', 'src/auth/graphql/viewer.resolver.ts', 'src/conversations/graphql/directory.resolver.ts',
        'src/conversations/graphql/resolver.ts', 'src/conversations/service.ts'],
      allowed: [SERVER_CONTEXT],
    }),
  ...layer(['src/reporting/**'], ['dashboards', 'server', 'cli'], 'reporting is below dashboards, server and cli.', {
    files: ['src/reporting/export.ts', 'src/reporting/graphql/resolver.ts', 'src/reporting/saved/graphql/resolver.ts', 'src/reporting/saved/service.ts',
      'src/reporting/service.ts', 'src/reporting/source.ts'],
    allowed: [SERVER_CONTEXT],
  }),
  ...layer(['src/dashboards/**', 'src/demo/**', 'src/*.ts'], ['server', 'cli'], 'only src/server and src/cli import src/server; only bin/ imports src/cli.',
    { files: ['src/dashboards/graphql/resolver.ts', 'src/dashboards/service.ts'], allowed: [SERVER_CONTEXT] }),
  ...layer(['src/server/**'], ['cli'], 'only bin/ imports src/cli.'),
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
