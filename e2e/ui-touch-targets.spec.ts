import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/**
 * Every visible link, button and field of the main screens is at least 44×44 px at the phone
 * size. A checkbox, a radio or a hidden file input counts by its label, which is what a thumb
 * hits; a link inside a sentence (the hint's sources) is exempt, as WCAG 2.5.8 exempts inline
 * targets.
 */

const MIN = 44;

/** The controls smaller than MIN on the shown screen, described for the failure message. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [role="button"], [tabindex="0"]',
    );
    const small: string[] = [];
    for (const el of Array.from(controls)) {
      if (el.closest('[hidden]') || el.getClientRects().length === 0) continue;
      // WCAG 2.5.8's inline exception: a link inside a sentence is sized by the text.
      const sentence = el.parentElement?.closest('p');
      if (
        el.tagName === 'A' &&
        getComputedStyle(el).display === 'inline' &&
        sentence &&
        (sentence.textContent?.length ?? 0) > (el.textContent?.length ?? 0)
      )
        continue;
      // A checkbox, a radio or a visually hidden file input is hit through its label.
      const byLabel =
        el instanceof HTMLInputElement &&
        (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file');
      const label =
        el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
      const box = (byLabel && label ? label : el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name =
          el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        small.push(
          `${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  }, MIN);
}

test('every touch target of the main screens is at least 44 px', async ({ device }) => {
  const { page } = device;
  const doc = sampleExport({ brews: 12 });
  await importThroughUi(page, doc);
  const screens: [string, string][] = [
    ['Brews', '#/'],
    ['Log', '#/log'],
    ['Brew', `#/brew/${doc.brews[0]?.id}`],
    ['Bags', '#/bags'],
    ['Bag', `#/bag/${doc.bags[0]?.id}`],
    ['History', '#/history'],
    ['Account', '#/account'],
    ['Settings', '#/settings'],
    ['Gear', '#/gear?add=grinder'],
  ];
  const found: string[] = [];
  for (const [name, hash] of screens) {
    await page.goto(`/${hash}`);
    await expect(page.locator('h1:visible')).toHaveCount(1);
    // What is folded under "More" counts too: open every fold first.
    await page.evaluate(() => {
      for (const fold of Array.from(document.querySelectorAll('details'))) fold.open = true;
    });
    for (const small of await smallTargets(page)) found.push(`${name}: ${small}`);
  }
  expect(found).toEqual([]);
});
