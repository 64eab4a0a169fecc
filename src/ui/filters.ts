/**
 * The legend is the filter: one checkbox per relation type (with its colour,
 * label and live count), grouped by sign; one per actor kind; a date range
 * where the data spans several dates; and what to do with what is left out.
 * Built once; `update` only sets states and numbers, so keyboard focus stays put.
 */
import type { RelationType } from "../core/dataset";
import { ACTOR_KINDS, type ActorKind } from "../core/dataset/kinds";
import type { FilterResult } from "../core/filter";
import { formatDate, formatNumber, type MessageKey } from "../core/i18n";
import type { ColorBy, HiddenMode, SizeBy, ViewState } from "../core/view/types";
import { KIND_COLORS } from "../render/appearance";
import { h, replace } from "./dom";
import { text, type UiContext } from "./context";
import { communityName, type CommunityGroup } from "./node-key";

export interface FilterHandlers {
  types(types: readonly string[] | null): void;
  kinds(kinds: readonly ActorKind[] | null): void;
  range(from: string | null, to: string | null): void;
  hidden(mode: HiddenMode): void;
  size(by: SizeBy): void;
  color(by: ColorBy): void;
}

const PLAY_STEP_MS = 900;

const SIGNS = [1, 0, -1] as const;

/** null when every id is in the list: "all" is the canonical form. */
function canonical<T extends string>(chosen: readonly T[], all: readonly T[]): T[] | null {
  return all.every((id) => chosen.includes(id)) ? null : all.filter((id) => chosen.includes(id));
}

export class FilterPanel {
  private readonly typeBoxes = new Map<string, HTMLInputElement>();
  private readonly typeCounts = new Map<string, HTMLElement>();
  private readonly groupBoxes = new Map<number, HTMLInputElement>();
  private readonly kindBoxes = new Map<ActorKind, HTMLInputElement>();
  private readonly kindCounts = new Map<ActorKind, HTMLElement>();
  private readonly modeRadios = new Map<HiddenMode, HTMLInputElement>();
  private readonly types: readonly RelationType[];
  private readonly kinds: readonly ActorKind[];
  private range: { from: HTMLInputElement; to: HTMLInputElement; fromOut: HTMLOutputElement; toOut: HTMLOutputElement } | null = null;
  private rangeDates: readonly string[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: UiContext,
    dates: readonly string[],
    private readonly handlers: FilterHandlers,
    private readonly options: { betweenness: boolean } = { betweenness: true },
  ) {
    const { dataset } = ctx.data;
    this.types = dataset.relationTypes;
    const present = new Set(dataset.actors.map((a) => a.kind));
    this.kinds = ACTOR_KINDS.filter((k) => present.has(k));
    replace(
      root,
      h("h2", { className: "legend-title" }, ctx.t("filters.title")),
      this.relationSection(),
      this.kindSection(),
      dates.length > 1 ? this.timeSection(dates) : null,
      this.modeSection(),
      this.appearanceSection(),
      h("p", { className: "legend-note" }, ctx.t("legend.directed")),
      h("p", { className: "legend-note hint" }, ctx.t("hint.interaction")),
    );
  }

  private chosenTypes(): string[] {
    return this.types.filter((t) => this.typeBoxes.get(t.id)?.checked).map((t) => t.id);
  }

  private setTypes(ids: readonly string[]): void {
    this.handlers.types(canonical(ids, this.types.map((t) => t.id)));
  }

