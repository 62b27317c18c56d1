import type { TestProject } from 'vitest/node';
import { startPostgres } from '../support/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** One PostgreSQL for the repository and API tests, when the machine has it (CI installs it). */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  if (!postgres && process.env.CI) throw new Error('CI must run the PostgreSQL tests: install postgresql (see .ci/run)');
  project.provide('postgresUrl', postgres?.url ?? null);
  return () => postgres?.stop();
}
