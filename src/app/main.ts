/**
 * The full app's composition root: reads the view from the URL, loads and
 * validates the dataset, builds the graph, and wires the renderer, the layout
 * worker and the panels together.
 */
import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "./styles.css";
import bundledDatasetUrl from "../../data/russia-france-coalition.json?url";
import { lookup, type Dataset } from "../core/dataset";
import { buildGraph } from "../core/graph";
import { direction, translator, type Lang } from "../core/i18n";
import { parseViewParams, withParam } from "../core/url";
import type { Problem } from "../core/problems";
import { LayoutSupervisor } from "../layout/supervisor";
import { applyAppearance } from "../render/appearance";
import { GraphRenderer, type Selection } from "../render/renderer";
import { renderDetails } from "../ui/details";
import { renderLegend } from "../ui/legend";
import { renderNotices, renderProblems } from "../ui/problems";
import { renderSummary } from "../ui/summary";
import type { UiContext } from "../ui/context";
import { loadDataset } from "./load";
import { exposeAutomation } from "./automation";

const FONT = "Vazirmatn";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`entente: the page has no #${id}`);
  return element as T;
}

function setState(state: "loading" | "ready" | "settled" | "error"): void {
  document.body.dataset.state = state;
}

async function fontsReady(): Promise<void> {
  // Labels are drawn on a canvas, which does not wait for web fonts by itself.
  await Promise.all([
    document.fonts.load(`400 13px ${FONT}`, "Russia روسیه"),
    document.fonts.load(`700 13px ${FONT}`, "Russia روسیه"),
  ]).catch(() => undefined);
}

function applyLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  const t = translator(lang);
  byId("app-name").textContent = t("app.name");
  const other: Lang = lang === "fa" ? "en" : "fa";
  const switcher = byId<HTMLAnchorElement>("lang-switch");
  switcher.textContent = t("lang.switch");
  switcher.lang = other;
  switcher.hreflang = other;
  switcher.title = t("lang.switchLabel");
  switcher.href = withParam(location.href, "lang", other);
  byId("legend").setAttribute("aria-label", t("legend.title"));
}

function showProblems(problems: readonly Problem[], lang: Lang, heading?: string): void {
  renderProblems(byId("problems"), problems, translator(lang), heading);
  setState("error");
}

async function start(): Promise<void> {
  const { params, notices } = parseViewParams(location.search, location.href);
  const lang: Lang = params.lang ?? "en";
  const t = translator(lang);
  applyLanguage(lang);
  const status = byId("status");
  status.textContent = t("load.loading");

  const [result] = await Promise.all([loadDataset(params.data ?? bundledDatasetUrl, t), fontsReady()]);
  status.textContent = "";
  if (!result.ok) {
    showProblems(result.problems, lang);
    return;
  }
  renderNotices(
    byId("notices"),
    [
      { title: t("notices.url"), problems: notices },
      { title: t("notices.data"), problems: result.problems },
    ],
    t,
  );
  show(result.value, lang);
}

function show(dataset: Dataset, lang: Lang): void {
  const t = translator(lang);
  const ctx: UiContext = { data: lookup(dataset), lang, t };
  document.title = `${t("app.name")} · ${ctx.data.dataset.meta.title[lang] ?? Object.values(dataset.meta.title)[0] ?? ""}`;
  renderSummary(byId("summary"), ctx);
  renderLegend(byId("legend"), ctx);

  const graph = buildGraph(dataset, lang);
  applyAppearance(graph, dataset);
  const container = byId("graph");
  container.setAttribute("aria-label", t("graph.label", { actors: graph.order, relations: graph.size }));

  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const status = byId("status");
  const layout = new LayoutSupervisor(graph, {
    radius: (node) => graph.getNodeAttribute(node, "size") ?? 6,
    finalOnly: reducedMotion,
    onSettled: () => {
      status.textContent = "";
      setState("settled");
    },
    onError: (message) => {
      status.textContent = message;
    },
  });

  let renderer: GraphRenderer;
  const details = byId("details");
  const select = (selection: Selection) => {
    renderer.setSelection(selection);
    renderDetails(details, ctx, selection, { select });
  };
  try {
    renderer = new GraphRenderer(
      graph,
      container,
      {
        select,
        drag: (node, x, y) => layout.pin(node, x, y),
      },
      { labelFont: `${FONT}, sans-serif`, dimColor: "#e4e4e4", labelColor: "#1b1b1b" },
    );
  } catch (cause) {
    console.error(cause);
    showProblems([{ path: "", message: t("graph.noWebgl"), severity: "error" }], lang, t("graph.noWebgl"));
    return;
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") select(null);
  });
  exposeAutomation({ renderer, layout, graph });
  status.textContent = t("layout.running");
  setState("ready");
  layout.start();
}

start().catch((cause: unknown) => {
  console.error(cause);
  const lang = document.documentElement.lang === "fa" ? "fa" : "en";
  showProblems([{ path: "", message: cause instanceof Error ? cause.message : String(cause), severity: "error" }], lang);
});
