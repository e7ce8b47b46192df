// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The areas of src/: each stands beside the others and is entered through its index.ts. */
const AREAS = [
  'nodes',
  'lists',
  'analytics',
  'explorer',
  'export',
  'inference',
  'access',
  'records',
  'reporting',
  'confidential',
];

/**
 * Who may import whom in src/. From the bottom: core/ (shared kernel), db/, the areas, then
 * graphql/ and http/, then the entry points (server.ts, cli/), the only modules that reach seed/.
 * An area meets another area, and graphql/ and http/ meet the areas, only through index.ts; of
 * graphql/ an area sees only the API's contract types (context.ts, generated.ts).
 */
function layerZones() {
  const src = (path) => `./src/${path}`;
  const entryPoints = [src('server.ts'), src('cli'), './seed', './bench'];
  const areas = AREAS.map(src);
  return [
    {
      target: src('core'),
      from: [src('db'), ...areas, src('graphql'), src('http'), ...entryPoints],
      message: 'core/ is the bottom layer: it imports nothing else of ours.',
    },
    {
      target: src('db'),
      from: [...areas, src('graphql'), src('http'), ...entryPoints],
      message: 'db/ sits below the areas.',
    },
    ...AREAS.flatMap((area) => [
      ...AREAS.filter((other) => other !== area).map((other) => ({
        target: src(area),
        from: src(other),
        except: ['./index.ts'],
        message: `Enter ${other}/ through its index.ts.`,
      })),
      {
        target: src(area),
        from: src('graphql'),
        except: ['./context.ts', './generated.ts'],
        message: 'Areas see only the contract types of graphql/ (context.ts, generated.ts).',
      },
      {
        target: src(area),
        from: [src('http'), ...entryPoints],
        message: 'Areas sit below http/ and the entry points.',
      },
    ]),
    ...['graphql', 'http'].flatMap((layer) =>
      AREAS.map((area) => ({
        target: src(layer),
        from: src(area),
        except: ['./index.ts'],
        message: `Enter ${area}/ through its index.ts.`,
      })),
    ),
    {
      target: [src('graphql'), src('http')],
      from: entryPoints,
      message: 'Only the entry points reach seed/.',
    },
  ];
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'src/graphql/generated.ts', '.neo4j/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Sessions and raw queries belong to src/db/ (and the seed writer, through Db.transaction).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='session']",
          message: 'Open sessions only in src/db/.',
        },
        {
          selector: "CallExpression[callee.property.name='executeQuery']",
          message: 'Run Cypher only through Db (src/db/db.ts).',
        },
      ],
    },
  },
  // No import cycles between our modules: an ES module in a cycle can be read before it has run
  // (undefined bindings, TDZ errors at start-up). Type-only imports are erased and do not count.
  // The resolver follows TypeScript's resolution, so `./x.js` specifiers find `./x.ts`.
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
  { files: ['src/db/**'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests read untyped GraphQL results; `any` there is the shape of the JSON under test. They may
  // also reach inside an area to test a part of it.
  {
    files: ['test/**', '**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['*.js', '*.config.ts', 'codegen.ts'], ...tseslint.configs.disableTypeChecked },
);
