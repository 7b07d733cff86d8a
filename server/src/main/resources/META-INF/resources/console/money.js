// Settlement (a site's business day reconciled against the bank's file, CSV, closing the day) and charts (Chart.js,
// loaded from /vendor/ as a classic script: its ES build imports a bare module name no page can resolve without an
// inline import map, which the CSP forbids).
'use strict';

import { t } from '/shared/i18n.js';
import { badge, clear, el, field, formError, money } from '/shared/ui.js';
import { select, table } from './common.js';

function verdict(r) {
  const b = badge('settle', r.reconciled ? 'RECONCILED' : 'NOT_RECONCILED');
  b.id = 'settle-verdict';
  return b;
}

function today(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export async function settlementView(root, ctx) {
  const sites = await ctx.api('/api/v1/operator/sites');
  const [siteField, site] = select('settle-site', 'settle.site', sites.map((s) => [s.id, s.name]), { any: false });
  const [dateField, date] = field('settle-date', 'settle.date', el('input', { type: 'date', required: true, value: today('Asia/Shanghai') }));
  const form = el('form', { class: 'panel inline-form', id: 'settle-form' }, siteField, dateField, el('button', { type: 'submit', text: t('settle.show') }));
  const errors = formError(form);
  const report = el('div', { id: 'settlement' });
  root.append(el('h1', { text: t('settle.title') }), form, report);

  async function show() {
    errors.clear();
    if (!site.value) return;
    const query = '?siteId=' + encodeURIComponent(site.value) + '&date=' + encodeURIComponent(date.value);
    const r = await ctx.api('/api/v1/operator/settlement' + query);
    const total = (key, amount, extra) => el('div', {}, el('span', { class: 'meta', text: t(key) }),
      el('span', { class: 'amount', text: money(amount, r.currency) }), extra ? el('span', { class: 'meta', text: extra }) : null);
    const closeButton = el('button', { type: 'button', id: 'settle-close', text: t('settle.close'),
      disabled: r.status === 'CLOSED' || !r.reconciled || !r.dayOver, onclick: async () => {
        try {
          await ctx.api('/api/v1/operator/settlement/close', { method: 'POST', body: { siteId: site.value, date: date.value } });
          await show();
        } catch (e) {
          errors.show(e);
        }
      } });
    clear(report,
      el('div', { class: 'status-line' }, verdict(r),
        r.reconciled ? null : el('span', { text: t('settle.notReconciled', { n: r.differences }) }),
        badge('settle.status', r.status), r.closedBy ? el('span', { class: 'meta', text: t('settle.closed', { name: r.closedBy }) }) : null,
        el('span', { class: 'meta', text: t('settle.zone', { zone: r.timeZone }) })),
      el('div', { class: 'totals', id: 'settle-totals' },
        total('settle.approved', r.ledger.approved, t('settle.count', { n: r.ledger.approvedCount })),
        total('settle.refunded', r.ledger.refunded, t('settle.count', { n: r.ledger.refundedCount })),
        total('settle.reversed', r.ledger.reversed, t('settle.count', { n: r.ledger.reversedCount })),
        total('settle.fees', r.fees), total('settle.net', r.net),
        total('settle.bankDebits', r.bank.debits), total('settle.bankRefunds', r.bank.refunds), total('settle.bankReversals', r.bank.reversals)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', id: 'settle-csv', text: t('settle.csv'), onclick: () => csv(query).catch((e) => errors.show(e)) }),
        closeButton),
      el('h2', { text: t('settle.lines') }),
      table('settle.lines', ['col.outcome', 'col.type', 'col.key', 'col.bank', 'col.ledger', 'col.explanation'], r.items.map((i) => [
        badge('outcome', i.outcome), i.type, el('span', { class: 'hash', text: i.key }), i.bankAmount == null ? '' : money(i.bankAmount, r.currency),
        i.ledgerAmount == null ? '' : money(i.ledgerAmount, r.currency), i.explanation]), { num: [3, 4], id: 'settle-items' }));
  }

  async function csv(query) {
    const response = await ctx.api('/api/v1/operator/settlement/csv' + query, { raw: true, accept: 'text/csv' });
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: 'settlement-' + date.value + '.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); show().catch((e) => errors.show(e)); });
  site.addEventListener('change', () => show().catch((e) => errors.show(e)));
  await show().catch((e) => errors.show(e));
}

const PALETTE = ['#0b5cad', '#c2410c', '#15803d', '#7c3aed', '#a16207', '#be123c', '#0e7490', '#4d7c0f'];

export async function chartsView(root, ctx) {
  const stats = await ctx.api('/api/v1/operator/console/stats?days=14');
  const days = [...new Set(stats.days.map((d) => d.day))].sort();
  const sites = [...new Map(stats.days.map((d) => [d.siteId, d.siteName])).entries()];
  const canvas = (id, key) => {
    const c = el('canvas', { id, role: 'img', 'aria-label': t(key) });
    return [el('section', { class: 'chart-box', 'aria-label': t(key) }, el('h2', { text: t(key) }), el('div', { class: 'chart-canvas' }, c)), c];
  };
  const [revenueBox, revenue] = canvas('chart-revenue', 'charts.revenue');
  const [countBox, counts] = canvas('chart-counts', 'charts.counts');
  const [reasonBox, reasons] = canvas('chart-reasons', 'charts.reasons');
  root.append(el('h1', { text: t('charts.title') }), el('div', { class: 'cols' }, revenueBox, countBox, reasonBox));
  const value = (day, siteId, f) => { const p = stats.days.find((d) => d.day === day && d.siteId === siteId); return p ? f(p) : 0; };
  const Chart = window.Chart;
  if (!Chart) throw new Error('Chart.js did not load');
  const common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } };
  const charts = [
    new Chart(revenue, { type: 'bar', options: { ...common, scales: { x: { stacked: true }, y: { stacked: true } } },
      data: { labels: days, datasets: sites.map(([id, name], i) => ({ label: name, backgroundColor: PALETTE[i % PALETTE.length],
        data: days.map((d) => value(d, id, (p) => p.revenue / 100)) })) } }),
    new Chart(counts, { type: 'line', options: common, data: { labels: days, datasets: [
      { label: t('charts.approved'), borderColor: PALETTE[2], backgroundColor: PALETTE[2],
        data: days.map((d) => stats.days.filter((p) => p.day === d).reduce((s, p) => s + p.approved, 0)) },
      { label: t('charts.declined'), borderColor: PALETTE[5], backgroundColor: PALETTE[5],
        data: days.map((d) => stats.days.filter((p) => p.day === d).reduce((s, p) => s + p.declined, 0)) }] } }),
    new Chart(reasons, { type: 'doughnut', options: common, data: { labels: stats.declineReasons.map((r) => t('reason.' + r.reasonCode)),
      datasets: [{ data: stats.declineReasons.map((r) => r.count), backgroundColor: stats.declineReasons.map((r, i) => PALETTE[i % PALETTE.length]) }] } }),
  ];
  return () => charts.forEach((c) => c.destroy());
}

