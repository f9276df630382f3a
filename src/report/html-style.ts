/**
 * The report's one stylesheet, inlined so the page needs nothing from the network.
 *
 * Colours follow the NHS identity. Every colour used for text or for a tag's background with
 * white text has at least 4.5:1 contrast against its background; every chart bar has at least
 * 3:1 against white: green #007F3B 5.1:1, amber #B35C00 4.7:1, red #D5281B 5.1:1,
 * blue #005EB8 6.4:1, grey #4C6272 6.4:1. The NHS warm yellow would fail both, so amber is
 * a darker orange. Ratings and statuses are always written out as well.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --blue: #005EB8; --text: #212B32; --secondary: #4C6272; --border: #D8DDE0; --pale: #F0F4F5;
  --green: #007F3B; --amber: #B35C00; --red: #D5281B; --grey: #4C6272; --focus: #FFEB3B; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; background: var(--pale); color: var(--text); font-family: Arial, "Helvetica Neue", Helvetica, sans-serif;
  font-size: 1rem; line-height: 1.5; -webkit-text-size-adjust: 100%; }
@media (min-width: 40em) { body { font-size: 1.1875rem; } }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
@media (min-width: 40em) { .wrap { padding: 0 2rem; } }
a { color: var(--blue); text-underline-offset: 0.15em; }
a:visited { color: #330072; }
a:hover { color: #7C2855; text-decoration-thickness: 3px; }
a:focus { outline: 4px solid transparent; background: var(--focus); color: var(--text); box-shadow: 0 -2px var(--focus), 0 4px var(--text); text-decoration: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; top: 1rem; }
.site-header { background: var(--blue); color: #fff; padding: 1.5rem 0 2rem; }
.site-header p { margin: 0 0 0.5rem; }
.brand { font-weight: bold; letter-spacing: 0.02em; }
.site-header h1 { margin: 0.5rem 0; font-size: 2rem; line-height: 1.2; }
@media (min-width: 40em) { .site-header h1 { font-size: 2.75rem; } }
.site-header .lede { font-size: 1.125em; max-width: 40em; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
h3 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h4 { font-size: 1.0625rem; line-height: 1.35; margin: 0 0 0.5rem; }
@media (min-width: 40em) { h2 { font-size: 2rem; } h3 { font-size: 1.5rem; } h4 { font-size: 1.1875rem; } }
p, ul, ol, dl, blockquote, table { margin-top: 0; margin-bottom: 1rem; }
.layout { padding: 2rem 0 1rem; }
.card { background: #fff; border: 1px solid var(--border); padding: 1.5rem; margin-bottom: 2rem; }
@media (min-width: 40em) { .card { padding: 2rem 2.5rem; } }
.contents .nav-title { font-weight: bold; font-size: 1.25em; margin-bottom: 0.5rem; }
.contents ol { padding-left: 1.5rem; margin-bottom: 0; }
.contents li { margin-bottom: 0.35rem; }
@media (min-width: 48em) { .contents ol { columns: 2; column-gap: 3rem; } .contents li { break-inside: avoid; } }
.muted { color: var(--secondary); }
.small { font-size: 0.875em; }
.reason { font-size: 1.125em; font-weight: bold; }
blockquote { margin-left: 0; padding: 0.25rem 0 0.25rem 1.25rem; border-left: 8px solid var(--blue); font-size: 1.125em; }
blockquote p { margin: 0; }
code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; background: var(--pale); padding: 0 0.25em; overflow-wrap: anywhere; }
code.hash { font-size: 0.8em; }
.tag { --c: var(--grey); display: inline-block; padding: 0.1em 0.5em; border: 2px solid var(--c); background: var(--c); color: #fff;
  font-weight: bold; font-size: 0.875em; line-height: 1.4; white-space: nowrap; }
.tag-green, .tag-met { --c: var(--green); }
.tag-amber, .tag-partially-met { --c: var(--amber); }
.tag-red, .tag-not-met { --c: var(--red); }
.tag-needs-review { --c: var(--blue); }
.tag-sev-critical { --c: var(--red); }
.tag-sev-major { --c: var(--amber); }
.tag-sev-minor { --c: var(--grey); }
.tag[class*="tag-sev-"], .tag-plain { background: #fff; color: var(--c); }
.big-tag .tag { font-size: 1.25em; padding: 0.15em 0.6em; }
.summary-list { margin: 0 0 1.5rem; }
.summary-list > div { border-bottom: 1px solid var(--border); padding: 0.6rem 0; }
.summary-list dt { font-weight: bold; }
.summary-list dd { margin: 0; }
@media (min-width: 40em) { .summary-list > div { display: grid; grid-template-columns: 13rem 1fr; gap: 1.5rem; } }
.callout { border-left: 10px solid var(--blue); background: var(--pale); padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
.panel-item { border-left: 6px solid var(--blue); padding-left: 1rem; margin-bottom: 1rem; }
.callout-warning { border-left-color: var(--amber); background: #FFF9EC; }
.callout p:last-child { margin-bottom: 0; }
.tables { display: grid; gap: 0 2.5rem; }
@media (min-width: 48em) { .tables { grid-template-columns: 1fr 1fr; } }
table.data { border-collapse: collapse; width: 100%; font-size: 0.9375em; }
table.data caption { text-align: left; font-weight: bold; font-size: 1.1em; margin-bottom: 0.5rem; }
table.data th, table.data td { text-align: left; vertical-align: top; padding: 0.6rem 1rem 0.6rem 0; border-bottom: 1px solid var(--border); }
table.data thead th { border-bottom: 2px solid var(--text); }
table.data tbody th { font-weight: normal; }
table.data .num, table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data th:last-child, table.data td:last-child { padding-right: 0; }
@media (max-width: 39.99em) {
  /* Narrow screens: each row becomes a card of "column: value" lines rather than scrolling sideways. */
  table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.data, table.data tbody, table.data tr, table.data th, table.data td { display: block; }
  table.data tr { border-bottom: 2px solid var(--border); padding: 0.5rem 0; }
  table.data tbody th, table.data tbody td, table.data td.num { display: flow-root; border: 0; padding: 0.2rem 0 0.2rem 9rem;
    text-align: left; white-space: normal; }
  table.data tbody th::before, table.data tbody td::before { content: attr(data-label); float: left; width: 8.25rem; margin-left: -9rem; font-weight: bold; }
}
.chart-scroll { overflow-x: auto; margin: 0 0 1.5rem; }
.chart-scroll:focus { outline: 4px solid var(--focus); box-shadow: 0 0 0 6px var(--text); }
/* Below about 640px the chart's text would shrink out of reach, so it keeps its size and scrolls sideways. */
.chart { display: block; width: 100%; min-width: 640px; max-width: 760px; height: auto; }
.principle-facts { margin-bottom: 1rem; }
.gap { border-left: 6px solid var(--grey); padding: 0.25rem 0 0.25rem 1.25rem; margin: 0 0 1.75rem; }
.gap-critical { border-left-color: var(--red); }
.gap-major { border-left-color: var(--amber); }
.gap-tags { margin: 0 0 0.75rem; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.gap .summary-list > div { padding: 0.4rem 0; }
.gap .summary-list ul { margin: 0; padding-left: 1.25rem; }
.strengths li { margin-bottom: 0.5rem; }
.site-footer { color: var(--secondary); padding: 1.5rem 0 3rem; font-size: 0.9375em; border-top: 4px solid var(--blue); }
.site-footer p { margin-bottom: 0.5rem; }
@media print {
  @page { margin: 16mm 14mm; }
  body { background: #fff; font-size: 11pt; color: #000; }
  .wrap { max-width: none; padding: 0; }
  .skip-link { display: none; }
  .site-header { background: none; color: #000; border-bottom: 3pt solid #000; padding: 0 0 8pt; }
  .card { border: 0; padding: 0; margin-bottom: 16pt; }
  .callout, .callout-warning, code { background: none; }
  .tag, .tag[class*="tag-sev-"] { background: none; color: #000; }
  .principle { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, .gap, blockquote, .summary-list > div { break-inside: avoid; }
  .contents ol { columns: 1; }
  a { color: #000; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.9em; overflow-wrap: anywhere; }
  @media (max-width: 39.99em) {
  /* Narrow screens: each row becomes a card of "column: value" lines rather than scrolling sideways. */
  table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.data, table.data tbody, table.data tr, table.data th, table.data td { display: block; }
  table.data tr { border-bottom: 2px solid var(--border); padding: 0.5rem 0; }
  table.data tbody th, table.data tbody td, table.data td.num { display: flow-root; border: 0; padding: 0.2rem 0 0.2rem 9rem;
    text-align: left; white-space: normal; }
  table.data tbody th::before, table.data tbody td::before { content: attr(data-label); float: left; width: 8.25rem; margin-left: -9rem; font-weight: bold; }
}
.chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
