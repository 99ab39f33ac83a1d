import { render } from 'preact';
import { setDocumentLanguage } from '@/components/page';
import { t } from '@/utils/i18n';
import { OptionsApp } from './App';

setDocumentLanguage();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
