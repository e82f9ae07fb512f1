import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';

const FRAMEWORKS = ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'express', 'rxjs'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', 'tmp', '.lodestar', '**/.angular', '**/coverage'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // Boundaries of STYLE.md: web never imports api; shared libraries depend only on shared ones.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['scope:tests', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['api/**/*.ts', 'libs/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'Shared libraries are framework-free: no NestJS, Angular, TypeORM or Express.' }] },
      ],
    },
  },
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: ['web/**/*.ts'] })),
  {
    files: ['web/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'ls', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'ls', style: 'camelCase' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  ...angular.configs.templateRecommended.map((config) => ({ ...config, files: ['web/**/*.html'] })),
  ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['web/**/*.html'] })),
];