  private relationSection(): HTMLElement {
    const { t } = this.ctx;
    const groups = SIGNS.map((sign) => ({ sign, types: this.types.filter((type) => type.sign === sign) })).filter(
      (g) => g.types.length > 0,
    );
    return h(
      "section",
      { className: "filter-section", attrs: { "aria-labelledby": "filter-relations" } },
      h(
        "div",
        { className: "section-head" },
        h("h3", { id: "filter-relations" }, t("filters.relations")),
        h("button", { type: "button", className: "mini", dataset: { action: "all-types" }, on: { click: () => this.handlers.types(null) } }, t("filters.all")),
        h("button", { type: "button", className: "mini", dataset: { action: "no-types" }, on: { click: () => this.handlers.types([]) } }, t("filters.none")),
      ),
      ...groups.map(({ sign, types }) => {
        const groupLabel = t(`group.${sign}` as MessageKey);
        const groupBox = h("input", {
          type: "checkbox",
          dataset: { sign: String(sign) },
          on: {
            change: () => {
              const ids = new Set(this.chosenTypes());
              for (const type of types) {
                if (groupBox.checked) ids.add(type.id);
                else ids.delete(type.id);
              }
              this.setTypes([...ids]);
            },
          },
        });
        this.groupBoxes.set(sign, groupBox);
        return h(
          "fieldset",
          { className: `type-group sign${sign}`, dataset: { sign: String(sign) } },
          h(
            "legend",
            {},
            h("label", {}, groupBox, groupLabel),
            h(
              "button",
              {
                type: "button",
                className: "mini only",
                title: t("filters.onlyLabel", { label: groupLabel }),
                attrs: { "aria-label": t("filters.onlyLabel", { label: groupLabel }) },
                on: { click: () => this.setTypes(types.map((type) => type.id)) },
              },
              t("filters.only"),
            ),
          ),
          ...types.map((type) => this.typeRow(type)),
        );
      }),
    );
  }

  private typeRow(type: RelationType): HTMLElement {
    const { t } = this.ctx;
    const label = text(this.ctx, type.label);
    const box = h("input", {
      type: "checkbox",
      dataset: { type: type.id },
      on: { change: () => this.setTypes(this.chosenTypes()) },
    });
    this.typeBoxes.set(type.id, box);
    const count = h("span", { className: "count" });
    this.typeCounts.set(type.id, count);
    return h(
      "div",
      { className: "filter-row", dataset: { type: type.id } },
      h(
        "label",
        {},
        box,
        h("span", {
          className: `swatch edge${type.sign < 0 ? " sign-hostile" : ""}`,
          style: { backgroundColor: type.color },
          attrs: { "aria-hidden": "true" },
        }),
        // A name in another script than the page's is cut at its own end; the whole name is in the title.
        h("span", { className: "name", dir: "auto", title: label }, label),
        type.directed ? h("span", { className: "arrow", attrs: { "aria-hidden": "true" } }, t("relation.arrow")) : null,
        count,
      ),
      h(
        "button",
        {
          type: "button",
          className: "mini only",
          title: t("filters.onlyLabel", { label }),
          attrs: { "aria-label": t("filters.onlyLabel", { label }) },
          on: { click: () => this.setTypes([type.id]) },
        },
        t("filters.only"),
      ),
    );
  }

  private kindSection(): HTMLElement {
    const { t } = this.ctx;
    return h(
      "section",
      { className: "filter-section", attrs: { "aria-labelledby": "filter-actors" } },
      h("div", { className: "section-head" }, h("h3", { id: "filter-actors" }, t("filters.actors"))),
      ...this.kinds.map((kind) => {
        const box = h("input", {
          type: "checkbox",
          dataset: { kind },
          on: {
            change: () => {
              const chosen = this.kinds.filter((k) => this.kindBoxes.get(k)?.checked);
              this.handlers.kinds(canonical(chosen, this.kinds));
            },
          },
        });
        this.kindBoxes.set(kind, box);
        const count = h("span", { className: "count" });
        this.kindCounts.set(kind, count);
        return h(
          "div",
          { className: "filter-row", dataset: { kind } },
          h(
            "label",
            {},
            box,
            h("span", { className: "swatch node", style: { backgroundColor: KIND_COLORS[kind] }, attrs: { "aria-hidden": "true" } }),
            h("span", { className: "name" }, t(`kind.${kind}` as MessageKey)),
            count,
          ),
        );
      }),
    );
  }

