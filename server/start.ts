import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { findElectronBinary } from '../electron/binary';
import { buildServer } from './app';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
});

/** `npm start`: serve the kiosk web app and, where Electron is installed, open it in the kiosk shell. */
async function main() {
  const env = Env.safeParse(process.env);
  if (!env.success) {
    console.error(`Invalid environment: ${z.prettifyError(env.error)}`);
    process.exit(2);
  }
  const kioskDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
  const app = await buildServer({ kioskDir });
  const address = await app.listen({ port: env.data.PORT, host: env.data.HOST });
  const kioskUrl = `${address.replace('[::1]', 'localhost')}/kiosk/`;
  console.log('Hài Lòng is running. Open the kiosk in a browser:');
  console.log(kioskUrl);

  const electron = findElectronBinary(fileURLToPath(new URL('../node_modules/electron/', import.meta.url)));
  if (electron.found && existsSync(fileURLToPath(new URL('../dist/electron/main.js', import.meta.url)))) {
    console.log('Opening the kiosk in Electron…');
    spawn(electron.path, ['.', `--kiosk-url=${kioskUrl}`], { stdio: 'inherit' }).on('error', (e) =>
      console.error(`Could not start Electron: ${e.message}`),
    );
  } else if (!electron.found) {
    console.log(electron.advice);
  }

  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
