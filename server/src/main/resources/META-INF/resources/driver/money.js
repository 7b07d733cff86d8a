// Where the money went: live charges, the full history, one charge with its evidence, disputes and notifications.
'use strict';

import { maybe, t } from '/shared/i18n.js';
import { badge, clear, el, emptyItem, errorText, field, formError, money, time } from '/shared/ui.js';
import { arrearsSlot } from './arrears.js';

const REASONS = ['NOT_MY_VEHICLE', 'WRONG_AMOUNT', 'DUPLICATE', 'NOT_RECEIVED', 'OTHER'];

/** One charge in a list: where, how much, the card, its state; the whole line opens its details. */
export function chargeItem(c, fresh = false) {
  const li = el('li', { class: fresh ? 'fresh' : null, 'data-charge': c.id, 'data-charge-ref': c.chargeRef },
    el('div', { class: 'row' }, el('span', { class: 'amount', text: money(c.amount, c.currency) }), badge('charge', c.status)),
    el('p', {}, el('strong', { text: c.siteName }), ' · ', t('category.' + c.category)),
    el('p', { class: 'meta' }, [
      c.pumpOrLane ? t(c.category === 'PARKING' ? 'charge.lane' : 'charge.pump', { name: c.pumpOrLane }) + ' · ' : '',
      el('span', { class: 'plate', text: c.plate }), ' · ', time(c.createdAt)]),
    el('p', { class: 'meta', text: [c.maskedCard ? t('charge.card', { last4: c.maskedCard.slice(-4) }) : '',
      c.status === 'DECLINED' && c.reasonCode ? (maybe('reason.' + c.reasonCode) || c.reasonCode) : '',
      c.refunded > 0 ? t('charge.refunded', { amount: money(c.refunded, c.currency) }) : '',
      c.disputeStatus ? t('charge.disputed', { status: maybe('dispute.' + c.disputeStatus) || c.disputeStatus }) : '']
      .filter(Boolean).join(' · ') }),
    el('a', { href: '#/charge/' + c.id, text: t('common.details'), 'aria-label': t('charge.detailsOf', { amount: money(c.amount, c.currency),
      site: c.siteName }) }));
  return li;
}

// ---- Home: the live feed of charges ------------------------------------------------------------------------------

export async function homeView(root, ctx) {
  const status = el('span', { 'data-live-state': '' }, el('span', { class: 'badge badge-' + ctx.liveState(), text: t('live.' + ctx.liveState()) }));
  const list = el('ul', { class: 'items', id: 'live-charges', 'aria-label': t('home.latest') });
  root.append(el('h1', { text: t('home.title') }),
    el('div', { class: 'status-line' }, el('span', { text: t('home.liveLabel') }), status),
    el('h2', { text: t('home.latest') }), list, arrearsSlot(ctx), el('p', {}, el('a', { href: '#/history', text: t('home.allHistory') })));
  // A charge heard while a load is fetching (the stream's 'ready' reloads just as a debit lands) must survive the
  // load: the fetched page may predate it.
  let heard = new Map();
  async function load() {
    heard = new Map();
    const fetched = await ctx.api('/api/v1/me/history?limit=10');
    const lines = [...heard.values()].reverse().concat(fetched.filter((c) => !heard.has(c.id))).slice(0, 10);
    clear(list, lines.length ? lines.map((c) => chargeItem(c)) : [emptyItem('home.none')]);
  }
  await load();
  return ctx.onLive((name, item) => {
    if (name === 'ready') {
      load();                                         // (re)connected: catch up on anything missed meanwhile
    } else if (item.charge) {
      heard.delete(item.charge.id);
      heard.set(item.charge.id, item.charge);
      list.querySelector('.empty')?.remove();
      list.querySelector('[data-charge="' + item.charge.id + '"]')?.remove();
      list.prepend(chargeItem(item.charge, true));
    }
  });
}

