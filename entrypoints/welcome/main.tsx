import { render } from 'preact';
import { setDocumentLanguage } from '@/components/page';
import { t } from '@/utils/i18n';
import { WelcomeApp } from './App';

setDocumentLanguage();
document.title = t('welcomeTitle');
const app = document.getElementById('app');
if (app) render(<WelcomeApp />, app);
