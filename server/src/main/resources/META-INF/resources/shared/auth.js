// Sign-in through Keycloak: OAuth 2.0 authorisation code with PKCE (S256), for either public client (the driver app
// or the staff console). Tokens live in this module's memory only, never in localStorage or sessionStorage: during
// the redirect, sessionStorage holds only the PKCE verifier and state (no token), and after sign-in a flag that lets
// a reload sign in again silently (prompt=none, through Keycloak's own session). The API takes bearer tokens only
// and sets no cookie, so no request from another site can act for the user (CSRF needs ambient credentials).
'use strict';

import { language } from './i18n.js';

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** A refusal from the API, with its stable problem code. */
export class ApiError extends Error {
  constructor(status, code, detail, errors) {
    super(detail || code || ('HTTP ' + status));
    this.status = status;
    this.code = code;
    this.errors = errors || [];
  }
}

/**
 * app: 'driver' or 'staff'; home: the page's own path (the redirect URI).
 * Returns the session API: start(), complete(), token(), api(), signOut(), claims.
 */
export function createAuth({ app, home }) {
  const pkceKey = 'platepay.pkce.' + app;
  const resumeKey = 'platepay.resume.' + app;
  let settings = null;
  let tokens = null;      // { access, refresh, id, expiresAt }
  let refreshing = null;
  const redirectUri = () => window.location.origin + home;

  async function config() {
    if (!settings) {
      const response = await fetch('/api/v1/sign-in-config', { cache: 'no-store' });
      if (!response.ok) throw new ApiError(response.status, 'SIGN_IN_CONFIG', 'no sign-in settings');
      settings = await response.json();
    }
    return settings;
  }

  const clientId = (cfg) => (app === 'staff' ? cfg.staffClientId : cfg.driverClientId);

  /** Off to Keycloak: endpoint 'auth' (sign in) or 'registrations' (sign up); silent tries Keycloak's session. */
  async function start(endpoint = 'auth', { silent = false } = {}) {
    const cfg = await config();
    const verifier = randomString();
    const state = randomString();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(pkceKey, JSON.stringify({ verifier, state, silent }));
    const params = new URLSearchParams({ client_id: clientId(cfg), redirect_uri: redirectUri(), response_type: 'code',
      scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256',
      ui_locales: language() === 'zh' ? 'zh-CN en' : 'en' });
    if (silent) params.set('prompt', 'none');
    window.location.assign(cfg.issuer + '/protocol/openid-connect/' + endpoint + '?' + params);
  }

  /**
   * Finishes a sign-in the page was sent back to (?code= or ?error=), or resumes one silently after a reload.
   * Resolves to the user's claims, or null when nobody is signed in (the page shows its sign-in buttons).
   */
  async function complete() {
    const query = new URLSearchParams(window.location.search);
    const saved = JSON.parse(sessionStorage.getItem(pkceKey) || 'null');
    if (query.get('code') || query.get('error')) {
      sessionStorage.removeItem(pkceKey);
      history.replaceState(null, '', home + window.location.hash);
      if (query.get('error')) {
        sessionStorage.removeItem(resumeKey);
        if (saved && saved.silent) return null;       // Keycloak has no session for us: just show the buttons
        throw new ApiError(0, 'SIGN_IN_FAILED', query.get('error_description') || query.get('error'));
      }
      if (!saved || saved.state !== query.get('state')) {
        throw new ApiError(0, 'SIGN_IN_MISMATCH', 'the sign-in answer does not match a sign-in started here');
      }
      const cfg = await config();
      await tokenRequest(cfg, { grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
        code_verifier: saved.verifier });
      sessionStorage.setItem(resumeKey, '1');
      return claims();
    }
    if (sessionStorage.getItem(resumeKey) === '1') {
      await start('auth', { silent: true });
      return new Promise(() => {});                    // the page is leaving
    }
    return null;
  }

  async function tokenRequest(cfg, form) {
    const response = await fetch(cfg.issuer + '/protocol/openid-connect/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId(cfg), ...form }), cache: 'no-store',
    });
    if (!response.ok) throw new ApiError(response.status, 'TOKEN_REFUSED', 'Keycloak refused the sign-in');
    const body = await response.json();
    tokens = { access: body.access_token, refresh: body.refresh_token, id: body.id_token || (tokens && tokens.id),
      expiresAt: Date.now() + (body.expires_in || 60) * 1000 };
  }

  /** A valid access token, refreshed (once, however many callers ask) when it has less than 30 s left. */
  async function token() {
    if (!tokens) throw new ApiError(401, 'UNAUTHENTICATED', 'not signed in');
    if (Date.now() < tokens.expiresAt - 30_000) return tokens.access;
    if (!refreshing) {
      refreshing = config().then((cfg) => tokenRequest(cfg, { grant_type: 'refresh_token', refresh_token: tokens.refresh }))
        .finally(() => { refreshing = null; });
    }
    await refreshing;
    return tokens.access;
  }

  function claims() {
    const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const c = JSON.parse(json);
    return { username: c.preferred_username, name: c.name, roles: (c.realm_access && c.realm_access.roles) || [] };
  }

  /** Calls the API as the signed-in user. body: an object (sent as JSON) or a Blob/File (sent as is). */
  async function api(path, { method = 'GET', body, raw = false, accept = 'application/json' } = {}) {
    const headers = { Authorization: 'Bearer ' + await token(), Accept: accept };
    let payload;
    if (body instanceof Blob) {
      payload = body;
      headers['Content-Type'] = body.type || 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
    if (!response.ok) {
      let problem = {};
      try { problem = await response.json(); } catch (ignored) { /* not problem+json */ }
      throw new ApiError(response.status, problem.code || 'HTTP_' + response.status, problem.detail, problem.errors);
    }
    if (raw) return response;
    return response.status === 204 ? null : response.json();
  }

  async function signOut() {
    const cfg = await config();
    sessionStorage.removeItem(resumeKey);
    const params = new URLSearchParams({ client_id: clientId(cfg), post_logout_redirect_uri: redirectUri() });
    if (tokens && tokens.id) params.set('id_token_hint', tokens.id);
    tokens = null;
    window.location.assign(cfg.issuer + '/protocol/openid-connect/logout?' + params);
  }

  return { start, complete, token, api, signOut, claims: () => claims() };
}
