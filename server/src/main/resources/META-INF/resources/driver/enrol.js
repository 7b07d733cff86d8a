// Vehicles (with the licence photo), cards and plate payment (mandates): what a driver sets up once.
'use strict';

import { language, t } from '/shared/i18n.js';
import { badge, clear, confirmDialog, el, emptyItem, errorText, field, formError, money, moneyInput, parseMoney, time }
  from '/shared/ui.js';

const COLOURS = ['BLUE', 'YELLOW', 'GREEN', 'WHITE', 'BLACK'];
const PROOF_TYPES = 'image/jpeg,image/png,image/webp';

// ---- Vehicles ---------------------------------------------------------------------------------------------------

export async function vehiclesView(root, ctx) {
  const list = el('ul', { class: 'items', id: 'vehicle-list' });
  root.append(el('h1', { text: t('vehicles.title') }), el('p', { class: 'lead', text: t('vehicles.lead') }), list,
    addVehicleForm(ctx, () => refresh()));
  async function refresh() {
    const vehicles = await ctx.api('/api/v1/me/vehicles');
    clear(list, vehicles.length ? vehicles.map((v) => vehicleItem(v, ctx, refresh)) : [emptyItem('vehicles.none')]);
  }
  await refresh();
  return ctx.onLive((name, item) => { if (name === 'notification' && item.kind.startsWith('VEHICLE_')) refresh(); });
}

function vehicleItem(v, ctx, refresh) {
  const li = el('li', { 'data-vehicle': v.id },
    el('div', { class: 'row' },
      el('span', {}, el('span', { class: 'plate', text: v.plate }), ' ', el('span', { class: 'meta', text: t('colour.' + v.colour) })),
      badge('verification', v.verification)),
    el('p', { class: 'meta', text: t('verification.help.' + v.verification) }));
  if (v.verification === 'REJECTED' && v.rejectionReason) {
    li.append(el('p', {}, el('strong', { text: t('vehicles.reason') + ' ' }), v.rejectionReason));
  }
  if (v.verification !== 'UNVERIFIED') li.append(proofPreview(v, ctx));
  if (v.verification !== 'APPROVED') li.append(uploadForm(v, ctx, refresh));
  return li;
}

/** The photo as uploaded, fetched with the token and shown from a blob: URL (no token in an image URL). */
function proofPreview(v, ctx) {
  const holder = el('div', { class: 'proof' });
  const show = el('button', { type: 'button', class: 'secondary', text: t('vehicles.showProof'),
    onclick: async () => {
      try {
        const response = await ctx.api('/api/v1/me/vehicles/' + v.id + '/proof', { raw: true });
        const url = URL.createObjectURL(await response.blob());
        clear(holder, el('img', { class: 'proof-preview', src: url, alt: t('vehicles.proofAlt', { plate: v.plate }) }));
      } catch (e) {
        clear(holder, el('p', { class: 'form-error', role: 'alert', text: errorText(e) }));
      }
    } });
  holder.append(show);
  return holder;
}

function uploadForm(v, ctx, refresh) {
  const [fileField, file] = field('proof-' + v.id, 'vehicles.proof', el('input', { type: 'file', accept: PROOF_TYPES,
    capture: 'environment', required: true }), 'vehicles.proofHint');
  const form = el('form', { class: 'upload', novalidate: true }, fileField,
    el('button', { type: 'submit', text: t(v.verification === 'UNVERIFIED' ? 'vehicles.upload' : 'vehicles.uploadAgain') }));
  const error = formError(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    if (!file.files.length) return error.show(t('error.PROOF_EMPTY'));
    try {
      await uploadProof(ctx, v.id, file.files[0]);
      await refresh();
    } catch (err) {
      error.show(err);
    }
  });
  return form;
}

async function uploadProof(ctx, vehicleId, photo) {
  if (photo.size > 5 * 1024 * 1024) throw Object.assign(new Error(), { code: 'PROOF_TOO_LARGE' });
  return ctx.api('/api/v1/me/vehicles/' + vehicleId + '/proof', { method: 'PUT', body: photo });
}

