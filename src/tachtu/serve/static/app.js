// The tachtu page: sends the text to /segment (or the page to /clean) and shows the words,
// the sentences and the article. Plain JS, no build step, nothing loaded from elsewhere.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_WORDS_SHOWN = 20000;   // beyond these the page would get slow; the API has them all
  const MAX_SENTENCES_SHOWN = 2000;
  const EXAMPLES = {
    text: "Đoàn đại biểu quân sự cấp cao Việt Nam do Đại tướng Ngô Xuân Lịch dẫn đầu " +
          "bắt đầu chuyến thăm chính thức Trung Quốc. Hà Nội mùa thu, trời trong xanh " +
          "và lá vàng rơi trên phố Phan Đình Phùng!\nCông nghệ thông tin giúp học sinh " +
          "học tập hiệu quả hơn.",
    page: "<html><head><title>Hà Nội đón mùa thu - Báo Tin tức</title></head><body>\n" +
          "<nav>Trang chủ | Thời sự | Thể thao | Văn hóa</nav>\n<article>\n" +
          "<h1>Hà Nội đón mùa thu</h1>\n" +
          "<p>Những ngày đầu thu, thời tiết Hà Nội dịu mát, người dân và du khách đổ ra đường " +
          "dạo phố, chụp ảnh bên những hàng cây đã bắt đầu chuyển màu vàng.</p>\n" +
          "<p>Các con phố Phan Đình Phùng, Hoàng Diệu, Điện Biên Phủ rợp bóng cây xanh là nơi " +
          "thu hút nhiều bạn trẻ đến chụp ảnh kỷ niệm trong những ngày cuối tuần.</p>\n" +
          "<p>Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, thời tiết mát mẻ sẽ kéo dài " +
          "đến hết tuần, nhiệt độ thấp nhất khoảng 22 độ C.</p>\n</article>\n" +
          "<footer>Bản quyền © 2024 Báo Tin tức. Liên hệ quảng cáo: 0123 456 789</footer>\n" +
          "</body></html>",
  };

  // --- talking to the service -----------------------------------------------------------
  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (_) { /* not JSON: reported below */ }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : response.statusText;
      throw new Error(`${response.status}: ${message}`);
    }
    return data;
  }

  async function showHealth() {
    const el = $("health");
    try {
      const response = await fetch("health");
      const data = await response.json();
      el.textContent = `● tachtu ${data.version}`;
      el.className = "health ok";
    } catch (_) {
      el.textContent = "● offline";
      el.className = "health down";
    }
  }

  // --- drawing --------------------------------------------------------------------------
  function kindOf(word) {
    if (!/[\p{L}\p{N}]/u.test(word)) return "p";
    return word.includes("_") ? "m" : "";
  }

  function wordSpan(word, sentenceIndex, wordIndex) {
    const span = document.createElement("span");
    span.className = ["w", kindOf(word.text)].filter(Boolean).join(" ");
    span.dataset.text = word.text;
    span.dataset.start = word.start;
    span.dataset.end = word.end;
    span.dataset.where = `sentence ${sentenceIndex + 1}, word ${wordIndex + 1}`;
    return span;
  }

  // Offsets are code points; JS strings are UTF-16, so index an array of code points.
  function renderText(container, chars, sentences, from, to, firstSentence = 0) {
    const fragment = document.createDocumentFragment();
    let at = from;
    let shown = 0;
    sentences.forEach((sentence, s) => {
      sentence.forEach((word, w) => {
        if (shown >= MAX_WORDS_SHOWN) return;
        if (word.start > at) fragment.append(chars.slice(at, word.start).join(""));
        const span = wordSpan(word, firstSentence + s, w);
        span.textContent = chars.slice(word.start, word.end).join("");
        fragment.append(span);
        at = word.end;
        shown += 1;
      });
    });
    if (shown < MAX_WORDS_SHOWN && to > at) fragment.append(chars.slice(at, to).join(""));
    container.replaceChildren(fragment);
    return shown;
  }

  function renderSentences(list, chars, sentences) {
    const items = sentences.slice(0, MAX_SENTENCES_SHOWN).map((sentence, s) => {
      const li = document.createElement("li");
      if (!sentence.length) return li;
      renderText(li, chars, [sentence], sentence[0].start, sentence[sentence.length - 1].end, s);
      return li;
    });
    list.replaceChildren(...items);
  }

  function renderArticle(doc) {
    const box = $("article");
    const note = $("article-note");
    const parts = [];
    if (!doc.paragraphs.some((p) => p.role !== "source")) {
      note.textContent = `No article found${doc.reason ? `: ${doc.reason}` : ""}.`;
    } else {
      const dropped = doc.dropped ? doc.dropped.length : 0;
      note.textContent = `${doc.paragraphs.length} lines kept, ${dropped} dropped` +
        (doc.date ? ` · date ${doc.date}` : "") + (doc.format ? ` · ${doc.format}` : "");
    }
    for (const paragraph of doc.paragraphs) {
      const p = document.createElement(paragraph.role === "title" ? "h3" : "p");
      p.className = `para role-${paragraph.role}`;
      const role = document.createElement("span");
      role.className = "role";
      role.textContent = paragraph.role;
      p.append(role, paragraph.text);
      parts.push(p);
    }
    if (doc.dropped && doc.dropped.length) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = `Dropped lines (${doc.dropped.length})`;
      const list = document.createElement("ul");
      list.className = "dropped";
      for (const line of doc.dropped.slice(0, 500)) {
        const li = document.createElement("li");
        const why = document.createElement("span");
        why.className = "role";
        why.textContent = line.reason;
        li.append(why, line.text);
        list.append(li);
      }
      details.append(summary, list);
      parts.push(details);
    }
    box.replaceChildren(...parts);
  }

  function render(text, sentences, ms) {
    const chars = Array.from(text);
    const shown = renderText($("words"), chars, sentences, 0, chars.length);
    renderSentences($("sentences"), chars, sentences);
    $("segmented").textContent = sentences
      .map((sentence) => sentence.map((w) => w.text).join(" ")).join("\n");
    const all = sentences.flat();
    const multi = all.filter((w) => w.text.includes("_")).length;
    $("stats").textContent = `${all.length} words (${multi} multi-syllable) · ` +
      `${sentences.length} sentences · ${chars.length} characters · ${ms} ms` +
      (shown < all.length ? ` · showing the first ${shown} words` : "") +
      (sentences.length > MAX_SENTENCES_SHOWN ? ` and ${MAX_SENTENCES_SHOWN} sentences` : "");
    $("results").hidden = false;
  }

  // --- tooltip with the offsets ---------------------------------------------------------
  function showTip(span) {
    const tip = $("tip");
    const start = Number(span.dataset.start);
    const end = Number(span.dataset.end);
    const syllables = span.dataset.text.split("_").length;
    const title = document.createElement("strong");
    title.textContent = span.dataset.text;
    const detail = document.createElement("span");
    detail.textContent = `offsets ${start}–${end} · ${end - start} characters · ` +
      `${syllables} syllable${syllables > 1 ? "s" : ""} · ${span.dataset.where}`;
    tip.replaceChildren(title, detail);
    tip.hidden = false;
    const box = span.getBoundingClientRect();
    const left = Math.min(window.scrollX + box.left,
                          window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${window.scrollY + box.bottom + 6}px`;
    span.classList.add("hover");
  }

  function hideTip(span) {
    $("tip").hidden = true;
    span.classList.remove("hover");
  }

  document.addEventListener("mouseover", (event) => {
    const span = event.target.closest && event.target.closest(".w[data-start]");
    if (span) showTip(span);
  });
  document.addEventListener("mouseout", (event) => {
    const span = event.target.closest && event.target.closest(".w[data-start]");
    if (span) hideTip(span);
  });

  // --- the form -------------------------------------------------------------------------
  function kind() {
    return document.querySelector("input[name=kind]:checked").value;
  }

  async function run(event) {
    if (event) event.preventDefault();
    const input = $("input").value;
    const looksLikeHtml = /^\s*<(!doctype|html|head|body|div|p)\b/i.test(input);
    $("hint").hidden = !(kind() === "text" && looksLikeHtml);
    const options = { mode: $("mode").value, tone: $("tone").value, output: "words",
                      sentences: true };
    const button = $("run");
    $("error").hidden = true;
    button.disabled = true;
    button.textContent = "…";
    const started = performance.now();
    try {
      if (kind() === "page") {
        const doc = await post("clean", { page: input, segment: true, ...options });
        renderArticle(doc);
        $("article-card").hidden = false;
        render(doc.text, doc.segmentation.sentences, Math.round(performance.now() - started));
      } else {
        const result = await post("segment", { text: input, ...options });
        $("article-card").hidden = true;
        render(input, result.sentences, Math.round(performance.now() - started));
      }
    } catch (error) {
      $("error").textContent = error.message;
      $("error").hidden = false;
      $("results").hidden = true;
    } finally {
      button.disabled = false;
      button.textContent = "Tách từ";
    }
  }

  $("form").addEventListener("submit", run);
  $("input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
  $("example").addEventListener("click", () => {
    $("input").value = EXAMPLES[kind()];
    run();
  });
  $("copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("segmented").textContent);
      $("copy").textContent = "Copied";
    } catch (_) {
      $("copy").textContent = "Select and copy";
    }
    setTimeout(() => { $("copy").textContent = "Copy"; }, 1500);
  });
  showHealth();
})();
