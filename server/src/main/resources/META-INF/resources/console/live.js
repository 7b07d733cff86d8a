// Live: the operator's charges (and plate reads and cylinder checks) as they happen, filterable by site and status; refunds from here.
'use strict';

import { maybe, t } from '/shared/i18n.js';
import { announce, badge, clear, el, errorText, field, formError, money, moneyInput, parseMoney, time } from '/shared/ui.js';
import { dialog, select, table } from './common.js';

const STATUSES = ['APPROVED', 'DECLINED', 'AUTHORIZING', 'UNKNOWN', 'REVERSED', 'REVERSAL_FAILED'];

export async function liveView(root, ctx) {
  const sites = await ctx.api('/api/v1/operator/sites');
  const [siteField, siteSelect] = select('live-site', 'live.site', sites.map((s) => [s.id, s.name]));
  const [statusField, statusSelect] = select('live-status', 'live.status', STATUSES.map((s) => [s, t('charge.' + s)]));
  const filters = el('form', { class: 'panel filters', role: 'search', id: 'live-filters' }, siteField, statusField);
  const charges = el('div', { id: 'live-charges' });
  const reads = el('div', { id: 'live-reads' });
  const checks = el('div', { id: 'live-checks' });
  root.append(el('h1', { text: t('live.title') }), filters, charges, el('h2', { text: t('live.checks') }), checks,
    el('h2', { text: t('live.reads') }), reads);
  const rows = new Map();

  const matches = (c) => (!siteSelect.value || c.siteId === siteSelect.value) && (!statusSelect.value || c.status === statusSelect.value);

  function render(fresh) {
    const list = [...rows.values()].filter(matches).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 200);
    clear(charges, table('live.title', ['col.time', 'col.site', 'col.device', 'col.pump', 'col.plate', 'col.amount', 'col.refunded',
      'col.status', 'col.reason', 'col.card', 'col.actions'], list.map((c) => [
      time(c.createdAt), c.siteName, c.deviceName, c.pump || '', el('span', { class: 'plate', text: c.plate }),
      money(c.amount, c.currency), c.refunded ? money(c.refunded, c.currency) : '', badge('charge', c.status),
      c.status === 'APPROVED' ? '' : (maybe('reason.' + c.reasonCode) || c.reasonCode || ''), c.maskedCard || '',
      c.status === 'APPROVED' && c.refunded < c.amount
        ? el('button', { type: 'button', class: 'secondary', 'data-refund': c.id, text: t('refund.open'),
          'aria-label': t('refund.title', { amount: money(c.amount, c.currency), site: c.siteName }),
          onclick: () => refundDialog(ctx, c) }) : '']), {
      num: [5, 6], id: 'charges-table',
      rowAttrs: (i) => ({ 'data-charge': list[i].id, 'data-charge-ref': list[i].chargeRef, class: fresh === list[i].id ? 'fresh' : null }),
    }));
  }

  // A live event can arrive while a load is fetching (the stream's 'ready' reloads just as charges come in): the
  // fetched list may be older than the event, so the newer of the two stands.
  // Times are compared parsed (their text drops trailing zeros); on a tie the first, the event, stands.
  const newer = (a, b) => {
    if (!b) return a;
    const [ta, tb] = [Date.parse(a.updatedAt), Date.parse(b.updatedAt)];
    return ta > tb || (ta === tb && (a.refunded || 0) >= (b.refunded || 0)) ? a : b;
  };
  let loads = 0;
  let heard = new Map();

  async function load() {
    const mine = ++loads;
    heard = new Map();
    const query = new URLSearchParams();
    if (siteSelect.value) query.set('siteId', siteSelect.value);
    if (statusSelect.value) query.set('status', statusSelect.value);
    const site = siteSelect.value ? '&siteId=' + siteSelect.value : '';
    const [list, readList, checkList] = await Promise.all([ctx.api('/api/v1/operator/console/charges?' + query),
      ctx.api('/api/v1/operator/console/reads?limit=20' + site), ctx.api('/api/v1/operator/console/checks?limit=20' + site)]);
    if (mine !== loads) return; // a later load (a filter changed) is under way
    rows.clear();
    list.forEach((c) => rows.set(c.id, c));
    heard.forEach((c) => { if (matches(c)) rows.set(c.id, newer(c, rows.get(c.id))); });
    render();
    renderReads(readList);
    renderChecks(checkList);
  }

  let checkRows = [];
  function renderChecks(list) {
    checkRows = list;
    clear(checks, table('live.checks', ['col.time', 'col.site', 'col.device', 'col.pump', 'col.plate', 'col.fill', 'col.payment'],
      list.map((k) => [time(k.createdAt), k.siteName, k.deviceName, k.pump || '', el('span', { class: 'plate', text: k.plate || '' }),
        badge('fill', k.fillCode), maybe('reason.' + k.paymentCode) || k.paymentCode]), { id: 'checks-table',
      rowAttrs: (i) => ({ 'data-check': list[i].id }) }));
  }

  let readRows = [];
  function renderReads(list) {
    readRows = list;
    clear(reads, table('live.reads', ['col.time', 'col.site', 'col.device', 'col.direction', 'col.plate', 'col.confidence', 'col.decision'],
      list.map((r) => [time(r.capturedAt), r.siteName, r.deviceName, r.direction, el('span', { class: 'plate', text: r.plate }),
        String(r.confidence), r.decision || '']), { num: [5] }));
  }

  siteSelect.addEventListener('change', () => load().catch(showError));
  statusSelect.addEventListener('change', () => load().catch(showError));
  function showError(e) { document.getElementById('error').textContent = errorText(e); }
  await load();
  return ctx.onLive((name, data) => {
    if (name === 'ready') load().catch(showError);
    else if (name === 'charge' && data) {
      heard.set(data.id, newer(data, heard.get(data.id)));
      rows.set(data.id, newer(data, rows.get(data.id)));
      render(data.id);
    } else if (name === 'read' && data && (!siteSelect.value || data.siteId === siteSelect.value)) {
      renderReads([data, ...readRows].slice(0, 20));
    } else if (name === 'check' && data && (!siteSelect.value || data.siteId === siteSelect.value)) {
      renderChecks([data, ...checkRows].slice(0, 20));
    }
  });
}

