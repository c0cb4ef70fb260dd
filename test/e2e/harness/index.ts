/** The real-n8n end-to-end harness; see test/e2e/README.md. */
export * from './builders';
export * from './db';
export * from './install';
export * from './n8n';
export * from './paths';
export * from './process';
export * from './run';
export * from './server';
