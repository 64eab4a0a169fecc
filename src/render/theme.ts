/** The colours the canvas needs from the page's theme (the page itself uses CSS variables). */
export interface Theme {
  name: "light" | "dark";
  labelColor: string;
  /** Not in focus while something is hovered or selected. */
  dimColor: string;
  dimEdgeColor: string;
  /** Left out by the filters, in "fade" mode. */
  fadedColor: string;
  fadedEdgeColor: string;
  /** The box behind a hovered node's label. */
  hoverBackground: string;
  background: string;
}

export const LIGHT: Theme = {
  name: "light",
  labelColor: "#1b1b1b",
  dimColor: "#e4e4e4",
  dimEdgeColor: "#d9d9d9",
  fadedColor: "#eeeeec",
  fadedEdgeColor: "#ececec",
  hoverBackground: "#ffffff",
  background: "#f7f7f5",
};

export const DARK: Theme = {
  name: "dark",
  labelColor: "#ececec",
  dimColor: "#3a3d42",
  dimEdgeColor: "#34373b",
  fadedColor: "#2c2f33",
  fadedEdgeColor: "#2a2d31",
  hoverBackground: "#2b2e33",
  background: "#1c1e21",
};
