/** Hovers the symbol whose datum has `field` = `value` in a chart and returns the tooltip's text. */
import type { Page } from 'playwright-core';

export async function hoverPoint(page: Page, selector: string, field: string, value: string): Promise<string> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  // Vega's scenegraph keeps each item's SVG element (item._svg): find the datum's symbol, take its box.
  const point = await page.evaluate(
    ({ selector, field, value }) => {
      type Item = { datum?: Record<string, unknown>; items?: Mark[]; _svg?: Element };
      type Mark = { marktype: string; items: Item[] };
      const el = document.querySelector(selector) as (HTMLElement & { vegaView?: { scenegraph: () => { root: Mark } } }) | null;
      const stack: Mark[] = el?.vegaView ? [el.vegaView.scenegraph().root] : [];
      while (stack.length > 0) {
        const mark = stack.pop()!;
        for (const item of mark.items) {
          if (mark.marktype === 'group') stack.push(...(item.items ?? []));
          else if (mark.marktype === 'symbol' && item.datum?.[field] === value && item._svg) {
            const r = item._svg.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
        }
      }
      return null;
    },
    { selector, field, value },
  );
  if (!point) throw new Error(`no point with ${field} = ${value} in ${selector}`);
  await page.mouse.move(point.x - 15, point.y - 15);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  const tooltip = page.locator('#vg-tooltip-element.visible');
  await tooltip.waitFor({ state: 'visible', timeout: 0 });
  return (await tooltip.innerText()).trim();
}
