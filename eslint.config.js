// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

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
    rules: { 'import-x/no-cycle': 'error' },
  },
  { files: ['src/db/**'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests read untyped GraphQL results; `any` there is the shape of the JSON under test.
  {
    files: ['test/**', '**/*.test.ts'],
    rules: {
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
