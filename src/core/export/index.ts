export {
  buildSvg,
  estimateTextWidth,
  safeColor,
  wrapText,
  ARROW_RATIO,
  SVG_FALLBACK_COLOR,
  type SvgEdge,
  type SvgLegendItem,
  type SvgNode,
  type SvgScene,
} from "./svg";
export { controlPoint } from "./control-point";
export { subsetDataset, toCsv, toEntenteJson, toGexf, type VisibleIds } from "./dataset";
