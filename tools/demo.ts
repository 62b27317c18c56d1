// `npm start`: the whole product locally. The district server with its embedded database, a demo
// district, and a ready kiosk link; where Electron is installed, the kiosk shell too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../electron/binary';
import { bootServer } from '../server/boot';
import { readServerEnv } from '../server/config';
import { createEnrolmentCode } from '../server/repo/enrolment';

try {
  const { app, store, origin, generatedAdminPassword } = await bootServer({ ...readServerEnv(), HAILONG_DEMO: true });
  const enrolment = await createEnrolmentCode(store, { wardId: 'trang-tien', counterId: 'quay-1' }, null, new Date());
  const kioskLink = `${origin}/kiosk/?enrol=${enrolment.code}`;
  console.log('Hài Lòng is running.');
  console.log(`Dashboard: ${origin}/admin/`);
  if (generatedAdminPassword)
    console.log(`Admin account created: admin / ${generatedAdminPassword} (shown once; set HAILONG_ADMIN_PASSWORD to choose it)`);
  console.log(`Public results: ${origin}/public/`);
  console.log('Kiosk in demo mode (a demo ward, nothing sent to the server):');
  console.log(`${origin}/kiosk/?demo=sipas-5`);
  console.log('Kiosk enrolment link for Phường Tràng Tiền, Quầy số 1 (single use, 24 h):');
  console.log(kioskLink);

  const electron = findElectronBinary(fileURLToPath(new URL('../node_modules/electron/', import.meta.url)));
  const shell = fileURLToPath(new URL('../dist/electron-app/', import.meta.url));
  if (electron.found && existsSync(`${shell}main.cjs`)) {
    console.log('Opening the kiosk in Electron (its setup screen offers this server; enrol it with the code above)…');
    spawn(electron.path, [shell, `--server=${origin}`], { stdio: 'inherit' }).on('error', (e) =>
      console.error(`Could not start Electron: ${e.message}`),
    );
  } else if (!electron.found) {
    console.log(electron.advice);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
