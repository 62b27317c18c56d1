import { ServerOrigin } from '../shared/schema/shell-settings';

/**
 * `--server=<origin>` (what `npm start` passes): the address the setup screen offers on a kiosk that
 * has none saved yet. Only ever a suggestion the technician sees; anything but a plain http(s)
 * origin is ignored.
 */
export function serverFromArgs(argv: readonly string[]): string | null {
  const given = argv.find((arg) => arg.startsWith('--server='))?.slice('--server='.length);
  const parsed = ServerOrigin.safeParse(given);
  return parsed.success ? parsed.data : null;
}