function addVehicleForm(ctx, refresh) {
  const [plateField, plate] = field('plate', 'vehicles.plate', el('input', { type: 'text', autocomplete: 'off',
    autocapitalize: 'characters', spellcheck: 'false', required: true, placeholder: '黑E12345' }), 'vehicles.plateHint');
  const colour = el('select', { required: true }, COLOURS.map((c) => el('option', { value: c, text: t('colour.' + c) })));
  const [colourField] = field('colour', 'vehicles.colour', colour);
  const [fileField, file] = field('proof-new', 'vehicles.proof', el('input', { type: 'file', accept: PROOF_TYPES,
    capture: 'environment' }), 'vehicles.proofHint');
  const form = el('form', { id: 'add-vehicle', class: 'panel', novalidate: true }, el('h2', { text: t('vehicles.add') }),
    plateField, colourField, fileField, el('button', { type: 'submit', text: t('vehicles.addButton') }));
  const error = formError(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    if (!plate.value.trim()) return error.show(t('error.PLATE_INVALID'));
    try {
      const vehicle = await ctx.api('/api/v1/me/vehicles', { method: 'POST', body: { plate: plate.value, colour: colour.value } });
      if (file.files.length) await uploadProof(ctx, vehicle.id, file.files[0]);
      form.reset();
      await refresh();
    } catch (err) {
      error.show(err);
    }
  });
  return form;
}

// ---- Cards ------------------------------------------------------------------------------------------------------

export async function cardsView(root, ctx) {
  const list = el('ul', { class: 'items', id: 'card-list' });
  root.append(el('h1', { text: t('cards.title') }), el('p', { class: 'lead', text: t('cards.lead') }), list, addCardForm(ctx, () => refresh()));
  async function refresh() {
    const cards = await ctx.api('/api/v1/me/cards');
    clear(list, cards.length ? cards.map((c) => el('li', { 'data-card': c.id },
      el('div', { class: 'row' }, el('span', { class: 'card-name', text: cardName(c) }),
        el('span', { class: 'meta', text: t('cards.expires', { month: String(c.expiryMonth).padStart(2, '0'), year: c.expiryYear }) })),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('cards.remove'),
        'aria-label': t('cards.removeNamed', { card: cardName(c) }),
        onclick: async () => {
          if (!await confirmDialog(t('cards.removeConfirm', { card: cardName(c) }), 'cards.remove')) return;
          await ctx.api('/api/v1/me/cards/' + c.id, { method: 'DELETE' });
          refresh();
        } })))) : [emptyItem('cards.none')]);
  }
  await refresh();
}

/** Bank and last four only: the page never shows more of a card. */
export function cardName(c) {
  return (c.bankName || t('cards.bank')) + ' ···· ' + c.last4;
}

function addCardForm(ctx, refresh) {
  const [numberField, number] = field('card-number', 'cards.number', el('input', { type: 'text', inputmode: 'numeric',
    autocomplete: 'cc-number', required: true, maxlength: 23 }), 'cards.numberHint');
  const month = el('select', { required: true, autocomplete: 'cc-exp-month' },
    Array.from({ length: 12 }, (_, i) => el('option', { value: i + 1, text: String(i + 1).padStart(2, '0') })));
  const thisYear = new Date().getFullYear();
  const year = el('select', { required: true, autocomplete: 'cc-exp-year' },
    Array.from({ length: 16 }, (_, i) => el('option', { value: thisYear + i, text: String(thisYear + i) })));
  const [monthField] = field('card-month', 'cards.month', month);
  const [yearField] = field('card-year', 'cards.year', year);
  const [holderField, holder] = field('card-holder', 'cards.holder', el('input', { type: 'text', autocomplete: 'cc-name', maxlength: 200 }));
  const form = el('form', { id: 'add-card', class: 'panel', novalidate: true, autocomplete: 'on' }, el('h2', { text: t('cards.add') }),
    numberField, el('div', { class: 'two' }, monthField, yearField), holderField,
    el('p', { class: 'hint', text: t('cards.limitsHint') }), el('button', { type: 'submit', text: t('cards.addButton') }));
  const error = formError(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    const digits = number.value.replace(/[\s-]/g, '');
    if (!/^\d{13,19}$/.test(digits)) return error.show(t('error.INVALID_CARD_NUMBER'));
    const body = { cardNumber: digits, expiryMonth: Number(month.value), expiryYear: Number(year.value),
      holderName: holder.value.trim() || undefined };
    number.value = '';            // the number leaves the page with the request and is not kept in it
    try {
      await ctx.api('/api/v1/me/cards', { method: 'POST', body });
      form.reset();
      await refresh();
    } catch (err) {
      error.show(err);
    }
  });
  return form;
}

