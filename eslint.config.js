// One linter for the whole tree. Type-aware rules are left to `tsc` (run by `npm test`); these rules guard the
// house style: no `any`, explicit return types on exports, messaging only through lib/protocol/, and lib/ laid out
// by where code runs, each layer importing only the layers below it (LAYERS).
import tseslint from 'typescript-eslint';

/**
 * lib/'s layers and what each may import. core is pure (no browser API, no storage, no UI); text is the shown
 * language; protocol the messages and settings storage every context shares; sites the per-site readers; the rest
 * are the contexts that run them. Nothing in lib/ imports components/ (the UI sits on top of lib, not inside it).
 */
const LAYERS = {
  core: { may: [], packages: ['wxt', '@wxt-dev', 'idb', 'preact', 'webextension-polyfill'] },
  text: { may: ['core'], packages: ['idb', 'preact'] },
  protocol: { may: ['core'], packages: ['idb', 'preact'] },
  sites: { may: ['core'], packages: ['wxt', '@wxt-dev', 'idb', 'preact', 'webextension-polyfill'] },
  background: { may: ['core', 'text', 'protocol'], packages: ['preact'] },
  content: { may: ['core', 'text', 'protocol', 'sites'], packages: ['idb', 'preact'] },
  pages: { may: ['core', 'text', 'protocol'], packages: ['idb', 'preact'] },
};

function layerRules(layer) {
  const { may, packages } = LAYERS[layer];
  const above = Object.keys(LAYERS).filter((other) => other !== layer && !may.includes(other));
  return {
    files: [`lib/${layer}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)components(/|$)', message: 'lib/ never imports components/: hand the view in from the entrypoint.' },
            ...(above.length > 0
              ? [{ regex: `(^|/)(${above.join('|')})/`, message: `lib/${layer}/ may import only ${['lib/' + layer, ...may.map((m) => 'lib/' + m)].join(', ')}.` }]
              : []),
            ...packages.map((name) => ({ regex: `^${name.replace('/', '\\/')}(/|$)`, message: `lib/${layer}/ does not use ${name}.` })),
          ],
        },
      ],
    },
  };
}

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
    ignores: ['lib/protocol/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='runtime'][property.name=/^(sendMessage|onMessage)$/]",
          message: 'Send and receive messages only through lib/protocol/ (one typed message map).',
        },
      ],
    },
  },
  ...Object.keys(LAYERS).map(layerRules),
  {
    // Anything else directly in lib/ is a layer nobody placed yet: it may not reach for components/ either.
    files: ['lib/*.ts', 'lib/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)components(/|$)', message: 'lib/ never imports components/.' }] }] },
  },
  {
    // Tests and scripts may use small inline helpers without annotated return types.
    files: ['tests/**', 'scripts/**', '*.config.ts'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
);
