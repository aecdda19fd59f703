import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The model is pure: no clock, no Math.random, no DOM, no Node APIs.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use a named seeded stream.' },
        { object: 'Math', property: 'exp', message: 'Use detmath (same bytes in every host).' },
        { object: 'Math', property: 'log', message: 'Use detmath (same bytes in every host).' },
        { object: 'Math', property: 'pow', message: 'Use detmath (same bytes in every host).' },
        { object: 'Math', property: 'sin', message: 'Use detmath (same bytes in every host).' },
        { object: 'Math', property: 'cos', message: 'Use detmath (same bytes in every host).' },
        { object: 'Date', property: 'now', message: 'The model has no clock.' },
        { object: 'performance', property: 'now', message: 'The model has no clock.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
      'no-restricted-syntax': ['error', { selector: "BinaryExpression[operator='**']", message: 'Use detmath.pow.' }],
    },
  },
);
