// One linter for the whole tree. Type-aware rules are left to `tsc` (run by `npm test`); these rules guard the
// house style: no `any`, explicit return types on exports, messaging only through lib/messaging.ts.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'assets/**', '.cache/**', 'store/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['lib/messaging.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='runtime'][property.name=/^(sendMessage|onMessage)$/]",
          message: 'Send and receive messages only through lib/messaging.ts (one typed message map).',
        },
      ],
    },
  },
  {
    // Tests and scripts may use small inline helpers without annotated return types.
    files: ['tests/**', 'scripts/**', '*.config.ts'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
);
