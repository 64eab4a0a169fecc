/*
 * Entente embed helper: sizes Entente iframes on your page to fit what they show.
 *
 * Usage: put the embed code where the graph belongs, then include this script
 * once, anywhere after it (loading it twice is harmless):
 *
 *   <iframe data-entente src="https://YOUR-ENTENTE-HOST/index.html?embed=1&lang=en"
 *     title="Entente: who stands with whom" loading="lazy" width="100%" height="480"
 *     style="border:0;width:100%;height:480px;display:block"></iframe>
 *   <script src="https://YOUR-ENTENTE-HOST/embed.js"></script>
 *
 * An embed reports its height with postMessage({ type: "entente:resize", height }).
 * This script only accepts that message from the window of an Entente iframe
 * still showing a page of the origin in its src, and then sets the iframe's
 * height. It ignores every other message and never posts anything itself.
 */
(function () {
  "use strict";

  // A second copy of this script on the page must not resize everything twice.
  if (window.__ententeEmbed) return;
  window.__ententeEmbed = { version: 1 };

  var MAX_HEIGHT = 20000;

  function parse(src) {
    try {
      return src ? new URL(src, location.href) : null;
    } catch (error) {
      return null;
    }
  }

  function isEntente(iframe) {
    if (iframe.hasAttribute("data-entente")) return true;
    // Pages that pasted an older embed code without data-entente: accept only
    // what unmistakably looks like the app itself in embed mode.
    var url = parse(iframe.src);
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return false;
    if (url.searchParams.get("embed") !== "1") return false;
    return url.pathname.slice(-1) === "/" || /\/index\.html$/.test(url.pathname);
  }

  // Looked up on each message, so iframes added after this script work too.
  function frameOf(source) {
    if (!source) return null;
    var iframes = document.getElementsByTagName("iframe");
    for (var i = 0; i < iframes.length; i++) {
      if (iframes[i].contentWindow === source) return iframes[i];
    }
    return null;
  }

  function expectedOrigin(iframe) {
    var url = parse(iframe.src);
    // Opaque origins (data:, about:blank, sandboxed frames) all serialise as
    // "null" and so cannot tell one frame from another.
    if (!url || url.origin === "null") return null;
    return url.origin;
  }

  function isPlainObject(value) {
    if (value === null || typeof value !== "object") return false;
    var proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }

  window.addEventListener("message", function (event) {
    // Who sent it is checked before anything in it is read.
    var iframe = frameOf(event.source);
    if (!iframe || !isEntente(iframe)) return;
    // An iframe navigated away from the app keeps its src attribute; its new page must not resize it.
    var origin = expectedOrigin(iframe);
    if (!origin || event.origin !== origin) return;

    var data = event.data;
    if (!isPlainObject(data) || data.type !== "entente:resize") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;

    iframe.style.height = Math.ceil(height) + "px";
  });
})();
