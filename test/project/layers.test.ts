import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The folders of src/ depend one way (README, "Layout"); eslint.config.mjs enforces it and CI runs
 * `npm run lint`. These cases prove the rule fires on an import against the direction, and stays
 * quiet on one along it, as seen from a file in each layer; and that within a domain folder only its
 * graphql/ folders (resolver -> service -> engine) know GraphQL and read the request context.
 */
const ROOT = join(__dirname, '..', '..');

const FORBIDDEN: [string, string][] = [
    ['src/calendar/x.ts', '../accounts/accounts'],
    ['src/db/x.ts', '../conversations/conversation.entity'],
    ['src/accounts/x.ts', '../reporting/service'],
    ['src/conversations/x.ts', '../reporting/engine/rollup/maintain'],
    ['src/conversations/graphql/x.ts', '../../dashboards/service'],
    ['src/auth/x.ts', '../server/apollo'],
    ['src/reporting/engine/x.ts', '../../dashboards/store'],
    ['src/reporting/x.ts', '../server/http'],
    ['src/dashboards/x.ts', '../server/apollo'],
    ['src/errors.ts', './server/context'],
    ['src/server/x.ts', '../cli/main'],
    // A resolver reaches the server's request context and nothing else of the server or above.
    ['src/reporting/graphql/x.ts', '../../server/apollo'],
    ['src/conversations/graphql/x.ts', '../../server/format-error'],
    ['src/reporting/saved/graphql/x.ts', '../../../dashboards/service'],
    // Services, stores, the engine and the conversation list take the plain caller, never the request context...
    ['src/conversations/service.ts', '../server/context'],
    ['src/reporting/service.ts', '../server/context'],
    ['src/dashboards/service.ts', '../server/context'],
    // ...and know no GraphQL: no graphql/ folder (their own, another domain's, src/graphql), no type-graphql.
    ['src/reporting/service.ts', './graphql/types'],
    ['src/reporting/saved/service.ts', './graphql/inputs'],
    ['src/dashboards/service.ts', '../conversations/graphql/filter.input'],
    ['src/reporting/engine/x.ts', '../../conversations/graphql/types'],
    ['src/conversations/list.ts', './graphql/types'],
    ['src/dashboards/store.ts', 'type-graphql'],
    ['src/reporting/engine/x.ts', '../../graphql/cost'],
    ['src/accounts/x.ts', 'type-graphql/decorators'],
    ['src/db/x.ts', 'type-graphql'],
];
const ALLOWED: [string, string][] = [
    ['src/accounts/x.ts', '../calendar/time'],
    ['src/conversations/x.ts', '../accounts/data-version'],
    ['src/reporting/x.ts', '../conversations/query/filters'],
    ['src/dashboards/x.ts', '../reporting/service'],
    ['src/server/x.ts', '../dashboards/service'],
    ['src/cli/x.ts', '../server/http'],
    // The GraphQL layer of each domain folder: resolvers read the request context and know GraphQL.
    ['src/reporting/graphql/x.ts', '../../server/context'],
    ['src/reporting/saved/graphql/x.ts', '../../../server/context'],
    ['src/auth/graphql/x.ts', '../../server/context'],
    ['src/dashboards/graphql/x.ts', '../../server/context'],
    ['src/reporting/graphql/x.ts', 'type-graphql'],
    ['src/dashboards/graphql/x.ts', '../../reporting/graphql/types'],
    ['src/reporting/graphql/x.ts', '../service'],
    ['src/graphql/x.ts', 'type-graphql'],
    ['src/server/x.ts', '../reporting/graphql/resolver'],
    // A service takes the plain caller and plain inputs of the layers below.
    ['src/dashboards/service.ts', '../reporting/caller'],
    ['src/conversations/service.ts', '../auth/caller'],
];

/**
 * How many layer errors ESLint reports for a file holding only `export * from 'specifier'`, per case.
 * ESLint loads its .mjs config by dynamic import, which Jest's module sandbox refuses: one child process.
 */
function layerErrors(cases: [string, string][]): number[] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const counts = [];
      for (const [file, specifier] of cases) {
        const [result] = await eslint.lintText("export * from '" + specifier + "';\\n", { filePath: file });
        counts.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
      }
      process.stdout.write(JSON.stringify(counts));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' })) as number[];
}

describe('one-way layers', () => {
  it('an import against the direction is a lint error, one along it is not', () => {
    const counts = layerErrors([...FORBIDDEN, ...ALLOWED]);
    const verdicts = [...FORBIDDEN, ...ALLOWED].map(([file, specifier], i) => `${file} -> ${specifier}: ${counts[i] === 0 ? 'allowed' : 'refused'}`);
    expect(verdicts).toEqual([
      ...FORBIDDEN.map(([file, specifier]) => `${file} -> ${specifier}: refused`),
      ...ALLOWED.map(([file, specifier]) => `${file} -> ${specifier}: allowed`),
    ]);
  });
});
