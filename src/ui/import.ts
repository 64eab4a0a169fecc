/**
 * Opening a file: a button, or a file dropped anywhere on the page. While it
 * is read and checked a progress panel shows; if it fails, the problems are
 * listed (and can be copied) and the graph on screen stays as it was.
 */
import type { Dataset } from "../core/dataset";
import type { Translate } from "../core/i18n";
import type { Problem } from "../core/problems";
import type { ImportOptions } from "../core/import/types";
import { importBlob, type ImportProgress } from "../import/client";
import { h, showPanel } from "./dom";
import { problemItem, problemPlace, problemText } from "./problems";

export interface ImportHandlers {
  loaded(dataset: Dataset, warnings: readonly Problem[]): void;
}

const ACCEPT = ".json,.csv,.tsv,.txt,.gexf,.graphml,.xml,application/json,text/csv,text/tab-separated-values";
/** Below this, reading and checking is quick enough not to need a progress bar. */
const PROGRESS_FROM = 1024 * 1024;

export class ImportUi {
  private readonly input: HTMLInputElement;
  private readonly overlay: HTMLElement;
  private busy = false;

  constructor(
    button: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly t: Translate,
    private readonly handlers: ImportHandlers,
  ) {
    this.input = h("input", { type: "file", id: "file-input", className: "visually-hidden", tabIndex: -1, attrs: { accept: ACCEPT, "aria-hidden": "true" } });
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      this.input.value = "";
      if (file) void this.open(file);
    });
    button.after(this.input);
    button.addEventListener("click", () => this.input.click());
    this.overlay = h("div", { className: "drop-overlay", hidden: true, attrs: { "aria-hidden": "true" } }, h("p", {}, t("import.drop")));
    document.body.append(this.overlay);
  }

  listenForDrops(target: HTMLElement): void {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
    target.addEventListener("dragenter", (event) => {
      if (!hasFiles(event)) return;
      depth += 1;
      this.overlay.hidden = false;
    });
    target.addEventListener("dragover", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    });
    target.addEventListener("dragleave", () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) this.overlay.hidden = true;
    });
    target.addEventListener("drop", (event) => {
      depth = 0;
      this.overlay.hidden = true;
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void this.open(file);
    });
  }

  async open(file: File, options: ImportOptions = {}): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const { t } = this;
    const bar = h("progress", { attrs: { max: "1", "aria-label": t("import.reading", { name: file.name }) } });
    const line = h("p", {}, t("import.reading", { name: file.name }));
    const cancelling = new AbortController();
    const cancel = h("button", { type: "button", className: "tool-button", on: { click: () => cancelling.abort() } }, t("import.cancel"));
    showPanel(this.panel, [line, file.size >= PROGRESS_FROM ? bar : null, cancel]);
    this.panel.dataset.state = "working";
    const stageText = { reading: "import.reading", parsing: "import.parsing", receiving: "import.receiving" } as const;
    const progress = (p: ImportProgress) => {
      line.textContent = t(stageText[p.stage], { name: file.name });
      if (p.fraction === null) bar.removeAttribute("value");
      else bar.value = p.fraction;
    };
    const result = await importBlob(file, {
      tooBig: (size, limit) => t("import.tooBig", { size, limit }),
      unreadable: () => t("import.unreadable"),
      workerFailed: () => t("import.workerFailed"),
    }, progress, options, undefined, cancelling.signal);
    this.busy = false;
    if (result === "cancelled") {
      // Nothing was replaced: the graph, filters and view stay exactly as they were.
      showPanel(this.panel, null);
      delete this.panel.dataset.state;
      return;
    }
    if (result.ok) {
      showPanel(this.panel, null);
      delete this.panel.dataset.state;
      this.handlers.loaded(result.dataset, result.problems);
      if (result.typeCandidates && result.typeCandidates.length > 0) {
        this.offerTypeAttributes(file, result.typeCandidates, options.typeAttribute);
      }
      return;
    }
    this.showProblems(file.name, result.problems);
  }

  /**
   * A graph file has no fixed place for the relation type: it was read from a
   * likely attribute, and the reader can choose another one.
   */
  private offerTypeAttributes(file: File, candidates: readonly string[], current: string | undefined): void {
    const { t } = this;
    const select = h("select", { id: "type-attribute", attrs: { "aria-label": t("import.typeAttribute") } });
    const none = h("option", { attrs: { value: "" } }, t("import.typeAttributeAuto"));
    select.append(none, ...candidates.map((name) => h("option", { attrs: { value: name } }, name)));
    select.value = current ?? "";
    select.addEventListener("change", () => void this.open(file, select.value ? { typeAttribute: select.value } : {}));
    this.panel.dataset.state = "choice";
    showPanel(this.panel, [
      h("label", { className: "type-attribute" }, h("span", {}, t("import.typeAttribute")), " ", select),
      " ",
      h("button", { type: "button", className: "tool-button", on: { click: () => showPanel(this.panel, null) } }, t("import.close")),
    ]);
  }

  private showProblems(name: string, problems: readonly Problem[]): void {
    const { t } = this;
    // Copied as the reader sees it: a Persian reader pastes Persian into a bug report or an email.
    const asText = problems
      .map((p) => `${p.severity}\t${p.path ? problemPlace(p, t).text : "-"}\t${problemText(p, t)}`)
      .join("\n");
    const copy = h("button", { type: "button", className: "tool-button" }, t("import.copy"));
    copy.addEventListener("click", () => {
      void navigator.clipboard.writeText(asText).then(() => (copy.textContent = t("import.copied")));
    });
    const close = h("button", { type: "button", className: "tool-button", on: { click: () => showPanel(this.panel, null) } }, t("import.close"));
    this.panel.dataset.state = "failed";
    showPanel(this.panel, [
      h("h2", { dir: "auto" }, t("import.failed", { name })),
      h("p", {}, t("import.intro")),
      h(
        "ul",
        { className: "problem-list" },
        ...problems.map((p) => problemItem(p, t, p.severity)),
      ),
      h("div", { className: "share-row" }, copy, close),
    ]);
    close.focus();
  }
}
