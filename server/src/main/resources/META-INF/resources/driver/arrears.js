// Parking arrears on the home page: stays a lot let out although the debit was declined (the lot's policy opens the
// barrier and records the debt). The driver sees each one and settles it with the card bound to the plate; the
// server makes a double click one debit and bounds the attempts (GET /api/v1/me/parking/arrears, POST .../settle).
'use strict';

import { maybe, t } from '/shared/i18n.js';
import { badge, clear, el, errorText, money, time } from '/shared/ui.js';

export function arrearsSlot(ctx) {
  const list = el('ul', { class: 'items', id: 'arrears-list' });
  const section = el('section', { class: 'panel', id: 'arrears', 'aria-labelledby': 'arrears-title' },
    el('h2', { id: 'arrears-title', text: t('arrears.title') }), list);

  async function load() {
    try {
      const owed = await ctx.api('/api/v1/me/parking/arrears');
      clear(list, owed.length ? owed.map(item) : [el('li', { class: 'empty', text: t('arrears.none') })]);
    } catch (e) {
      clear(list, el('li', { class: 'form-error', role: 'alert', text: errorText(e) }));
    }
  }

  function item(a) {
    const result = el('p', { class: 'meta', role: 'status' });
    const pay = el('button', { type: 'button', 'data-settle': a.sessionId, text: t('arrears.pay', { amount: money(a.amount, a.currency) }),
      disabled: a.settleAttemptsLeft <= 0 || a.status !== 'ARREARS' });
    pay.addEventListener('click', async () => {
      pay.disabled = true;
      result.textContent = t('arrears.paying');
      try {
        const after = await ctx.api('/api/v1/me/parking/arrears/' + a.sessionId + '/settle', { method: 'POST' });
        result.textContent = after.status === 'PAID' ? t('arrears.paid')
          : after.status === 'CHARGING' ? t('arrears.charging')
            : t('arrears.declined', { reason: maybe('reason.' + after.declineReason) || after.declineReason || '' });
        if (after.status !== 'PAID') pay.disabled = after.settleAttemptsLeft <= 0;
        li.replaceChild(el('div', { class: 'row' }, el('span', { class: 'amount', text: money(a.amount, a.currency) }),
          badge('arrears', after.status)), li.firstChild);
      } catch (e) {
        result.textContent = errorText(e);
        pay.disabled = false;
      }
    });
    const li = el('li', { 'data-arrears': a.sessionId },
      el('div', { class: 'row' }, el('span', { class: 'amount', text: money(a.amount, a.currency) }), badge('arrears', a.status)),
      el('p', {}, el('strong', { text: a.lotName }), ' · ', el('span', { class: 'plate', text: a.plate })),
      el('p', { class: 'meta', text: [a.entryAt ? t('arrears.entered', { at: time(a.entryAt) }) : '', t('arrears.left', { at: time(a.exitAt) })]
        .filter(Boolean).join(' · ') }),
      a.declineReason ? el('p', { class: 'meta', text: t('arrears.because', { reason: maybe('reason.' + a.declineReason) || a.declineReason }) })
        : null,
      el('p', { class: 'meta', text: t('arrears.attemptsLeft', { n: a.settleAttemptsLeft }) }),
      el('div', { class: 'actions' }, pay), result);
    return li;
  }

  load();
  return section;
}
