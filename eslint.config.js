import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// What no file of the core imports: React, and anything above it.
const CORE_PATTERNS = [
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'src/core has no React.',
  },
  {
    group: [
      '../hooks/*',
      '../components/*',
      '../prefabs/*',
      '../locales/*',
      '../VideoCall',
      '../../hooks/*',
      '../../components/*',
      '../../prefabs/*',
      '../../locales/*',
      '../../VideoCall',
    ],
    message: 'src/core imports nothing above it.',
  },
]

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'storybook-static', 'bench-results', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'server/**/*.mjs', 'bench/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The layers (see shared design): the core has no React; components never reach into hooks' owners.
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: CORE_PATTERNS }] },
  },
  // Dependencies point one way: helpers ← transport ← features ← the session's root. The transport
  // and its negotiation report events; they never import a feature of the session.
  {
    files: ['src/core/session/transport.ts', 'src/core/session/negotiation.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // One rule's options replace another's for the same files: the core's patterns again.
            ...CORE_PATTERNS,
            {
              group: [
                './call*',
                './channelCalls*',
                './pasteCalls*',
                './pasteExchange*',
                './screenShare*',
                './recovery*',
                './prewarm*',
                './messenger*',
                './networkWatch*',
                '../peerSession*',
              ],
              message: 'The transport knows nothing of the features around it: report an event.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hooks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../components/*', '../VideoCall'],
              message: 'Hooks do not import components.',
            },
          ],
        },
      ],
    },
  },
  // Presentational components take only types from the core: what they show comes in as props or
  // through hooks. Prefabs (src/prefabs) compose them and may use the core; components never import
  // a prefab or a language catalogue.
  {
    files: ['src/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../core/*', '../core/**'],
              allowTypeImports: true,
              message:
                'Components take only types from the core: pass values as props or through a hook.',
            },
            {
              group: ['../prefabs/*', '../locales/*'],
              message: 'Components do not import prefabs or language catalogues.',
            },
          ],
        },
      ],
    },
  },
)