  private timeSection(dates: readonly string[]): HTMLElement {
    const { t, lang } = this.ctx;
    const last = String(dates.length - 1);
    const from = h("input", { type: "range", id: "filter-from", attrs: { min: "0", max: last, step: "1" } });
    const to = h("input", { type: "range", id: "filter-to", attrs: { min: "0", max: last, step: "1" } });
    const fromOut = h("output", { attrs: { for: "filter-from" } });
    const toOut = h("output", { attrs: { for: "filter-to" } });
    const emit = () => {
      let a = Number(from.value);
      let b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      this.handlers.range(a === 0 ? null : (dates[a] ?? null), b === dates.length - 1 ? null : (dates[b] ?? null));
    };
    const show = (input: HTMLInputElement, out: HTMLOutputElement) => {
      const date = dates[Number(input.value)] ?? "";
      out.value = formatDate(date, lang);
      input.setAttribute("aria-valuetext", out.value);
    };
    from.addEventListener("input", () => show(from, fromOut));
    to.addEventListener("input", () => show(to, toOut));
    from.addEventListener("change", emit);
    to.addEventListener("change", emit);
    this.range = { from, to, fromOut, toOut };
    this.rangeDates = dates;
    return h(
      "section",
      { className: "filter-section time", attrs: { "aria-labelledby": "filter-time" } },
      h("div", { className: "section-head" }, h("h3", { id: "filter-time" }, t("filters.time"))),
      h("label", { className: "range-row" }, h("span", {}, t("filters.from")), from, fromOut),
      h("label", { className: "range-row" }, h("span", {}, t("filters.to")), to, toOut),
      this.playButton(dates),
    );
  }

  private playTimer: ReturnType<typeof setInterval> | null = null;

  /**
   * Play steps the end of the period through the dates, so relations appear in
   * the order they were reported; the layout keeps running, nothing restarts.
   */
  private playButton(dates: readonly string[]): HTMLButtonElement {
    const { t } = this.ctx;
    const button = h("button", { type: "button", id: "time-play", className: "mini play", attrs: { "aria-pressed": "false" } }, t("filters.play"));
    const stop = () => {
      if (this.playTimer !== null) clearInterval(this.playTimer);
      this.playTimer = null;
      button.textContent = t("filters.play");
      button.setAttribute("aria-pressed", "false");
    };
    this.stopPlaying = stop;
    button.addEventListener("click", () => {
      if (this.playTimer !== null) {
        stop();
        return;
      }
      let step = 0;
      button.textContent = t("filters.pause");
      button.setAttribute("aria-pressed", "true");
      // Relations that last (from a date to an end date) are shown while they last, so they
      // appear and end; reports of a single day accumulate, or they would only blink.
      const lasting = this.ctx.data.dataset.relations.some((r) => r.endDate !== undefined);
      const show = (date: string | null) => this.handlers.range(lasting ? date : null, date);
      show(dates[0] ?? null);
      this.playTimer = setInterval(() => {
        step += 1;
        if (step >= dates.length) {
          this.handlers.range(null, null);
          stop();
          return;
        }
        show(dates[step] ?? null);
      }, PLAY_STEP_MS);
    });
    return button;
  }

  private stopPlaying: () => void = () => undefined;

  /** Stops anything running (the time play), before the panel goes away. */
  stop(): void {
    this.stopPlaying();
  }

  private appearanceSection(): HTMLElement {
    const { t } = this.ctx;
    const select = <T extends string>(id: string, label: string, options: readonly [T, string][], onChange: (value: T) => void) => {
      const input = h("select", { id }, ...options.map(([value, text]) => h("option", { attrs: { value } }, text)));
      input.addEventListener("change", () => onChange(input.value as T));
      return { row: h("label", { className: "range-row appearance-row" }, h("span", {}, label), input), input };
    };
    const size = select<SizeBy>("size-by", t("appearance.size"), [
      ["degree", t("appearance.degree")],
      ["weighted", t("appearance.weighted")],
      ["betweenness", t("appearance.betweenness")],
    ], (value) => this.handlers.size(value));
    const color = select<ColorBy>("color-by", t("appearance.color"), [
      ["kind", t("appearance.kind")],
      ["community", t("appearance.community")],
    ], (value) => this.handlers.color(value));
    // Betweenness on a very large graph would freeze the page for seconds.
    const betweenness = size.input.querySelector<HTMLOptionElement>('option[value="betweenness"]');
    if (betweenness && !this.options.betweenness) betweenness.disabled = true;
    this.sizeSelect = size.input;
    this.colorSelect = color.input;
    return h(
      "section",
      { className: "filter-section appearance", attrs: { "aria-labelledby": "filter-appearance" } },
      h("div", { className: "section-head" }, h("h3", { id: "filter-appearance" }, t("appearance.title"))),
      size.row,
      color.row,
      this.communityList,
    );
  }

