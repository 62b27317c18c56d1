// `npm run dist`: the installers for this platform (Windows NSIS, Linux AppImage and .deb) with
// electron-builder. It needs the Electron binary here (it is copied into the installer) and, on
// first use, internet access for electron-builder's own tools (NSIS, AppImage, fpm): say so plainly
// instead of failing deep inside electron-builder.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../electron/binary';
import { updateFeed } from '../shared/security/update-feed';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary(`${root}node_modules/electron/`);
if (!electron.found) {
  console.error(
    [
      'npm run dist cannot package the kiosk on this machine.',
      electron.advice,
      'Then run npm run dist again (see docs/deployment.md, "Building a release").',
    ].join('\n'),
  );
  process.exit(2);
}
const feed = updateFeed(process.env.HAILONG_UPDATE_URL, { allowHttp: process.env.HAILONG_ALLOW_HTTP_UPDATES === '1' });
if (!feed.ok) {
  console.error(`${feed.reason}. Set HAILONG_UPDATE_URL to the district server’s update feed, e.g. https://hailong.quan.gov.vn/updates/`);
  process.exit(2);
}
if (process.env.CSC_LINK && !process.env.HAILONG_PUBLISHER_NAME) {
  console.error('Set HAILONG_PUBLISHER_NAME to the signing certificate’s subject name: kiosks install only updates signed by it.');
  process.exit(2);
}
const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', 'build']);
if (!existsSync(`${root}dist/electron-app/main.cjs`)) throw new Error('the build did not produce dist/electron-app');
// The installed Electron is used as is (electronDist): only electron-builder's tools are downloaded.
run('npx', [
  'electron-builder',
  '--config',
  'build/electron-builder.json',
  `--config.electronDist=node_modules/electron/dist`,
  '--publish',
  'never',
]);
