/*!
 * Kansrijk Kiezen chat widget for school websites.
 *
 * Embed with one script tag:
 *   <script src="https://host/kansrijk-widget.js"
 *           data-server="https://bot.example.nl"
 *           data-school="Vmbo De Haven"
 *           data-color="#0b5cad" defer></script>
 *
 * Dependency-free. Talks to the Rasa REST channel
 * (POST {server}/webhooks/rest/webhook). The widget lives in a shadow root so the
 * school's own CSS cannot break it and its CSS cannot leak into the school's page.
 *
 * Safety rule: bot and user text only ever reach the page through textContent,
 * createTextNode and attribute setters on elements made with createElement. Never
 * innerHTML / insertAdjacentHTML / document.write.
 *
 * Privacy: the only thing stored is a random conversation id, in sessionStorage
 * (gone when the tab closes). No cookies, no localStorage.
 */
(function () {
  "use strict";

  if (window.KansrijkWidget && window.KansrijkWidget.version) {
    return; // Embedded twice: keep the first one.
  }

  var VERSION = "1.0.0";
  var DEFAULT_SERVER = "http://localhost:5005";
  var DEFAULT_COLOR = "#0b5cad";
  var DEFAULT_GREET = "/greet";
  var DEFAULT_TIMEOUT_MS = 30000;
  var STORAGE_KEY = "kansrijk-widget-sender";
  var MAX_MESSAGE_LENGTH = 500;
  // The bot bubble background; links inside it must reach 4.5:1 against it.
  var BOT_BUBBLE_BG = "#eef1f4";
  var SVG_NS = "http://www.w3.org/2000/svg";

  var TEXT = {
    launcher: "Stel je vraag",
    title: "Kansrijk Kiezen",
    subtitleDefault: "Chat over werk en opleiding",
    close: "Chat sluiten",
    logLabel: "Gesprek met de chatbot",
    inputLabel: "Typ je vraag",
    placeholder: "Typ je vraag…",
    send: "Verstuur",
    you: "Jij: ",
    bot: "Chatbot: ",
    typing: "De chatbot is aan het typen…",
    repliesLabel: "Kies een antwoord",
    newWindow: " (opent in een nieuw venster)",
    image: "Afbeelding bij het antwoord van de chatbot",
    imageBroken: "De afbeelding kon niet worden geladen: ",
    chartLarge: "Bekijk de grafiek groot",
    notice: "Dit is een chatbot, geen mens. Deel geen naam, adres of telefoonnummer.",
    welcome:
      "Hoi! Ik ben de chatbot van Kansrijk Kiezen. Vraag me wat je verdient in een beroep, " +
      "of je kans hebt op werk, of welke opleiding je nodig hebt.",
    noAnswer: "Ik heb hier geen antwoord op gekregen. Probeer je vraag anders te stellen.",
    errorNetwork:
      "Sorry, ik kan de chatbot nu niet bereiken. Controleer je internetverbinding en probeer het zo nog eens.",
    errorTimeout: "Sorry, de chatbot reageert nu te traag. Probeer het zo nog eens.",
    errorServer: "Sorry, er ging iets mis bij de chatbot (foutcode {code}). Probeer het zo nog eens.",
    errorBadAnswer: "Sorry, de chatbot gaf een antwoord dat ik niet begrijp. Probeer het zo nog eens.",
    keptInInput: " Je bericht staat nog in het invoerveld: druk op Verstuur om het opnieuw te proberen.",
    notSent: "Niet verstuurd"
  };

  // ---------------------------------------------------------------- config

  var script = document.currentScript;
  if (!script) {
    // Loaded in an unusual way (e.g. injected by a tag manager): find ourselves.
    var candidates = document.querySelectorAll("script[src*='kansrijk-widget']");
    script = candidates.length ? candidates[candidates.length - 1] : null;
  }

  function attr(name, fallback) {
    if (!script) return fallback;
    var value = script.getAttribute("data-" + name);
    return value === null ? fallback : value;
  }

  function stylesheetUrl() {
    var custom = attr("css", null);
    if (custom) return new URL(custom, document.baseURI).href;
    if (script && script.src) return new URL("kansrijk-widget.css", script.src).href;
    return "kansrijk-widget.css";
  }

  var config = {
    server: String(attr("server", DEFAULT_SERVER)).trim().replace(/\/+$/, ""),
    school: String(attr("school", "")).trim(),
    color: String(attr("color", DEFAULT_COLOR)).trim(),
    greet: attr("greet", DEFAULT_GREET),
    position: attr("position", "right") === "left" ? "left" : "right",
    open: attr("open", "false") === "true",
    timeout: Math.max(1000, parseInt(attr("timeout", ""), 10) || DEFAULT_TIMEOUT_MS)
  };
  config.greet = config.greet === null ? DEFAULT_GREET : String(config.greet).trim();

  // ---------------------------------------------------------------- colours (WCAG)

  function parseHex(value) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || "").trim());
    if (!m) return null;
    var hex = m[1];
    if (hex.length === 3) hex = hex.replace(/(.)/g, "$1$1");
    return [0, 2, 4].map(function (i) {
      return parseInt(hex.substr(i, 2), 16);
    });
  }

  function toHex(rgb) {
    return "#" + rgb.map(function (c) {
      var s = Math.round(Math.max(0, Math.min(255, c))).toString(16);
      return s.length === 1 ? "0" + s : s;
    }).join("");
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v = v / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function darkenUntil(rgb, against, ratio) {
    var c = rgb.slice();
    for (var i = 0; i < 100 && contrast(c, against) < ratio; i++) {
      c = c.map(function (v) { return v * 0.94; });
    }
    return c;
  }

  /**
   * Derive the palette from the school colour so that every text reaches WCAG AA
   * (4.5:1): text on the accent is white, or near-black for light colours; where the
   * accent is used as text on a light background (links, quick replies, focus ring)
   * it is darkened until it passes.
   */
  function palette(color) {
    var accent = parseHex(color) || parseHex(DEFAULT_COLOR);
    var white = [255, 255, 255], dark = [17, 17, 17];
    var onAccent;
    if (contrast(accent, white) >= 4.5) {
      onAccent = white;
    } else if (contrast(accent, dark) >= 4.5) {
      onAccent = dark;
    } else {
      // Mid-tone colour that passes with neither: darken it until white passes.
      accent = darkenUntil(accent, white, 4.5);
      onAccent = white;
    }
    var accentText = darkenUntil(accent, parseHex(BOT_BUBBLE_BG), 4.5);
    return {
      accent: toHex(accent),
      onAccent: toHex(onAccent),
      accentText: toHex(accentText)
    };
  }

  // ---------------------------------------------------------------- conversation id

  var memorySender = null;

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var out = "";
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    return out;
  }

  function senderId() {
    try {
      var stored = window.sessionStorage.getItem(STORAGE_KEY);
      if (stored && /^[0-9a-f]{32}$/.test(stored)) return stored;
      var fresh = randomId();
      window.sessionStorage.setItem(STORAGE_KEY, fresh);
      return fresh;
    } catch (e) {
      // sessionStorage blocked (privacy settings, sandboxed frame): keep it in memory.
      if (!memorySender) memorySender = randomId();
      return memorySender;
    }
  }

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function hiddenText(text) {
    return el("span", "kk-sr-only", text);
  }

  function svgIcon(kind) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "22");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "kk-icon");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("fill", "currentColor");
    if (kind === "close") {
      path.setAttribute("d", "M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z");
    } else {
      path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9.4l-4.7 3.8A1 1 0 0 1 3 21V18a2 2 0 0 1-1-1.7V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z");
    }
    svg.appendChild(path);
    return svg;
  }

  function safeHttpUrl(raw, base) {
    try {
      var url = new URL(raw, base || document.baseURI);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  var URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»]+$/;

  // "€ 23,00" must not wrap between the sign and the amount.
  function moneyText(text) {
    return document.createTextNode(text.replace(/€ (?=\d)/g, "€\u00a0"));
  }

  /** Append text to `parent`, turning URLs into links, keeping line breaks (CSS pre-wrap). */
  function appendRichText(parent, text) {
    var str = String(text);
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(str)) !== null) {
      var raw = match[0];
      var trail = TRAILING_PUNCTUATION.exec(raw);
      if (trail) raw = raw.slice(0, raw.length - trail[0].length);
      var href = safeHttpUrl(/^www\./i.test(raw) ? "https://" + raw : raw);
      if (!href || !raw) continue;
      if (match.index > last) parent.appendChild(moneyText(str.slice(last, match.index)));
      var a = el("a", "kk-link", raw);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(hiddenText(TEXT.newWindow));
      parent.appendChild(a);
      last = match.index + raw.length;
      URL_PATTERN.lastIndex = last;
    }
    if (last < str.length) parent.appendChild(moneyText(str.slice(last)));
  }

  // ---------------------------------------------------------------- build UI

  var host, shadow, root, launcher, panel, log, typing, form, input, sendButton;
  var isOpen = false;
  var focusWanted = false;
  var greeted = false;
  var queue = Promise.resolve();
  var pending = 0;

  function build() {
    host = document.createElement("kansrijk-widget");
    host.setAttribute("data-kansrijk-widget", VERSION);
    var colours = palette(config.color);
    // CSSOM writes are allowed under a strict Content-Security-Policy (no 'unsafe-inline').
    host.style.setProperty("--kk-accent", colours.accent);
    host.style.setProperty("--kk-on-accent", colours.onAccent);
    host.style.setProperty("--kk-accent-text", colours.accentText);

    shadow = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;

    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheetUrl();

    root = el("div", "kk-root kk-" + config.position);
    root.hidden = true; // Shown once the stylesheet is in, to avoid a flash of unstyled content.
    root.setAttribute("lang", "nl");
    var reveal = function () {
      if (!root.hidden) return;
      root.hidden = false;
      // Focus asked for while the stylesheet was still loading could not land: redo it.
      if (isOpen && focusWanted) input.focus();
      scrollToEnd();
    };
    link.addEventListener("load", reveal);
    link.addEventListener("error", reveal);

    // Panel
    panel = el("section", "kk-panel");
    panel.id = "kk-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-modal", "false");
    panel.setAttribute("aria-labelledby", "kk-title");

    var header = el("div", "kk-header");
    var titles = el("div", "kk-titles");
    var title = el("h2", "kk-title", TEXT.title);
    title.id = "kk-title";
    var subtitle = el("p", "kk-subtitle", config.school ? TEXT.subtitleDefault + " · " + config.school : TEXT.subtitleDefault);
    titles.appendChild(title);
    titles.appendChild(subtitle);
    var closeButton = el("button", "kk-close");
    closeButton.type = "button";
    closeButton.setAttribute("aria-label", TEXT.close);
    closeButton.appendChild(svgIcon("close"));
    closeButton.addEventListener("click", function () { close(true); });
    header.appendChild(titles);
    header.appendChild(closeButton);

    log = el("div", "kk-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", TEXT.logLabel);
    log.tabIndex = 0; // Scrollable region: keyboard users must be able to scroll it.

    typing = el("div", "kk-typing");
    typing.setAttribute("role", "status");
    typing.hidden = true;
    var dots = el("span", "kk-dots");
    dots.setAttribute("aria-hidden", "true");
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    typing.appendChild(dots);
    typing.appendChild(hiddenText(TEXT.typing));

    var notice = el("p", "kk-notice", TEXT.notice);

    form = el("form", "kk-form");
    form.setAttribute("novalidate", "");
    var label = el("label", "kk-sr-only", TEXT.inputLabel);
    label.htmlFor = "kk-input";
    input = el("input", "kk-input");
    input.id = "kk-input";
    input.type = "text";
    input.name = "message";
    input.autocomplete = "off";
    input.maxLength = MAX_MESSAGE_LENGTH;
    input.placeholder = TEXT.placeholder;
    input.setAttribute("enterkeyhint", "send");
    sendButton = el("button", "kk-send", TEXT.send);
    sendButton.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(sendButton);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) {
        input.focus();
        return;
      }
      input.value = "";
      userSays(text, text, true);
    });

    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(notice);
    panel.appendChild(form);
    // Escape closes the chat from anywhere inside it (panel or launcher).
    root.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && isOpen) {
        event.stopPropagation();
        close(true);
      }
    });

    // Launcher
    launcher = el("button", "kk-launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "kk-panel");
    launcher.appendChild(svgIcon("chat"));
    launcher.appendChild(el("span", "kk-launcher-text", TEXT.launcher));
    launcher.addEventListener("click", function () {
      if (isOpen) close(true); else open(true);
    });

    root.appendChild(panel);
    root.appendChild(launcher);
    shadow.appendChild(link);
    shadow.appendChild(root);
    document.body.appendChild(host);

    // Any element on the school page with data-kansrijk-open opens the chat.
    document.addEventListener("click", function (event) {
      var target = event.target && event.target.closest ? event.target.closest("[data-kansrijk-open]") : null;
      if (target) {
        event.preventDefault();
        open(true);
      }
    });
  }

  // ---------------------------------------------------------------- open / close

  /** Open the panel; `moveFocus` false leaves focus where it is (data-open="true"). */
  function open(moveFocus) {
    if (!host) return;
    if (!isOpen) {
      isOpen = true;
      panel.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      root.classList.add("kk-is-open");
    }
    focusWanted = moveFocus !== false;
    if (focusWanted) input.focus();
    scrollToEnd();
    if (!greeted) {
      greeted = true;
      greet();
    }
  }

  function close(returnFocus) {
    if (!host || !isOpen) return;
    isOpen = false;
    focusWanted = false;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("kk-is-open");
    if (returnFocus) launcher.focus();
  }

  /**
   * First open on this page: ask the bot for its greeting by sending the greet
   * intent, so the welcome text (and its buttons) live in the bot, not here.
   * With data-greet="" the widget shows a local welcome instead and sends nothing.
   */
  function greet() {
    if (!config.greet) {
      addBotMessage({ text: TEXT.welcome });
      return;
    }
    enqueue(config.greet, null);
  }

  // ---------------------------------------------------------------- messages

  function scrollToEnd() {
    if (log) log.scrollTop = log.scrollHeight;
  }

  function addUserMessage(text) {
    var item = el("div", "kk-msg kk-msg-user");
    var bubble = el("p", "kk-bubble");
    bubble.appendChild(hiddenText(TEXT.you));
    bubble.appendChild(document.createTextNode(text));
    item.appendChild(bubble);
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  function addBotMessage(message) {
    if (!message || typeof message !== "object") return false;
    var text = typeof message.text === "string" ? message.text : null;
    if (text === null && message.custom && typeof message.custom.text === "string") {
      text = message.custom.text;
    }
    var image = typeof message.image === "string" ? safeHttpUrl(message.image, config.server + "/") : null;
    var chart = chartOf(message);
    var buttons = Array.isArray(message.buttons) ? message.buttons.filter(function (b) {
      return b && (typeof b.title === "string" || typeof b.payload === "string");
    }) : [];
    if (text === null && !image && !chart && !buttons.length) return false;

    var item = el("div", "kk-msg kk-msg-bot");
    if (text !== null || image) {
      var bubble = el("div", text === null ? "kk-bubble kk-bubble-media" : "kk-bubble");
      bubble.appendChild(hiddenText(TEXT.bot));
      if (text !== null) {
        var p = el("p", "kk-text");
        appendRichText(p, text);
        bubble.appendChild(p);
      }
      if (image) {
        var img = el("img", "kk-image");
        img.alt = typeof message.alt === "string" ? message.alt : TEXT.image;
        img.decoding = "async";
        img.referrerPolicy = "no-referrer";
        img.addEventListener("load", scrollToEnd);
        img.addEventListener("error", function () {
          var fallback = el("p", "kk-text", TEXT.imageBroken);
          appendRichText(fallback, image);
          if (img.parentNode) img.parentNode.replaceChild(fallback, img);
        });
        img.src = image;
        bubble.appendChild(img);
      }
      item.appendChild(bubble);
    }
    if (chart) item.appendChild(chartBubble(chart));
    if (buttons.length) {
      var group = el("div", "kk-replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.repliesLabel);
      buttons.forEach(function (b) {
        var title = typeof b.title === "string" && b.title ? b.title : b.payload;
        var payload = typeof b.payload === "string" && b.payload ? b.payload : b.title;
        var button = el("button", "kk-reply", title);
        button.type = "button";
        button.addEventListener("click", function () {
          userSays(title, payload, false);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    scrollToEnd();
    return true;
  }

  /** The comparison chart an answer sends as custom: {chart: {url, alt, caption}}, or null. */
  function chartOf(message) {
    var chart = message.custom && typeof message.custom === "object" ? message.custom.chart : null;
    if (!chart || typeof chart !== "object" || typeof chart.url !== "string") return null;
    var url = safeHttpUrl(chart.url, config.server + "/");
    if (!url) return null;
    return {
      url: url,
      alt: typeof chart.alt === "string" && chart.alt ? chart.alt : TEXT.image,
      caption: typeof chart.caption === "string" ? chart.caption : ""
    };
  }

  /** The chart as an image with its alt text (every figure in words) and the caption under it. */
  function chartBubble(chart) {
    var bubble = el("div", "kk-bubble kk-bubble-chart");
    bubble.appendChild(hiddenText(TEXT.bot));
    var figure = el("figure", "kk-chart");
    figure.style.margin = "0"; // CSSOM: allowed under a strict Content-Security-Policy
    var img = el("img", "kk-image kk-chart-image");
    img.alt = chart.alt;
    img.style.maxWidth = "100%";
    img.decoding = "async";
    img.referrerPolicy = "no-referrer";
    img.addEventListener("load", scrollToEnd);
    img.addEventListener("error", function () {
      var fallback = el("p", "kk-text", TEXT.imageBroken);
      appendRichText(fallback, chart.url);
      if (img.parentNode) img.parentNode.replaceChild(fallback, img);
    });
    img.src = chart.url;
    figure.appendChild(img);
    if (chart.caption) {
      var caption = el("figcaption", "kk-text kk-chart-caption");
      caption.style.marginTop = "6px";
      appendRichText(caption, chart.caption);
      figure.appendChild(caption);
    }
    bubble.appendChild(figure);
    // In a narrow chat the labels are small: the same image, full size, in a new tab.
    var large = el("a", "kk-link", TEXT.chartLarge);
    large.href = chart.url;
    large.target = "_blank";
    large.rel = "noopener noreferrer";
    large.appendChild(hiddenText(TEXT.newWindow));
    var line = el("p", "kk-text");
    line.style.marginTop = "6px";
    line.appendChild(large);
    bubble.appendChild(line);
    return bubble;
  }

  function addError(text, userItem) {
    if (userItem) {
      userItem.classList.add("kk-msg-failed");
      userItem.appendChild(el("p", "kk-failed-note", TEXT.notSent));
    }
    var item = el("div", "kk-msg kk-msg-error");
    var bubble = el("p", "kk-bubble");
    bubble.appendChild(hiddenText(TEXT.bot));
    bubble.appendChild(document.createTextNode(text));
    item.appendChild(bubble);
    log.appendChild(item);
    scrollToEnd();
  }

  /**
   * The user typed `shown` (or clicked a button titled `shown`); send `payload`.
   * `typed` says whether it came from the input, so it can be put back on failure.
   */
  function userSays(shown, payload, typed) {
    var item = addUserMessage(shown);
    enqueue(payload, { item: item, typed: typed ? shown : null });
  }

  // One request at a time, in order: Rasa handles a conversation's messages in sequence.
  function enqueue(message, context) {
    pending++;
    setTyping(true);
    queue = queue.then(function () {
      return send(message, context);
    }).then(function () {
      pending--;
      if (!pending) setTyping(false);
    });
  }

  function setTyping(on) {
    typing.hidden = !on;
    log.setAttribute("aria-busy", on ? "true" : "false");
    scrollToEnd();
  }

  function send(message, context) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, config.timeout) : null;
    var request = {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(), message: message })
    };
    if (controller) request.signal = controller.signal;

    return window.fetch(config.server + "/webhooks/rest/webhook", request)
      .then(function (response) {
        if (!response.ok) {
          var err = new Error("HTTP " + response.status);
          err.status = response.status;
          throw err;
        }
        return response.json().catch(function () {
          var err = new Error("bad json");
          err.badAnswer = true;
          throw err;
        });
      })
      .then(function (messages) {
        if (!Array.isArray(messages)) {
          var err = new Error("not a list");
          err.badAnswer = true;
          throw err;
        }
        var shown = 0;
        messages.forEach(function (m) {
          if (addBotMessage(m)) shown++;
        });
        if (!shown) addBotMessage({ text: TEXT.noAnswer });
      })
      .catch(function (error) {
        var text;
        if (error && error.name === "AbortError") text = TEXT.errorTimeout;
        else if (error && error.status) text = TEXT.errorServer.replace("{code}", String(error.status));
        else if (error && error.badAnswer) text = TEXT.errorBadAnswer;
        else text = TEXT.errorNetwork;
        var typed = context && context.typed;
        if (typed) {
          // Keep what the pupil typed, unless they are already typing something new.
          if (!input.value) input.value = typed;
          text += TEXT.keptInInput;
        }
        addError(text, context ? context.item : null);
      })
      .then(function () {
        if (timer) window.clearTimeout(timer);
      });
  }

  // ---------------------------------------------------------------- start

  function start() {
    if (host) return;
    build();
    // Opening by itself must not pull focus away from the page (WCAG 3.2.1).
    if (config.open) open(false);
  }

  window.KansrijkWidget = {
    version: VERSION,
    open: function () { start(); open(true); },
    close: function () { close(false); },
    config: config
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