  private sizeSelect: HTMLSelectElement | null = null;
  private colorSelect: HTMLSelectElement | null = null;
  private readonly communityList = h("ul", { className: "legend-list communities", hidden: true });

  /** With colours by community, the legend lists the communities: colour, size and first members. */
  showCommunities(groups: readonly CommunityGroup[] | null): void {
    this.communityList.hidden = groups === null;
    replace(
      this.communityList,
      ...(groups ?? []).map((group) =>
        h(
          "li",
          {},
          h("span", { className: "swatch node", style: { backgroundColor: group.color }, attrs: { "aria-hidden": "true" } }),
          h("span", { className: "name" }, communityName(group, this.ctx)),
          h("span", { className: "count" }, formatNumber(group.members.length, this.ctx.lang)),
        ),
      ),
    );
  }

  private modeSection(): HTMLElement {
    const { t } = this.ctx;
    const radio = (mode: HiddenMode, label: string) => {
      const input = h("input", { type: "radio", attrs: { name: "hidden-mode", value: mode }, on: { change: () => this.handlers.hidden(mode) } });
      this.modeRadios.set(mode, input);
      return h("label", {}, input, label);
    };
    return h(
      "fieldset",
      { className: "filter-section mode" },
      h("legend", {}, t("filters.hiddenMode")),
      radio("hide", t("filters.hide")),
      radio("fade", t("filters.fade")),
    );
  }

  /** Reflects a view and its filter result: states, counts, the date range. */
  update(view: ViewState, result: FilterResult): void {
    const { t, lang } = this.ctx;
    const types = view.types === null ? null : new Set(view.types);
    for (const type of this.types) {
      const box = this.typeBoxes.get(type.id);
      if (box) box.checked = types === null || types.has(type.id);
      const count = this.typeCounts.get(type.id);
      if (count) {
        const n = result.typeCounts.get(type.id) ?? 0;
        count.textContent = formatNumber(n, lang);
        count.title = t("filters.countLabel", { n });
      }
    }
    for (const [sign, box] of this.groupBoxes) {
      const members = this.types.filter((type) => type.sign === sign);
      const on = members.filter((type) => types === null || types.has(type.id)).length;
      box.checked = on === members.length;
      box.indeterminate = on > 0 && on < members.length;
    }
    const kinds = view.kinds === null ? null : new Set(view.kinds);
    for (const kind of this.kinds) {
      const box = this.kindBoxes.get(kind);
      if (box) box.checked = kinds === null || kinds.has(kind);
      const count = this.kindCounts.get(kind);
      if (count) {
        const n = result.kindCounts.get(kind) ?? 0;
        count.textContent = formatNumber(n, lang);
        count.title = t("filters.actorCountLabel", { n });
      }
    }
    for (const [mode, radio] of this.modeRadios) radio.checked = view.hidden === mode;
    if (this.sizeSelect) this.sizeSelect.value = view.size;
    if (this.colorSelect) this.colorSelect.value = view.color;
    this.root.classList.toggle("by-community", view.color === "community");
    if (this.range) {
      const dates = this.rangeDates;
      const index = (date: string | null, fallback: number) => {
        if (date === null) return fallback;
        const i = dates.findIndex((d) => d >= date);
        return i === -1 ? dates.length - 1 : i;
      };
      const upper = (date: string | null) => {
        if (date === null) return dates.length - 1;
        let i = dates.length - 1;
        while (i > 0 && (dates[i] ?? "") > date) i -= 1;
        return i;
      };
      this.range.from.value = String(index(view.from, 0));
      this.range.to.value = String(upper(view.to));
      this.range.fromOut.value = formatDate(dates[Number(this.range.from.value)] ?? "", lang);
      this.range.toOut.value = formatDate(dates[Number(this.range.to.value)] ?? "", lang);
    }
  }
}
