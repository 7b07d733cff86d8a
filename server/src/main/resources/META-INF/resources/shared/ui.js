// Small building blocks both apps share: DOM building without innerHTML (so nothing the server or a user typed is
// ever parsed as markup), money and time in the reader's language, badges, announcements for screen readers, and
// error text from the API's stable problem codes.
'use strict';

import { language, maybe, t } from './i18n.js';

/** el('p', {class: 'x', text: 'hi'}, child, ...): attributes, text, event handlers (onclick...) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Minor units to text without floating point: 1234550 fen -> "CNY 12,345.50" (English) / "¥12,345.50" (Chinese). */
export function money(fen, currency = 'CNY') {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  const prefix = currency === 'CNY' ? (language() === 'zh' ? '¥' : 'CNY ') : currency + ' ';
  return (negative ? '-' : '') + prefix + whole + '.' + cents;
}

/** "128.50" -> 12850; null when it is not an amount of yuan with at most two decimals. */
export function parseMoney(text) {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text || '');
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0'));
}

/** 12850 -> "128.50", for an input's value. */
export function moneyInput(fen) {
  return Math.trunc(fen / 100) + '.' + String(fen % 100).padStart(2, '0');
}

export function time(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language() === 'zh' ? 'zh-CN' : 'en-GB',
    { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A state shown as a word and a colour class; the word is always there, so colour is never the only sign. */
export function badge(group, value) {
  return el('span', { class: 'badge badge-' + String(value).toLowerCase().replace(/_/g, '-'),
    text: maybe(group + '.' + value) || value });
}

/** Says something to screen-reader users without moving their focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

/** The message for an API refusal: ours for known codes, else the server's own words. */
export function errorText(error) {
  if (!error) return '';
  const known = error.code && maybe('error.' + error.code);
  if (known) return known;
  if (error.status === 0 || error instanceof TypeError) return t('error.network');
  return error.message || t('error.unknown');
}

/** A form's error line (role=alert), cleared on the next try. */
export function formError(form) {
  let line = form.querySelector('.form-error');
  if (!line) {
    line = el('p', { class: 'form-error', role: 'alert' });
    form.append(line);
  }
  return {
    show: (error) => { line.textContent = typeof error === 'string' ? error : errorText(error); },
    clear: () => { line.textContent = ''; },
  };
}

/** A labelled field; returns [wrapper, input]. */
export function field(id, labelKey, input, hintKey) {
  input.id = id;
  const parts = [el('label', { for: id, text: t(labelKey) })];
  if (hintKey) {
    const hint = el('p', { class: 'hint', id: id + '-hint', text: t(hintKey) });
    input.setAttribute('aria-describedby', hint.id);
    parts.push(hint);
  }
  parts.push(input);
  return [el('div', { class: 'field' }, parts), input];
}

/** A confirmation with the page's own dialog; resolves true when the person confirms. */
export function confirmDialog(message, confirmKey) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' },
      el('p', { id: 'confirm-text', text: message }),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), onclick: () => dialog.close('no') }),
        el('button', { type: 'button', class: 'danger', text: t(confirmKey), onclick: () => dialog.close('yes') })));
    dialog.addEventListener('close', () => { resolve(dialog.returnValue === 'yes'); dialog.remove(); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function emptyNote(key) {
  return el('p', { class: 'empty', text: t(key) });
}

/** The one line of an empty list (a list holds only items). */
export function emptyItem(key) {
  return el('li', { class: 'empty', text: t(key) });
}
