/** Screenshots of a page at phone and desktop widths, for looking at (e2e/screenshots/ is gitignored). */
import path from 'node:path';
import type { Page } from '@playwright/test';

const SHOTS = path.join(__dirname, 'screenshots');
const WIDTHS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

/** `<stem>-phone.png` and `<stem>-desktop.png`, whole page; the viewport is desktop afterwards. */
export async function shootBothWidths(page: Page, stem: string): Promise<void> {
  for (const [suffix, size] of WIDTHS) {
    await page.setViewportSize(size);
    // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
    await page.screenshot({ path: path.join(SHOTS, `${stem}-${suffix}.png`), fullPage: true });
  }
}
