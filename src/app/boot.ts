/**
 * The page's one script: `?embed=1` loads the light embed, anything else the
 * full app. Each is its own chunk, so an embed never downloads the full app's panels.
 */
import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "./styles.css";
import { preload } from "./preload";

preload(location.search, location.href);

const embed = new URLSearchParams(location.search).get("embed") === "1";
const run = embed ? import("./embed").then((m) => m.runEmbed()) : import("./full").then((m) => m.runFull());

run.catch((cause: unknown) => {
  console.error(cause);
  document.body.dataset.state = "error";
  const message = document.createElement("p");
  message.className = "fatal";
  message.setAttribute("role", "alert");
  message.textContent = `Entente could not start: ${cause instanceof Error ? cause.message : String(cause)}`;
  document.body.replaceChildren(message);
});
