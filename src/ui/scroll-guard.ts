/**
 * An embed must not take the article's scrolling away. Until the reader
 * clicks or taps into the graph, a plain wheel or a one-finger swipe over it
 * scrolls the page, and a hint says how to zoom; Ctrl + wheel and two fingers
 * always reach the graph. Leaving the frame (focus back to the article) or
 * Escape makes it inactive again.
 */
export interface ScrollGuard {
  isActive(): boolean;
}

export function guardScroll(stage: HTMLElement, graph: HTMLElement, hint: HTMLElement, messages: { wheel: string; touch: string }): ScrollGuard {
  let active = false;
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  const setActive = (value: boolean) => {
    active = value;
    stage.classList.toggle("active", value);
    // Let the browser scroll the page on a swipe while inactive; the graph gets every touch once active.
    graph.style.touchAction = value ? "none" : "pan-x pan-y";
    if (value) hint.hidden = true;
  };
  const showHint = (message: string) => {
    hint.textContent = message;
    hint.hidden = false;
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = setTimeout(() => (hint.hidden = true), 1800);
  };
  // Capture on the stage runs before sigma's own listeners on the graph; stopping
  // propagation (not the default) keeps sigma out and leaves the page to scroll.
  stage.addEventListener(
    "wheel",
    (event) => {
      if (active || event.ctrlKey || event.metaKey) return;
      event.stopPropagation();
      showHint(messages.wheel);
    },
    { capture: true },
  );
  const touch = (event: TouchEvent) => {
    if (active || event.touches.length > 1) return;
    event.stopPropagation();
    if (event.type === "touchmove") showHint(messages.touch);
  };
  stage.addEventListener("touchstart", touch, { capture: true, passive: true });
  stage.addEventListener("touchmove", touch, { capture: true, passive: true });
  stage.addEventListener("pointerdown", () => setActive(true), { capture: true });
  window.addEventListener("blur", () => setActive(false));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setActive(false);
  });
  setActive(false);
  return { isActive: () => active };
}
