import { describe, expect, it } from 'vitest';
import { placeCard } from './TourOverlay';

const overlaps = (a: { top: number; left: number }, box: { top: number; left: number; width: number; height: number }) =>
  a.left < box.left + box.width && a.left + 380 > box.left && a.top < box.top + box.height && a.top + 220 > box.top;

describe('placeCard', () => {
  it('puts the card below a small element, above one near the bottom', () => {
    expect(placeCard({ top: 100, left: 200, width: 80, height: 40 }, 1280, 720)).toEqual({ top: 150, left: 200 });
    expect(placeCard({ top: 600, left: 200, width: 80, height: 40 }, 1280, 720)).toEqual({ top: 370, left: 200 });
  });

  it('puts it beside an element too tall for above or below, never over it', () => {
    const tall = { top: 0, left: 640, width: 400, height: 900 };
    const placed = placeCard(tall, 1280, 720);
    expect(placed.left + 380).toBeLessThanOrEqual(640);
    expect(overlaps(placed, tall)).toBe(false);
    const leftColumn = { top: 0, left: 20, width: 500, height: 900 };
    expect(placeCard(leftColumn, 1280, 720).left).toBeGreaterThanOrEqual(520);
  });

  it('keeps the card on screen when nothing fits', () => {
    const placed = placeCard({ top: 0, left: 0, width: 1280, height: 720 }, 1280, 720);
    expect(placed).toEqual({ top: 490, left: 890 });
  });
});
