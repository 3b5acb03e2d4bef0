// Accessibility checks run in the page by the browser test (no library is served here: axe-core is not on Maven
// Central's mirror). Returns the list of problems found, empty when the page passes.
// WCAG 2.1: 1.1.1 (names of graphics), 1.3.1 (labels, table headers and captions), 1.4.3 (contrast 4.5:1 for text,
// 3:1 for large text), 2.4.1 (skip link), 3.1.1 (language of the page).
const problems = [];
if (document.documentElement.lang !== 'fr') problems.push('html lang is not fr');
for (const control of document.querySelectorAll('input:not([type=hidden]), textarea, select')) {
  const labelled = (control.id && document.querySelector('label[for="' + control.id + '"]'))
      || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
  if (!labelled) problems.push('a form control without label: ' + control.outerHTML.slice(0, 80));
}
for (const button of document.querySelectorAll('button, a')) {
  if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('an unnamed ' + button.tagName);
}
for (const table of document.querySelectorAll('table')) {
  if (!table.querySelector('caption') || !table.querySelector('caption').textContent.trim()) {
    problems.push('a table without caption');
  }
  for (const th of table.querySelectorAll('th')) {
    if (!th.getAttribute('scope')) problems.push('a table header without scope: ' + th.textContent.trim());
  }
}
for (const svg of document.querySelectorAll('svg')) {
  const by = svg.getAttribute('aria-labelledby');
  const name = by && document.getElementById(by) && document.getElementById(by).textContent.trim();
  if (svg.getAttribute('role') !== 'img' || !name) problems.push('a chart without an accessible name');
}
if (!document.querySelector('a.skip[href="#contenu"]') || !document.getElementById('contenu')) {
  problems.push('no skip link to the content');
}
function rgb(color) {
  const m = color.match(/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/);
  return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) return c;
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
while (walker.nextNode()) {
  const element = walker.currentNode.parentElement;
  if (!walker.currentNode.textContent.trim() || seen.has(element) || element.closest('svg, .skip')) continue;
  seen.add(element);
  const style = getComputedStyle(element);
  const fg = rgb(style.color);
  const bg = background(element);
  const l1 = luminance(fg), l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    problems.push('contrast ' + ratio.toFixed(2) + ' for "' + walker.currentNode.textContent.trim().slice(0, 40) + '"');
  }
}
return problems;