// ---- Plate payment (mandates) -----------------------------------------------------------------------------------

export async function mandatesView(root, ctx) {
  const list = el('ul', { class: 'items', id: 'mandate-list' });
  const [mandates, vehicles, cards, limits] = await Promise.all([ctx.api('/api/v1/me/mandates'), ctx.api('/api/v1/me/vehicles'),
    ctx.api('/api/v1/me/cards'), ctx.api('/api/v1/me/mandates/limits')]);
  root.append(el('h1', { text: t('mandates.title') }), el('p', { class: 'lead', text: t('mandates.lead') }), list);
  async function refresh() {
    const fresh = await ctx.api('/api/v1/me/mandates');
    render(fresh);
  }
  function render(items) {
    const shown = items.filter((m) => m.status !== 'REVOKED');
    clear(list, shown.length ? shown.map((m) => mandateItem(m, cards, ctx, refresh)) : [emptyItem('mandates.none')]);
  }
  render(mandates);
  root.append(createForm(ctx, vehicles, mandates, cards, limits, refresh));
}

function mandateItem(m, cards, ctx, refresh) {
  const card = cards.find((c) => c.id === m.cardId);
  const act = (action, key, danger) => el('button', { type: 'button', class: danger ? 'danger' : 'secondary', text: t(key),
    'data-action': action,
    onclick: async (e) => {
      if (danger && !await confirmDialog(t('mandates.revokeConfirm', { plate: m.plate }), key)) return;
      e.target.disabled = true;
      try {
        await ctx.api('/api/v1/me/mandates/' + m.id + '/' + action, { method: 'POST' });
      } catch (err) {
        li.append(el('p', { class: 'form-error', role: 'alert', text: errorText(err) }));
      }
      refresh();
    } });
  const li = el('li', { 'data-mandate': m.id },
    el('div', { class: 'row' }, el('span', { class: 'plate', text: m.plate }), badge('mandate', m.status)),
    el('dl', { class: 'facts' },
      el('dt', { text: t('mandates.card') }), el('dd', { text: card ? cardName(card) : t('mandates.cardGone') }),
      el('dt', { text: t('mandates.perCharge') }), el('dd', { text: money(m.perChargeCap, m.currency) }),
      el('dt', { text: t('mandates.daily') }), el('dd', { text: money(m.dailyCap, m.currency) }),
      el('dt', { text: t('mandates.where') }), el('dd', { text: m.categories.map((c) => t('category.' + c)).join(', ') }),
      el('dt', { text: t('mandates.since') }), el('dd', { text: time(m.consentedAt) })),
    el('details', {}, el('summary', { text: t('mandates.consentShown') }), el('p', { class: 'consent', text: m.consentText })),
    el('div', { class: 'actions' },
      m.status === 'ACTIVE' ? act('pause', 'mandates.pause') : null,
      m.status === 'PAUSED' ? act('resume', 'mandates.resume') : null,
      act('revoke', 'mandates.revoke', true)));
  return li;
}

