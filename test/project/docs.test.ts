import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { CONVERSATION_SCHEMA } from '../../src/conversations/import-schema';
import { validateConversation } from '../../src/conversations/validate';
import { DASHBOARD_TEMPLATES } from '../../src/dashboards/templates';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { IMPORT_EXAMPLE } from '../support/fixtures';
import { STANDARD_REPORT_IDS } from '../support/oracle';

/**
 * The reference lives in the repository: docs/ answers what users need, says what the code does,
 * and nothing points to a file a clone does not have.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** What .gitignore leaves out: installed, built or generated at run time. */
const NOT_SOURCES = /^(node_modules|dist|data|coverage|\.git)$|\.log$|^bench-results.*\.json$|^\.env$/;

/** The project's files, as a clone (or an unpacked copy without .git) has them. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => !NOT_SOURCES.test(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}
const FILES = filesUnder('');
const MARKDOWN = FILES.filter((path) => path.endsWith('.md'));

/** The rows of the first markdown table after `heading`, as arrays of cell texts. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}"`);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
  }
  return rows;
}

const code = (cell: string) => /`([^`]+)`/.exec(cell)?.[1];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

describe('the documentation', () => {
  it('never refers to the old contract outside the repository', () => {
    const outside = new RegExp(['CONTRACT', '\\.md|\\.\\./shar', 'ed\\b'].join(''));
    const offenders = FILES.filter((path) => path !== 'package-lock.json' && !path.startsWith('test/project/') && outside.test(read(path)));
    expect(offenders).toEqual([]);
  });

  it('has every relative link of every markdown file lead to a file (and heading) of the repository', () => {
    const broken: string[] = [];
    for (const path of MARKDOWN) {
      for (const [, target] of read(path).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file === '' ? join(ROOT, path) : resolve(ROOT, dirname(path), file);
        if (relative(ROOT, resolved).startsWith('..') || !existsSync(resolved)) {
          broken.push(`${path}: ${target}`);
        } else if (anchor && resolved.endsWith('.md')) {
          const headings = [...readFileSync(resolved, 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, heading]) => anchorOf(heading));
          if (!headings.includes(anchor)) broken.push(`${path}: ${target} (no such heading)`);
        }
      }
    }
    expect(MARKDOWN.length).toBeGreaterThan(8);
    expect(broken).toEqual([]);
  });

  it('is linked from the README, every page of it', () => {
    const readme = read('README.md');
    const pages = FILES.filter((path) => /^docs\/[^/]+\.md$/.test(path));
    expect(pages.filter((page) => !readme.includes(`](${page})`))).toEqual([]);
    expect(pages).toEqual(expect.arrayContaining(['docs/README.md', 'docs/api.md', 'docs/cli.md', 'docs/import-format.md', 'docs/metrics.md', 'docs/reports.md']));
  });

  it('is where the code, the GraphQL schema and the command line help send readers', () => {
    const named = new Set<string>();
    for (const path of FILES.filter((p) => /^(src|plugins|schema|bin)\//.test(p))) {
      for (const [mention] of read(path).matchAll(/\b(docs|schema)\/[\w.-]+\.(md|json|graphql)\b/g)) named.add(mention);
    }
    expect([...named].filter((mention) => !existsSync(join(ROOT, mention)))).toEqual([]);
    expect([...named]).toEqual(expect.arrayContaining(['docs/import-format.md', 'docs/metrics.md', 'docs/reports.md', 'docs/api.md', 'schema/conversation.schema.json']));
  });

  it('shows the import example that the tests use, and it is valid for the schema and the import', () => {
    const example = /## Example\s+```json\n([\s\S]+?)```/.exec(read('docs/import-format.md'))?.[1];
    const parsed = JSON.parse(example ?? '') as unknown;
    expect(parsed).toEqual(IMPORT_EXAMPLE);
    expect(new Ajv2020({ allowUnionTypes: true }).validate(CONVERSATION_SCHEMA, parsed)).toBe(true);
    expect(validateConversation(parsed).ok).toBe(true);
  });

  it('lists the standard reports as the catalog defines them', () => {
    const rows = tableAfter(read('docs/reports.md'), '## Standard reports');
    const documented = rows.map(([id, channel, measure, dimension, dateProperty]) => [code(id), channel, code(measure), dimension.split(/[ ,]/)[0], dateProperty]);
    const defined = STANDARD_REPORT_IDS.map((id) => {
      const d = reportCatalog().get(id)!;
      return [d.id, d.channel, d.measures[0], d.dimensions[0], d.dateProperty];
    });
    expect(documented).toEqual(defined);
  });

  it('lists the dashboard templates with their reports in order', () => {
    const rows = tableAfter(read('docs/reports.md'), '## Dashboard templates');
    const documented = rows.map(([id, reports]) => [code(id), [...reports.matchAll(/`([^`]+)`/g)].map(([, report]) => report)]);
    expect(documented).toEqual(DASHBOARD_TEMPLATES.map((t) => [t.id, [...t.reportDefinitionIds]]));
  });

  it('explains every error code the API gives', () => {
    const union = /export type ErrorCode = ([^;]+);/.exec(read('src/errors.ts'))?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map(([, c]) => c);
    const documented = tableAfter(read('docs/api.md'), '## Errors').map(([c]) => code(c));
    expect(codes.length).toBeGreaterThanOrEqual(5);
    expect(documented.sort()).toEqual(codes.sort());
  });

  it('explains every error code of the HTTP layer, in its own table', () => {
    const union = /export type HttpErrorCode = ([^;]+);/.exec(read('src/errors.ts'))?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map(([, c]) => c);
    const documented = tableAfter(read('docs/api.md'), '### Errors of the HTTP request').map(([c]) => code(c));
    expect(codes.length).toBeGreaterThanOrEqual(5);
    expect(documented.sort()).toEqual(codes.sort());
  });

  it('names in the README the Node.js version that package.json requires', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const [, major, minor] = /^\^(\d+)\.(\d+)\.0$/.exec(engines) ?? [];
    expect(read('README.md')).toContain(`Requirements: Node.js ${major}, release ${major}.${minor} or later (\`engines\`: \`${engines}\``);
    expect(read('.nvmrc').trim()).toBe(major);
    // And the suite runs on it.
    const [runningMajor, runningMinor] = process.versions.node.split('.').map(Number);
    expect([runningMajor, runningMinor >= Number(minor)]).toEqual([Number(major), true]);
  });
});