// ---- History: every charge, filterable -----------------------------------------------------------------------------

export async function historyView(root, ctx) {
  const select = (id, key, options) => field(id, key, el('select', {}, el('option', { value: '', text: t('history.any') }),
    options.map(([value, label]) => el('option', { value, text: label }))))[0];
  const form = el('form', { class: 'panel filters', id: 'history-filters', role: 'search' },
    select('filter-status', 'history.status', ['APPROVED', 'DECLINED', 'REVERSED', 'REVERSAL_FAILED'].map((s) => [s, t('charge.' + s)])),
    select('filter-category', 'history.category', ['GAS', 'PARKING'].map((c) => [c, t('category.' + c)])),
    field('filter-plate', 'history.plate', el('input', { type: 'search', autocomplete: 'off' }))[0],
    field('filter-from', 'history.from', el('input', { type: 'date' }))[0],
    field('filter-to', 'history.to', el('input', { type: 'date' }))[0],
    el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('history.apply') })));
  const list = el('ul', { class: 'items', id: 'history-list' });
  const more = el('button', { type: 'button', class: 'secondary', hidden: true, text: t('history.more') });
  root.append(el('h1', { text: t('history.title') }), form, list, more);
  const error = formError(form);
  let last = null;

  const query = (before) => {
    const q = new URLSearchParams({ limit: '50' });
    const value = (id) => root.querySelector('#' + id).value.trim();
    [['status', 'filter-status'], ['category', 'filter-category'], ['plate', 'filter-plate'], ['from', 'filter-from'], ['to', 'filter-to']]
      .forEach(([name, id]) => { if (value(id)) q.set(name, value(id)); });
    if (before) q.set('before', before);
    return '/api/v1/me/history?' + q;
  };
  async function load(append) {
    error.clear();
    try {
      const lines = await ctx.api(query(append ? last : null));
      if (!append) clear(list);
      lines.forEach((c) => list.append(chargeItem(c)));
      if (!append && !lines.length) list.append(emptyItem('history.none'));
      last = lines.length ? lines[lines.length - 1].createdAt : last;
      more.hidden = lines.length < 50;
    } catch (e) {
      error.show(e);
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); load(false); });
  more.addEventListener('click', () => load(true));
  await load(false);
  return ctx.onLive((name, item) => { if (item && item.charge) load(false); });
}

// ---- One charge: evidence, and a dispute -------------------------------------------------------------------------

export async function chargeView(root, ctx, id) {
  const detail = await ctx.api('/api/v1/me/history/' + encodeURIComponent(id));
  const c = detail.charge;
  root.append(el('p', {}, el('a', { href: '#/history', text: t('common.back') })),
    el('h1', { text: t('charge.title', { amount: money(c.amount, c.currency) }) }),
    el('div', { class: 'panel' }, el('div', { class: 'row' }, badge('charge', c.status),
      c.status === 'DECLINED' ? el('span', { class: 'meta', text: maybe('reason.' + c.reasonCode) || c.reasonCode }) : null),
    evidenceFacts(detail.evidence)));
  if (c.disputeId && ['OPEN', 'UNDER_REVIEW'].includes(c.disputeStatus)) {
    root.append(el('p', {}, el('a', { href: '#/dispute/' + c.disputeId, text: t('charge.followDispute') })));
  } else if (['APPROVED', 'REVERSAL_FAILED'].includes(c.status) && !['UPHELD', 'REJECTED'].includes(c.disputeStatus)) {
    root.append(disputeForm(ctx, c));
  } else if (c.disputeId) {
    root.append(el('p', {}, el('a', { href: '#/dispute/' + c.disputeId, text: t('charge.followDispute') })));
  }
}

