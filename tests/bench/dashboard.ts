import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEST_ADMIN_PASSWORD } from '../support/server';
import { kb, ms, percentile } from './stats';

type Report = (name: string, value: string, target?: string) => void;

/**
 * The dashboard: the JavaScript a first visit loads (index.html's own scripts; every page is a
 * chunk of its own), and the time from pressing "Đăng nhập" to the overview's figures on screen.
 */
export async function dashboardBench(baseUrl: string, browser: Browser, report: Report) {
  const dir = 'dist/dashboard';
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
  report('dashboard: initial JS, gzipped', kb(bytes), '≤ 150 KB');

  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
    const started = Date.now();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.overview .headline').waitFor();
    samples.push(Date.now() - started);
    await context.close();
  }
  report("dashboard: sign-in to the overview's figures, median of 5", ms(percentile(samples, 50)), '≤ 1000 ms');
}
