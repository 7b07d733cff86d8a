// Platform staff: every operator, the audit log, and the charges stuck in REVERSAL_FAILED (with a retry).
// Attendants see their sites' charges of the last day.
'use strict';

import { t } from '/shared/i18n.js';
import { badge, clear, el, errorText, money, time } from '/shared/ui.js';
import { table } from './common.js';

export async function operatorsView(root, ctx) {
  const operators = await ctx.api('/api/v1/admin/operators');
  root.append(el('h1', { text: t('admin.operators') }), table('admin.operators', ['col.name', 'col.members', 'col.created'],
    operators.map((o) => [o.name, (o.members || []).map((m) => m.username).join(', '), time(o.createdAt)]), { id: 'operators-table' }));
}

export async function auditView(root, ctx) {
  const events = await ctx.api('/api/v1/admin/audit?limit=200');
  root.append(el('h1', { text: t('admin.audit') }), table('admin.audit', ['col.time', 'col.user', 'col.role', 'col.action', 'col.detail'],
    events.map((a) => [time(a.at), a.actorName || a.actorSubject, a.actorRole, a.action, a.detail || '']), { id: 'audit-table' }));
}

export async function stuckView(root, ctx) {
  const box = el('div', { id: 'stuck' });
  root.append(el('h1', { text: t('admin.stuck') }), box);
  async function load() {
    const charges = await ctx.api('/api/v1/admin/charges?status=REVERSAL_FAILED');
    clear(box, table('admin.stuck', ['col.time', 'col.plate', 'col.amount', 'col.status', 'col.card', 'col.actions'], charges.map((c) => [
      time(c.createdAt), el('span', { class: 'plate', text: c.plate }), money(c.amount, c.currency), badge('charge', c.status), c.maskedCard || '',
      el('button', { type: 'button', text: t('admin.retry'), onclick: async () => {
        try {
          await ctx.api('/api/v1/admin/charges/' + c.id + '/retry-reversal', { method: 'POST' });
          await load();
        } catch (e) {
          document.getElementById('error').textContent = errorText(e);
        }
      } })]), { num: [2] }));
  }
  await load();
}

export async function attendantChargesView(root, ctx) {
  const charges = await ctx.api('/api/v1/attendant/charges');
  root.append(el('h1', { text: t('nav.recent') }), table('nav.recent', ['col.time', 'col.plate', 'col.amount', 'col.status', 'col.reason'],
    charges.map((c) => [time(c.createdAt), el('span', { class: 'plate', text: c.plate }), money(c.amount, c.currency), badge('charge', c.status),
      c.reasonCode || '']), { num: [2] }));
}
