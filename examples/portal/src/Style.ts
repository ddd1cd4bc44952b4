/**
 * The portal's style sheet, served as `/stile.css`: system fonts, no web font, no image, no
 * external resource. The table rules follow the HTML report of `@quartieri/export-html`, whose
 * tables the pages reuse.
 *
 * @since 0.1.0
 */

/**
 * The CSS of every page.
 *
 * @since 0.1.0
 * @category formatting
 */
export const css = `
:root{--ink:#1d2733;--muted:#5b6775;--line:#dde2e8;--brand:#1f4e79;--brand2:#2e7fb0;--accent:#c8620f;
--danger:#b42318;--danger-bg:#fdf0ee;--ok:#2f6f3a;--ok-bg:#edf7ee;--warn-bg:#fff7e6;--paper:#fff;--bg:#eef1f5}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:15px/1.55 "DejaVu Sans","Liberation Sans",Arial,system-ui,sans-serif}
a{color:var(--brand2)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5b041;outline-offset:1px}
.topbar{background:var(--brand);color:#fff}
.topbar-inner{max-width:1140px;margin:0 auto;padding:10px 24px;display:flex;flex-wrap:wrap;align-items:center;gap:10px 28px}
.brand{font-weight:700;font-size:18px;letter-spacing:.02em;color:#fff;text-decoration:none}
.brand small{font-weight:400;opacity:.8;font-size:13px;margin-left:6px}
.topbar nav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
.topbar nav a{color:#fff;text-decoration:none;padding:6px 10px;border-radius:4px;display:block}
.topbar nav a:hover{background:rgba(255,255,255,.12)}
.topbar nav a[aria-current="page"]{background:rgba(255,255,255,.2);font-weight:700}
.actor-switch{margin-left:auto;display:flex;align-items:center;gap:8px;font-size:13px}
.actor-switch select{max-width:420px;font-size:13px;padding:4px 6px;border-radius:4px;border:1px solid #9fb6cc}
.actor-switch button{font-size:13px;padding:4px 10px;border-radius:4px;border:1px solid #fff;background:transparent;color:#fff;cursor:pointer}
.demo-banner{background:#fff3cd;border-bottom:1px solid #e8d28a;color:#5c4400;font-size:13px}
.demo-banner p{max-width:1140px;margin:0 auto;padding:6px 24px}
main{max-width:1140px;margin:22px auto 0;padding:28px 36px 36px;background:var(--paper);box-shadow:0 0 0 1px var(--line);border-radius:6px}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.09em;font-size:12px;font-weight:700;color:var(--brand2)}
h1{margin:4px 0 6px;font-size:28px;line-height:1.2;color:var(--brand)}
h2{font-size:19px;margin:30px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line);color:var(--brand)}
h3{font-size:16px;margin:18px 0 6px}
.lead{margin:0 0 8px;color:var(--muted);font-size:16px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:14px 0 0;font-size:14px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px;margin:18px 0 0;padding:0;list-style:none}
.card{border:1px solid var(--line);border-top:4px solid var(--brand2);border-radius:6px;padding:10px 14px;background:#fafbfd}
.card .label{font-size:12.5px;color:var(--muted);margin:0}
.card .value{font-size:22px;font-weight:700;margin:2px 0 0;font-variant-numeric:tabular-nums}
.card .note{font-size:12px;color:var(--muted);margin:0}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:8px 32px}
@media (max-width:800px){.columns{grid-template-columns:1fr}main{padding:18px}}
figure{margin:8px 0 14px}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:13px;color:var(--muted);margin-top:4px}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13.5px;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:700;padding:4px 0 8px}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#eaf0f6;font-weight:700;border-bottom:2px solid #b9c6d3}
tbody th{font-weight:600}
.num{text-align:right;white-space:nowrap}
tr.total th,tr.total td{font-weight:700;border-top:2px solid var(--ink);background:#f6f8fa}
.suppressed{color:var(--accent);font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.legend,.notes,.source,.small{font-size:12.5px;color:var(--muted);margin:6px 0 0}
.notes{padding-left:18px}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:5px 0;border-bottom:1px solid var(--line)}
.tag{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#eaf0f6;color:var(--brand)}
form.panel{border:1px solid var(--line);border-radius:6px;padding:16px 20px;background:#fafbfd;margin-top:10px}
fieldset{border:1px solid var(--line);border-radius:6px;margin:14px 0 0;padding:8px 14px 12px}
legend{font-weight:700;padding:0 6px;color:var(--brand)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));column-gap:18px;row-gap:0;align-items:start}
.field{margin:10px 0 0}
.grid>.field{display:grid;grid-row:span 3;grid-template-rows:subgrid;row-gap:0}
.grid>.field>label{align-self:end}
.field label,.field .label{display:block;font-weight:600;font-size:13.5px;margin-bottom:3px}
.field .hint{display:block;font-weight:400;color:var(--muted);font-size:12.5px}
.field input[type=text],.field input[type=date],.field input[type=number],.field select{width:100%;padding:7px 9px;font:inherit;font-size:14px;border:1px solid #a9b4c0;border-radius:4px;background:#fff}
.field.check label{display:flex;gap:8px;align-items:center;font-weight:400}
.field.invalid input,.field.invalid select{border:2px solid var(--danger);background:var(--danger-bg)}
.field-error{color:var(--danger);font-size:13px;margin:4px 0 0;font-weight:600}
.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:2px 14px;margin:4px 0 0;padding:0;list-style:none;font-size:13.5px}
.checks label{display:flex;gap:6px;align-items:baseline;font-weight:400;font-size:13.5px;margin:0}
.actions{margin-top:16px;display:flex;gap:12px;align-items:center}
button.primary,a.button{font:inherit;font-weight:700;padding:8px 18px;border-radius:4px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.primary:hover,a.button:hover{background:#173d60}
a.button.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}
.notice{border-radius:6px;padding:10px 14px;margin:14px 0}
.notice h2{border:0;margin:0 0 4px;padding:0;font-size:16px;color:inherit}
.notice ul{margin:4px 0 0;padding-left:20px}
.notice.error{background:var(--danger-bg);border:1px solid #f1b5ae;color:#7a1b12}
.notice.ok{background:var(--ok-bg);border:1px solid #a9d3ae;color:var(--ok)}
.notice.info{background:var(--warn-bg);border:1px solid #ecd38e;color:#5c4400}
.decision{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:12px 18px;margin:12px 0;background:#fff}
.decision.eligible{border-left-color:var(--ok)}
.decision.ineligible{border-left-color:var(--danger)}
.decision.undetermined{border-left-color:#d4a017}
.decision .outcome{font-size:20px;font-weight:700;margin:0}
.decision blockquote{margin:10px 0;padding:8px 14px;background:#f6f8fa;border-radius:4px}
.downloads{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 0;padding:0;list-style:none}
footer.site{max-width:1140px;margin:0 auto;padding:16px 24px 40px;font-size:12.5px;color:var(--muted)}
`
