import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The parts of the product stay apart (eslint-plugin-boundaries in eslint.config.js): each imports
 * only itself and shared/, shared/ imports nothing of the others. Checked by linting a file that
 * imports across a boundary, as a developer might write it.
 */
const target = {
  shared: '../shared/time',
  renderer: '../renderer/host/kiosk-host',
  dashboard: '../dashboard/api',
  electron: '../electron/journal',
  server: '../server/time',
  tests: '../tests/support/fixtures',
} as const;
type Part = keyof typeof target;
const parts: Part[] = ['shared', 'renderer', 'dashboard', 'electron', 'server'];

const eslint = new ESLint({ cwd: process.cwd() });
async function boundaryErrors(from: Part, to: Part) {
  const [result] = await eslint.lintText(`import type * as other from '${target[to]}';\nexport type Other = typeof other;\n`, {
    filePath: `${from}/boundary-probe.ts`,
  });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('lint keeps the parts apart', () => {
  const forbidden = parts.flatMap((from) =>
    ([...parts, 'tests'] as Part[]).filter((to) => to !== from && to !== 'shared').map((to) => [from, to] as const),
  );
  it.each(forbidden)('refuses an import from %s/ into %s/', async (from, to) => {
    expect(await boundaryErrors(from, to)).toHaveLength(1);
  });

  it.each(parts.filter((p) => p !== 'shared'))('lets %s/ import shared/', async (from) => {
    expect(await boundaryErrors(from, 'shared')).toEqual([]);
  });

  it('lets tests import any part', async () => {
    for (const to of parts) expect(await boundaryErrors('tests', to)).toEqual([]);
  });
});
