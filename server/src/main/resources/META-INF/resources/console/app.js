// The staff console's first screen: what the signed-in operator, attendant or admin may see, read only. The operator
// console (#14) grows from here on the same shared modules (sign-in, text, components, layout) as the driver app.
'use strict';

import { createAuth } from '/shared/auth.js';
import { apply, languageSwitch, onLanguageChange, register, t } from '/shared/i18n.js';
import shared from '/shared/messages.js';
import { clear, el, emptyItem, errorText, money, time } from '/shared/ui.js';

const auth = createAuth({ app: 'staff', home: '/console/' });
const $ = (id) => document.getElementById(id);

register(shared);
register({
  en: { 'console.name': 'PlatePay console', 'console.title': 'Operator console', 'console.lead': 'For station and parking staff and platform admins.',
    'console.signIn': 'Sign in as operator, attendant or admin', 'console.driverApp': 'Drivers: the PlatePay app',
    'console.noRole': 'This account has no staff role.', 'role.operator': 'operator', 'role.attendant': 'attendant', 'role.admin': 'admin',
    'view.sites': 'Sites', 'view.attendants': 'Attendants', 'view.charges': 'Charges', 'view.recent': 'Charges in the last 24 hours',
    'view.proofs': 'Vehicle proofs waiting for review', 'view.disputes': 'Disputes', 'view.audit': 'Audit log' },
  zh: { 'console.name': 'PlatePay 控制台', 'console.title': '运营控制台', 'console.lead': '供加气站、停车场工作人员和平台管理员使用。',
    'console.signIn': '以运营方、加气员或管理员身份登录', 'console.driverApp': '车主请使用 PlatePay 应用',
    'console.noRole': '此账户没有工作人员角色。', 'role.operator': '运营方', 'role.attendant': '加气员', 'role.admin': '管理员',
    'view.sites': '场所', 'view.attendants': '加气员', 'view.charges': '扣款', 'view.recent': '最近 24 小时的扣款',
    'view.proofs': '待审核的行驶证', 'view.disputes': '申诉', 'view.audit': '审计日志' },
});

const charge = (c) => [time(c.createdAt), c.plate, money(c.amount, c.currency || 'CNY'), t('charge.' + c.status), c.reasonCode || ''];
const VIEWS = {
  admin: [['view.proofs', '/api/v1/admin/vehicle-proofs', (p) => [time(p.uploadedAt), p.plate, p.driverName, p.status]],
    ['view.audit', '/api/v1/admin/audit', (a) => [time(a.at), a.actorName, a.actorRole, a.action, a.detail || '']],
    ['view.charges', '/api/v1/admin/charges', charge]],
  operator: [['view.sites', '/api/v1/operator/sites', (s) => [s.name, t('category.' + s.category), s.id]],
    ['view.attendants', '/api/v1/operator/attendants', (a) => [a.username, a.status]],
    ['view.proofs', '/api/v1/operator/vehicle-proofs', (p) => [time(p.uploadedAt), p.plate, p.driverName, p.status]],
    ['view.disputes', '/api/v1/operator/disputes', (d) => [time(d.createdAt), d.evidence.plate, money(d.evidence.amount), d.status]],
    ['view.charges', '/api/v1/operator/charges', charge]],
  attendant: [['view.sites', '/api/v1/attendant/sites', (s) => [s.name, t('category.' + s.category)]],
    ['view.recent', '/api/v1/attendant/charges', charge]],
};
const ROLE_ORDER = ['admin', 'operator', 'attendant'];

async function show(user) {
  const role = ROLE_ORDER.find((r) => user.roles.includes(r));
  $('who').textContent = t('signin.as', { name: user.username }) + (role ? ' (' + t('role.' + role) + ')' : '');
  $('signed-out').hidden = true;
  $('sign-out').hidden = false;
  const view = clear($('view'));
  view.hidden = false;
  if (!role) {
    view.append(el('p', { class: 'form-error', text: t('console.noRole') }));
    return;
  }
  for (const [title, path, columns] of VIEWS[role]) {
    const list = el('ul', { class: 'items' });
    view.append(el('h2', { text: t(title) }), list);
    try {
      const rows = await auth.api(path);
      clear(list, rows.length ? rows.map((r) => el('li', {}, el('p', { text: columns(r).filter(Boolean).join(' · ') })))
        : [emptyItem('common.none')]);
    } catch (e) {
      list.append(el('li', { class: 'form-error', text: errorText(e) }));
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  apply(document);
  languageSwitch($('language'));
  const fail = (e) => { $('error').textContent = errorText(e); };
  $('sign-in-staff').addEventListener('click', () => auth.start('auth').catch(fail));
  $('sign-out').addEventListener('click', () => auth.signOut().catch(fail));
  auth.complete().then((user) => {
    if (user) {
      onLanguageChange(() => show(user));
      show(user);
    }
  }).catch(fail);
});