function createForm(ctx, vehicles, mandates, cards, limits, refresh) {
  // A plate has one live plate payment at most: offer only approved vehicles without one.
  const bound = new Set(mandates.filter((m) => m.status !== 'REVOKED').map((m) => m.vehicleId));
  const approved = vehicles.filter((v) => v.verification === 'APPROVED' && !bound.has(v.id));
  const form = el('form', { id: 'create-mandate', class: 'panel', novalidate: true }, el('h2', { text: t('mandates.create') }));
  if (!approved.length || !cards.length) {
    form.append(el('p', { class: 'empty', text: t(!approved.length ? (bound.size ? 'mandates.allBound' : 'mandates.needVehicle') : 'mandates.needCard') }));
    return form;
  }
  const vehicle = el('select', {}, approved.map((v) => el('option', { value: v.id, text: v.plate + ' · ' + t('colour.' + v.colour) })));
  const card = el('select', {}, cards.map((c) => el('option', { value: c.id, text: cardName(c) })));
  const [vehicleField] = field('mandate-vehicle', 'mandates.vehicle', vehicle, 'mandates.vehicleHint');
  const [cardField] = field('mandate-card', 'mandates.card', card);
  const [perField, perCharge] = field('mandate-per-charge', 'mandates.perChargeYuan', el('input', { type: 'text', inputmode: 'decimal',
    value: moneyInput(Math.min(50000, limits.maxPerChargeCap)) }), null);
  const [dailyField, daily] = field('mandate-daily', 'mandates.dailyYuan', el('input', { type: 'text', inputmode: 'decimal',
    value: moneyInput(limits.maxDailyCap) }), null);
  const limitsLine = el('p', { class: 'hint', text: t('mandates.limits', { perCharge: money(limits.maxPerChargeCap),
    daily: money(limits.maxDailyCap) }) });
  const gas = el('input', { type: 'checkbox', id: 'mandate-gas', checked: true });
  const parking = el('input', { type: 'checkbox', id: 'mandate-parking', checked: true });
  const where = el('fieldset', {}, el('legend', { text: t('mandates.where') }),
    el('div', { class: 'check' }, gas, el('label', { for: 'mandate-gas', text: t('category.GAS') })),
    el('div', { class: 'check' }, parking, el('label', { for: 'mandate-parking', text: t('category.PARKING') })));
  const consentBox = el('div', { id: 'consent', hidden: true });
  const review = el('button', { type: 'submit', id: 'review-consent', text: t('mandates.review') });
  form.append(vehicleField, cardField, el('div', { class: 'two' }, perField, dailyField), limitsLine, where, review, consentBox);
  const error = formError(form);

  const terms = () => {
    const per = parseMoney(perCharge.value);
    const day = parseMoney(daily.value);
    const categories = [gas.checked && 'GAS', parking.checked && 'PARKING'].filter(Boolean);
    if (per === null || day === null || per <= 0 || day <= 0) throw Object.assign(new Error(t('mandates.badAmount')), {});
    if (!categories.length) throw Object.assign(new Error(), { code: 'INVALID_CATEGORIES' });
    return { vehicleId: vehicle.value, cardId: card.value, perChargeCap: per, dailyCap: day, categories, language: language() };
  };
  // Any change to the terms takes back the consent text shown for the old ones.
  [vehicle, card, perCharge, daily, gas, parking].forEach((input) => input.addEventListener('change', () => {
    consentBox.hidden = true;
    clear(consentBox);
  }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    let chosen;
    try {
      chosen = terms();
      const preview = await ctx.api('/api/v1/me/mandates/preview', { method: 'POST', body: chosen });
      const agree = el('input', { type: 'checkbox', id: 'consent-agree' });
      const create = el('button', { type: 'button', id: 'create-mandate-button', text: t('mandates.agreeAndCreate'), disabled: true });
      agree.addEventListener('change', () => { create.disabled = !agree.checked; });
      create.addEventListener('click', async () => {
        error.clear();
        try {
          await ctx.api('/api/v1/me/mandates', { method: 'POST', body: { ...chosen, consent: true } });
          consentBox.hidden = true;
          await refresh();
          ctx.go('mandates');
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        } catch (err) {
          error.show(err);
        }
      });
      clear(consentBox, el('h3', { text: t('mandates.consentTitle') }), el('p', { class: 'consent', id: 'consent-text', text: preview.consentText }),
        el('div', { class: 'check' }, agree, el('label', { for: 'consent-agree', text: t('mandates.agree') })), create);
      consentBox.hidden = false;
      agree.focus();
    } catch (err) {
      error.show(err.code ? err : err.message || err);
    }
  });
  return form;
}
