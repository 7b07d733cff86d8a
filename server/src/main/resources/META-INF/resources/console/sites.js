// Sites, lanes and devices (create a device and see its credentials once, with a QR code; new credentials, disable,
// enable; when each was last heard of), and the attendants (create, disable, the sites they work at).
'use strict';

import qrcode from '/vendor/qrcode-generator/dist/qrcode.mjs';
import { t } from '/shared/i18n.js';
import { announce, badge, clear, confirmDialog, el, errorText, field, formError, time } from '/shared/ui.js';
import { dialog, select, table } from './common.js';

export async function sitesView(root, ctx) {
  const [nameField, name] = field('site-name', 'sites.name', el('input', { type: 'text', maxlength: '200', required: true }));
  const [categoryField, category] = select('site-category', 'sites.category', ['GAS', 'PARKING'].map((c) => [c, t('category.' + c)]), { any: false });
  const siteForm = el('form', { class: 'panel inline-form', id: 'site-form' }, nameField, categoryField,
    el('button', { type: 'submit', text: t('sites.create') }));
  const siteErrors = formError(siteForm);
  const sitesBox = el('div', { id: 'sites' });
  root.append(el('h1', { text: t('sites.title') }), el('h2', { text: t('sites.new') }), siteForm, sitesBox);

  siteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    siteErrors.clear();
    try {
      await ctx.api('/api/v1/operator/sites', { method: 'POST', body: { name: name.value.trim(), category: category.value } });
      name.value = '';
      await load();
    } catch (e) {
      siteErrors.show(e);
    }
  });

  // A device's presence from its status topic (ONLINE on connect, OFFLINE on leaving or by its last will).
  function online(d) {
    if (!d.online) return t('devices.onlineUnknown');
    return el('span', { 'data-online': d.online }, badge('online', d.online), ' ',
      el('span', { class: 'hint', text: t('devices.since', { time: time(d.onlineSince) }) }));
  }

  let loads = 0;
  async function load() {
    const mine = ++loads;
    const [sites, devices] = await Promise.all([ctx.api('/api/v1/operator/sites'), ctx.api('/api/v1/operator/console/devices')]);
    if (mine !== loads) return; // a later load started (a device event): its answer is the newer one
    clear(sitesBox, sites.map((s) => siteSection(s, devices.filter((d) => d.siteId === s.id))));
  }

  function siteSection(s, devices) {
    const id = 'site-' + s.id;
    const [typeField, type] = select(id + '-type', 'devices.type', ['HANDHELD', 'CAMERA', 'BARRIER'].map((v) => [v, t('type.' + v)]), { any: false });
    const [dnField, deviceName] = field(id + '-name', 'devices.name', el('input', { type: 'text', maxlength: '200', required: true }));
    const form = el('form', { class: 'inline-form', 'data-device-form': s.id }, typeField, dnField, el('button', { type: 'submit', text: t('devices.create') }));
    const errors = formError(form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      try {
        const issued = await ctx.api('/api/v1/operator/sites/' + s.id + '/devices', { method: 'POST',
          body: { type: type.value, name: deviceName.value.trim() } });
        deviceName.value = '';
        credentialsDialog(issued);
        await load();
      } catch (e) {
        errors.show(e);
      }
    });
    return el('div', { class: 'panel', 'data-site': s.id },
      el('h2', { id: id + '-h', text: s.name + ' · ' + t('category.' + s.category) }),
      table('sites.devices', ['col.name', 'col.type', 'col.status', 'col.lastSeen', 'col.online', 'col.actions'], devices.map((d) => [
        d.name, t('type.' + d.type), badge('device', d.status), d.lastSeen ? time(d.lastSeen) : t('devices.never'), online(d),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', text: t('devices.rotate'), onclick: () => rotate(d) }),
          d.status === 'ACTIVE'
            ? el('button', { type: 'button', class: 'danger', text: t('devices.disable'), onclick: () => toggle(d, 'disable') })
            : el('button', { type: 'button', text: t('devices.enable'), onclick: () => toggle(d, 'enable') }))])),
      el('h3', { text: t('devices.new') }), form);
  }

  async function rotate(d) {
    if (!await confirmDialog(t('devices.rotateConfirm'), 'devices.rotate')) return;
    try {
      credentialsDialog(await ctx.api('/api/v1/operator/devices/' + d.id + '/credentials', { method: 'POST' }));
    } catch (e) {
      document.getElementById('error').textContent = errorText(e);
    }
  }

  async function toggle(d, action) {
    try {
      await ctx.api('/api/v1/operator/devices/' + d.id + '/' + action, { method: 'POST' });
      announce(t('devices.' + action) + ' ' + d.name);
      await load();
    } catch (e) {
      document.getElementById('error').textContent = errorText(e);
    }
  }

  await load();
  // Live: a device that goes online or offline (and every reconnect of the stream) reloads the list.
  return ctx.onLive((name) => {
    if (name === 'device' || name === 'ready') load().catch((e) => { document.getElementById('error').textContent = errorText(e); });
  });
}

