/**
 * Where an actor's node is on screen once the view stays put, for whatever aims at it or pictures it
 * (the browser tests, the screenshots): choosing an actor, a relation or a filter may start the camera
 * moving (to bring actors out from under a panel), and a point read during the move is off when the
 * click or the picture comes. Where the picture moves with the camera (render/moving-picture.ts), it
 * is also drawn again where the camera rests, not the last one shifted and scaled. After 3 s (a
 * layout still running) the last point read is given.
 */
import type { Page } from "playwright-core";

/** The node's position in pixels from the graph's top-left corner, or null when it is not drawn. */
export async function stillNodePosition(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(async (node) => {
    const read = () => window.entente?.nodePosition(node) ?? null;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // A picture shifted while the camera moved carries a CSS transform until sigma draws it again.
    const shifted = () => [...document.querySelectorAll<HTMLCanvasElement>("canvas[class^=sigma-]")].some((canvas) => canvas.style.transform !== "");
    const until = performance.now() + 3_000;
    let last = read();
    while (last && performance.now() < until) {
      await frame();
      await frame();
      const now = read();
      if (now && Math.hypot(now.x - last.x, now.y - last.y) < 0.5 && !shifted()) return now;
      last = now;
    }
    return last;
  }, id);
}
