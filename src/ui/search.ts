/**
 * The search box: a combobox (WAI-ARIA pattern) suggesting actors by any of
 * their labels or aliases. Arrow keys move, Enter chooses, Escape closes.
 */
import type { SearchHit } from "../core/search";
import { displayName } from "../core/dataset/text";
import { bidi, h, replace } from "./dom";
import type { UiContext } from "./context";

export interface SearchOptions {
  search(query: string): SearchHit[];
  choose(actor: string): void;
  /** Whether an actor is currently shown (to mark hidden ones). */
  isShown(actor: string): boolean;
}

export class SearchBox {
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;

  constructor(
    root: HTMLElement,
    private readonly ctx: UiContext,
    private readonly options: SearchOptions,
  ) {
    const { t } = ctx;
    this.input = h("input", {
      id: "search",
      type: "search",
      className: "search-input",
      attrs: {
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": "search-suggestions",
        "aria-label": t("search.label"),
        placeholder: t("search.placeholder"),
        autocomplete: "off",
        spellcheck: "false",
      },
      dir: "auto",
    });
    this.list = h("ul", { id: "search-suggestions", className: "suggestions", role: "listbox", hidden: true, attrs: { "aria-label": t("search.label") } });
    this.input.addEventListener("input", () => this.refresh());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.input.addEventListener("blur", () => {
      // Let a click on a suggestion land first; a late timer must not close a list the reader came back to.
      setTimeout(() => {
        if (document.activeElement !== this.input) this.close();
      }, 150);
    });
    this.input.addEventListener("focus", () => {
      if (this.input.value.trim()) this.refresh();
    });
    replace(root, h("label", { className: "visually-hidden", attrs: { for: "search" } }, t("search.label")), this.input, this.list);
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private refresh(): void {
    const query = this.input.value;
    this.hits = query.trim() ? this.options.search(query) : [];
    this.active = this.hits.length > 0 ? 0 : -1;
    this.render(query.trim() !== "");
  }

  private render(open: boolean): void {
    const { t } = this.ctx;
    if (!open) {
      this.close();
      return;
    }
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    if (this.hits.length === 0) {
      replace(this.list, h("li", { className: "none", attrs: { "aria-disabled": "true" }, role: "option" }, t("search.none")));
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    replace(
      this.list,
      ...this.hits.map((hit, i) =>
        h(
          "li",
          {
            id: `suggestion-${i}`,
            role: "option",
            className: i === this.active ? "active" : "",
            dataset: { actor: hit.actor },
            attrs: { "aria-selected": i === this.active ? "true" : "false" },
            on: {
              mousedown: (event) => {
                event.preventDefault();
                this.choose(i);
              },
            },
          },
          bidi(displayName(hit.label) || hit.actor),
          hit.matched ? h("span", { className: "matched" }, " · ", bidi(displayName(hit.matched))) : null,
          this.options.isShown(hit.actor) ? null : h("span", { className: "matched" }, ` (${t("search.hiddenByFilters")})`),
        ),
      ),
    );
    this.input.setAttribute("aria-activedescendant", `suggestion-${this.active}`);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.input.value = displayName(hit.label) || hit.actor;
    this.close();
    this.options.choose(hit.actor);
  }

  private key(event: KeyboardEvent): void {
    const open = !this.list.hidden && this.hits.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        this.refresh();
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.render(true);
    } else if (event.key === "Enter") {
      if (open && this.active >= 0) {
        event.preventDefault();
        this.choose(this.active);
      }
    } else if (event.key === "Escape") {
      if (!this.list.hidden) {
        event.preventDefault();
        event.stopPropagation();
        this.close();
      } else if (this.input.value) {
        event.stopPropagation();
        this.input.value = "";
      }
    }
  }
}
