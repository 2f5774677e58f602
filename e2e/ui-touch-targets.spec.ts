import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { importThroughUi, sampleExport } from './support/ui.js';

/**
 * Every visible link, button and field of the main screens is at least 44×44 px at the phone
 * size. A checkbox or radio counts by its label, which is what a thumb hits; a link inside a
 * sentence (the hint's sources) is exempt, as WCAG 2.5.8 exempts inline targets.
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
      const box =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? (el.closest('label') ?? el).getBoundingClientRect()
          : el.getBoundingClientRect();
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
    ['Bags', '#/bags'],
    ['Bag', `#/bag/${doc.bags[0]?.id}`],
    ['History', '#/history'],
    ['Account', '#/account'],
  ];
  const found: string[] = [];
  for (const [name, hash] of screens) {
    await page.goto(`/${hash}`);
    await expect(page.locator('h1:visible')).toHaveCount(1);
    for (const small of await smallTargets(page)) found.push(`${name}: ${small}`);
  }
  expect(found).toEqual([]);
});
