// npm run confidential -- import FILE | list | remove KEY
// Manages confidential recommendations in the configured Neo4j: `import` validates a JSON file of
// seed-format recommendation records with `confidentialTo` (the entitled Member States) and
// writes it all or not at all; `list` shows keys and entitled States, never the content.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import {
  confidentialIndex,
  importConfidential,
  removeConfidential,
} from '../confidential/index.js';
import { loadConfig } from '../config.js';
import { SeedValidationError } from '../records/index.js';
import { connect } from '../db/connect.js';
import { ensureSchema } from '../db/schema.js';

const USAGE = `usage: npm run confidential -- import FILE
       npm run confidential -- list
       npm run confidential -- remove KEY`;

async function main([command, ...rest]: string[]): Promise<number> {
  const arity = { import: 1, list: 0, remove: 1 }[command ?? ''];
  if (arity === undefined || rest.length !== arity) {
    console.error(USAGE);
    return 2;
  }
  let raw: unknown;
  if (command === 'import') {
    try {
      raw = JSON.parse(await readFile(rest[0]!, 'utf8'));
    } catch (error) {
      console.error(`Cannot read ${rest[0]}: ${(error as Error).message}`);
      return 1;
    }
  }
  const { db, close } = await connect(loadConfig(), (m) => console.error(m));
  try {
    await ensureSchema(db);
    if (command === 'list') {
      const rows = await db.read(confidentialIndex, {});
      for (const r of rows)
        console.log(
          `${r.key}\tentitled ${r.entitledStates.join(',')}\trecorded ${r.recordedAt} by ${r.recordedBy}`,
        );
      console.log(`${rows.length} confidential record(s).`);
      return 0;
    }
    if (command === 'remove') {
      const [removed] = await db.write(removeConfidential, { key: rest[0]! });
      if (!removed) {
        console.error(`No confidential record has the key "${rest[0]}".`);
        return 1;
      }
      console.log(`Removed "${rest[0]}".`);
      return 0;
    }
    const count = await importConfidential(db, rest[0]!, raw, userInfo().username);
    console.log(`Imported ${count} confidential recommendation(s) from ${rest[0]}.`);
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
