/**
 * The hovered node's label in a box, in the theme's colours (sigma's own box
 * is always white, which a dark theme's light text cannot be read on). The
 * disc is drawn over every box once they are all drawn (shared-canvas.ts).
 */
import type { Attributes } from "graphology-types";
import type { NodeHoverDrawingFunction } from "sigma/rendering";
import type { Theme } from "./theme";

const PADDING = 3;

export function hoverDrawer<N extends Attributes, E extends Attributes>(theme: Theme): NodeHoverDrawingFunction<N, E> {
  return (context, data, settings) => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.save();
    context.fillStyle = theme.hoverBackground;
    context.shadowBlur = 8;
    context.shadowColor = "rgba(0, 0, 0, 0.35)";
    const radius = Math.max(data.size, size / 2) + PADDING;
    context.beginPath();
    if (typeof data.label === "string" && data.label !== "") {
      const width = context.measureText(data.label).width + 2 * PADDING;
      const height = size + 2 * PADDING;
      const half = height / 2;
      // A pill that starts inside the node's halo and holds the label on its right.
      const inner = Math.sqrt(Math.max(0, radius * radius - half * half));
      const angle = Math.asin(Math.min(1, half / radius));
      context.moveTo(data.x + inner, data.y + half);
      context.lineTo(data.x + radius + width, data.y + half);
      context.lineTo(data.x + radius + width, data.y - half);
      context.lineTo(data.x + inner, data.y - half);
      context.arc(data.x, data.y, radius, -angle, angle, true);
    } else {
      context.arc(data.x, data.y, radius, 0, Math.PI * 2);
    }
    context.closePath();
    context.fill();
    context.restore();
    if (typeof data.label === "string" && data.label !== "") {
      context.fillStyle = theme.labelColor;
      context.fillText(data.label, data.x + data.size + PADDING + 1, data.y + size / 3);
    }
  };
}
