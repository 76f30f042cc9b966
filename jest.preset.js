// Shared jest setup: SWC compiles TypeScript with decorator metadata (NestJS DI needs it).
module.exports = {
  testEnvironment: 'node',
  // Decorator metadata (class-transformer, NestJS) needs the Reflect polyfill loaded first.
  setupFiles: ['reflect-metadata'],
  transform: {
    'node_modules/email-forward-parser/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // email-forward-parser ships only ES modules: compile it to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!email-forward-parser/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
};
