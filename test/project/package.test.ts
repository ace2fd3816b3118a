import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the package ships, what npm may run when installing it, and what it exports. */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };

describe('the package', () => {
  it('covers in allowScripts every installed package with an install script, running only better-sqlite3\'s', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = [...new Set(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.replace(/^.*node_modules\//, '')))].sort();
    // A new dependency with an install script fails `npm ci --strict-allow-scripts` until it is reviewed here.
    expect(Object.keys(pkg.allowScripts).sort()).toEqual(withScripts);
    expect(Object.entries(pkg.allowScripts).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(['better-sqlite3']);
  });

  it('ships the command, its build, the web app, the docs and the import schema, and no tests or sources', () => {
    // --ignore-scripts: packing must not rebuild dist/ under the CLI tests running beside this one.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json', 'README.md', 'bin/threadline.js', 'dist/src/cli/main.js', 'dist/web/index.html', 'dist/schema/conversation.schema.json', 'schema/conversation.schema.json',
        'schema/schema.graphql', 'docs/README.md', 'docs/api.md', 'docs/cli.md', 'docs/import-format.md', 'docs/metrics.md', 'docs/reports.md', 'plugins/README.md',
      ]),
    );
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('dist/bench/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('exports the plugin kit as threadline/plugin, with its types', () => {
    const resolved = execFileSync(process.execPath, ['-p', 'const kit = require("threadline/plugin"); [require.resolve("threadline/plugin"), typeof kit.defineMeasure, typeof kit.defineReport].join(" ")'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(resolved).toBe(`${join(ROOT, 'dist', 'src', 'plugin.js')} function function`);
    expect(readFileSync(join(ROOT, 'dist', 'src', 'plugin.d.ts'), 'utf8')).toContain('export declare function defineReport(definition: ReportDefinition): ReportDefinition;');
  });

  it('exports the import schema as threadline/conversation.schema.json', () => {
    // Resolved by Node itself (a package may require itself by name), as an integrator's code would.
    const resolved = execFileSync(process.execPath, ['-p', 'require.resolve("threadline/conversation.schema.json")'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(resolved).toBe(join(ROOT, 'schema', 'conversation.schema.json'));
  });
});
