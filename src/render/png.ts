/**
 * The view as a PNG for print and newsletters: sigma's own image of the graph
 * (@sigma/export-image) with the title above it and the legend and the source
 * line below, so the picture never travels without its attribution.
 */
import type Sigma from "sigma";

export interface PngFrame {
  title: string;
  sourceLine: string;
  legend: { kind: "node" | "edge"; color: string; label: string; dashed?: boolean }[];
  dir: "ltr" | "rtl";
  font: string;
  background: string;
  textColor: string;
}

const PAD = 16;
const TITLE_SIZE = 20;
const TEXT_SIZE = 13;
const ROW = 22;

/** Words laid into lines no wider than `width`. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function composePng(sigma: Sigma, frame: PngFrame): Promise<Blob> {
  const { toBlob } = await import("@sigma/export-image");
  const graphImage = await createImageBitmap(await toBlob(sigma, { format: "png", backgroundColor: frame.background }));
  const width = graphImage.width;
  const scratch = document.createElement("canvas").getContext("2d");
  if (!scratch) throw new Error("entente/png: no 2D canvas");
  scratch.font = `700 ${TITLE_SIZE}px ${frame.font}`;
  const titleLines = wrap(scratch, frame.title, width - 2 * PAD);
  scratch.font = `${TEXT_SIZE}px ${frame.font}`;
  const sourceLines = wrap(scratch, frame.sourceLine, width - 2 * PAD);
  // Legend items flow in rows across the width.
  const rows: PngFrame["legend"][] = [[]];
  let used = 0;
  for (const item of frame.legend) {
    const w = 30 + scratch.measureText(item.label).width + 18;
    if (used + w > width - 2 * PAD && rows[rows.length - 1]!.length > 0) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(item);
    used += w;
  }
  const header = PAD + titleLines.length * (TITLE_SIZE + 6) + 4;
  const footer = PAD / 2 + rows.length * ROW + sourceLines.length * (TEXT_SIZE + 6) + PAD;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = header + graphImage.height + footer;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("entente/png: no 2D canvas");
  const rtl = frame.dir === "rtl";
  context.direction = frame.dir;
  context.textAlign = "start";
  context.textBaseline = "alphabetic";
  const startX = rtl ? width - PAD : PAD;
  context.fillStyle = frame.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = frame.textColor;
  context.font = `700 ${TITLE_SIZE}px ${frame.font}`;
  titleLines.forEach((line, i) => context.fillText(line, startX, PAD + TITLE_SIZE + i * (TITLE_SIZE + 6)));
  context.drawImage(graphImage, 0, header);
  context.font = `${TEXT_SIZE}px ${frame.font}`;
  let y = header + graphImage.height + PAD / 2 + ROW / 2;
  for (const row of rows) {
    let x = startX;
    for (const item of row) {
      const step = rtl ? -1 : 1;
      context.strokeStyle = item.color;
      context.fillStyle = item.color;
      if (item.kind === "node") {
        context.beginPath();
        context.arc(x + step * 8, y, 6, 0, Math.PI * 2);
        context.fill();
      } else {
        context.lineWidth = 3;
        context.setLineDash(item.dashed ? [5, 3] : []);
        context.beginPath();
        context.moveTo(x, y);
        context.lineTo(x + step * 22, y);
        context.stroke();
        context.setLineDash([]);
      }
      context.fillStyle = frame.textColor;
      context.fillText(item.label, x + step * 30, y + TEXT_SIZE / 3);
      x += step * (30 + context.measureText(item.label).width + 18);
    }
    y += ROW;
  }
  y += TEXT_SIZE / 2;
  context.fillStyle = frame.textColor;
  sourceLines.forEach((line, i) => context.fillText(line, startX, y + i * (TEXT_SIZE + 6)));
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("entente/png: the image could not be encoded"))), "image/png"),
  );
}