/** What the system holds about a charge, as facts. */
export function evidenceFacts(e) {
  const facts = el('dl', { class: 'facts', id: 'evidence' });
  const add = (key, value, cls) => {
    if (value === null || value === undefined || value === '') return;
    facts.append(el('dt', { text: t(key) }), el('dd', { class: cls, text: value }));
  };
  add('evidence.site', e.siteName);
  add('evidence.kind', t('category.' + e.category));
  add('evidence.device', e.deviceName);
  add(e.category === 'PARKING' ? 'evidence.lane' : 'evidence.pump', e.pumpOrLane);
  add('evidence.attendant', e.attendant);
  add('evidence.plate', e.plate + (e.plateColour ? ' · ' + t('colour.' + e.plateColour) : ''));
  add('evidence.amount', money(e.amount, e.currency));
  if (e.volumeMilli) add('evidence.volume', (e.volumeMilli / 1000).toFixed(3) + ' ' + ({ M3: 'm³', KG: 'kg', L: 'L' }[e.volumeUnit] || e.volumeUnit || ''));
  add('evidence.capturedAt', time(e.capturedAt));
  add('evidence.receivedAt', time(e.receivedAt));
  add('evidence.card', e.maskedCard ? t('charge.card', { last4: e.maskedCard.slice(-4) }) : null);
  add('evidence.approval', e.approvalCode);
  add('evidence.chargeRef', e.chargeRef, 'hash');
  if (e.parking) {
    add('evidence.entryAt', time(e.parking.entryAt));
    add('evidence.exitAt', time(e.parking.exitAt));
    add('evidence.confidence', e.parking.exitConfidence !== null ? (e.parking.exitConfidence / 10).toFixed(1) + ' %' : null);
    add('evidence.entryCrop', e.parking.entryCropSha256, 'hash');
    add('evidence.exitCrop', e.parking.exitCropSha256, 'hash');
  }
  return facts;
}

function disputeForm(ctx, c) {
  const reason = el('select', { required: true }, REASONS.map((r) => el('option', { value: r, text: t('disputeReason.' + r) })));
  const [reasonField] = field('dispute-reason', 'disputes.reason', reason);
  const [textField, text] = field('dispute-text', 'disputes.description', el('textarea', { rows: 3, maxlength: 1000 }), 'disputes.descriptionHint');
  const form = el('form', { id: 'dispute-form', class: 'panel', novalidate: true }, el('h2', { text: t('disputes.open') }),
    el('p', { class: 'hint', text: t('disputes.openHint') }), reasonField, textField,
    el('button', { type: 'submit', text: t('disputes.submit') }));
  const error = formError(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    try {
      const d = await ctx.api('/api/v1/me/disputes', { method: 'POST', body: { chargeId: c.id, reason: reason.value,
        description: text.value.trim() || undefined } });
      ctx.go('dispute/' + d.id);
    } catch (err) {
      error.show(err);
    }
  });
  return form;
}

// ---- Disputes ----------------------------------------------------------------------------------------------------

export async function disputesView(root, ctx) {
  const list = el('ul', { class: 'items', id: 'dispute-list' });
  root.append(el('h1', { text: t('disputes.title') }), el('p', { class: 'lead', text: t('disputes.lead') }), list);
  async function load() {
    const disputes = await ctx.api('/api/v1/me/disputes');
    clear(list, disputes.length ? disputes.map((d) => el('li', { 'data-dispute': d.id },
      el('div', { class: 'row' }, el('span', { class: 'amount', text: money(d.evidence.amount, d.evidence.currency) }), badge('dispute', d.status)),
      el('p', {}, el('strong', { text: d.evidence.siteName }), ' · ', t('disputeReason.' + d.reason)),
      el('p', { class: 'meta', text: time(d.createdAt) }),
      el('a', { href: '#/dispute/' + d.id, text: t('common.details') }))) : [emptyItem('disputes.none')]);
  }
  await load();
  return ctx.onLive((name, item) => { if (item && item.kind === 'DISPUTE_UPDATED') load(); });
}

