// npm run keys -- create --role ROLE [--entity KEY]… [--member-state ISO3]… --name NAME
//                | list | revoke NAME
// Manages API keys in the configured Neo4j. `create` prints the new key alone on its last line,
// once: only its slow hash is stored.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import {
  apiKeys,
  createApiKey,
  generateKey,
  knownScopes,
  revokeApiKey,
  ROLES,
  type Role,
} from '../access/index.js';
import { loadConfig } from '../config.js';
import { audit } from '../reporting/index.js';
import { connect } from '../db/connect.js';
import { ensureSchema } from '../db/schema.js';

/** Who the audit trail names for what this command does: the operating-system user, as admin. */
const operator = { actor: { name: userInfo().username, role: 'admin' }, requestId: null };

const USAGE = `usage: npm run keys -- create --role ${ROLES.join('|')} [--entity KEY]… [--member-state ISO3]… --name NAME
       npm run keys -- list
       npm run keys -- revoke NAME`;

class UsageError extends Error {}

function createOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      entity: { type: 'string', multiple: true, default: [] },
      'member-state': { type: 'string', multiple: true, default: [] },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const role = values.role as Role | undefined;
  if (role === undefined || !ROLES.includes(role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const name = values.name?.trim() ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/.test(name))
    throw new UsageError('--name is required: 1–80 letters, digits, spaces, dots, dashes');
  const entities = values.entity;
  const memberStates = values['member-state'].map((s) => s.toUpperCase());
  if (role === 'reporter' && entities.length === 0)
    throw new UsageError('a reporter key needs at least one --entity it reports for');
  if (role === 'reader' && memberStates.length === 0)
    throw new UsageError('a reader key needs at least one --member-state it may read for');
  return { role, name, entities, memberStates };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') {
    console.error(USAGE);
    return 2;
  }
  const options = command === 'create' ? createOptions(rest) : null;
  if (command === 'list' && rest.length > 0) throw new UsageError('list takes no arguments');
  if (command === 'revoke' && rest.length !== 1) throw new UsageError('revoke takes one NAME');

  const { db, close } = await connect(loadConfig(), (m) => console.error(m));
  try {
    await ensureSchema(db);
    if (command === 'list') {
      const keys = await db.read(apiKeys, {});
      for (const k of keys)
        console.log(
          [
            k.name,
            k.role,
            k.entities.length > 0 ? `entities ${k.entities.join(',')}` : '',
            k.memberStates.length > 0 ? `member states ${k.memberStates.join(',')}` : '',
            `created ${k.createdAt} by ${k.createdBy}`,
            k.revokedAt === null ? 'active' : `revoked ${k.revokedAt}`,
          ]
            .filter(Boolean)
            .join('\t'),
        );
      console.log(`${keys.length} key(s).`);
      return 0;
    }
    if (command === 'revoke') {
      const [revoked] = await db.transaction(async (tx) => {
        const rows = await tx.run(revokeApiKey, { name: rest[0]! });
        if (rows[0])
          await audit(
            tx,
            operator,
            'key.revoke',
            rows[0].name,
            { ...rows[0], revokedAt: null },
            rows[0],
          );
        return rows;
      });
      if (!revoked) {
        console.error(`No active key named "${rest[0]}".`);
        return 1;
      }
      console.log(`Revoked "${revoked.name}" (${revoked.role}).`);
      return 0;
    }
    const { role, name, entities, memberStates } = options!;
    const [known] = await db.read(knownScopes, { entities, memberStates });
    const unknownEntity = entities.find((e) => !known?.entities.includes(e));
    if (unknownEntity !== undefined)
      throw new UsageError(`--entity "${unknownEntity}" is not an entity of the graph`);
    const unknownState = memberStates.find((s) => !known?.memberStates.includes(s));
    if (unknownState !== undefined)
      throw new UsageError(`--member-state "${unknownState}" is not a Member State of the graph`);
    const key = await generateKey();
    const [created] = await db.transaction(async (tx) => {
      const rows = await tx.run(createApiKey, {
        id: key.id,
        name,
        role,
        entities,
        memberStates,
        salt: key.salt,
        hash: key.hash,
        createdBy: operator.actor.name,
      });
      if (rows[0]) await audit(tx, operator, 'key.create', rows[0].name, null, rows[0]);
      return rows;
    });
    if (!created)
      throw new UsageError(`a key named "${name}" exists; revoke it or pick another name`);
    console.log(
      `Created "${created.name}" (${created.role}). The key is shown once, on the next line:`,
    );
    console.log(key.token);
    return 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(error instanceof Error ? error.message : error);
    if (usage) console.error(USAGE);
    process.exit(usage ? 2 : 1);
  },
);
