import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; advice: string };

const ADVICE = [
  'The Electron binary is not installed on this machine, so the kiosk shell cannot run or be packaged here.',
  'To get the shell, on a machine with internet access run: npx install-electron',
  '(Electron 42+ no longer downloads its binary during npm install.)',
].join('\n');

/**
 * Finds the Electron executable without `require('electron')`, which tries to download the binary
 * when it is missing: on an offline machine that must fail fast and politely instead.
 */
export function findElectronBinary(packageDir: string): ElectronBinary {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, advice: ADVICE };
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? { found: true, path: executable } : { found: false, advice: ADVICE };
}