/** The refund dialog: part or all of what is left, with a reason; the bank's answer is shown as it comes. */
export function refundDialog(ctx, c, { onDone } = {}) {
  const left = c.amount - (c.refunded || 0);
  const [amountField, amount] = field('refund-amount', 'refund.amount', el('input', { type: 'text', inputmode: 'decimal',
    autocomplete: 'off', value: moneyInput(left), required: true }));
  amountField.querySelector('label').after(el('p', { class: 'hint', id: 'refund-amount-hint', text: t('refund.amountHint', { left: money(left, c.currency) }) }));
  amount.setAttribute('aria-describedby', 'refund-amount-hint');
  const [reasonField, reason] = field('refund-reason', 'refund.reason', el('textarea', { rows: '2', maxlength: '500', required: true }));
  const form = el('form', { id: 'refund-form' }, amountField, reasonField);
  const errors = formError(form);
  const box = dialog(t('refund.title', { amount: money(c.amount, c.currency), site: c.siteName }), form, { id: 'refund-dialog' });
  form.append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), onclick: () => box.close() }),
    el('button', { type: 'submit', text: t('refund.send') })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const fen = parseMoney(amount.value);
    if (!fen || fen > left) {
      errors.show(t('refund.badAmount', { left: money(left, c.currency) }));
      amount.focus();
      return;
    }
    if (!reason.value.trim()) {
      reason.focus();
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const refund = await ctx.api('/api/v1/operator/refunds', { method: 'POST', body: { chargeId: c.id, amount: fen, reason: reason.value.trim() } });
      if (refund.status === 'SUCCEEDED') {
        announce(t('refund.done', { amount: money(fen, c.currency) }));
        box.close();
        if (onDone) onDone(refund);
      } else {
        errors.show(t('refund.status.' + refund.status) + (refund.failureCode ? ' (' + refund.failureCode + ')' : ''));
      }
    } catch (e) {
      errors.show(e);
    } finally {
      button.disabled = false;
    }
  });
  amount.focus();
  return box;
}
