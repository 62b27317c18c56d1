import { expect, type Page } from '@playwright/test';

export const TECHNICIAN_PIN = '2468';

/** Types a PIN on the kiosk's keypad and confirms it. */
export async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
}

/** Right after enrolment the kiosk asks for its technician PIN (twice); then the start screen shows. */
export async function finishEnrolment(page: Page, pin = TECHNICIAN_PIN) {
  const enrolled = page.locator('[data-screen="enrolled"]');
  const pinSetup = page.locator('[data-screen="pin-setup"]');
  const start = page.locator('[data-screen="start"]');
  await expect(start.or(pinSetup).or(enrolled)).toBeVisible({ timeout: 20_000 });
  // A fresh enrolment first says where the kiosk joined.
  if (await enrolled.isVisible()) await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(start.or(pinSetup)).toBeVisible();
  if (await pinSetup.isVisible()) {
    await typePin(page, pin);
    await expect(page.getByText('Nhập lại mã PIN để xác nhận.')).toBeVisible();
    await typePin(page, pin);
  }
  await expect(start).toBeVisible();
}
