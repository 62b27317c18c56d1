import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrashableChromium } from '../support/crashable-chromium';
import { face, kioskUrl, readQueue, readyToTap } from './support';

const labels = ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng'];

async function openKioskIn(browser: CrashableChromium, template: string) {
  const context = (await browser.launch()).contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.clock.install();
  await page.goto(kioskUrl(template));
  await expect(page.locator('[data-screen="start"]')).toBeVisible();
  return page;
}

test.describe('durability across a browser crash', () => {
  let profile: string;
  let browser: CrashableChromium;
  test.beforeEach(async () => {
    profile = await mkdtemp(join(tmpdir(), 'hai-long-profile-'));
    browser = new CrashableChromium(profile);
  });
  test.afterEach(async () => {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('every rating confirmed by a thank-you survives SIGKILL of the browser', async () => {
    const N = 12;
    const page = await openKioskIn(browser, 'quick');
    for (let i = 0; i < N; i++) {
      await face(page, labels[i % labels.length]!).click();
      await expect(page.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
      if (i < N - 1) {
        await page.clock.runFor(5_000);
        await expect(page.locator('[data-screen="start"]')).toBeVisible();
      }
    }
    // Right after the Nth thank-you appeared: no clean shutdown, no chance to flush.
    browser.kill();

    const relaunched = await openKioskIn(browser, 'quick');
    const queue = await readQueue(relaunched);
    expect(queue).toHaveLength(N);
    expect(queue.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(queue.map((r) => r.overall)).toEqual(Array.from({ length: N }, (_, i) => 5 - (i % 5)));
    expect(queue.every((r) => r.state === 'pending' && r.outcome === 'completed')).toBe(true);
    expect(new Set(queue.map((r) => r.id)).size).toBe(N);

    // The relaunched kiosk carries on with the next sequence number.
    await face(relaunched, 'Hài lòng').click();
    await expect(relaunched.getByRole('heading', { name: /Cảm ơn/ })).toBeVisible();
    expect((await readQueue(relaunched)).at(-1)?.seq).toBe(N + 1);
  });

  test('a crash in the middle of a citizen flow keeps the answers, finalised as interrupted', async () => {
    const page = await openKioskIn(browser, 'sipas-5');
    await face(page, 'Không hài lòng').click();
    await expect(page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' })).toBeVisible();
    await readyToTap(page, 'criteria');
    await page.getByRole('radiogroup', { name: 'Tiếp cận dịch vụ' }).getByRole('radio', { name: 'Bình thường' }).click();
    await expect(page.getByRole('radiogroup', { name: 'Thủ tục hành chính' })).toBeVisible();
    // Progress is written in the background; give it a moment like a citizen reading the next question.
    await expect.poll(async () => (await readQueue(page))[0]?.criteria).toEqual({ 'tiep-can-dich-vu': 3 });
    browser.kill();

    const relaunched = await openKioskIn(browser, 'sipas-5');
    const [record, ...rest] = await readQueue(relaunched);
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      state: 'pending',
      outcome: 'interrupted',
      overall: 2,
      criteria: { 'tiep-can-dich-vu': 3 },
    });
  });
});
