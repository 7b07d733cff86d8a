// Review queues: vehicle proofs (approve, or reject with a reason), disputes (accept, which refunds, or reject with
// an answer the driver sees), and parking stays a person must decide (unsure or fuzzy reads).
'use strict';

import { t } from '/shared/i18n.js';
import { announce, badge, clear, el, errorText, field, formError, money, time } from '/shared/ui.js';
import { dialog, table } from './common.js';
import { refundDialog } from './live.js';

const PLATE_COLOURS = ['BLUE', 'YELLOW', 'GREEN', 'WHITE', 'BLACK'];

export async function reviewsView(root, ctx) {
  const base = ctx.role === 'admin' ? '/api/v1/admin' : '/api/v1/operator';
  const proofs = el('div', { id: 'proofs' });
  const disputes = el('div', { id: 'disputes' });
  const stays = el('div', { id: 'review-stays' });
  root.append(el('h1', { text: t('nav.reviews') }), el('h2', { text: t('reviews.proofs') }), proofs);
  if (ctx.role !== 'admin') root.append(el('h2', { text: t('reviews.disputes') }), disputes, el('h2', { text: t('reviews.reads') }), stays);
  const fail = (e) => { document.getElementById('error').textContent = errorText(e); };

  async function loadProofs() {
    const list = (await ctx.api(base + '/vehicle-proofs')).filter((p) => p.status === 'PENDING');
    clear(proofs, table('reviews.proofs', ['col.time', 'col.plate', 'col.driver', 'col.status', 'col.actions'], list.map((p) => [
      time(p.uploadedAt), el('span', { class: 'plate', text: p.plate }), p.driverName || '', badge('proof', p.status),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', text: t('reviews.viewPhoto'), onclick: () => photo(p).catch(fail) }),
        el('button', { type: 'button', 'data-approve': p.id, text: t('reviews.approve'), onclick: () => decide(p, true).catch(fail) }),
        el('button', { type: 'button', class: 'danger', 'data-reject': p.id, text: t('reviews.reject'), onclick: () => rejectProof(p) }))]),
    { id: 'proofs-table' }));
  }

  async function photo(p) {
    const response = await ctx.api(base + '/vehicle-proofs/' + p.id + '/image', { raw: true, accept: 'image/*' });
    const url = URL.createObjectURL(await response.blob());
    const box = dialog(p.plate, el('div', {}, el('img', { class: 'proof-preview', src: url, alt: t('reviews.viewPhoto') + ' ' + p.plate }),
      el('div', { class: 'actions' }, el('button', { type: 'button', text: t('common.close'), onclick: () => box.close() }))));
    box.addEventListener('close', () => URL.revokeObjectURL(url));
  }

  async function decide(p, approve, reason) {
    await ctx.api(base + '/vehicle-proofs/' + p.id + (approve ? '/approve' : '/reject'), { method: 'POST', body: approve ? {} : { reason } });
    announce(t(approve ? 'reviews.approve' : 'reviews.reject') + ' ' + p.plate);
    await loadProofs();
  }

  function rejectProof(p) {
    answerDialog(t('reviews.reject') + ' ' + p.plate, 'reviews.rejectReason', 200, (text) => decide(p, false, text));
  }

  async function loadDisputes() {
    const list = (await ctx.api('/api/v1/operator/disputes')).filter((d) => ['OPEN', 'UNDER_REVIEW'].includes(d.status));
    clear(disputes, table('reviews.disputes', ['col.time', 'col.site', 'col.plate', 'col.amount', 'col.reason', 'col.status', 'col.actions'],
      list.map((d) => [time(d.createdAt), d.evidence.siteName, el('span', { class: 'plate', text: d.evidence.plate }),
        money(d.evidence.amount, d.evidence.currency), [t('disputeReason.' + d.reason), d.description ? ': ' + d.description : ''].join(''),
        badge('dispute', d.status),
        el('div', { class: 'actions' },
          el('button', { type: 'button', 'data-accept': d.id, text: t('reviews.accept'), onclick: () => accept(d) }),
          el('button', { type: 'button', class: 'danger', 'data-reject-dispute': d.id, text: t('reviews.rejectDispute'),
            onclick: () => answerDialog(t('reviews.rejectDispute'), 'reviews.answer', 1000, (note) => resolve(d, 'REJECTED', note)) }))]),
      { num: [3], id: 'disputes-table' }));
  }

  async function resolve(d, outcome, note) {
    await ctx.api('/api/v1/operator/disputes/' + d.id + '/resolve', { method: 'POST', body: { outcome, note } });
    await loadDisputes();
  }

  function accept(d) {
    const e = d.evidence;
    refundDialog(ctx, { id: d.chargeId, amount: e.amount, refunded: 0, currency: e.currency, siteName: e.siteName },
      { onDone: () => resolve(d, 'UPHELD', t('reviews.acceptNote')).catch(fail) });
  }

  async function loadStays() {
    const lots = await ctx.api('/api/v1/operator/parking/lots');
    const lists = await Promise.all(lots.map((l) => ctx.api('/api/v1/operator/parking/lots/' + l.siteId + '/sessions?status=REVIEW')));
    const list = lists.flat();
    clear(stays, table('reviews.reads', ['col.time', 'col.plate', 'col.confidence', 'col.reason', 'col.actions'], list.map((s) => [
      time(s.exitAt || s.entryAt), el('span', { class: 'plate', text: s.plate }), s.exitConfidence == null ? '' : String(s.exitConfidence),
      s.reviewReason || s.flag || '',
      el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-resolve-stay': s.id, text: t('parking.resolve'), onclick: () => resolveStay(s) }),
        el('button', { type: 'button', class: 'secondary', text: t('parking.waive'), onclick: () => answerDialog(t('parking.waive'),
          'refund.reason', 200, async (reason) => {
            await ctx.api('/api/v1/operator/parking/sessions/' + s.id + '/waive', { method: 'POST', body: { reason } });
            await loadStays();
          }) }))]), { id: 'stays-table' }));
  }

  /** The plate a person read from the lane's crop: the stay is priced and that plate's card debited, or it stays to waive. */
  function resolveStay(s) {
    const [plateField, plate] = field('resolve-plate', 'parking.plate', el('input', { type: 'text', maxlength: '32', required: true,
      value: s.plate, autocomplete: 'off' }));
    const colour = el('select', { required: true }, PLATE_COLOURS.map((c) => el('option', { value: c, text: t('colour.' + c),
      selected: c === s.plateColour })));
    const [colourField] = field('resolve-colour', 'parking.colour', colour);
    const form = el('form', { id: 'resolve-form' }, plateField, colourField);
    const errors = formError(form);
    const box = dialog(t('parking.resolve') + ' ' + s.plate, form, { id: 'resolve-dialog' });
    form.append(el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), onclick: () => box.close() }),
      el('button', { type: 'submit', text: t('common.save') })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const done = await ctx.api('/api/v1/operator/parking/sessions/' + s.id + '/resolve', { method: 'POST',
          body: { plate: plate.value.trim(), plateColour: colour.value } });
        announce(t('parking.resolved') + ' ' + done.plate + ': ' + t('parking.status.' + done.status));
        box.close();
        await loadStays();
      } catch (e) {
        errors.show(e);
      }
    });
  }

  await loadProofs();
  if (ctx.role !== 'admin') {
    await loadDisputes();
    await loadStays().catch(() => clear(stays, el('p', { class: 'empty', text: t('reviews.noReads') })));
  }
}

/** A dialog asking for one text (a reason, an answer); onSubmit(text) may fail, and its error is shown there. */
function answerDialog(title, labelKey, max, onSubmit) {
  const [f, input] = field('answer-text', labelKey, el('textarea', { rows: '3', maxlength: String(max), required: true }));
  const form = el('form', { id: 'answer-form' }, f);
  const errors = formError(form);
  const box = dialog(title, form, { id: 'answer-dialog' });
  form.append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), onclick: () => box.close() }),
    el('button', { type: 'submit', text: t('common.save') })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    try {
      await onSubmit(input.value.trim());
      box.close();
    } catch (e) {
      errors.show(e);
    }
  });
  input.focus();
}
