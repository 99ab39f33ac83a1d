import { render } from 'preact';
import { setDocumentLanguage } from '@/components/page';
import { OptionsApp } from './App';

setDocumentLanguage();
const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
