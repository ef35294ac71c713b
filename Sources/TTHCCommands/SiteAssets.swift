/// The site's stylesheet and search script, written as they are (no framework, no network).
enum SiteAssets {
    /// `style.css`: one column, readable on a phone; tables become stacked cards on narrow screens.
    static let css = #"""
    /* tthc site: danh mục thủ tục hành chính */
    :root {
      --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
      --brand: #a51c1c; --brand-dark: #7c1212; --link: #0b57d0;
      --warn-bg: #fff7e0; --warn-line: #e0a800; --warn-ink: #6b4700;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--ink); background: #fff; line-height: 1.55; font-size: 16px;
      font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif;
    }
    a { color: var(--link); }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; background: var(--soft); padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
    .wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
    header.site { background: var(--brand); color: #fff; padding: 1rem 0 1.25rem; border-bottom: 4px solid var(--brand-dark); }
    header.site h1 { margin: .25rem 0; font-size: 1.6rem; line-height: 1.3; }
    header.site a { color: #fff; }
    header.site .lead, header.site .kicker { margin: .25rem 0; opacity: .92; }
    .kicker { text-transform: uppercase; letter-spacing: .04em; font-size: .8rem; }
    .crumbs { font-size: .9rem; }
    main { padding-top: 1rem; padding-bottom: 2rem; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--brand); color: var(--brand-dark); }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    .small { font-size: .9rem; color: var(--muted); }
    .big { font-size: 1.15rem; }
    .note { font-size: .88rem; color: var(--muted); margin-top: .2rem; }
    .none { color: var(--muted); }
    .when { color: #3b4b5f; }
    .tag { display: inline-block; font-size: .75rem; background: var(--soft); border: 1px solid var(--line); border-radius: 3px; padding: 0 .35em; color: var(--muted); white-space: nowrap; }
    ul.plain { margin: 0; padding-left: 1.1rem; }
    /* index */
    .search { position: sticky; top: 0; background: #fff; padding: .75rem 0; z-index: 1; border-bottom: 1px solid var(--line); }
    .search label { display: block; font-weight: 600; margin-bottom: .35rem; }
    .search input { width: 100%; font: inherit; font-size: 1.05rem; padding: .6rem .75rem; border: 2px solid var(--line); border-radius: 6px; }
    .search input:focus { outline: none; border-color: var(--link); }
    .search .count { margin: .4rem 0 0; font-size: .9rem; color: var(--muted); }
    nav.fields ul, nav.toc ul { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    nav.fields a, nav.toc a { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; font-size: .9rem; background: var(--soft); }
    ul.procedures { list-style: none; padding: 0; margin: 0; }
    li.procedure { padding: .6rem 0; border-bottom: 1px solid var(--line); }
    li.procedure > a { font-weight: 600; text-decoration: none; }
    li.procedure > a:hover { text-decoration: underline; }
    li.procedure .meta { display: block; font-size: .85rem; color: var(--muted); }
    .badge { display: inline-block; margin-top: .2rem; font-size: .75rem; color: var(--warn-ink); background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 3px; padding: 0 .4em; }
    .n { font-weight: normal; color: var(--muted); font-size: .95rem; }
    .empty { padding: 1rem; background: var(--soft); border-radius: 6px; }
    [hidden] { display: none !important; }
    /* procedure page */
    .version-note { background: var(--soft); border-left: 4px solid var(--link); padding: .5rem .75rem; margin: .5rem 0; }
    .notice { background: #eef4ff; padding: .5rem .75rem; border-radius: 4px; }
    .review-flag { background: var(--warn-bg); border-left: 4px solid var(--warn-line); color: var(--warn-ink); padding: .5rem .75rem; margin: .5rem 0; }
    section.review { background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 6px; padding: 0 1rem .75rem; margin-top: 2rem; }
    section.review h2 { color: var(--warn-ink); border-bottom-color: var(--warn-line); }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    th, td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); font-size: .88rem; }
    table.info th { width: 13rem; background: var(--soft); font-weight: 600; }
    table.papers td.qty { text-align: center; white-space: nowrap; }
    tr.group td { background: #fbfbfc; }
    table.facts td:nth-child(2) { min-width: 9rem; }
    table.facts td:nth-child(3) { min-width: 7rem; }
    table.history td:nth-child(2) { min-width: 11rem; }
    tr.option td:nth-child(2) { padding-left: 1.4rem; }
    .or { font-style: italic; color: var(--muted); margin-right: .25rem; }
    tr.current td { background: #f3f8ff; }
    .table-scroll { overflow-x: auto; }
    blockquote.statute { margin: .75rem 0; padding: .25rem .9rem; border-left: 4px solid var(--line); color: #39424c; background: #fcfcfd; }
    ol.steps li { margin-bottom: .6rem; }
    ol.steps .meta, ol.steps .next { font-size: .9rem; color: var(--muted); }
    ol.steps .rework { font-size: .9rem; color: #9a4a06; }
    figure.diagram { margin: 1rem 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
    .diagram-scroll { overflow-x: auto; }
    figure.diagram figcaption { font-size: .85rem; color: var(--muted); margin-top: .5rem; }
    .diagram-scroll svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: 1rem 0 2rem; }
    @media (max-width: 640px) {
      body { font-size: 15px; }
      header.site h1 { font-size: 1.3rem; }
      table.info th { width: auto; }
      table.papers thead, table.facts thead, table.history thead, table.provinces thead { display: none; }
      table.papers, table.papers tbody, table.papers tr, table.papers td,
      table.facts, table.facts tbody, table.facts tr, table.facts td,
      table.history, table.history tbody, table.history tr, table.history td,
      table.provinces, table.provinces tbody, table.provinces tr, table.provinces td { display: block; width: 100%; }
      table.papers tr, table.facts tr, table.history tr, table.provinces tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; }
      table.papers td, table.facts td, table.history td, table.provinces td { border: none; border-bottom: 1px solid var(--soft); text-align: left !important; }
      table.papers td::before, table.facts td::before, table.history td::before, table.provinces td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); text-transform: uppercase; }
      tr.option td:nth-child(2) { padding-left: .6rem; }
      tr.group td::before, table.papers td:first-child::before { display: none; }
      table.papers td:first-child { font-weight: 600; background: var(--soft); }
      table.papers td.qty { display: inline-block; width: auto; min-width: 6.5rem; border: none; }
      table.papers td.zero { display: none; }
    }
    @media print {
      .search, nav.fields, nav.toc { display: none; }
      header.site { background: none; color: #000; border: none; }
      header.site a { color: #000; }
    }

    """#

    /// `search.js`: filters the index as you type; the query is folded like the `data-search`
    /// attributes (lower case, NFD without combining marks, `đ` as `d`) and every word must match.
    /// `index.html?q=…` or `index.html#q=…` fills the box, so a search can be linked to.
    static let javascript = #"""
    // tthc site: tìm thủ tục khi gõ, không phân biệt dấu. Không dùng thư viện, không cần mạng.
    (function () {
      "use strict";
      function fold(text) {
        return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
          .replace(/\u0111/g, "d").replace(/\s+/g, " ").trim();
      }
      var input = document.getElementById("q");
      if (!input) { return; }
      var items = Array.prototype.slice.call(document.querySelectorAll("li.procedure"));
      var sections = Array.prototype.slice.call(document.querySelectorAll("section.field"));
      var count = document.getElementById("count");
      var empty = document.getElementById("empty");
      function apply() {
        var words = fold(input.value).split(" ").filter(function (w) { return w.length > 0; });
        var shown = 0;
        items.forEach(function (item) {
          var text = item.getAttribute("data-search") || "";
          var match = words.every(function (w) { return text.indexOf(w) !== -1; });
          item.hidden = !match;
          if (match) { shown += 1; }
        });
        sections.forEach(function (section) {
          section.hidden = section.querySelector("li.procedure:not([hidden])") === null;
        });
        if (count) {
          count.textContent = words.length === 0 ? items.length + " thủ tục" : "Tìm thấy " + shown + "/" + items.length + " thủ tục";
        }
        if (empty) { empty.hidden = shown !== 0; }
      }
      function initial() {
        var sources = [window.location.search, window.location.hash.replace(/^#/, "?")];
        for (var i = 0; i < sources.length; i += 1) {
          var match = /[?&]q=([^&]*)/.exec(sources[i]);
          if (match) {
            try { return decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return ""; }
          }
        }
        return "";
      }
      var q = initial();
      if (q) { input.value = q; }
      input.addEventListener("input", apply);
      apply();
    })();

    """#
}
