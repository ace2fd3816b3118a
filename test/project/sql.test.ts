import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * SQL in src/ is built with the `sql` tag (src/db/sql.ts): a value is `${value}`, bound as a
 * placeholder the tag writes itself, so placeholders cannot drift from their values. This scans
 * every source file for the ways around it: a `.query(`/`.report(` given separate parameters or
 * text with a `?`, a `?` placeholder written into a string, and `Sql.of` (the tag's own constructor)
 * called elsewhere. The driver calls inside src/db/ bind the tag's values and are left out.
 */
const ROOT = join(__dirname, '..', '..');
/** Where the driver itself is called: the tag's text and values are handed over here, and LOAD DATA streams rows (no values to bind). */
const DRIVER_FILES = new Set(['src/db/database.ts', 'src/db/sqlite-readers.ts', 'src/db/sql.ts', 'src/db/load-data.ts']);
/** A `?` where SQL takes a value: after a comparison, in a list, in LIMIT/OFFSET, in a tuple. */
const PLACEHOLDER = /(=|<>|<=|>=|<|>|\bIN\s*\(|\bLIKE|\bLIMIT|\bOFFSET|\bVALUES\s*\(|,)\s*\?|\(\s*\?\s*[,)]/i;
/** A lone `?` repeated into a list of placeholders: `ids.map(() => '?')`, `new Array(n).fill('?')`. */
function repeatedMark(node: ts.Node, text: string): boolean {
  if (!/^\s*\?\s*,?\s*$/.test(text)) return false;
  const parent = node.parent;
  if (parent && ts.isArrowFunction(parent) && parent.body === node) return true;
  return Boolean(parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && ['fill', 'repeat'].includes(parent.expression.name.text));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Where a file writes SQL around the tag, as `line: what`. */
export function sqlViolations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const textOf = (node: ts.Node): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}');
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'query' || method === 'report') {
        const [statement, params] = node.arguments;
        if (params) at(node, `.${method}() given parameters apart from its SQL: build it with sql\`...\``);
        const written = statement ? textOf(statement) : null;
        if (written?.includes('?')) at(node, `.${method}() given text with a ?: build it with sql\`...\``);
      }
      if (method === 'of' && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Sql') at(node, 'Sql.of outside src/db/sql.ts: use the sql tag');
    }
    // The tag's own template text is checked by the tag (it refuses a ?); other strings here.
    const isTagged = node.parent !== undefined && ts.isTaggedTemplateExpression(node.parent);
    const written = isTagged ? null : textOf(node);
    if (written !== null && (PLACEHOLDER.test(written) || repeatedMark(node, written))) at(node, `a ? placeholder written by hand: ${JSON.stringify(written.slice(0, 80))}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('SQL in src/', () => {
  it('is built with the sql tag: no hand-written placeholders, no separate parameter arrays', () => {
    const violations = sourceFiles(join(ROOT, 'src'))
      .map((file) => relative(ROOT, file))
      .filter((file) => !DRIVER_FILES.has(file))
      .flatMap((file) => sqlViolations(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(violations).toEqual([]);
  });

  it.each([
    ["db.query('SELECT id FROM users WHERE account_id = ?', [accountId]);", /given parameters apart/],
    ['tx.query(`DELETE FROM ${table} WHERE id IN (${marks(n)})`, ids);', /given parameters apart/],
    ["db.report<{ n: number }>('SELECT COUNT(*) AS n FROM t WHERE a = ?');", /given text with a \?/],
    ["const where = { sql: 'c.status = ?', params: ['OPEN'] };", /placeholder written by hand/],
    ["const tuple = `(${columns.map(() => '?').join(', ')})`;", /placeholder written by hand/],
    ["const marks = new Array(n).fill('?').join(', ');", /placeholder written by hand/],
    ["const forged = Sql.of('a = ?', [1]);", /Sql\.of outside/],
  ])('catches %s', (code, reason) => {
    expect(sqlViolations('src/x.ts', code).join('\n')).toMatch(reason);
  });

  it.each([
    'db.query(sql`SELECT id FROM users WHERE account_id = ${accountId}`);',
    "db.query(sql`UPDATE api_tokens SET scope = 'READ' WHERE id = ${id}`);",
    "throw new BadInput('first', 'must be between 1 and 500: what is it?');",
    "const search = url.indexOf('?');",
  ])('lets %s pass', (code) => {
    expect(sqlViolations('src/x.ts', code)).toEqual([]);
  });
});
