import { useLocaleState, type FieldProps } from 'react-admin';
import { ReferenceLink } from './ReferenceLink';

/** A reform area has an official English name: show it in English, the Vietnamese one otherwise. */
export const ReformAreaLink = (props: FieldProps & { source: string }) => {
  const [locale] = useLocaleState();
  return <ReferenceLink {...props} reference="reformAreas" display={locale === 'en' ? 'nameEn' : 'name'} />;
};
