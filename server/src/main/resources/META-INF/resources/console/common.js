// Small pieces the console's pages share: tables, selects of the operator's sites, dialogs.
'use strict';

import { t } from '/shared/i18n.js';
import { clear, el } from '/shared/ui.js';

/** A table with a caption; rows are arrays of cells (text or nodes); numeric columns named in num. */
export function table(captionKey, headKeys, rows, { num = [], id, rowAttrs } = {}) {
  const body = el('tbody', {}, rows.map((cells, i) => el('tr', rowAttrs ? rowAttrs(i) : {},
    cells.map((c, j) => el('td', { class: num.includes(j) ? 'num' : null }, c)))));
  if (!rows.length) body.append(el('tr', {}, el('td', { colspan: String(headKeys.length), class: 'empty', text: t('common.none') })));
  return el('div', { class: 'grid-wrap' }, el('table', { class: 'grid', id },
    el('caption', { class: 'visually-hidden', text: t(captionKey) }),
    el('thead', {}, el('tr', {}, headKeys.map((k, j) => el('th', { scope: 'col', class: num.includes(j) ? 'num' : null, text: t(k) })))),
    body));
}

export function select(id, labelKey, options, { any = true, value } = {}) {
  const input = el('select', { id, name: id },
    any ? el('option', { value: '', text: t('live.any') }) : null,
    options.map(([v, label]) => el('option', { value: v, text: label, selected: v === value })));
  return [el('div', { class: 'field' }, el('label', { for: id, text: t(labelKey) }), input), input];
}

/** A modal dialog with a title and content; resolves when it closes (returnValue in the result). */
export function dialog(titleText, content, { id } = {}) {
  const heading = el('h2', { id: (id || 'dlg') + '-title', text: titleText });
  const box = el('dialog', { class: 'wide', id, 'aria-labelledby': heading.id }, heading, content);
  document.body.append(box);
  box.addEventListener('close', () => box.remove());
  box.showModal();
  return box;
}

export function replace(node, ...children) {
  return clear(node, ...children);
}
