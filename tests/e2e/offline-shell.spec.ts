import { expect, test } from '@playwright/test';
import { finishEnrolment } from '../support/technician-pin';
import { createEnrolment, readQueue, sendAfterFirstTap } from './support';

test('a browser kiosk starts again with no network, keeps rating, and sends when the network returns', async ({ page, request }) => {
  await page.goto((await createEnrolment(request, 'cua-nam', 'quay-1')).link);
  await finishEnrolment(page);
  // The app shell is cached once the service worker is active.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  await expect(page.getByText('UBND Phường Cửa Nam', { exact: true })).toBeVisible();
  // The bundled font came from the cache too: Vietnamese renders in Be Vietnam Pro, offline.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await page.evaluate(() => document.fonts.check('600 32px "Be Vietnam Pro"', 'Rất hài lòng'))).toBe(true);

  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await sendAfterFirstTap(page);
  await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
  expect((await readQueue(page)).map((r) => r.state)).toEqual(['pending']);

  await page.context().setOffline(false);
  await expect.poll(async () => (await readQueue(page)).map((r) => r.state), { timeout: 15_000 }).toEqual(['synced']);
});
