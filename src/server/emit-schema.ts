import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { threadlineSchema } from './schema';

/**
 * Writes the SDL to a file, or with `--check` fails when the checked-in file differs from what
 * the code builds (the schema drift check of CI).
 */
async function main(args: string[]): Promise<void> {
  const check = args.includes('--check');
  const file = args.find((a) => !a.startsWith('--')) ?? 'schema/schema.graphql';
  const sdl = `${printSchema(lexicographicSortSchema(await threadlineSchema()))}\n`;
  if (!check) {
    writeFileSync(file, sdl);
    console.log(`wrote ${file}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // a missing file differs
  }
  if (current !== sdl) {
    console.error(`${file} is out of date with the code: run \`npm run schema:emit\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${file} matches the code`);
}

void main(process.argv.slice(2));
