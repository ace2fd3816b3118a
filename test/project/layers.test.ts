import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The folders of src/ depend one way (README, "Layout"); eslint.config.mjs enforces it and CI runs
 * `npm run lint`. These cases prove the rule fires on an import against the direction, and stays
 * quiet on one along it, as seen from a file in each layer.
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
    // A file that still reaches the server's request context may reach nothing else of it.
    ['src/conversations/service.ts', '../server/apollo'],
    ['src/reporting/service.ts', '../dashboards/service'],
];
const ALLOWED: [string, string][] = [
    ['src/accounts/x.ts', '../calendar/time'],
    ['src/conversations/x.ts', '../accounts/data-version'],
    ['src/reporting/x.ts', '../conversations/query/filters'],
    ['src/dashboards/x.ts', '../reporting/service'],
    ['src/server/x.ts', '../dashboards/service'],
    ['src/cli/x.ts', '../server/http'],
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