export async function disputeView(root, ctx, id) {
  async function render() {
    const d = await ctx.api('/api/v1/me/disputes/' + encodeURIComponent(id));
    clear(root, el('p', {}, el('a', { href: '#/disputes', text: t('common.back') })),
      el('h1', { text: t('dispute.title', { amount: money(d.evidence.amount, d.evidence.currency) }) }),
      el('div', { class: 'panel' },
        el('div', { class: 'row' }, el('span', { text: t('disputeReason.' + d.reason) }), badge('dispute', d.status)),
        el('p', { class: 'meta', text: t('dispute.help.' + d.status) }),
        d.description ? el('p', {}, el('strong', { text: t('disputes.description') + ': ' }), d.description) : null,
        d.resolutionNote ? el('p', {}, el('strong', { text: t('dispute.note') + ': ' }), d.resolutionNote) : null,
        el('dl', { class: 'facts' }, el('dt', { text: t('dispute.opened') }), el('dd', { text: time(d.createdAt) }),
          d.resolvedAt ? [el('dt', { text: t('dispute.closed') }), el('dd', { text: time(d.resolvedAt) })] : null)),
      el('h2', { text: t('dispute.evidence') }), el('div', { class: 'panel' }, evidenceFacts(d.evidence)),
      ['OPEN', 'UNDER_REVIEW'].includes(d.status) ? el('button', { type: 'button', class: 'secondary', id: 'withdraw',
        text: t('dispute.withdraw'), onclick: async () => {
          try {
            await ctx.api('/api/v1/me/disputes/' + d.id + '/withdraw', { method: 'POST' });
          } catch (e) {
            root.append(el('p', { class: 'form-error', role: 'alert', text: errorText(e) }));
          }
          render();
        } }) : null);
  }
  await render();
  return ctx.onLive((name, item) => { if (item && item.kind === 'DISPUTE_UPDATED' && item.charge) render(); });
}

// ---- Notifications -----------------------------------------------------------------------------------------------

export async function alertsView(root, ctx) {
  const list = el('ul', { class: 'items', id: 'alert-list' });
  root.append(el('h1', { text: t('alerts.title') }), list);
  const item = (n, fresh) => el('li', { class: fresh ? 'fresh' : null },
    el('div', { class: 'row' }, el('strong', { text: alertTitle(n) }), el('span', { class: 'meta', text: time(n.createdAt) })),
    el('p', { text: alertBody(n) }),
    n.charge ? el('a', { href: '#/charge/' + n.charge.id, text: t('common.details') }) : null);
  const feed = await ctx.api('/api/v1/me/feed?limit=100');
  clear(list, feed.length ? feed.map((n) => item(n)) : [emptyItem('alerts.none')]);
  return ctx.onLive((name, n) => {
    if (n) {
      list.querySelector('.empty')?.remove();
      list.prepend(item(n, true));
    }
  });
}

/** Notifications are worded here, in the reader's language, from their kind and charge; the stored text is English. */
function alertTitle(n) {
  return maybe('alert.' + n.kind, n.charge ? { amount: money(n.charge.amount, n.charge.currency), refund: refundOf(n) } : {}) || n.title;
}

/** A refund notice carries the refunded amount (minor units) as its detail. */
function refundOf(n) {
  return n.kind === 'CHARGE_REFUNDED' && /^\d+$/.test(n.detail || '') ? money(Number(n.detail), n.charge.currency) : '';
}

function alertBody(n) {
  const c = n.charge;
  if (!c) return maybe('alertBody.' + n.kind, { plate: n.plate || '', reason: n.detail || '' }) || n.body;
  const values = { amount: money(c.amount, c.currency), site: c.siteName, plate: c.plate, card: (c.maskedCard || '').slice(-4),
    reason: maybe('reason.' + c.reasonCode) || c.reasonCode || '', status: maybe('dispute.' + (n.detail || c.disputeStatus || '')) || '',
    refund: refundOf(n) };
  return maybe('alertBody.' + n.kind, values) || n.body;
}
