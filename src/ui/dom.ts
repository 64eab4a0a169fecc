/**
 * A tiny element builder. Text always goes in as text nodes: nothing from a
 * dataset is ever parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  lang?: string;
  dir?: "ltr" | "rtl" | "auto";
  title?: string;
  role?: string;
  hidden?: boolean;
  type?: string;
  href?: string;
  tabIndex?: number;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  style?: Partial<Record<"backgroundColor" | "borderColor" | "color", string>>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.id) element.id = props.id;
  if (props.lang) element.lang = props.lang;
  if (props.dir) element.dir = props.dir;
  if (props.title) element.title = props.title;
  if (props.role) element.setAttribute("role", props.role);
  if (props.hidden) element.hidden = true;
  if (props.type) element.setAttribute("type", props.type);
  if (props.href !== undefined) element.setAttribute("href", props.href);
  if (props.tabIndex !== undefined) element.tabIndex = props.tabIndex;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.dataset ?? {})) element.dataset[name] = value;
  for (const [name, value] of Object.entries(props.style ?? {})) {
    if (value !== undefined) element.style[name as "color"] = value;
  }
  for (const [name, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(name, listener as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Shows a panel with this content, or hides and empties it when there is none. */
export function showPanel(root: HTMLElement, content: readonly Child[] | null): void {
  root.hidden = content === null;
  replace(root, ...(content ?? []));
}

/** The × that closes a panel or a card. */
export function closeButton(label: string, close: () => void): HTMLButtonElement {
  return h("button", { type: "button", className: "close", title: label, attrs: { "aria-label": label }, on: { click: close } }, "×");
}

/** Only http and https addresses become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Text in a language of its own, isolated so its direction does not upset the sentence around it. */
export function bidi(text: string, lang?: string): HTMLElement {
  return h("bdi", lang ? { lang, dir: lang === "fa" || lang === "ar" ? "rtl" : "ltr" } : { dir: "auto" }, text);
}
