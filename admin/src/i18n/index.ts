import polyglotI18nProvider from 'ra-i18n-polyglot';
import vi from './vi';

// Vietnamese is built in; English is a separate chunk fetched when someone switches to it.
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./en').then((messages) => messages.default) : vi),
  'vi',
  [
    { locale: 'vi', name: 'Tiếng Việt' },
    { locale: 'en', name: 'English' },
  ],
);
