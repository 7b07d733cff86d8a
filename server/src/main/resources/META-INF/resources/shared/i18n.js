// Text in English and Chinese. Each app registers its own messages on top of the shared ones; static markup names
// its text with data-i18n="key" (or data-i18n-attr="attribute:key;..."), code calls t(key, values).
// The chosen language is a preference kept in localStorage (it is not a credential).
'use strict';

const LANGS = ['en', 'zh'];
const STORE = 'platepay.lang';
const messages = { en: {}, zh: {} };
let lang = initial();
const listeners = [];

function initial() {
  const saved = localStorage.getItem(STORE);
  if (LANGS.includes(saved)) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function register(more) {
  for (const l of LANGS) Object.assign(messages[l], more[l] || {});
}

export function language() {
  return lang;
}

/** The text for key in the current language, with {name} replaced from values; the key itself if unknown. */
export function t(key, values = {}) {
  const text = messages[lang][key] ?? messages.en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (values[name] ?? m));
}

/** The text for key if there is one, else undefined (for codes the app may not know). */
export function maybe(key, values) {
  return messages[lang][key] !== undefined || messages.en[key] !== undefined ? t(key, values) : undefined;
}

export function setLanguage(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  localStorage.setItem(STORE, lang);
  apply(document);
  listeners.forEach((f) => f(lang));
}

export function onLanguageChange(f) {
  listeners.push(f);
}

/** Puts the current language's text into root's marked elements, and the page's lang attribute. */
export function apply(root) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    el.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    });
  });
}

/** A button that switches between the two languages; it names the other one, in that language. */
export function languageSwitch(button) {
  const label = () => {
    button.textContent = lang === 'zh' ? 'English' : '中文';
    button.lang = lang === 'zh' ? 'en' : 'zh-CN';
    button.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
  };
  button.addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
  onLanguageChange(label);
  label();
}