/** The device's secrets, shown once, as text and as a QR code the handheld's provisioning screen scans. */
function credentialsDialog(issued) {
  const payload = JSON.stringify({ v: 1, deviceId: issued.device.id, siteId: issued.device.siteId, mqttUsername: issued.mqttUsername,
    mqttPassword: issued.mqttPassword, privateKey: issued.privateKey, serverPublicKey: issued.serverPublicKey });
  const facts = el('dl', { class: 'facts', id: 'device-credentials' },
    [['devices.username', issued.mqttUsername], ['devices.password', issued.mqttPassword], ['devices.privateKey', issued.privateKey],
      ['devices.serverKey', issued.serverPublicKey]].flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', {}, el('code', { class: 'secret', text: v }))]));
  const canvas = qrCanvas(payload);
  const box = dialog(t('devices.credentials', { name: issued.device.name }), el('div', {},
    el('p', { class: 'consent', text: t('devices.once') }), facts, el('p', {}, canvas),
    el('div', { class: 'actions' }, el('button', { type: 'button', text: t('common.close'), onclick: () => box.close() }))), { id: 'credentials-dialog' });
}

/** Draws the QR code of text on a canvas (qrcode-generator gives the modules; no image URL, no inline style). */
function qrCanvas(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const scale = 4;
  const quiet = 4;
  const size = (n + quiet * 2) * scale;
  const canvas = el('canvas', { class: 'qr', width: String(size), height: String(size), role: 'img', id: 'device-qr',
    'aria-label': t('devices.qr'), 'data-modules': String(n) });
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#000';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) g.fillRect((c + quiet) * scale, (r + quiet) * scale, scale, scale);
    }
  }
  return canvas;
}

export async function staffView(root, ctx) {
  const sites = await ctx.api('/api/v1/operator/sites');
  const input = (id, key, attrs) => field(id, key, el('input', { type: 'text', required: true, ...attrs }));
  const [uField, username] = input('staff-username', 'staff.username', { maxlength: '50', autocomplete: 'off' });
  const [eField, email] = input('staff-email', 'staff.email', { type: 'email', maxlength: '200' });
  const [fField, first] = input('staff-first', 'staff.first', { maxlength: '100' });
  const [lField, last] = input('staff-last', 'staff.last', { maxlength: '100' });
  const siteBoxes = el('fieldset', {}, el('legend', { text: t('staff.sites') }),
    sites.map((s) => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: s.id, name: 'staff-site' }), s.name)));
  const form = el('form', { class: 'panel', id: 'staff-form' }, el('div', { class: 'two' }, uField, eField, fField, lField), siteBoxes,
    el('button', { type: 'submit', text: t('staff.create') }));
  const errors = formError(form);
  const issuedLine = el('p', { id: 'staff-issued', role: 'status' });
  const list = el('div', { id: 'attendants' });
  root.append(el('h1', { text: t('staff.title') }), el('h2', { text: t('staff.new') }), form, issuedLine, list);
  const siteName = (id) => (sites.find((s) => s.id === id) || {}).name || id;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const siteIds = [...siteBoxes.querySelectorAll('input:checked')].map((b) => b.value);
    try {
      const issued = await ctx.api('/api/v1/operator/attendants', { method: 'POST', body: { username: username.value.trim(),
        email: email.value.trim(), firstName: first.value.trim(), lastName: last.value.trim(), siteIds } });
      issuedLine.textContent = t('staff.password', { name: issued.attendant.username, password: issued.temporaryPassword });
      form.reset();
      await load();
    } catch (e) {
      errors.show(e);
    }
  });

  async function load() {
    const attendants = await ctx.api('/api/v1/operator/attendants');
    clear(list, table('staff.title', ['col.user', 'col.sites', 'col.status', 'col.created', 'col.actions'], attendants.map((a) => [
      a.username, a.siteIds.map(siteName).join(', '), badge('attendant', a.status), time(a.createdAt),
      a.status === 'ACTIVE' ? el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', 'data-assign': a.id, text: t('staff.assign'), onclick: () => assign(a) }),
        el('button', { type: 'button', class: 'danger', text: t('staff.disable'), onclick: async () => {
          try {
            await ctx.api('/api/v1/operator/attendants/' + a.id + '/disable', { method: 'POST' });
            await load();
          } catch (e) {
            errors.show(e);
          }
        } })) : ''])));
  }

  function assign(a) {
    const boxes = el('fieldset', {}, el('legend', { text: t('staff.sites') }), sites.map((s) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: s.id, checked: a.siteIds.includes(s.id) }), s.name)));
    const assignForm = el('form', { id: 'assign-form' }, boxes);
    const assignErrors = formError(assignForm);
    const box = dialog(t('staff.assignTitle', { name: a.username }), assignForm, { id: 'assign-dialog' });
    assignForm.append(el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), onclick: () => box.close() }),
      el('button', { type: 'submit', text: t('common.save') })));
    assignForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await ctx.api('/api/v1/operator/attendants/' + a.id + '/sites', { method: 'PUT',
          body: { siteIds: [...boxes.querySelectorAll('input:checked')].map((b) => b.value) } });
        box.close();
        await load();
      } catch (e) {
        assignErrors.show(e);
      }
    });
  }

  await load();
}
