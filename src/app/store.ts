/**
 * The one place the view state lives. Changes are whole new values; listeners
 * learn how the change should be remembered (a history entry or not).
 */
import type { ViewState } from "../core/view/types";

/** push: a new history entry (selections, so Back works); replace: update the URL; restore: came from the URL. */
export type Remember = "push" | "replace" | "restore";

export type Listener = (next: ViewState, previous: ViewState, remember: Remember) => void;

export class ViewStore {
  private listeners: Listener[] = [];

  constructor(private state: ViewState) {}

  get(): ViewState {
    return this.state;
  }

  update(patch: Partial<ViewState>, remember: Remember = "replace"): void {
    this.set({ ...this.state, ...patch }, remember);
  }

  set(next: ViewState, remember: Remember): void {
    const previous = this.state;
    this.state = next;
    for (const listener of this.listeners) listener(next, previous, remember);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}
